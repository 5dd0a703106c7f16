"""Benchmark data: demo databases made once per size and seed, kept under build/bench."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.store import migrate

CACHE = Path(__file__).parents[2] / "build" / "bench"


def _schema_and_generator() -> str:
    """A short digest of the migrations and the demo generator: a cached file made by other
    versions of either is never reused."""
    root = Path(__file__).parents[2] / "govsvc_desktop"
    files = sorted((root / "store" / "migrations" / "versions").glob("*.py"))
    files += sorted((root / "services").glob("demo*.py"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:10]


def demo_database(count: int, seed: int = 1) -> Path:
    """A migrated database holding ``count`` demo passports (and their plans, when any)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{count}-s{seed}-{migrate.head_revision()}-{_schema_and_generator()}.sqlite3"
    if not path.exists():
        tmp = path.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        app = build(str(tmp))
        demo.populate(app.uow, count, seed)
        app.close()
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        tmp.rename(path)
    return path


@pytest.fixture
def demo_db_copy(tmp_path: Path) -> Callable[[int], Path]:
    """A private copy of a cached demo database, for benchmarks that write."""
    def make(count: int) -> Path:
        target = tmp_path / "bench.sqlite3"
        shutil.copyfile(demo_database(count), target)
        return target
    return make
