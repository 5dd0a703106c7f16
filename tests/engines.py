"""The `app` fixture on both engines, for the store and services suites."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from tests.approval_support import ALL_ROLES
from tests.pg import fresh_database


@pytest.fixture(params=["sqlite", "postgresql"])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    settings = config.Settings(user_name="آزمون‌گر", roles=ALL_ROLES)
    if request.param == "sqlite":
        application = build(str(tmp_path / "govsvc.sqlite3"), settings=settings)
        yield application
        application.close()
        return
    with fresh_database() as url:
        application = build(url, settings=settings)
        yield application
        application.close()
