"""`govsvc-desktop db VERB`: upgrade, check and back up the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..bootstrap import build
from ..domain.errors import StorageError
from ..domain.persian import format_int
from ..store import migrate
from ..store.copy import copy_database
from ..store.engine import make_engine
from ..store.opening import RESTORE_FA
from .context import Context, progress_printer


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("db").add_subparsers(dest="verb", metavar="VERB")
    noun.add_parser("upgrade", help="bring the schema up to date (a copy is kept first)").set_defaults(func=cmd_upgrade)
    noun.add_parser("check", help="schema version and integrity").set_defaults(func=cmd_check)
    p = noun.add_parser("copy", help="copy the whole database to another (SQLite file or PostgreSQL URL)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--to", help="empty target database: a file path or a URL")
    group.add_argument("--from", dest="source", help="source database; the target is --db")
    p.set_defaults(func=cmd_copy)
    p = noun.add_parser("backup", help="a consistent copy of the database as a SQLite file")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_backup)


def _db(ctx: Context) -> str:
    from ..config import default_db

    return ctx.db or default_db()


def cmd_upgrade(args: argparse.Namespace, ctx: Context) -> int:
    engine = make_engine(_db(ctx))
    try:
        backup = migrate.upgrade(engine)
        migrate.apply_security(engine)
    finally:
        engine.dispose()
    print("طرح پایگاه داده به‌روز است." + (f" نسخه پیشین در {backup} نگه داشته شد." if backup else ""))
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    engine = make_engine(_db(ctx))
    try:
        current, head = migrate.check(engine)
        problems = migrate.integrity_problems(engine)
    finally:
        engine.dispose()
    print(f"طرح پایگاه داده: {current or 'خالی'}؛ طرح برنامه: {head}")
    if problems:
        print(f"پایگاه داده آسیب دیده است: بررسی یکپارچگی {format_int(len(problems))} مشکل یافت. "
              + RESTORE_FA)
        print("جزئیات فنی (گزارش خود SQLite):")
    for line in problems:
        print(f"  {line}")
    if current != head:
        print("پایگاه داده به‌روزرسانی لازم دارد: govsvc-desktop db upgrade")
        return 1
    return 1 if problems else 0


def cmd_copy(args: argparse.Namespace, ctx: Context) -> int:
    source_db, target_db = (_db(ctx), args.to) if args.to else (args.source, _db(ctx))
    source, target = make_engine(source_db), make_engine(target_db)
    try:
        counts = copy_database(source, target, progress_printer("کپی"))
    finally:
        source.dispose()
        target.dispose()
    print(f"{format_int(counts.get('passports', 0))} شناسنامه و {format_int(counts.get('audit_log', 0))} ردیف سابقه کپی شد.")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    app = build(_db(ctx))
    try:
        if app.engine.dialect.name != "sqlite":
            target_path = Path(args.output)
            if target_path.exists():
                raise StorageError(f"پرونده «{target_path}» از پیش هست؛ نام دیگری بدهید.")
            backup_engine = make_engine(target_path)
            try:
                copy_database(app.engine, backup_engine)
            finally:
                backup_engine.dispose()
            target = target_path
        else:
            target = migrate.backup_sqlite(app.engine, Path(args.output))
    except OSError as exc:
        raise StorageError(f"پشتیبان نوشته نشد: {exc.strerror}") from exc
    finally:
        app.close()
    print(f"پشتیبان در {target} نوشته شد.")
    return 0
