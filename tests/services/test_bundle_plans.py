"""Plans travel in bundles with their quarterly reports and evidence files, bytes and hashes
intact; a bundle whose evidence was altered is refused with nothing changed."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.plans.model import ProgressReport
from govsvc_desktop.services.bundles.service import BundleService
from govsvc_desktop.services.certificates import CertificateService
from tests.bundle_support import (
    Pki,
    flip,
    openssl_verify,
    rewrite,
    seed,
    service,
)

EVIDENCE = "صورتجلسه کارگروه استانی — نسخه امضاشده".encode() + bytes(range(256))


def _plan_with_evidence(app: App, tmp_path: Path) -> str:
    made = seed(app, approved=1, drafts=0, proposed=0)
    plan = app.plans.new_plan(made["approved"][0])
    plan.period_start, plan.period_end = "2025-03-21", "2026-03-20"
    file = tmp_path / "صورتجلسه.bin"
    file.write_bytes(EVIDENCE)
    plan.reports.append(ProgressReport(quarter="1404-Q1", narrative="پیشرفت خوب",
                                       evidence=[app.plans.add_evidence(file)]))
    return app.plans.save(plan).uuid


def test_a_report_with_evidence_survives_export_and_import(
        app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path) -> None:
    uuid = _plan_with_evidence(app, tmp_path)
    out = tmp_path / "bundle.asice"
    result = service(app, certs).export(out, pki.agency.identity)
    assert result.header.records == {"passports": 1, "plans": 1}
    digest = hashlib.sha256(EVIDENCE).hexdigest()
    with zipfile.ZipFile(out) as zf:
        assert zf.read(f"data/evidence/{digest}") == EVIDENCE
    verified = openssl_verify(out, pki.agency.ca_certificate, tmp_path)
    assert verified.returncode == 0, verified.stderr

    receiver = service(other_app, certs)
    plan = receiver.prepare_import(out)
    assert plan.ok, plan.summary_fa()
    assert {(c.record_type, c.outcome) for c in plan.changes} == {("passport", "create"), ("plan", "create")}
    outcome = receiver.apply_import(plan)
    assert outcome.created == 2
    moved = other_app.plans.get(uuid)
    assert to_dict(moved) == to_dict(app.plans.get(uuid))
    (evidence,) = moved.reports[0].evidence
    assert evidence.sha256 == digest and other_app.plans.evidence_bytes(evidence) == EVIDENCE


def test_altered_evidence_is_refused_and_nothing_changes(
        app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path) -> None:
    _plan_with_evidence(app, tmp_path)
    out = tmp_path / "bundle.asice"
    service(app, certs).export(out, pki.agency.identity)
    digest = hashlib.sha256(EVIDENCE).hexdigest()
    bad = rewrite(out, tmp_path / "bad.asice",
                  lambda name, data: (name, flip(data, 10)) if name.endswith(digest) else (name, data))
    receiver: BundleService = service(other_app, certs)
    plan = receiver.prepare_import(bad)
    assert not plan.ok
    assert other_app.plans.count() == 0 and other_app.passports.count() == 0
    dropped = rewrite(out, tmp_path / "dropped.asice",
                      lambda name, data: None if name.endswith(digest) else (name, data))
    assert not receiver.prepare_import(dropped).ok
    assert other_app.plans.count() == 0
