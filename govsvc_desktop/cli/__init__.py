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
                   "plans", "agency", "compliance", "deadlines")

log = logging.getLogger(__name__)


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

    setup_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0 if args.noun is None else 2
    ctx = Context(args.db)
    try:
        result = args.func(args, ctx)
        return int(result or 0)
    except GovsvcError as exc:
        print(f"خطا: {exc.message_fa}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("لغو شد؛ چیزی نیمه‌کاره ذخیره نشد.", file=sys.stderr)
        return 130
    except Exception:  # a bug: full details to the log, a short message to the user
        log.exception("unexpected error in %s", " ".join(argv or sys.argv[1:]))
        from ..config import log_dir

        print(f"خطای پیش‌بینی‌نشده رخ داد؛ جزئیات در {log_dir()} ثبت شد.", file=sys.stderr)
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
