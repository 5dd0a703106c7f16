"""The agency's own records travel in bundles: every kind arrives unchanged in an empty
database, with the evidence files the cycle steps cite; deltas carry only what changed;
conflicts are settled record by record."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo.agency import populate_agency
from govsvc_desktop.demo.plans import populate_plans
from govsvc_desktop.domain.agency.cycle import StepEvidence, StepStatus
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import ConflictError, GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.agency import LESSONS, STEPS
from govsvc_desktop.services.bundles.agency import AGENCY_KINDS
from govsvc_desktop.services.bundles.kinds import Selection
from govsvc_desktop.services.certificates import CertificateService
from tests.bundle_support import Pki, seed, service, small_pdf


def _agency_records(app: App) -> dict[str, list[dict[str, object]]]:
    found = {}
    with app.uow() as uow:
        everything = Selection(passports={u: r for u, r, _ in uow.passports.revision_status(
            PassportFilter())})
        for kind in AGENCY_KINDS:
            records = kind.collect(uow, everything)
            assert {r.uuid for r in records} == set(kind.revisions(uow, everything))
            found[kind.name] = sorted((to_dict(r) for r in records), key=lambda d: str(d["uuid"]))
    return found


MINUTES = small_pdf("minutes of the validation meeting")


def _office(app: App) -> str:
    """Passports, plans with 128 requests, every agency record, and a step citing a file."""
    seed(app, approved=2, drafts=1, proposed=0)
    populate_plans(app.uow, 3, requests_every=1)
    populate_agency(app, log_events=30)
    evidence = app.plans.store_evidence("صورتجلسه.pdf", MINUTES)
    step = app.agency.step("1")
    step.evidence.append(StepEvidence(title="صورتجلسهٔ اعتبارسنجی", file_name="صورتجلسه.pdf",
                                      sha256=evidence.sha256))
    app.agency.save(STEPS, step)
    return evidence.sha256


def test_every_agency_record_kind_arrives_unchanged_in_an_empty_database(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    digest = _office(app)
    sent = _agency_records(app)
    assert all(sent[k.name] for k in AGENCY_KINDS), {k: len(v) for k, v in sent.items()}
    out = tmp_path / "office.asice"
    service(app, certs).export(out, pki.agency.identity)
    with zipfile.ZipFile(out) as zf:
        header = json.loads(zf.read("data/bundle.json"))
        for kind in AGENCY_KINDS:
            document = json.loads(zf.read(f"data/{kind.name}.json"))
            assert document["format"] == f"govsvc.{kind.name}"
            assert len(document[kind.name]) == header["records"][kind.name] == len(sent[kind.name])
        assert f"data/evidence/{digest}" in zf.namelist()

    centre = service(other_app, certs)
    plan = centre.prepare_import(out)
    assert plan.ok, plan.summary_fa()
    assert {c.outcome for c in plan.changes} == {"create"}
    centre.apply_import(plan)
    assert _agency_records(other_app) == sent
    with other_app.uow() as uow:
        assert uow.plans.evidence(digest) == MINUTES


def test_a_step_citing_a_missing_file_is_refused(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    from tests.bundle_support import rewrite

    digest = _office(app)
    out = tmp_path / "office.asice"
    service(app, certs).export(out, pki.agency.identity)
    stripped = rewrite(out, tmp_path / "stripped.asice",
                       lambda name, data: None if name.endswith(digest) else (name, data))
    plan = service(other_app, certs).prepare_import(stripped)
    assert not plan.ok


def test_agency_deltas_and_conflicts_record_by_record(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    _office(app)
    office = service(app, certs)
    first = office.export(tmp_path / "full.asice", pki.agency.identity)
    centre = service(other_app, certs)
    centre.apply_import(centre.prepare_import(first.path))
    office.acknowledge(first.sha256)

    lesson = app.agency.find(LESSONS)[0]
    lesson.lesson += " (بازنگری دفتر)"
    app.agency.save(LESSONS, lesson)
    plan = office.plan_export(delta=True)
    assert {k: n for k, n in plan.counts.items() if n} == {"lessons": 1}

    theirs = other_app.agency.find(LESSONS)[0]
    theirs.context = "ویرایش در مرکز"
    other_app.agency.save(LESSONS, theirs)
    delta = office.export(tmp_path / "delta.asice", pki.agency.identity, delta=True)
    incoming = centre.prepare_import(delta.path)
    assert [(c.record_type, c.uuid) for c in incoming.conflicts] == [("lesson", lesson.uuid)]
    with pytest.raises(ConflictError):
        centre.apply_import(incoming)
    centre.apply_import(incoming, take_theirs=[lesson.uuid])
    assert other_app.agency.get(LESSONS, lesson.uuid).lesson.endswith("(بازنگری دفتر)")


def test_the_centre_validates_or_returns_cycle_steps_in_its_reply(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    seed(app, approved=1, drafts=0, proposed=0)
    asked = []
    for number in ("3", "4"):
        step = app.agency.step(number)
        step.status = StepStatus.SUBMITTED
        asked.append(app.agency.save(STEPS, step))
    not_asked = app.agency.save(STEPS, app.agency.step("5"))
    submission = service(app, certs).export(tmp_path / "steps.asice", pki.agency.identity)
    centre = service(other_app, certs)
    with pytest.raises(GovsvcError, match="اعتبارسنجی"):
        centre.reply(submission.path, pki.centre.identity, tmp_path / "x.asice",
                     accept=[not_asked.uuid])
    reply = centre.reply(submission.path, pki.centre.identity, tmp_path / "reply.asice",
                         accept=[asked[0].uuid],
                         returns=[(asked[1].uuid, "سند تأیید شورای فناوری پیوست نشده است")])
    agency = service(app, certs)
    plan = agency.prepare_import(reply.path)
    assert plan.ok and not plan.conflicts, plan.summary_fa()
    assert agency.apply_import(plan).decisions == 2
    validated, returned = app.agency.step("3"), app.agency.step("4")
    assert validated.status is StepStatus.APPROVED and validated.approval_date
    assert returned.status is StepStatus.IN_PROGRESS
    assert "شورای فناوری" in returned.note
    assert any(e.actor.startswith("سامانهٔ مرکزی") for e in app.passports.history(validated.uuid))


def test_a_step_changed_after_sending_is_a_conflict_in_the_reply(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    seed(app, approved=1, drafts=0, proposed=0)
    step = app.agency.step("3")
    step.status = StepStatus.SUBMITTED
    sent = app.agency.save(STEPS, step)
    submission = service(app, certs).export(tmp_path / "steps.asice", pki.agency.identity)
    reply = service(other_app, certs).reply(submission.path, pki.centre.identity,
                                            tmp_path / "reply.asice", accept=[sent.uuid])
    changed = app.agency.step("3")
    changed.note = "ویرایش پس از ارسال"
    app.agency.save(STEPS, changed)
    plan = service(app, certs).prepare_import(reply.path)
    assert [c.uuid for c in plan.conflicts] == [sent.uuid]
    service(app, certs).apply_import(plan, keep_mine=[sent.uuid])
    assert app.agency.step("3").status is StepStatus.SUBMITTED
