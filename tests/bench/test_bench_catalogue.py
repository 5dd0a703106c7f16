"""The published catalogue at volume (issue targets): 10,000 passports written as a website
in under 20 s; the index page and its search data for 10,000 services under 2 MB compressed;
a search answering in the browser in under 50 ms, timed in the page with performance.now().
No assertion on time; the figures go to ``extra_info``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import os
import resource
import shutil
import statistics
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import RecordKind, Status
from govsvc_desktop.store.passports import licence_rows, row_values
from tests.bench.conftest import CACHE
from tests.browser import chromium

SERVICES = 10_000
INDEX_FILES = ("index.html", "assets/search-data.js", "assets/search.js", "assets/fold.js",
               "assets/site.css")
QUERIES = ("پروانه", "صدور مجوز", "كشاورزي", "چاه کشاورزی مرودشت", "بهره برداري", "تمدید",
           "110", "اصفهان گلخانه", "بیمه اختیاری", "ثبت‌نام مهدکودک", "استاندارد", "زیست محیطی",
           "واژه‌ای که نیست", "ا", "کارت بازرگانی تهران", "سازمان", "معدن شن", "سند تک برگ",
           "حمل بار", "راهنمای گردشگری")


def catalogue_database() -> Path:
    """10,000 demo passports, every one an approved service still valid today."""
    today = dt.date.today()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"catalogue-{SERVICES}-{today.isoformat()}.sqlite3"
    if not path.exists():
        tmp = path.with_suffix(".part")
        tmp.unlink(missing_ok=True)
        app = build(str(tmp))
        items = [dataclasses.replace(p, kind=RecordKind.SERVICE, status=Status.ACCEPTED,
                                     approved_on=(today - dt.timedelta(days=i % 300)).isoformat())
                 for i, p in enumerate(demo.generate(SERVICES, seed=1, today=today))]
        with app.uow() as uow:
            uow.passports.insert_rows([row_values(p) for p in items], licence_rows(items))
            uow.commit()
        app.close()
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        tmp.rename(path)
    return path


def test_catalogue_of_10000_services(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    app = build(str(catalogue_database()),
                settings=config.Settings(user_name="سنجش", agency_name="سازمان نمونه"))
    site = tmp_path / "site"

    cpu: list[float] = []

    def export() -> int:
        shutil.rmtree(site, ignore_errors=True)
        before = _cpu_seconds()
        published = app.catalogue.export(site).published
        cpu.append(_cpu_seconds() - before)
        return published

    try:
        published = benchmark.pedantic(export, rounds=2, iterations=1)
    finally:
        app.close()
    assert published == SERVICES
    raw = {name: (site / name).read_bytes() for name in INDEX_FILES}
    compressed = sum(len(gzip.compress(data, 9)) for data in raw.values())
    assert compressed < 2_000_000  # a size, not a time: the page must stay light on a phone
    timings = browser_search_ms(site)
    benchmark.extra_info.update({
        "write_mean_s": round(benchmark.stats.stats.mean, 2), "write_target_s": 20,
        "write_cpu_s": round(statistics.mean(cpu), 1), "load_average": round(os.getloadavg()[0], 1),
        "site_mb": round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6, 1),
        "index_and_search_data_raw_kb": round(sum(map(len, raw.values())) / 1e3),
        "index_and_search_data_gzip_kb": round(compressed / 1e3), "size_target_kb": 2000,
        "search_ms_median": round(statistics.median(timings), 1),
        "search_ms_max": round(max(timings), 1), "search_target_ms": 50,
    })


def _cpu_seconds() -> float:
    """CPU time of this process and of the workers it has waited for (user and system): on
    a machine shared with other work, what the export costs, whatever the wall clock says."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def browser_search_ms(site: Path) -> list[float]:
    """Milliseconds from typing a query to its results listed, measured inside the page:
    the fold, the match over every service, the filters and the list drawn."""
    with chromium() as driver:
        driver.get((site / "index.html").as_uri())
        return list(driver.execute_script("""
            var box = document.getElementById('q'), out = [];
            function once(q) {
              box.value = q;
              var t0 = performance.now();
              box.dispatchEvent(new Event('input'));
              document.getElementById('results').offsetHeight;  // layout of the new list
              return performance.now() - t0;
            }
            arguments[0].forEach(function (q) { once(q); });  // warm up
            for (var round = 0; round < 3; round++) {
              arguments[0].forEach(function (q) { out.push(once(q)); });
            }
            return out;""", list(QUERIES)))
