"""`govsvc-desktop excel VERB`: the template, export and import of passport workbooks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govsvc_desktop.cli.context import Context, progress_printer
from govsvc_desktop.cli.filters import add_filter_options, filter_from_args
from govsvc_desktop.domain.errors import ValidationError
from govsvc_desktop.domain.persian import format_int

if TYPE_CHECKING:
    from govsvc_desktop.services.excel import ExcelImportResult, ExcelService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("excel").add_subparsers(dest="verb", metavar="VERB")

    p = noun.add_parser("template", help="the empty workbook to fill offline")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_template)

    p = noun.add_parser("export", help="passports to a workbook in the template's layout")
    add_filter_options(p)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_export)

    p = noun.add_parser("import", help="read a filled workbook (all or nothing by default)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check everything, save nothing")
    p.add_argument("--valid-only", action="store_true",
                   help="save the records without problems and report the rest")
    p.add_argument("--report", help="write the workbook with every problem marked in its cell")
    p.set_defaults(func=cmd_import)


def _service(ctx: Context) -> ExcelService:
    from govsvc_desktop.services.excel import ExcelService

    return ExcelService(ctx.app.passports, ctx.app.plans)


def cmd_template(args: argparse.Namespace, ctx: Context) -> int:
    _service(ctx).template(Path(args.output))
    print(f"الگوی خالی در {args.output} نوشته شد.")
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    service = _service(ctx)
    count = service.export(Path(args.output), filter_from_args(args),
                           progress_printer("خروجی Excel"))
    print(f"{format_int(count)} شناسنامه در {args.output} نوشته شد.")
    return 0


def _print_problems(result: ExcelImportResult) -> None:
    for problem in result.problems:
        kind = "خطا" if problem.blocking else "هشدار"
        print(f"{kind}: {problem.describe()}", file=sys.stderr)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from govsvc_desktop.services.excel import ExcelImportError

    service = _service(ctx)
    source = Path(args.file)
    try:
        result = service.import_file(source, valid_only=args.valid_only, dry_run=args.dry_run,
                                     progress=progress_printer("ورود از Excel"))
    except ExcelImportError as exc:
        result = exc.result
    _print_problems(result)
    if args.report and result.problems:
        service.write_report(source, result, Path(args.report))
        print(f"گزارش مشکلات در {args.report} نوشته شد.", file=sys.stderr)
    print(result.summary_fa())
    return ValidationError.exit_code if result.blocking else 0  # invalid data, as README says
