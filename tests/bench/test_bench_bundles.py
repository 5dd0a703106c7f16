"""Bundle speed on 10,000 demo passports with 1,000 PDFs, next to zip + sha256sum on the same
files (issue targets: export at most 1.5× zip + sha256sum, verify at most 1.2× sha256sum).

No assertion on time: pytest-benchmark reports the numbers and the ratio to the baseline of
the same run is recorded in ``extra_info``.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build, certificate_service
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.bundles.kinds import StoredPassport
from govsvc_desktop.services.bundles.service import BundleService
from tests.bench.conftest import demo_database
from tests.bundle_support import PDF, install, make_pki, service

N = 10_000
PDFS = 1_000
SHA256SUM = shutil.which("sha256sum")
ZIP = shutil.which("zip")


def _open(path: Path) -> App:
    return build(str(path), settings=config.Settings(user_name="سنجش"))


def _renderer(app: App) -> Callable[[StoredPassport], bytes | None]:
    """A fixed small real PDF for the first 1,000 approved passports, none for the rest."""
    chosen = {s.uuid for s in app.passports.page(PassportFilter(), sort="title", limit=None)
              if s.status in APPROVED_STATUSES}
    chosen = set(sorted(chosen)[:PDFS])
    return lambda p: PDF if p.uuid in chosen else None


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("bench-bundles")
    pki = make_pki(folder / "pki")
    source = folder / "source.sqlite3"
    shutil.copyfile(demo_database(N), source)
    return {"folder": folder, "pki": pki, "source": source}


def _fresh(setup: dict[str, object], name: str) -> tuple[App, BundleService]:
    folder = setup["folder"]
    assert isinstance(folder, Path)
    target = folder / f"{name}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(setup["source"], target)  # type: ignore[arg-type]
    app = _open(target)
    certs = certificate_service()
    if not certs.identities():
        install(certs, setup["pki"].agency)  # type: ignore[attr-defined]
    svc = service(app, certs)
    svc.render_pdf = _renderer(app)
    return app, svc


def _extract(bundle: Path, folder: Path) -> list[str]:
    """The same payload files as plain files, for the baseline tools."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    with zipfile.ZipFile(bundle) as zf:
        names = [n for n in zf.namelist() if n.startswith("data/")]
        zf.extractall(folder, names)
    return names


def test_bench_export_10k_with_1k_pdfs(
    benchmark: BenchmarkFixture, setup: dict[str, object], tmp_path: Path,
) -> None:
    identity = setup["pki"].agency.identity  # type: ignore[attr-defined]
    out = tmp_path / "bench.asice"
    runs: list[App] = []

    def prepare() -> tuple[tuple[object, ...], dict[str, object]]:
        for app in runs:
            app.close()
        out.unlink(missing_ok=True)
        app, svc = _fresh(setup, "export")
        runs.append(app)
        return (svc,), {}

    def export(svc: BundleService) -> None:
        result = svc.export(out, identity)
        assert result.header.files["pdf"] == PDFS and result.header.records["passports"] == N

    benchmark.pedantic(export, setup=prepare, rounds=3, iterations=1)
    baseline = _baseline_zip_sha256(out, tmp_path)
    if baseline:
        benchmark.extra_info["zip_plus_sha256sum_s"] = round(baseline, 3)
        benchmark.extra_info["ratio_to_baseline"] = round(benchmark.stats.stats.min / baseline, 2)
    for app in runs:
        app.close()


def _baseline_zip_sha256(bundle: Path, tmp_path: Path) -> float | None:
    if SHA256SUM is None or ZIP is None:
        return None
    folder = tmp_path / "plain"
    names = _extract(bundle, folder)
    best = float("inf")
    for _ in range(3):
        (tmp_path / "baseline.zip").unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run([ZIP, "-q", "-X", str(tmp_path / "baseline.zip"), *names], cwd=folder,
                       check=True)
        subprocess.run([SHA256SUM, *names], cwd=folder, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def test_bench_verify_10k_with_1k_pdfs(
    benchmark: BenchmarkFixture, setup: dict[str, object], tmp_path: Path,
) -> None:
    app, svc = _fresh(setup, "verify")
    bundle = tmp_path / "bench.asice"
    svc.export(bundle, setup["pki"].agency.identity)  # type: ignore[attr-defined]
    svc.certificates.trust_certificates([setup["pki"].agency.ca_certificate])  # type: ignore[attr-defined]
    report = benchmark.pedantic(svc.verify, args=(bundle,), kwargs={"records": False},
                                rounds=5, iterations=1)
    assert report.ok
    best_deep = float("inf")
    for _ in range(3):  # ``bundle verify --records`` and every import also read the records
        start = time.perf_counter()
        assert svc.verify(bundle).ok
        best_deep = min(best_deep, time.perf_counter() - start)
    benchmark.extra_info["with_records_s"] = round(best_deep, 3)
    if SHA256SUM is not None:
        folder = tmp_path / "plain"
        names = _extract(bundle, folder)
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([SHA256SUM, *names], cwd=folder, check=True, capture_output=True)
            best = min(best, time.perf_counter() - start)
        benchmark.extra_info["sha256sum_s"] = round(best, 3)
        benchmark.extra_info["ratio_to_baseline"] = round(benchmark.stats.stats.min / best, 2)
        benchmark.extra_info["with_records_ratio"] = round(best_deep / best, 2)
    app.close()


def test_bench_verify_container_only(
    benchmark: BenchmarkFixture, setup: dict[str, object], tmp_path: Path,
) -> None:
    """The container part of verification alone (manifest, every digest, the signature and its
    chain), without parsing the record files: where the time goes besides JSON decoding."""
    from govsvc_desktop.exchange.asic.writer import verify_asic

    app, svc = _fresh(setup, "container")
    bundle = tmp_path / "bench.asice"
    svc.export(bundle, setup["pki"].agency.identity)  # type: ignore[attr-defined]
    roots = [setup["pki"].agency.ca_certificate]  # type: ignore[attr-defined]
    report = benchmark.pedantic(verify_asic, args=(bundle, roots), rounds=5, iterations=1)
    assert report.ok
    app.close()
