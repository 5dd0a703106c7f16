"""Services proposed without an ID travel to the centre in submission bundles and come back with
the ID it issued (or its refusal) in a signed reply; a proposal changed here meanwhile is a
conflict, and what the centre cannot answer is refused before a reply is written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.agency.compliance import ComplianceKind
from govsvc_desktop.domain.agency.proposals import DeliveryMode, ProposalStatus, ServiceProposal
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import ConflictError, GovsvcError
from govsvc_desktop.services.agency import PROPOSALS
from govsvc_desktop.services.bundles.service import BundleService
from govsvc_desktop.services.certificates import CertificateService
from tests.bundle_support import Pki, openssl_verify, seed, service


def _proposals(app: App) -> dict[str, ServiceProposal]:
    made = {}
    for title, status in (("صدور گواهی صلاحیت بهره‌برداران چاه کشاورزی", ProposalStatus.PROPOSED),
                          ("تمدید مجوز حفر چاه در دشت‌های آزاد", ProposalStatus.PROPOSED),
                          ("ثبت درخواست لایروبی قنات", ProposalStatus.DRAFT)):
        proposal = ServiceProposal(title=title, province="فارس", county="مرودشت",
                                   unit="امور آب شهرستان", delivery=DeliveryMode.BOTH,
                                   process="دریافت درخواست، بازدید، صدور", status=status,
                                   proposed_on=None if status is ProposalStatus.DRAFT else "2026-10-01")
        made[title] = app.agency.save(PROPOSALS, proposal)
    return made


def _sent_proposals(app: App, certs: CertificateService, pki: Pki, out: Path) -> list[ServiceProposal]:
    seed(app, approved=1, drafts=0, proposed=0)
    made = _proposals(app)
    service(app, certs).export(out, pki.agency.identity)
    return [p for p in made.values() if p.status is not ProposalStatus.DRAFT]


def test_proposals_go_to_the_centre_and_come_back_with_their_service_id(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    submission = tmp_path / "submission.asice"
    issued, refused = _sent_proposals(app, certs, pki, submission)
    with zipfile.ZipFile(submission) as zf:
        carried = json.loads(zf.read("data/proposals.json"))
        header = json.loads(zf.read("data/bundle.json"))
    assert carried["format"] == "govsvc.proposals"
    assert {p["uuid"] for p in carried["proposals"]} == {issued.uuid, refused.uuid}
    assert header["records"]["proposals"] == 2
    assert {p.status for p in app.agency.find(PROPOSALS)} == {
        ProposalStatus.UNDER_REVIEW, ProposalStatus.DRAFT}
    assert openssl_verify(submission, pki.agency.ca_certificate, tmp_path).returncode == 0

    centre = service(other_app, certs)
    reply = centre.reply(submission, pki.centre.identity, tmp_path / "reply.asice", accept=[],
                         returns=[(refused.uuid, "این خدمت زیرخدمت خدمت ۱۱۰۳۱۱۶۴۰۰۱ است")],
                         issue_ids=[(issued.uuid, "۱۱۰۳۱۱۶۴۷۷۷")])
    assert {(d.record_type, d.uuid) for d in reply.decisions} == {
        ("proposal", issued.uuid), ("proposal", refused.uuid)}
    verified = openssl_verify(reply.path, pki.centre.ca_certificate, tmp_path)
    assert verified.returncode == 0, verified.stderr

    agency = service(app, certs)
    plan = agency.prepare_import(reply.path)
    assert plan.ok and not plan.conflicts, plan.summary_fa()
    assert {(c.record_type, c.outcome) for c in plan.changes} == {("proposal", "decision")}
    outcome = agency.apply_import(plan)
    assert outcome.decisions == 2
    after = {p.uuid: p for p in app.agency.find(PROPOSALS)}
    assert after[issued.uuid].status is ProposalStatus.ISSUED
    assert after[issued.uuid].issued_service_id == "11031164777"
    assert after[issued.uuid].issued_on
    assert after[refused.uuid].status is ProposalStatus.REJECTED
    assert "زیرخدمت" in after[refused.uuid].centre_comment
    with app.uow() as uow:
        rows = uow.audit.history(issued.uuid)
    assert any(r.actor.startswith("سامانهٔ مرکزی") for r in rows)
    # the centre now expects a passport for the ID it issued
    missing = app.compliance.report().of(ComplianceKind.PASSPORT_MISSING)
    assert [i.record_uuid for i in missing if i.title == "11031164777"] == [issued.uuid]
    # the same reply twice changes nothing
    assert not agency.prepare_import(reply.path).ok


def test_a_proposal_changed_after_sending_is_a_conflict(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    submission = tmp_path / "submission.asice"
    issued, _ = _sent_proposals(app, certs, pki, submission)
    reply = service(other_app, certs).reply(submission, pki.centre.identity,
                                             tmp_path / "reply.asice", accept=[], returns=[],
                                             issue_ids=[(issued.uuid, "11031164777")])
    local = app.agency.get(PROPOSALS, issued.uuid)
    local.process += "، تحویل پروانه"
    app.agency.save(PROPOSALS, local)
    agency = service(app, certs)
    plan = agency.prepare_import(reply.path)
    assert plan.ok and [c.uuid for c in plan.conflicts] == [issued.uuid]
    before = to_dict(app.agency.get(PROPOSALS, issued.uuid))
    with pytest.raises(ConflictError):
        agency.apply_import(plan)
    assert to_dict(app.agency.get(PROPOSALS, issued.uuid)) == before
    agency.apply_import(plan, take_theirs=[issued.uuid])
    taken = app.agency.get(PROPOSALS, issued.uuid)
    assert taken.issued_service_id == "11031164777" and taken.process.endswith("تحویل پروانه")


def test_what_the_centre_cannot_answer_for_a_proposal_is_refused(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    submission = tmp_path / "submission.asice"
    issued, refused = _sent_proposals(app, certs, pki, submission)
    centre = service(other_app, certs)
    out = tmp_path / "reply.asice"
    with pytest.raises(GovsvcError, match="صدور شناسه"):
        centre.reply(submission, pki.centre.identity, out, accept=[issued.uuid])
    with pytest.raises(GovsvcError, match="یا شناسه صادر کنید یا"):
        centre.reply(submission, pki.centre.identity, out, returns=[(refused.uuid, "نه")],
                     issue_ids=[(refused.uuid, "11031164778")])
    assert not out.exists()


def test_proposals_move_between_offices_like_other_records(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    submission = tmp_path / "submission.asice"
    sent = _sent_proposals(app, certs, pki, submission)
    receiver: BundleService = service(other_app, certs)
    plan = receiver.prepare_import(submission)
    assert plan.ok, plan.summary_fa()
    assert sorted(c.outcome for c in plan.changes if c.record_type == "proposal") == ["create"] * 2
    receiver.apply_import(plan)
    moved = {p.uuid: to_dict(p) for p in other_app.agency.find(PROPOSALS)}
    assert set(moved) == {p.uuid for p in sent}
    for p in sent:
        assert moved[p.uuid]["title"] == p.title and moved[p.uuid]["status"] == "proposed"
    # sending marked them under review here: the next bundle carries that as an update
    again = tmp_path / "again.asice"
    service(app, certs).export(again, pki.agency.identity)
    plan = receiver.prepare_import(again)
    updates = {c.uuid: c.fields for c in plan.changes if c.record_type == "proposal"}
    assert updates == {p.uuid: ["وضعیت"] for p in sent}


def test_a_proposal_changed_at_both_offices_is_settled_record_by_record(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    submission = tmp_path / "submission.asice"
    mine, theirs = _sent_proposals(app, certs, pki, submission)
    receiver = service(other_app, certs)
    receiver.apply_import(receiver.prepare_import(submission))
    for uuid in (mine.uuid, theirs.uuid):  # edited at the receiving office meanwhile
        local = other_app.agency.get(PROPOSALS, uuid)
        local.unit = "واحد ویرایش‌شده در دفتر دیگر"
        other_app.agency.save(PROPOSALS, local)
    for uuid in (mine.uuid, theirs.uuid):  # and at the sending office
        sent = app.agency.get(PROPOSALS, uuid)
        sent.legal_basis = "مادهٔ ۹ قانون مدیریت خدمات کشوری"
        app.agency.save(PROPOSALS, sent)
    again = tmp_path / "again.asice"
    service(app, certs).export(again, pki.agency.identity)
    plan = receiver.prepare_import(again)
    assert {c.uuid for c in plan.conflicts if c.record_type == "proposal"} == {mine.uuid, theirs.uuid}
    before = {p.uuid: to_dict(p) for p in other_app.agency.find(PROPOSALS)}
    with pytest.raises(ConflictError):
        receiver.apply_import(plan)
    assert {p.uuid: to_dict(p) for p in other_app.agency.find(PROPOSALS)} == before
    receiver.apply_import(plan, keep_mine=[mine.uuid], take_theirs=[theirs.uuid])
    kept, taken = (other_app.agency.get(PROPOSALS, u) for u in (mine.uuid, theirs.uuid))
    assert kept.unit == "واحد ویرایش‌شده در دفتر دیگر" and not kept.legal_basis
    assert taken.legal_basis == "مادهٔ ۹ قانون مدیریت خدمات کشوری"
