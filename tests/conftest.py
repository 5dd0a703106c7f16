"""Shared fixtures: a real SQLite database in a temporary folder, built the way the app builds it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from tests.approval_support import ALL_ROLES
from tests.bundle_support import Pki, make_pki


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, autosave and logs of every test live in its own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("GOVSVC_HOME", str(home))
    monkeypatch.delenv("GOVSVC_DB", raising=False)
    return home


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    application = build(str(tmp_path / "govsvc.sqlite3"), settings=config.Settings(user_name="آزمون‌گر", roles=ALL_ROLES))
    yield application
    application.close()


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """An agency's and the centre's test certificates with their CAs (bundle tests; the
    exchange tests define their own single signer under the same name)."""
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def fixed_clock() -> dt.datetime:
    return dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stops the throwaway PostgreSQL cluster if this session started it."""
    from tests import pg

    if pg.started_here:
        import subprocess

        subprocess.run([str(pg.ROOT / "scripts" / "pg.sh"), "down"], check=False)
