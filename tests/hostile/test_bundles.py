"""Signed bundles carrying what import refuses: the signature is good, the content is not.
Verification with --records and import say the same, in Persian, and change nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.exchange.records.bundle import BundleHeader, write_bundle
from govsvc_desktop.services.bundles.kinds import PASSPORTS
from govsvc_desktop.services.bundles.service import BundleService
from govsvc_desktop.services.certificates import CertificateService
from tests.bundle_support import Pki, install, seed, service, snapshot
from tests.hostile.conftest import assert_refused, run


@pytest.fixture
def svc(app: App, pki: Pki) -> BundleService:
    certs = CertificateService.default()
    install(certs, pki.agency)
    return service(app, certs)


def _signed(path: Path, pki: Pki, document: bytes, count: int = 1) -> Path:
    header = BundleHeader(kind="submission", bundle_id="3f0c7a52-0d1e-4c55-9a39-5a3f1d1b9a11",
                          created_at="2026-11-25T08:00:00+00:00", agency="وزارت نیرو",
                          province="فارس", sender="مریم احمدی", application="govsvc-desktop",
                          schema={"govsvc.passports": 1}, sequence=1,
                          records={"passports": count}, files={"pdf": 0, "evidence": 0})
    write_bundle(path, header, pki.agency.identity, [(PASSPORTS.spec.entry, document)])
    return path


def _document(records_json: str) -> bytes:
    return ('{"format": "govsvc.passports", "format_version": 1, "passports": '
            + records_json + "}").encode()


def test_json_nested_100000_deep_inside_a_signed_bundle(
        app: App, svc: BundleService, pki: Pki, tmp_path: Path) -> None:
    bundle = _signed(tmp_path / "deep.asice", pki, _document("[" * 100_000 + "]" * 100_000))
    before = snapshot(app)
    report = svc.verify(bundle)
    assert not report.ok and "۶۴ سطح" in report.summary_fa()
    plan = svc.prepare_import(bundle)
    assert not plan.ok and "۶۴ سطح" in plan.summary_fa()
    assert snapshot(app) == before


@pytest.mark.parametrize("record", [
    {"uuid": "../../evil", "title": "خدمت"},
    {"uuid": "6f1c2b9e-3d4a-4c8e-9f10-000000000001", "title": "خدمت", "revision": 2**64},
    {"uuid": "6f1c2b9e-3d4a-4c8e-9f10-000000000001", "title": "خدمت", "smart_level": 7},
    {"uuid": "6f1c2b9e-3d4a-4c8e-9f10-000000000001", "title": "   "},
])
def test_verify_records_runs_the_checks_import_runs(
        record: dict[str, object], app: App, svc: BundleService, pki: Pki, tmp_path: Path) -> None:
    bundle = _signed(tmp_path / "bad.asice", pki, _document(json.dumps([record])))
    before = snapshot(app)
    assert svc.verify(bundle, records=False).ok  # genuine and intact ...
    report = svc.verify(bundle)
    assert report.ok  # ... and its counts match its header
    assert not svc.check_records(report)  # but import would refuse a record
    plan = svc.prepare_import(bundle)
    assert not plan.ok
    said = report.failed()[0].message_fa
    assert said and said in plan.summary_fa()
    assert snapshot(app) == before


def test_a_good_record_passes_verify_records(svc: BundleService, pki: Pki, tmp_path: Path) -> None:
    record = {"uuid": "6f1c2b9e-3d4a-4c8e-9f10-000000000001", "title": "صدور پروانه"}
    report = svc.verify(_signed(tmp_path / "good.asice", pki, _document(json.dumps([record]))))
    assert report.ok and svc.check_records(report)


def test_already_imported_says_when_in_jalali(
        app: App, svc: BundleService, other_svc: BundleService, pki: Pki, tmp_path: Path) -> None:
    seed(app, approved=1, drafts=1, proposed=0)
    out = tmp_path / "submission.asice"
    svc.export(out, pki.agency.identity)
    other_svc.apply_import(other_svc.prepare_import(out))
    again = other_svc.prepare_import(out).summary_fa()
    assert "پیش‌تر در ۱۴" in again
    assert not re.search(r"20\d\d-\d\d-\d\d", again)


@pytest.fixture
def other_svc(tmp_path: Path, svc: BundleService) -> BundleService:
    from govsvc_desktop import config
    from govsvc_desktop.bootstrap import build

    other = build(str(tmp_path / "other.sqlite3"), settings=config.Settings(user_name="دفتر دیگر"))
    return service(other, svc.certificates)


def test_a_missing_bundle_file_is_named_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.asice"
    outcome = run(capsys, "--db", str(tmp_path / "d.db"), "bundle", "verify", str(missing))
    assert outcome.code == 1 and "پیدا نشد" in outcome.out and "ZIP" not in outcome.out
    outcome = run(capsys, "--db", str(tmp_path / "d.db"), "bundle", "import", str(missing))
    assert_refused(outcome, 3, "پیدا نشد")
    assert "ZIP" not in outcome.err
