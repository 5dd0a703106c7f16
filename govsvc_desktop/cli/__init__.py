"""`govsvc-desktop NOUN VERB ...`: parses, calls services, prints. No rules live here.

Every command module has ``register(subparsers)``; each subcommand sets ``func(args, ctx)``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..domain.errors import GovsvcError
from .context import Context

COMMAND_MODULES = ("demo", "passports", "pdf", "db", "users", "gui", "bundle", "cert", "excel",
                   "plans", "agency", "compliance")

log = logging.getLogger(__name__)

# a bug in the program, as distinct from the user's mistakes (2–6) and a cancel (130);
# 70 is EX_SOFTWARE of sysexits.h
BUG_EXIT_CODE = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govsvc-desktop",
        description="شناسنامه خدمات و برنامه‌های بهبود فرایند دستگاه‌های اجرایی",
    )
    parser.add_argument("--version", action="version", version=f"govsvc-desktop {__version__}")
    parser.add_argument("--db", help="SQLite file path or PostgreSQL URL (default: GOVSVC_DB or the user data directory)")
    sub = parser.add_subparsers(dest="noun", metavar="NOUN")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from ..logsetup import setup_logging

    parser = build_parser()
    args = parser.parse_args(argv)  # --version and --help answer before any file is touched
    setup_logging()
    if not getattr(args, "func", None):
        parser.print_help()
        return 0 if args.noun is None else 2
    ctx = Context(args.db)
    try:
        result = args.func(args, ctx)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return int(result or 0)
    except GovsvcError as exc:
        print(f"خطا: {exc.message_fa}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader went away (`passports list | head`): not an error
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        print("لغو شد؛ چیزی نیمه‌کاره ذخیره نشد.", file=sys.stderr)
        return 130
    except Exception:  # a bug: full details to the log, a short message to the user
        log.exception("unexpected error in command %s %s", args.noun,
                      getattr(args, "verb", "") or "")
        from ..logsetup import log_file

        print(f"خطای پیش‌بینی‌نشده (اشکال برنامه) رخ داد؛ داده‌های ذخیره‌شده سالم است. "
              f"جزئیات در {log_file()} ثبت شد؛ آن را برای پشتیبانی بفرستید.", file=sys.stderr)
        return BUG_EXIT_CODE
    finally:
        ctx.close()


def _silence_stdout() -> None:
    """Points stdout at the null device so the flush at exit does not fail a second time."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
