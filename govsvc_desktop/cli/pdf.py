"""`govsvc-desktop pdf VERB`: the official passport form, for one passport or many."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import atomic_write
from ..domain.errors import GovsvcError
from ..services.certificates import CertificateService
from ..services.printing import passport_form, print_passports
from .cert import read_password
from .context import Context, progress_printer
from .filters import add_filter_options, filter_from_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("pdf", help="print passport forms as PDF").add_subparsers(dest="verb", metavar="VERB")

    p = noun.add_parser("passport", help="the form of one passport")
    p.add_argument("id", help="record UUID or service ID")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--latin-digits", action="store_true", help="print numbers with Latin digits")
    p.add_argument("--sign", action="store_true", help="add a PAdES signature with a stored certificate")
    p.add_argument("--cert", help="identity: fingerprint prefix or name (default: the only one)")
    p.add_argument("--password-env", help="environment variable holding the key's password")
    p.set_defaults(func=cmd_passport)

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
    p = ctx.app.passports.resolve(args.id)
    rendered = passport_form(p, persian_digits=not args.latin_digits)
    data = rendered.data
    if args.sign:
        certs = CertificateService.default()
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
    result = print_passports(
        app.passports, app.db, filter_from_args(args),
        out_file=Path(args.output) if args.output else None,
        out_dir=Path(args.dir) if args.dir else None,
        persian_digits=not args.latin_digits, progress=progress_printer("چاپ فرم‌ها"),
        workers=args.workers)
    _warn_missing(result.missing)
    print(result.summary_fa() + f" → {args.output or args.dir}")
    return 0
