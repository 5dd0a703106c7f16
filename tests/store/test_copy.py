"""`db copy`: SQLite → PostgreSQL and back loses nothing, audit history included."""

from pathlib import Path

import pytest
from sqlalchemy import text

from govsvc_desktop.bootstrap import build
from govsvc_desktop.cli import main
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services import passport_json
from govsvc_desktop.store.copy import copy_database
from govsvc_desktop.store.engine import make_engine
from tests.fixtures import full_passport
from tests.pg import fresh_database


def _snapshot(db: str) -> tuple[str, list[tuple[object, ...]]]:
    app = build(db)
    exported = passport_json.dumps(passport_json.export_document(app.passports))
    with app.engine.connect() as conn:
        audit = [tuple(r) for r in conn.execute(text(
            "SELECT id, at, actor, record_uuid, revision, action, field_path, old_value, new_value "
            "FROM audit_log ORDER BY id"))]
    app.close()
    return exported, audit


def test_copy_sqlite_to_postgres_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(tmp_path / "office.db")
    app = build(source)
    demo.populate(app.uow, 60, seed=9)
    p = app.passports.save(full_passport()).passport
    p.title = "ویرایش‌شده"
    app.passports.save(p)
    app.close()
    before = _snapshot(source)
    with fresh_database() as url:
        assert main(["--db", source, "db", "copy", "--to", url]) == 0
        assert _snapshot(url) == before
        pg_app = build(url)
        other = full_passport("99999999-9999-4999-8999-999999999999")
        other.service_id = "11031164002"  # service IDs are unique
        pg_app.passports.save(other)  # sequences moved on
        found = pg_app.passports.page(PassportFilter(search="ویرایش"))
        assert [r.uuid for r in found] == [p.uuid]
        pg_app.close()
        laptop = str(tmp_path / "laptop.db")
        assert main(["--db", laptop, "db", "copy", "--from", url]) == 0
        exported, audit = _snapshot(laptop)
        assert len(audit) == len(before[1]) + 1
        assert audit[: len(before[1])] == before[1]
    capsys.readouterr()


def test_copy_refuses_a_non_empty_target(tmp_path: Path) -> None:
    a, b = build(str(tmp_path / "a.db")), build(str(tmp_path / "b.db"))
    demo.populate(a.uow, 3)
    demo.populate(b.uow, 3, seed=2)
    a.close(), b.close()
    source, target = make_engine(tmp_path / "a.db"), make_engine(tmp_path / "b.db")
    with pytest.raises(StorageError, match="خالی نیست"):
        copy_database(source, target)
