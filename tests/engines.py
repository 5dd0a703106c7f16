"""The `app` fixture on both engines, for the store and services suites: each test gets a copy of
a database migrated once per test process (``sqlite_template``, ``pg_template``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from tests.approval_support import ALL_ROLES
from tests.pg import fresh_database


def migrated_sqlite(template: Path, folder: Path, name: str = "govsvc.sqlite3") -> str:
    """A copy of the migrated template in ``folder``: what ``build`` makes of a new file."""
    target = folder / name
    shutil.copyfile(template, target)
    return str(target)


@pytest.fixture(params=["sqlite", "postgresql"])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    settings = config.Settings(user_name="آزمون‌گر", roles=ALL_ROLES)
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        application = build(migrated_sqlite(template, tmp_path), settings=settings)
        yield application
        application.close()
        return
    with fresh_database(request.getfixturevalue("pg_template")) as url:
        application = build(url, settings=settings)
        yield application
        application.close()
