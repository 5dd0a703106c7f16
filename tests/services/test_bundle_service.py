"""Bundles through the services, on a real database: export, delta, marking sent only after the
file is complete, import, the centre's reply, conflicts, and refusals that change nothing."""

from __future__ import annotations

import hashlib
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import ConflictError, GovsvcError
from govsvc_desktop.domain.passport.lifecycle import Action
from govsvc_desktop.exchange.records.bundle import BundleHeader, write_bundle
from govsvc_desktop.exchange.signing.pdf import verify_pdf
from govsvc_desktop.services.bundles.kinds import PASSPORTS
from govsvc_desktop.services.bundles.service import BundleRefused, BundleService, ExportCancelled
from govsvc_desktop.services.certificates import CertificateService
from tests.bundle_support import (
    Pki,
    flip,
    install,
    records,
    rewrite,
    seed,
    service,
    snapshot,
)


@pytest.fixture
def svc(app: App, certs: CertificateService) -> BundleService:
    return service(app, certs)


@pytest.fixture
def other(other_app: App, certs: CertificateService) -> BundleService:
    return service(other_app, certs)


def _sent(svc: BundleService, out: Path, pki: Pki, **kwargs: object) -> str:
    return svc.export(out, pki.agency.identity, **kwargs).sha256  # type: ignore[arg-type]


def _bundle_uuids(path: Path) -> set[str]:
    import json

    with zipfile.ZipFile(path) as zf:
        return {p["uuid"] for p in json.loads(zf.read("data/passports.json"))["passports"]}


def test_export_then_import_into_empty_database_gives_identical_records(
    app: App, svc: BundleService, other: BundleService, other_app: App, pki: Pki,
    tmp_path: Path,
) -> None:
    made = seed(app)
    before = records(app)
    out = tmp_path / "submission.asice"
    result = svc.export(out, pki.agency.identity)
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.marked_sent == 4 and result.header.records == {"passports": 6}
    for uuid in made["approved"] + made["proposed"]:
        assert app.passports.get(uuid).status is Status.SENT
    assert all(app.passports.get(u).status is Status.DRAFT for u in made["drafts"])
    assert [(e.sha256, e.direction, e.acknowledged) for e in svc.history()] == [
        (result.sha256, "sent", False)]
    audit = app.passports.history(result.header.bundle_id)
    assert [(h.action, h.new_value) for h in audit] == [("bundle_export", result.sha256)]
    with zipfile.ZipFile(out) as zf:
        pdfs = [n for n in zf.namelist() if n.startswith("data/pdf/")]
        assert len(pdfs) == 4
        for name in pdfs:
            assert verify_pdf(zf.read(name), [pki.agency.ca_certificate]).ok

    plan = other.prepare_import(out)
    assert plan.ok, plan.summary_fa()
    assert {c.outcome for c in plan.changes} == {"create"}
    outcome = other.apply_import(plan)
    assert outcome.created == 6
    assert records(other_app) == before
    with pytest.raises(BundleRefused, match="پیش‌تر"):
        other.apply_import(other.prepare_import(out))


def test_delta_after_edits_carries_exactly_the_changed_records(
    app: App, svc: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    made = seed(app)
    with pytest.raises(GovsvcError, match="کامل"):
        svc.plan_export(delta=True)
    first = _sent(svc, tmp_path / "full.asice", pki)
    assert svc.acknowledge(first[:12]).acknowledged
    assert svc.plan_export(delta=True).empty
    edited = app.passports.get(made["drafts"][0])
    edited.title += " (ویرایش)"
    app.passports.save(edited)
    app.passports.transition(made["drafts"][1], Action.SUBMIT_REVIEW)
    plan = svc.plan_export(delta=True)
    assert {k: n for k, n in plan.counts.items() if n} == {"passports": 2}
    assert plan.to_mark_sent == 0
    delta = svc.export(tmp_path / "delta.asice", pki.agency.identity, delta=True)
    assert _bundle_uuids(tmp_path / "delta.asice") == set(made["drafts"])
    assert delta.header.delta and delta.header.follows == first and delta.header.sequence == 2
    svc.acknowledge(str(tmp_path / "delta.asice"))
    with pytest.raises(GovsvcError, match="تغییر نکرده"):
        svc.export(tmp_path / "nothing.asice", pki.agency.identity, delta=True)


def test_records_are_marked_sent_only_after_the_file_is_complete(
    app: App, svc: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    made = seed(app)
    state = snapshot(app)
    out = tmp_path / "out" / "bundle.asice"
    out.parent.mkdir()
    calls: list[int] = []

    def stop_midway(done: int, total: int) -> bool:
        calls.append(done)
        return done < total - 3

    with pytest.raises(ExportCancelled):
        svc.export(out, pki.agency.identity, progress=stop_midway)
    assert calls and list(out.parent.iterdir()) == [] and snapshot(app) == state

    def broken_renderer(p: object) -> bytes:
        raise OSError("disk full while rendering")

    failing = BundleService(app.uow, app.passports, svc.certificates,
                            render_pdf=broken_renderer)
    with pytest.raises(OSError):
        failing.export(out, pki.agency.identity)
    assert list(out.parent.iterdir()) == [] and snapshot(app) == state

    def meddle(done: int, total: int) -> bool:
        if done == total - 2:  # someone acts on a record while the file is being written
            app.passports.transition(made["approved"][0], Action.MARK_SENT)
        return True

    with pytest.raises(ConflictError):
        svc.export(out, pki.agency.identity, progress=meddle)
    assert list(out.parent.iterdir()) == []
    assert app.passports.get(made["approved"][1]).status is Status.APPROVED
    assert svc.history() == []


def test_centre_reply_changes_exactly_those_records_with_audit(
    app: App, svc: BundleService, other: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    made = seed(app)
    submission = tmp_path / "submission.asice"
    sha = _sent(svc, submission, pki)
    before = {p.uuid: p for p in app.passports.iter_passports()}
    reply = other.reply(
        submission, pki.centre.identity, tmp_path / "reply.asice",
        accept=[made["approved"][0]], returns=[(before[made["approved"][1]].service_id, "مدارک ناقص")],
        issue_ids=[(made["proposed"][0], "۱۱۰۳۱۱۶۴۹۹۹")],
    )
    assert len(reply.decisions) == 3
    plan = svc.prepare_import(reply.path)
    assert plan.ok and not plan.conflicts, plan.summary_fa()
    outcome = svc.apply_import(plan)
    assert outcome.decisions == 3 and outcome.acknowledged == sha
    after = {p.uuid: p for p in app.passports.iter_passports()}
    accepted, returned, issued = (after[made["approved"][0]], after[made["approved"][1]],
                                  after[made["proposed"][0]])
    assert accepted.status is Status.ACCEPTED and accepted.centre_decision_on
    assert returned.status is Status.RETURNED and returned.centre_comment == "مدارک ناقص"
    assert issued.service_id == "11031164999" and issued.status is Status.SENT
    untouched = set(before) - {accepted.uuid, returned.uuid, issued.uuid}
    assert all(after[u] == before[u] for u in untouched)
    actions = {u: [h.action for h in app.passports.history(u)] for u in after}
    assert "accept" in actions[accepted.uuid] and "return" in actions[returned.uuid]
    assert "issue_id" in actions[issued.uuid]
    centre_rows = [h for h in app.passports.history(accepted.uuid) if h.action == "accept"]
    assert centre_rows and all(h.actor.startswith("سامانهٔ مرکزی") for h in centre_rows)
    history = {(e.direction, e.kind): e for e in svc.history()}
    assert history[("sent", "submission")].acknowledged
    assert history[("received", "reply")].in_reply_to == sha
    assert svc.plan_export(delta=True).empty


def test_locally_changed_record_is_a_conflict_never_overwritten(
    app: App, svc: BundleService, other: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    made = seed(app)
    submission = tmp_path / "submission.asice"
    _sent(svc, submission, pki)
    changed = made["approved"][0]
    app.passports.transition(changed, Action.RETURN, "بازبینی داخلی")
    app.passports.transition(changed, Action.REOPEN)
    p = app.passports.get(changed)
    p.title += " (اصلاح محلی)"
    app.passports.save(p)
    reply = other.reply(submission, pki.centre.identity, tmp_path / "reply.asice",
                        accept=[changed, made["approved"][1]])
    plan = svc.prepare_import(reply.path)
    assert plan.ok and [c.uuid for c in plan.conflicts] == [changed]
    state = snapshot(app)
    with pytest.raises(ConflictError) as info:
        svc.apply_import(plan)
    assert p.title in info.value.message_fa and snapshot(app) == state
    outcome = svc.apply_import(plan, keep_mine=[changed])
    assert outcome.decisions == 1 and outcome.kept == 1
    assert app.passports.get(changed).title == p.title
    assert app.passports.get(changed).status is Status.DRAFT
    assert app.passports.get(made["approved"][1]).status is Status.ACCEPTED


def _drafts_shared(
    app: App, svc: BundleService, other: BundleService, pki: Pki, tmp_path: Path,
) -> dict[str, list[str]]:
    """Two drafts made here, sent, acknowledged and imported by the other office."""
    made = seed(app, approved=0, drafts=2, proposed=0)
    first = tmp_path / "first.asice"
    svc.acknowledge(_sent(svc, first, pki))
    other.apply_import(other.prepare_import(first))
    return made


def test_records_from_another_office_conflict_and_resolve(
    app: App, svc: BundleService, other: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    made = _drafts_shared(app, svc, other, pki, tmp_path)
    uuid = made["drafts"][0]
    ours = app.passports.get(uuid)
    ours.description = "نسخهٔ دفتر مبدا"
    app.passports.save(ours)
    second = tmp_path / "second.asice"
    svc.export(second, pki.agency.identity, delta=True)
    theirs = other.passports.get(uuid)
    theirs.description = "نسخهٔ دفتر مقصد"
    other.passports.save(theirs)
    plan = other.prepare_import(second)
    assert plan.ok and [c.uuid for c in plan.conflicts] == [uuid]
    with pytest.raises(ConflictError):
        other.apply_import(plan)
    assert other.passports.get(uuid).description == "نسخهٔ دفتر مقصد"
    other.apply_import(plan, take_theirs=[uuid])
    assert other.passports.get(uuid).description == "نسخهٔ دفتر مبدا"


def test_an_edit_here_is_a_conflict_even_when_the_other_office_edited_later_and_more(
    app: App, svc: BundleService, other: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    made = _drafts_shared(app, svc, other, pki, tmp_path)
    edited_there, untouched_there = made["drafts"]
    theirs = other.passports.get(edited_there)
    theirs.description = "نسخهٔ دفتر مقصد"
    other.passports.save(theirs)  # first, and only once
    for text in ("نسخهٔ دفتر مبدا", "نسخهٔ دفتر مبدا، بازبینی‌شده"):
        for uuid in made["drafts"]:  # later, twice: a higher revision and a later time
            ours = app.passports.get(uuid)
            ours.description = text
            app.passports.save(ours)
    second = tmp_path / "second.asice"
    svc.export(second, pki.agency.identity, delta=True)
    plan = other.prepare_import(second)
    outcomes = {c.uuid: c.outcome for c in plan.changes}
    assert outcomes == {edited_there: "conflict", untouched_there: "update"}
    with pytest.raises(ConflictError):
        other.apply_import(plan)
    assert other.passports.get(edited_there).description == "نسخهٔ دفتر مقصد"
    other.apply_import(plan, take_theirs=[edited_there])
    assert other.passports.get(edited_there).description == "نسخهٔ دفتر مبدا، بازبینی‌شده"
    # what came in is the new starting point: the next edit from there is a plain update
    ours = app.passports.get(edited_there)
    ours.description = "نسخهٔ سوم"
    app.passports.save(ours)
    third = tmp_path / "third.asice"
    svc.export(third, pki.agency.identity)
    plan = other.prepare_import(third)
    assert {c.uuid: c.outcome for c in plan.changes}[edited_there] == "update"
    other.apply_import(plan)
    assert other.passports.get(edited_there).description == "نسخهٔ سوم"


TAMPERINGS: dict[str, object] = {
    "payload-byte": lambda n, d: (n, flip(d, 10)) if n == "data/passports.json" else (n, d),
    "pdf-byte": lambda n, d: (n, flip(d, 100)) if n.startswith("data/pdf/") else (n, d),
    "manifest-byte": lambda n, d: (n, d.replace(b"sha256", b"sha257", 1))
    if n.endswith("ASiCManifest.xml") else (n, d),
    "signature-byte": lambda n, d: (n, flip(d, len(d) - 20)) if n.endswith(".p7s") else (n, d),
    "rename": lambda n, d: (n.replace("data/passports.json", "data/passport.json"), d),
    "unsigned": lambda n, d: None if n.endswith(".p7s") else (n, d),
}


TAMPER = [*TAMPERINGS, "added-entry", "meta-inf-entry", "other-ca"]


@pytest.mark.parametrize("case", TAMPER)
def test_tampered_bundles_are_refused_and_nothing_changes(
    app: App, svc: BundleService, other: BundleService, other_app: App, pki: Pki,
    tmp_path: Path, case: str,
) -> None:
    seed(app, approved=2, drafts=1, proposed=0)
    good = tmp_path / "good.asice"
    if case == "other-ca":
        install(svc.certificates, pki.stranger, trust=False)
        svc.export(good, pki.stranger.identity)
        bad = good
    else:
        _sent(svc, good, pki)
        if case == "added-entry":
            bad = rewrite(good, tmp_path / "bad.asice", extra=[("data/extra.json", b"{}")])
        elif case == "meta-inf-entry":
            bad = rewrite(good, tmp_path / "bad.asice", extra=[("META-INF/evil.xml", b"<x/>")])
        else:
            bad = rewrite(good, tmp_path / "bad.asice", TAMPERINGS[case])  # type: ignore[arg-type]
    for receiver, target in ((other, other_app), (svc, app)):
        state = snapshot(target)
        plan = receiver.prepare_import(bad)
        assert not plan.ok and "✘" in plan.summary_fa()
        with pytest.raises(BundleRefused):
            receiver.apply_import(plan)
        assert snapshot(target) == state
    assert other.history() == [] and records(other_app) == []


def _hostile(src: Path, dst: Path, case: str) -> Path:
    with zipfile.ZipFile(src) as zin, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(dst, "w") as zout:
            for info in zin.infolist():
                zout.writestr(info, zin.read(info))
            if case == "zip-slip":
                zout.writestr("data/../../escape.txt", b"x")
            elif case == "absolute":
                zout.writestr("/etc/cron.d/evil", b"x")
            elif case == "symlink":
                link = zipfile.ZipInfo("data/link")
                link.external_attr = (stat.S_IFLNK | 0o777) << 16
                zout.writestr(link, "/etc/passwd")
            elif case == "bomb":
                zout.writestr("data/evidence/" + "0" * 64, b"\0" * (24 << 20),
                              compress_type=zipfile.ZIP_DEFLATED)
            elif case == "duplicate":
                zout.writestr("data/passports.json", b'{"format": "govsvc.passports"}')
    return dst


@pytest.mark.parametrize("case", ["zip-slip", "absolute", "symlink", "bomb", "duplicate"])
def test_hostile_archives_are_refused_and_nothing_changes(
    app: App, svc: BundleService, pki: Pki, tmp_path: Path, case: str,
) -> None:
    seed(app, approved=1, drafts=1, proposed=0)
    good = tmp_path / "good.asice"
    _sent(svc, good, pki)
    bad = _hostile(good, tmp_path / "bad.asice", case)
    state = snapshot(app)
    plan = svc.prepare_import(bad)
    assert not plan.ok and plan.checks[0].name == "archive"
    with pytest.raises(BundleRefused):
        svc.apply_import(plan)
    assert snapshot(app) == state


def test_unknown_schema_version_and_reply_to_unknown_bundle_are_refused(
    app: App, svc: BundleService, other: BundleService, other_app: App, pki: Pki,
    tmp_path: Path,
) -> None:
    newer = tmp_path / "newer.asice"
    header = BundleHeader(kind="submission", bundle_id="b", created_at="2026-01-01T00:00:00+00:00",
                          format_version=2)
    write_bundle(newer, header, pki.agency.identity, [(PASSPORTS.spec.entry, b"{}")])
    plan = svc.prepare_import(newer)
    assert not plan.ok and "برنامه را به‌روز کنید" in plan.summary_fa()
    assert "(۲)" in plan.summary_fa(), "the version is written in Persian digits"

    seed(app)
    submission = tmp_path / "submission.asice"
    _sent(svc, submission, pki)
    stranger_reply = tmp_path / "reply.asice"
    svc.reply(submission, pki.centre.identity, stranger_reply,
              accept=[next(iter(p.uuid for p in app.passports.iter_passports()
                                if p.status is Status.SENT))])
    state = snapshot(other_app)
    plan = other.prepare_import(stranger_reply)
    assert not plan.ok and "فرستاده نشده" in plan.summary_fa()
    with pytest.raises(BundleRefused):
        other.apply_import(plan)
    assert snapshot(other_app) == state


def test_expired_certificate_cannot_sign_a_bundle(
    app: App, svc: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    import datetime as dt

    from govsvc_desktop.exchange.signing.certificates import CertificateValidityError
    from govsvc_desktop.exchange.signing.demo_pki import issue_test_certificate

    seed(app, approved=1, drafts=0, proposed=0)
    now = dt.datetime.now(dt.UTC)
    expired = issue_test_certificate(pki.agency.ca_certificate, pki.agency.ca_key, "کاربر قدیمی",
                                     "وزارت", not_before=now - dt.timedelta(days=60),
                                     not_after=now - dt.timedelta(days=1))
    state = snapshot(app)
    with pytest.raises(CertificateValidityError, match="منقضی"):
        svc.export(tmp_path / "x.asice", expired)
    assert not (tmp_path / "x.asice").exists() and snapshot(app) == state


def test_reference_list_update_travels_in_a_reply_and_changes_the_pick_lists(
    app: App, svc: BundleService, other: BundleService, pki: Pki, tmp_path: Path,
) -> None:
    from govsvc_desktop.services.reference import ReferenceService, shipped_documents

    seed(app)
    submission = tmp_path / "submission.asice"
    _sent(svc, submission, pki)
    newer = shipped_documents()["divisions"]
    newer["version"] = "1404.1"
    tehran = next(p for p in newer["provinces"] if p["name"] == "تهران")
    tehran["counties"].append({"name": "شهرستان نوبنیاد"})
    reference = ReferenceService(app.uow, app.session)
    assert "شهرستان نوبنیاد" not in reference.search("county", "نوبنیاد", province="تهران")
    reply = other.reply(submission, pki.centre.identity, tmp_path / "reply.asice",
                        reference_lists={"divisions": newer})
    assert reply.decisions == []
    plan = svc.prepare_import(reply.path)
    assert plan.ok, plan.summary_fa()
    assert any("1404.1" in n and "1403.1" in n for n in plan.reference_notes)
    assert "ℹ" in plan.summary_fa()
    outcome = svc.apply_import(plan)
    assert "1404.1" in outcome.summary_fa()
    assert reference.versions()["divisions"] == "1404.1"
    assert reference.search("county", "نوبنياد", province="تهران") == ["شهرستان نوبنیاد"]
    with app.uow() as uow:
        rows = uow.audit.history("divisions")
    assert {e.action for e in rows} == {"reference_update"}
    assert ("version", "1403.1", "1404.1") in {(e.field_path, e.old_value, e.new_value) for e in rows}
    # the same (or an older) list again changes nothing
    again = other.reply(submission, pki.centre.identity, tmp_path / "reply2.asice",
                        reference_lists={"divisions": newer})
    plan = svc.prepare_import(again.path)
    assert any("تازه‌تر" in n for n in plan.reference_notes)
