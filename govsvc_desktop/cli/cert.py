"""`govsvc-desktop cert VERB`: signing identities and trusted CAs.

Passwords never appear on the command line: they are read from an environment variable
named with ``--password-env`` or asked for without echo.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govsvc_desktop import config
from govsvc_desktop.cli.context import Context, print_table
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int

if TYPE_CHECKING:
    from govsvc_desktop.services.certificates import CertificateService


def read_password(env: str | None, prompt: str = "گذرواژه: ", confirm: bool = False) -> str:
    """From the named environment variable, else asked on the terminal (twice to confirm)."""
    if env:
        value = os.environ.get(env)
        if value is None:
            raise GovsvcError(f"متغیر محیطی «{env}» تعریف نشده است")
        return value
    if not sys.stdin.isatty():
        raise GovsvcError("گذرواژه لازم است؛ آن را در یک متغیر محیطی بگذارید و با --password-env نام ببرید")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("تکرار گذرواژه: ") != value:
        raise GovsvcError("دو گذرواژه یکی نیستند")
    return value


def _certificates() -> CertificateService:
    from govsvc_desktop.bootstrap import certificate_service

    return certificate_service()


def _min_passphrase() -> int:
    from govsvc_desktop.services.certificates import MIN_PASSPHRASE_LENGTH

    return MIN_PASSPHRASE_LENGTH


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("cert").add_subparsers(
        dest="verb", metavar="VERB")

    p = noun.add_parser("new-test", help="make a test CA and a signing certificate (PKCS#12)")
    p.add_argument("--name", required=True, help="holder's name (the certificate's CN)")
    p.add_argument("--org", required=True, help="organisation")
    p.add_argument("-o", "--output", required=True, help="PKCS#12 file to write")
    p.add_argument("--centre", action="store_true", help="a test certificate of the central system")
    p.add_argument("--days", type=int, default=730, help="validity in days (default 730)")
    p.add_argument("--password-env", help="environment variable holding the file's password")
    p.set_defaults(func=cmd_new_test)

    p = noun.add_parser("import", help="keep a PKCS#12 identity, encrypted, in the data folder")
    p.add_argument("file")
    p.add_argument("--password-env", help="environment variable holding the file's password")
    p.add_argument("--new-password-env",
                   help="environment variable with another password to keep the key under")
    p.set_defaults(func=cmd_import)

    p = noun.add_parser("list", help="stored identities and trusted CAs")
    p.set_defaults(func=cmd_list)

    p = noun.add_parser("export-ca", help="write the CA certificate of an identity (PEM)")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--cert", help="identity: fingerprint prefix or name (default: the only one)")
    p.set_defaults(func=cmd_export_ca)

    p = noun.add_parser("trust", help="trust a CA certificate (PEM or DER) for verifying bundles")
    p.add_argument("file")
    p.set_defaults(func=cmd_trust)

    p = noun.add_parser("import-crl",
                        help="honour a certificate revocation list (CRL file, DER or PEM)")
    p.add_argument("file")
    p.set_defaults(func=cmd_import_crl)

    p = noun.add_parser("sign-pdf", help="add a PAdES signature to a PDF")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--cert", help="identity: fingerprint prefix or name (default: the only one)")
    p.add_argument("--password-env", help="environment variable holding the key's password")
    p.set_defaults(func=cmd_sign_pdf)

    p = noun.add_parser("verify-pdf", help="check a signed PDF against the trusted CAs")
    p.add_argument("file")
    p.set_defaults(func=cmd_verify_pdf)


def cmd_new_test(args: argparse.Namespace, ctx: Context) -> int:
    password = read_password(args.password_env, "گذرواژهٔ پروندهٔ تازه: ", confirm=True)
    info = _certificates().new_test(
        args.output, args.name, args.org, password, centre=args.centre, valid_days=args.days)
    print(f"گواهی آزمایشی «{info.name}» با مرجع «{info.issuer}» در {args.output} نوشته شد.")
    print(f"اثر انگشت: {info.fingerprint}")
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    password = read_password(args.password_env, "گذرواژهٔ پروندهٔ PKCS#12: ")
    keep = None
    if args.new_password_env or (len(password) < _min_passphrase() and sys.stdin.isatty()):
        keep = read_password(args.new_password_env, "گذرواژهٔ تازه برای نگه‌داری کلید: ",
                             confirm=True)
    info = _certificates().import_pkcs12(args.file, password, keep)
    print(f"کلید «{info.name}» نگه‌داری شد (رمزگذاری‌شده). اثر انگشت: {info.fingerprint}")
    if info.warning_fa():
        print(f"هشدار: این گواهی {info.warning_fa()}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    service = _certificates()
    identities = service.identities()
    print("کلیدهای امضا:")
    print_table(
        ("نام", "موضوع", "اثر انگشت SHA-256", "از", "تا", "هشدار"),
        [(i.name, i.subject, i.fingerprint, format_jalali(i.not_before),
          format_jalali(i.not_after), i.warning_fa()) for i in identities],
    )
    print("مراجع مورد اعتماد:")
    print_table(
        ("نام", "موضوع", "اثر انگشت SHA-256", "تا", "منبع"),
        [(t.name, t.subject, t.fingerprint, format_jalali(t.not_after),
          "همراه برنامه (سامانهٔ مرکزی)" if t.builtin else "واردشده")
         for t in service.trusted()],
    )
    print("فهرست‌های ابطال:")
    print_table(
        ("صادرکننده", "تاریخ انتشار", "انتشار بعدی", "گواهی باطل‌شده"),
        [(c.issuer, format_jalali(c.this_update),
          format_jalali(c.next_update) if c.next_update else "", format_int(c.revoked))
         for c in service.revocation_lists()],
    )
    for i in identities:
        if i.warning_fa():
            print(f"هشدار: گواهی «{i.name}» {i.warning_fa()}", file=sys.stderr)
    return 0


def cmd_import_crl(args: argparse.Namespace, ctx: Context) -> int:
    info = _certificates().import_crl(args.file)
    print(f"فهرست ابطال «{info.issuer}» با {format_int(info.revoked)} گواهی باطل‌شده نگه‌داری شد؛ "
          "از این پس امضای این گواهی‌ها پذیرفته نمی‌شود.")
    return 0


def cmd_export_ca(args: argparse.Namespace, ctx: Context) -> int:
    names = _certificates().export_ca(args.output, args.cert)
    print(f"گواهی مرجع ({'، '.join(names)}) در {args.output} نوشته شد.")
    return 0


def cmd_trust(args: argparse.Namespace, ctx: Context) -> int:
    added = _certificates().trust_file(args.file)
    for t in added:
        print(f"مرجع «{t.name}» مورد اعتماد است. اثر انگشت: {t.fingerprint}")
    return 0


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise GovsvcError(f"پرونده «{path}» خوانده نشد: {exc.strerror or exc}") from None


def cmd_sign_pdf(args: argparse.Namespace, ctx: Context) -> int:
    service = _certificates()
    info = service.find(args.cert)
    password = read_password(args.password_env, f"گذرواژهٔ کلید «{info.name}»: ")
    signed = service.sign_pdf(_read(args.file), service.unlock(info.fingerprint, password))
    config.atomic_write(Path(args.output), signed)
    print(f"PDF با گواهی «{info.name}» امضا و در {args.output} نوشته شد.")
    return 0


def cmd_verify_pdf(args: argparse.Namespace, ctx: Context) -> int:
    ok, verdict = _certificates().check_pdf(_read(args.file))
    print(("✔ " if ok else "✘ ") + verdict)
    return 0 if ok else 1
