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
from tests.engines import migrated_sqlite


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, autosave and logs of every test live in its own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("GOVSVC_HOME", str(home))
    monkeypatch.delenv("GOVSVC_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the head revision, migrated once per test process for tests to copy."""
    path = tmp_path_factory.mktemp("template") / "govsvc.sqlite3"
    build(str(path)).close()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The same for PostgreSQL: a migrated database that tests copy (CREATE DATABASE … TEMPLATE)."""
    from tests.pg import migrated_template

    with migrated_template() as name:
        yield name


@pytest.fixture
def app(tmp_path: Path, sqlite_template: Path) -> Iterator[App]:
    application = build(migrated_sqlite(sqlite_template, tmp_path),
                        settings=config.Settings(user_name="آزمون‌گر", roles=ALL_ROLES))
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


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    """Names the run before any worker starts, so that they share one PostgreSQL cluster."""
    if not _is_worker(config):
        from tests import pg

        pg.run_id()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stops the throwaway PostgreSQL cluster if this run started it, once every worker is done."""
    if not _is_worker(session.config):
        from tests import pg

        pg.stop_if_started(pg.run_id())
