"""Excel speed on 10,000 demo passports with their repeated parts (issue targets: export under
15 s; import at most 2x the time openpyxl needs just to read the same workbook read-only).

No assertion on time: the numbers and the ratio to the same run's baseline go to ``extra_info``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytest_benchmark.fixture import BenchmarkFixture

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.services.excel import ExcelService
from tests.bench.conftest import demo_database

N = 10_000


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench-excel") / "passports.xlsx"
    app = build(str(demo_database(N)), settings=config.Settings(user_name="سنجش"))
    try:
        ExcelService(app.passports).export(path)
    finally:
        app.close()
    return path


def _openpyxl_read(path: Path) -> int:
    wb = load_workbook(path, read_only=True)
    try:
        return sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
    finally:
        wb.close()


def test_export_10000(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    app = build(str(demo_database(N)), settings=config.Settings(user_name="سنجش"))
    target = tmp_path / "out.xlsx"
    try:
        count = benchmark.pedantic(lambda: ExcelService(app.passports).export(target),
                                   rounds=2, iterations=1)
    finally:
        app.close()
    assert count == N
    benchmark.extra_info["seconds"] = round(benchmark.stats.stats.mean, 2)
    benchmark.extra_info["target_seconds"] = 15
    benchmark.extra_info["megabytes"] = round(target.stat().st_size / 1e6, 1)


def test_import_10000_against_openpyxl_read(benchmark: BenchmarkFixture, workbook: Path,
                                            tmp_path: Path) -> None:
    started = time.perf_counter()
    cells = _openpyxl_read(workbook)
    baseline = time.perf_counter() - started
    runs = iter(range(100))

    def import_into_fresh_database() -> int:
        app = build(str(tmp_path / f"fresh{next(runs)}.sqlite3"), settings=config.Settings(user_name="سنجش"))
        try:
            result = ExcelService(app.passports).import_file(workbook)
        finally:
            app.close()
        return result.count("create")

    created = benchmark.pedantic(import_into_fresh_database, rounds=2, iterations=1)
    assert created == N
    benchmark.extra_info["openpyxl_read_s"] = round(baseline, 2)
    benchmark.extra_info["cells"] = cells
    benchmark.extra_info["ratio_to_openpyxl_read"] = round(benchmark.stats.stats.mean / baseline, 2)
    benchmark.extra_info["target_ratio"] = 2.0
