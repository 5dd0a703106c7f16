"""A real PostgreSQL server for the tests: the throwaway cluster of scripts/pg.sh, one fresh
database per test.

The test processes of one run (pytest-xdist workers) share the cluster: the first to need it
starts it under a file lock and leaves a note naming the run, and the run's controlling process
stops it at the very end, after every worker is done (``stop_if_started``).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).parents[1]
SCRIPT = str(ROOT / "scripts" / "pg.sh")
RUN_ENV = "GOVSVC_TEST_RUN"
_url: str | None = None


def cluster_dir() -> Path:
    """Where scripts/pg.sh keeps the cluster (``GOVSVC_PG_DIR`` moves it, as for the script)."""
    return Path(os.environ.get("GOVSVC_PG_DIR") or ROOT / "build" / "pg")


def _started_note() -> Path:
    folder = cluster_dir()
    return folder.with_name(folder.name + ".started-by")


def run_id() -> str:
    """Names this test run; the controller sets it before the workers start."""
    return os.environ.setdefault(RUN_ENV, uuid.uuid4().hex)


@contextmanager
def _cluster_lock() -> Iterator[None]:
    folder = cluster_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_name(folder.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def server_url() -> str:
    """Starts the cluster once per test run, whichever worker asks first."""
    global _url
    if _url is None:
        with _cluster_lock():
            running = subprocess.run([SCRIPT, "status"], check=False, capture_output=True).returncode == 0
            out = subprocess.run([SCRIPT, "up"], check=True, capture_output=True, text=True)
            if not running:
                _started_note().write_text(run_id())
        _url = out.stdout.strip().splitlines()[-1]
    return _url


def stop_if_started(run: str) -> None:
    """Stops the cluster if ``run`` started it (called once, when the whole run is over)."""
    note = _started_note()
    with _cluster_lock():
        if note.exists() and note.read_text() == run:
            subprocess.run([SCRIPT, "down"], check=False)
            note.unlink()


def _admin_dsn(url: str, database: str = "postgres") -> str:
    rest = url.split("://", 1)[1]
    creds, hostpart = rest.split("@", 1)
    host = hostpart.split("/", 1)[0]
    return f"postgresql://{creds}@{host}/{database}"


def _database_url(name: str) -> str:
    return server_url().rsplit("/", 1)[0] + f"/{name}"


def _create(name: str, template: str | None = None) -> None:
    # FILE_COPY (PostgreSQL 15+) copies the files: twice as fast as logging every block
    copy_of = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
    with psycopg.connect(_admin_dsn(server_url()), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copy_of}')


def _drop(name: str) -> None:
    with psycopg.connect(_admin_dsn(server_url()), autocommit=True) as conn:
        try:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except psycopg.errors.InsufficientPrivilege:  # a background worker still attached
            time.sleep(1)
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@contextmanager
def fresh_database(template: str | None = None) -> Iterator[str]:
    """A new database owned by the application's admin role, empty or a copy of ``template``;
    dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    _create(name, template)
    try:
        yield _database_url(name)
    finally:
        _drop(name)


@contextmanager
def migrated_template() -> Iterator[str]:
    """A database brought to the head revision once (roles, grants and guards included), for
    tests to copy: copying it costs a fraction of migrating each test's database anew."""
    from govsvc_desktop.bootstrap import build

    name = f"tpl_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{run_id()[:8]}"
    _drop(name)
    _create(name)
    try:
        build(_database_url(name)).close()
        yield name
    finally:
        _drop(name)


def private_port(offset: int) -> int:
    """A port for a private cluster, beside the shared one's (``GOVSVC_PG_PORT``, else 54329)."""
    return int(os.environ.get("GOVSVC_PG_PORT") or 54329) + offset


@contextmanager
def private_server(port: int) -> Iterator[tuple[str, dict[str, str]]]:
    """A cluster of its own that a test may kill without disturbing the others (under build/,
    which the server's own user can reach): (URL, environment for scripts/pg.sh)."""
    import shutil

    folder = ROOT / "build" / f"pg-loss-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "GOVSVC_PG_DIR": str(folder), "GOVSVC_PG_PORT": str(port)}
    script = SCRIPT
    started = subprocess.run([script, "up"], env=env, check=False, capture_output=True, text=True)
    if started.returncode != 0:  # a busy machine can miss pg_ctl's wait: say why, try once more
        subprocess.run([script, "down"], env=env, check=False)
        started = subprocess.run([script, "up"], env=env, check=False, capture_output=True, text=True)
    assert started.returncode == 0, f"the private server did not start:\n{started.stderr}"
    url = started.stdout.strip()
    try:
        yield url, env
    finally:
        subprocess.run([script, "down"], env=env, check=False)
        shutil.rmtree(folder, ignore_errors=True)
