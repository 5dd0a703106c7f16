"""`govsvc-desktop catalogue export`: the agency's published service catalogue, a static
website with offline search and CPSV-AP linked data (seed 003 Art. 2 and 4)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govsvc_desktop.cli.context import Context, progress_printer
from govsvc_desktop.cli.filters import add_filter_options, filter_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("catalogue", help="publish the service catalogue as a website").add_subparsers(dest="verb", metavar="VERB")
    p = noun.add_parser("export", help="a static website (no server needed) with catalogue.jsonld; "
                                       "only approved, valid service passports")
    p.add_argument("--dir", required=True, help="folder to write (empty, new, or an earlier catalogue)")
    add_filter_options(p)
    p.add_argument("--title", default="", help="the catalogue's title (default: the agency's name)")
    p.add_argument("--base-url", default="",
                   help="the portal address the site will live at, for links in the linked data")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.app.catalogue.export(
        Path(args.dir), filter_from_args(args), title=args.title, base_url=args.base_url,
        progress=progress_printer("نوشتن صفحه‌های خدمات"))
    for line in report.lines_fa():
        print(line, file=sys.stderr)
    print(report.summary_fa())
    return 0
