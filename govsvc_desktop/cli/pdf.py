"""`govsvc-desktop pdf VERB`: the official passport form, for one passport or many."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govsvc_desktop.cli.cert import read_password
from govsvc_desktop.cli.context import Context, progress_printer
from govsvc_desktop.cli.filters import add_filter_options, filter_from_args
from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.errors import GovsvcError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("pdf").add_subparsers(dest="verb", metavar="VERB")

    p = noun.add_parser("passport", help="the form of one passport")
    p.add_argument("id", help="record UUID or service ID")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--latin-digits", action="store_true", help="print numbers with Latin digits")
    p.add_argument("--sign", action="store_true", help="add a PAdES signature with a stored certificate")
    p.add_argument("--cert", help="identity: fingerprint prefix or name (default: the only one)")
    p.add_argument("--password-env", help="environment variable holding the key's password")
    p.set_defaults(func=cmd_passport)

    p = noun.add_parser("print", help="print one passport's form on paper, through a printer queue")
    p.add_argument("id", help="record UUID or service ID")
    p.add_argument("--printer", required=True, help="the print queue (see `pdf printers`)")
    p.add_argument("--copies", type=int, default=1)
    p.add_argument("--pages", default="", help="pages to print, e.g. 1-3,5 (default: all)")
    p.add_argument("--latin-digits", action="store_true")
    p.set_defaults(func=cmd_print)

    p = noun.add_parser("printers", help="the print queues of this computer")
    p.set_defaults(func=cmd_printers)

    p = noun.add_parser("passports", help="the forms of every passport a filter selects")
    add_filter_options(p)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", help="one PDF holding every form")
    where.add_argument("--dir", help="a folder with one PDF per passport")
    p.add_argument("--latin-digits", action="store_true")
    p.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    p.set_defaults(func=cmd_passports)


def _warn_missing(missing: set[str]) -> None:
    if missing:
        codes = " ".join(f"U+{ord(ch):04X}" for ch in sorted(missing))
        print(f"هشدار: قلم این نویسه‌ها را ندارد و به جای آن‌ها علامت جایگزین چاپ شد: {codes}", file=sys.stderr)


def cmd_passport(args: argparse.Namespace, ctx: Context) -> int:
    from govsvc_desktop.bootstrap import certificate_service
    from govsvc_desktop.services.printing import passport_form

    p = ctx.app.passports.resolve(args.id)
    files = tuple(a.name for a in ctx.app.attachments.list(p.uuid))
    rendered = passport_form(p, persian_digits=not args.latin_digits, attachments=files)
    data = rendered.data
    if args.sign:
        certs = certificate_service()
        info = certs.find(args.cert)
        password = read_password(args.password_env, f"گذرواژهٔ کلید «{info.name}»: ")
        data = certs.sign_pdf(data, certs.unlock(info.fingerprint, password))
    atomic_write(Path(args.output), data)
    _warn_missing(rendered.missing)
    signed = " (امضاشده)" if args.sign else ""
    print(f"فرم «{p.title}» در {rendered.pages} صفحه{signed} در {args.output} نوشته شد.")
    return 0


def cmd_passports(args: argparse.Namespace, ctx: Context) -> int:
    app = ctx.app
    if args.workers is not None and args.workers < 1:
        raise GovsvcError("تعداد پردازه‌ها باید دست‌کم یک باشد")
    result = app.printing.print_passports(
        filter_from_args(args),
        out_file=Path(args.output) if args.output else None,
        out_dir=Path(args.dir) if args.dir else None,
        persian_digits=not args.latin_digits, progress=progress_printer("چاپ فرم‌ها"),
        workers=args.workers)
    _warn_missing(result.missing)
    print(result.summary_fa() + f" → {args.output or args.dir}")
    return 0


def cmd_print(args: argparse.Namespace, ctx: Context) -> int:
    from govsvc_desktop.services.print_queue import PrintRequest, print_pdf, summary_fa
    from govsvc_desktop.services.printing import passport_form

    p = ctx.app.passports.resolve(args.id)
    rendered = passport_form(p, persian_digits=not args.latin_digits)
    request = PrintRequest(args.printer, f"{p.display_id} {p.title}"[:120], args.copies, args.pages)
    job = print_pdf(rendered.data, request)
    _warn_missing(rendered.missing)
    print(summary_fa(request, job, rendered.pages))
    return 0


def cmd_printers(args: argparse.Namespace, ctx: Context) -> int:
    from govsvc_desktop.services.print_queue import queues

    found = queues()
    print("\n".join(found) if found else "هیچ چاپگری تعریف نشده است")
    return 0
