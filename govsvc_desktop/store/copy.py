"""Copying a whole database between engines: SQLite → PostgreSQL when an office moves up,
PostgreSQL → SQLite for a laptop taken to the field (and as the backup of a server).

Every table is copied with its ids and the audit history, in one transaction on the target;
search indexes are rebuilt by the target itself.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, MetaData, func, insert, select

from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.store import migrate, search_sql

BATCH = 1000


def _tables(engine: Engine) -> MetaData:
    meta = MetaData()
    meta.reflect(bind=engine, only=lambda name, _m: not search_sql.is_internal_table(name))
    return meta


def copy_database(
    source: Engine, target: Engine, progress: Callable[[int, int], bool] | None = None,
) -> dict[str, int]:
    """Copies every row of ``source`` into the empty ``target``; returns rows per table."""
    src_rev, head = migrate.check(source)
    if src_rev != head:
        raise StorageError("پایگاه داده مبدأ به‌روز نیست؛ نخست «db upgrade» را روی آن اجرا کنید.")
    migrate.upgrade(target)
    src_meta, dst_meta = _tables(source), _tables(target)
    counts: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        for table in dst_meta.sorted_tables:
            if dst.execute(select(func.count()).select_from(table)).scalar_one():
                raise StorageError(
                    f"پایگاه داده مقصد خالی نیست (جدول {table.name})؛ برای جلوگیری از درهم‌شدن داده‌ها کپی انجام نشد.")
        total = sum(src.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in src_meta.sorted_tables if t.name in dst_meta.tables)
        done = 0
        serials: list[tuple[str, str]] = []
        for table in dst_meta.sorted_tables:
            source_table = src_meta.tables.get(table.name)
            if source_table is None:
                continue
            columns = [c.name for c in table.columns
                       if c.name in source_table.columns and c.computed is None]
            result = src.execute(select(*[source_table.c[c] for c in columns]))
            n = 0
            while rows := result.fetchmany(BATCH):
                dst.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
                n += len(rows)
                done += len(rows)
                if progress is not None and not progress(done, total):
                    raise StorageError("کپی پایگاه داده لغو شد؛ مقصد دست‌نخورده ماند.")
            counts[table.name] = n
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and pk[0].autoincrement is not False and pk[0].type.python_type is int:
                serials.append((table.name, pk[0].name))
        search_sql.reset_sequences(dst, serials)
    return counts
