"""`govsvc-desktop db VERB`: upgrade, check, back up and restore the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govsvc_desktop.bootstrap import build, database_service
from govsvc_desktop.cli.context import Context, progress_printer
from govsvc_desktop.domain.errors import GovsvcError, StorageError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.services.backups import BackupService
from govsvc_desktop.services.database import HOW_TO_RESTORE_FA


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("db").add_subparsers(dest="verb", metavar="VERB")
    noun.add_parser("upgrade", help="bring the schema up to date (a copy is kept first)").set_defaults(func=cmd_upgrade)
    noun.add_parser("check", help="schema version and integrity").set_defaults(func=cmd_check)
    p = noun.add_parser("copy", help="copy the whole database to another (SQLite file or PostgreSQL URL)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--to", help="empty target database: a file path or a URL")
    group.add_argument("--from", dest="source", help="source database; the target is --db")
    p.set_defaults(func=cmd_copy)
    p = noun.add_parser("backup", help="a checked copy of the database (SQLite file, or pg_dump of a server)")
    p.add_argument("-o", "--output", required=True, help="a file, or a folder for a dated file")
    p.set_defaults(func=cmd_backup)
    p = noun.add_parser("restore", help="put a backup back (checked first; the current database is kept aside)")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="replace without asking (for scripts)")
    p.set_defaults(func=cmd_restore)
    p = noun.add_parser("backups", help="the last backup and the automatic copies kept")
    p.set_defaults(func=cmd_backups)


def _db(ctx: Context) -> str:
    from govsvc_desktop.config import default_db

    return ctx.db or default_db()


def cmd_upgrade(args: argparse.Namespace, ctx: Context) -> int:
    backup = database_service(_db(ctx)).upgrade()
    print("طرح پایگاه داده به‌روز است." + (f" نسخه پیشین در {backup} نگه داشته شد." if backup else ""))
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    report = database_service(_db(ctx)).check()
    current, head, problems = report.current, report.head, report.problems
    print(f"طرح پایگاه داده: {current or 'خالی'}؛ طرح برنامه: {head}")
    if problems:
        print(f"پایگاه داده آسیب دیده است: بررسی یکپارچگی {format_int(len(problems))} مشکل یافت. "
              + HOW_TO_RESTORE_FA)
        print("جزئیات فنی (گزارش خود SQLite):")
    for line in problems:
        print(f"  {line}")
    if current != head:
        print("پایگاه داده به‌روزرسانی لازم دارد: govsvc-desktop db upgrade")
        return 1
    return 1 if problems else 0


def cmd_copy(args: argparse.Namespace, ctx: Context) -> int:
    source_db, target_db = (_db(ctx), args.to) if args.to else (args.source, _db(ctx))
    counts = database_service(source_db).copy_to(target_db, progress_printer("کپی"))
    print(f"{format_int(counts.get('passports', 0))} شناسنامه و {format_int(counts.get('audit_log', 0))} ردیف سابقه کپی شد.")
    return 0


def _backups(ctx: Context) -> BackupService:
    from govsvc_desktop.bootstrap import backup_service

    return backup_service(_db(ctx))


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    service = _backups(ctx)
    if service.path is not None and not service.path.exists():
        raise StorageError(f"پایگاه دادهٔ «{service.path}» نیست؛ چیزی برای پشتیبان‌گیری نیست.")
    try:
        made = service.back_up(Path(args.output), progress_printer("پشتیبان"))
    except OSError as exc:
        raise StorageError(f"پشتیبان نوشته نشد: {exc.strerror}") from exc
    if isinstance(made, Path):
        print(f"پشتیبان کارگزار (pg_dump) در {made} نوشته و با pg_restore --list بررسی شد.")
    else:
        print(f"پشتیبان در {made.path} نوشته و بررسی شد: {format_int(made.passports)} شناسنامه، "
              f"طرح {made.revision}.")
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise GovsvcError("بازگردانی پایگاه داده را جایگزین می‌کند و پرسش لازم است؛ در اسکریپت "
                          "--yes بدهید.")
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes", "بله", "ب")


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    service = _backups(ctx)
    source = Path(args.file)
    checked = service.check_backup(source)
    print(f"«{source.name}»: پایگاه دادهٔ سالم این برنامه، {format_int(checked.passports)} "
          f"شناسنامه، طرح {checked.revision}.")
    if not args.yes and not _confirm(f"پایگاه دادهٔ «{service.path}» با این پشتیبان جایگزین شود؟"):
        print("بازگردانی انجام نشد؛ چیزی تغییر نکرد.")
        return 1
    result = service.restore(source, progress_printer("بازگردانی"))
    app = build(_db(ctx))  # opens the restored data as the program will, upgrading an older schema
    try:
        count = app.passports.count()
    finally:
        app.close()
    aside = f" پایگاه دادهٔ پیشین در {result.kept_aside} نگه داشته شد." if result.kept_aside else ""
    print(f"بازگردانی انجام شد: {format_int(count)} شناسنامه.{aside}")
    return 0


def cmd_backups(args: argparse.Namespace, ctx: Context) -> int:
    service = _backups(ctx)
    last = service.last_backup()
    if last is None:
        print("هنوز پشتیبانی از این پایگاه داده گرفته نشده است.")
    else:
        print(f"آخرین پشتیبان: {last.at.isoformat(timespec='minutes')} در {last.path}")
    for stamp, path in service.automatic_copies():
        print(f"{stamp.isoformat(timespec='minutes')}  {path}")
    return 1 if service.backup_is_old() else 0
