"""A real PostgreSQL server for the tests: the throwaway cluster of scripts/pg.sh, one fresh
database per test."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).parents[1]
_url: str | None = None
started_here = False


def server_url() -> str:
    """Starts the cluster once per test session (it is cheap to ask again)."""
    global _url, started_here
    if _url is None:
        status = subprocess.run([str(ROOT / "scripts" / "pg.sh"), "status"], check=False,
                                capture_output=True)
        started_here = status.returncode != 0
        out = subprocess.run([str(ROOT / "scripts" / "pg.sh"), "up"], check=True,
                             capture_output=True, text=True)
        _url = out.stdout.strip().splitlines()[-1]
    return _url


def _admin_dsn(url: str, database: str = "postgres") -> str:
    rest = url.split("://", 1)[1]
    creds, hostpart = rest.split("@", 1)
    host = hostpart.split("/", 1)[0]
    return f"postgresql://{creds}@{host}/{database}"


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new empty database owned by the application's admin role; dropped afterwards."""
    url = server_url()
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_admin_dsn(url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(_admin_dsn(url), autocommit=True) as conn:
            try:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except psycopg.errors.InsufficientPrivilege:  # a background worker still attached
                time.sleep(1)
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@contextmanager
def private_server(port: int = 54391) -> Iterator[tuple[str, dict[str, str]]]:
    """A cluster of its own that a test may kill without disturbing the others (under build/,
    which the server's own user can reach): (URL, environment for scripts/pg.sh)."""
    import os
    import shutil

    folder = ROOT / "build" / f"pg-loss-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "GOVSVC_PG_DIR": str(folder), "GOVSVC_PG_PORT": str(port)}
    script = str(ROOT / "scripts" / "pg.sh")
    url = subprocess.run([script, "up"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    try:
        yield url, env
    finally:
        subprocess.run([script, "down"], env=env, check=False)
        shutil.rmtree(folder, ignore_errors=True)
