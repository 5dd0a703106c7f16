"""Passport register speed on 100,000 demo passports (issue targets in the docstrings).

No assertion on time: the numbers are reported by pytest-benchmark, and the p95 and the
ratio to a LIKE scan are recorded in ``extra_info``.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.passport.queries import PassportFilter
from tests.bench.conftest import demo_database
from tests.fixtures import full_passport

N = 100_000
QUERIES = ("پروانه کسب", "كارت بازرگاني", "گلخانه", "تمدید مجوز معدن", "مشهد", "۱۰۲۳", "حمل بار",
           "اقامتگاه بوم", "میراث", "سند تک برگ")


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def test_search_100k(benchmark: pytest.FixtureRequest) -> None:
    """Target: p95 under 50 ms, at least 20× faster than a LIKE scan."""
    app = build(str(demo_database(N)))
    service = app.passports
    def search_all() -> None:
        for q in QUERIES:
            service.page(PassportFilter(search=q), limit=200)
            service.count(PassportFilter(search=q))
    benchmark(search_all)
    samples = []
    for q in QUERIES * 5:
        start = time.perf_counter()
        service.page(PassportFilter(search=q), limit=200)
        service.count(PassportFilter(search=q))
        samples.append(time.perf_counter() - start)
    like_samples = []
    with app.engine.connect() as conn:
        for q in QUERIES:
            start = time.perf_counter()
            conn.execute(text("SELECT uuid FROM passports WHERE search_text LIKE :q ORDER BY title_key LIMIT 200"),
                         {"q": f"%{q}%"}).all()
            conn.execute(text("SELECT count(*) FROM passports WHERE search_text LIKE :q"), {"q": f"%{q}%"}).all()
            like_samples.append(time.perf_counter() - start)
    benchmark.extra_info["p95_ms"] = round(_p95(samples) * 1000, 2)
    benchmark.extra_info["like_scan_mean_ms"] = round(statistics.mean(like_samples) * 1000, 2)
    benchmark.extra_info["speedup_vs_like"] = round(statistics.mean(like_samples) / statistics.mean(samples), 1)
    app.close()


def test_save_one_passport(benchmark: pytest.FixtureRequest, demo_db_copy) -> None:  # type: ignore[no-untyped-def]
    """Target: under 20 ms per save on a database of 100,000."""
    app = build(str(demo_db_copy(N)))
    p = app.passports.save(full_passport()).passport
    counter = iter(range(10**9))
    def save() -> None:
        nonlocal p
        p.description = f"ویرایش {next(counter)}"
        p = app.passports.save(p).passport
    benchmark(save)
    app.close()


def test_demo_100k(benchmark: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Target: `demo --services 100000` under 60 s."""
    def run() -> None:
        db = tmp_path / f"demo-{time.time_ns()}.db"
        app = build(str(db))
        demo.populate(app.uow, N)
        app.close()
    benchmark.pedantic(run, rounds=1, iterations=1)
