"""`govsvc-desktop NOUN VERB ...`: parses, calls services, prints. No rules live here.

Every command module has ``register(subparsers)``; each subcommand sets ``func(args, ctx)``.
Starting must stay cheap (``--version`` and ``--help`` in a fraction of a second), so the nouns
are declared here with their help and a noun's module is imported only when that noun is on
the command line; the modules import heavy libraries inside the handlers that use them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any

from govsvc_desktop.cli.context import Context
from govsvc_desktop.domain.errors import GovsvcError

# noun → (module that registers it, help shown in the list of nouns)
NOUNS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "generate deterministic demo data"),
    "passports": ("passports", "service passports"),
    "pdf": ("pdf", "print passport forms as PDF"),
    "db": ("db", "database maintenance"),
    "users": ("users", "users and roles in shared mode"),
    "gui": ("gui", "open the application window"),
    "bundle": ("bundle", "signed bundles for the central system"),
    "cert": ("cert", "signing certificates and trusted CAs"),
    "excel": ("excel", "passport workbooks (xlsx)"),
    "plans": ("plans", "process-improvement plans"),
    "requests128": ("plans", "emergency requests from the 128 system"),
    "licences": ("agency", "licences of the national licence portal and their mapping to services"),
    "proposals": ("agency", "services given without an ID, proposed by a province"),
    "cycle": ("agency", "the nine-step smartification cycle, reports and lessons"),
    "chains": ("agency", "inter-agency service chains (seed 001 Art. 6)"),
    "lists": ("agency", "electronic / non-electronic / counter-office service lists"),
    "compliance": ("compliance", "the agency's obligations: what is missing, late or blocked"),
    "events": ("compliance", "event logs of electronic services for process mining"),
    "catalogue": ("catalogue", "the agency's service catalogue as a website and linked data"),
    "settings": ("settings", "name, roles and agency of this computer's user"),
    "deadlines": ("deadlines", "every deadline of the regulations, with days left or overdue"),
    "reference": ("deadlines", "official lists: provinces and counties, agencies, architecture"),
}

log = logging.getLogger(__name__)

# a bug in the program, as distinct from the user's mistakes (2–6) and a cancel (130);
# 70 is EX_SOFTWARE of sysexits.h
BUG_EXIT_CODE = 70


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked for it."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from govsvc_desktop import __version__

        sys.stdout.write(f"govsvc-desktop {__version__}\n")
        parser.exit()


class _LazyNouns(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The nouns, each filled in by its module once it is chosen on the command line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        self.load(values[0])
        super().__call__(parser, namespace, values, option_string)

    def load(self, noun: str) -> None:
        """Replaces the placeholder of ``noun`` (and of the nouns its module also registers)
        by the parsers the module builds."""
        if noun not in NOUNS or noun in self._loaded:
            return
        scratch = argparse._SubParsersAction(
            option_strings=[], prog=self._prog_prefix, parser_class=self._parser_class, dest="noun")
        importlib.import_module(f"{__name__}.{NOUNS[noun][0]}").register(scratch)
        for name, sub in scratch._name_parser_map.items():
            self._name_parser_map[name] = sub
            self._loaded.add(name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govsvc-desktop",
        description="شناسنامه خدمات و برنامه‌های بهبود فرایند دستگاه‌های اجرایی",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.add_argument("--db", help="SQLite file path or PostgreSQL URL (default: GOVSVC_DB or the user data directory)")
    sub = parser.add_subparsers(dest="noun", metavar="NOUN", action=_LazyNouns)
    for noun, (_module, help_text) in NOUNS.items():
        sub.add_parser(noun, help=help_text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from govsvc_desktop.logsetup import setup_logging

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
        from govsvc_desktop.logsetup import log_file

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
