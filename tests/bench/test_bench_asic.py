"""How long building and verifying a 200-file bundle takes, next to plain zip + sha256sum."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from govsvc_desktop.exchange.asic.writer import build_asic, verify_asic
from govsvc_desktop.exchange.signing.demo_pki import TestCredentials, make_test_signer

FILES = 200
FILE_BYTES = 100 * 1024


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestCredentials:
    return make_test_signer(tmp_path_factory.mktemp("pki") / "signer.p12", "bench-password")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Half JSON-like text (compresses), half random bytes (does not), ~100 KB each."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(4031)
    paths = []
    for i in range(FILES):
        path = folder / f"passport-{i:04d}.{'json' if i % 2 else 'bin'}"
        if i % 2:
            rows: list[str] = []
            while sum(len(r) for r in rows) < FILE_BYTES:
                rows.append(
                    json.dumps(
                        {
                            "id": rng.randrange(10**9),
                            "عنوان": "خدمت " * rng.randrange(1, 9),
                            "fee": rng.randrange(10**7),
                        },
                        ensure_ascii=False,
                    )
                )
            path.write_text("\n".join(rows), encoding="utf-8")
        else:
            path.write_bytes(os.urandom(FILE_BYTES))
        paths.append(path)
    return paths


def test_bench_build_asic(
    benchmark: BenchmarkFixture, corpus: list[Path], pki: TestCredentials, tmp_path: Path
) -> None:
    out = tmp_path / "bench.asice"
    entries = [(p.name, p) for p in corpus]
    digest = benchmark(build_asic, entries, pki.identity, out)
    assert len(digest) == 64


def test_bench_verify_asic(
    benchmark: BenchmarkFixture, corpus: list[Path], pki: TestCredentials, tmp_path: Path
) -> None:
    out = tmp_path / "bench.asice"
    build_asic([(p.name, p) for p in corpus], pki.identity, out)
    report = benchmark(verify_asic, out, [pki.ca_certificate])
    assert report.ok


def test_bench_baseline_zip_and_sha256sum(
    benchmark: BenchmarkFixture, corpus: list[Path], tmp_path: Path
) -> None:
    """The floor: what the external tools need for the same archiving and hashing work."""
    sha256sum = shutil.which("sha256sum")
    if sha256sum is None:
        pytest.skip("sha256sum not installed")
    zip_tool = shutil.which("zip")
    out = tmp_path / "baseline.zip"
    names = [p.name for p in corpus]
    folder = corpus[0].parent

    def run() -> None:
        if zip_tool:
            out.unlink(missing_ok=True)
            subprocess.run([zip_tool, "-q", "-X", str(out), *names], cwd=folder, check=True)
        subprocess.run([sha256sum, *names], cwd=folder, check=True, capture_output=True)

    benchmark(run)
