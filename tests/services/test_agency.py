"""The agency's obligations through the services on a real database: licences imported and
mapped, proposals issued an ID, the nine steps, the compliance dashboard on crafted data, and
the published lists and cycle report as real PDF and Excel files."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.agency.compliance import ComplianceKind
from govsvc_desktop.domain.agency.cycle import ChainLink, CycleStepKey, ServiceChain, StepStatus
from govsvc_desktop.domain.agency.deadlines import EventKind
from govsvc_desktop.domain.agency.licences import LicenceEntry, LicenceFinding
from govsvc_desktop.domain.agency.proposals import ProposalStatus, ServiceProposal
from govsvc_desktop.domain.choices import ChannelKind, ElectronicMethod, RecordKind, Status
from govsvc_desktop.domain.errors import ConflictError, GovsvcError, ValidationError
from govsvc_desktop.domain.passport.model import Channel, ServicePassport, StageElectronic
from govsvc_desktop.exchange.records.licence_table import read_licences
from govsvc_desktop.services.agency import CHAINS, LICENCES, PROPOSALS, STEPS
from tests.fixtures import full_passport
from tests.reports.test_passport_pdf import pdftotext, squeeze


def put(app: App, p: ServicePassport) -> None:
    """Stores a crafted passport as it is (any status, any age) through the store."""
    p.revision, p.updated_at = 1, p.updated_at or "2026-11-01T00:00:00"
    p.created_at = p.created_at or "2026-11-01T00:00:00"
    with app.uow() as uow:
        uow.passports.insert(p)
        uow.commit()


def approved(uuid: str, service_id: str, title: str, approved_on: str, **kw: object) -> ServicePassport:
    p = dataclasses.replace(full_passport(uuid), service_id=service_id, title=title,
                            status=Status.APPROVED, approved_on=approved_on, licences=[])
    for key, value in kw.items():
        setattr(p, key, value)
    return p


def test_licence_list_import_is_all_or_nothing_and_names_the_row(app: App, tmp_path: Path) -> None:
    path = tmp_path / "licences.csv"
    path.write_text("کد مجوز,عنوان مجوز,مرجع صدور,شناسه خدمت\n"
                    "LP-1,پروانه کسب,اتحادیه,۱۱۰۳۱۱۶۴۰۰۱\n"
                    "LP-2,,اتحادیه,\n"
                    "LP-1,تکراری,اتحادیه,\n", "utf-8")
    with pytest.raises(ValidationError) as caught:
        app.agency.import_licences(read_licences(path))
    assert {p.describe() for p in caught.value.problems} == {
        "ردیف 3: title: عنوان مجوز خالی است", "ردیف 4: code: کد «LP-1» در ردیف 2 هم آمده است"}
    assert app.agency.find(LICENCES) == []
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Title", "Code", "Service ID"])
    ws.append(["پروانه کسب", "LP-1", "11031164001"])
    ws.append(["جواز تأسیس", "LP-2", None])
    wb.save(tmp_path / "licences.xlsx")
    assert app.agency.import_licences(read_licences(tmp_path / "licences.xlsx")) == (2, 0, 0)
    entry = app.agency.map_licence("lp-۲", "11031164002")
    assert entry.service_id == "11031164002"
    # a later list without the mapping keeps the mapping already made
    assert app.agency.import_licences(read_licences(tmp_path / "licences.xlsx")) == (0, 0, 2)
    assert {e.code: e.service_id for e in app.agency.find(LICENCES)} == {
        "LP-1": "11031164001", "LP-2": "11031164002"}
    with pytest.raises(ValidationError, match="شناسهٔ خدمت درستی نیست"):
        app.agency.map_licence("LP-1", "12-AB")


def test_licence_check_sees_the_passports_own_licence_list(app: App) -> None:
    app.passports.save(full_passport())  # lists its own licences, none in the portal's list
    issues = app.agency.licence_issues()
    assert {i.finding for i in issues} == {LicenceFinding.NOT_IN_REGISTRY}


def test_records_are_revision_locked_and_audited(app: App) -> None:
    saved = app.agency.save(PROPOSALS, ServiceProposal(title="صدور برگ تردد دام", province="کرمان"))
    stale = dataclasses.replace(saved)
    saved.status, saved.proposed_on = ProposalStatus.PROPOSED, "2026-11-01"
    app.agency.save(PROPOSALS, saved)
    stale.county = "بم"
    with pytest.raises(ConflictError):
        app.agency.save(PROPOSALS, stale)
    issued = app.agency.issue_service_id(saved.uuid, "۹۰۰۰۰۰۰۱")
    assert (issued.status, issued.issued_service_id, issued.revision) == (
        ProposalStatus.ISSUED, "90000001", 3)
    with app.uow() as uow:
        actions = [e.action for e in uow.audit.history(saved.uuid)]
    assert actions.count("create") == 1 and actions.count("update") >= 2
    with pytest.raises(ValidationError, match="استان"):
        app.agency.save(PROPOSALS, ServiceProposal(title="بی‌استان"))


def test_nine_steps_default_deadlines_and_overdue(app: App) -> None:
    steps = app.agency.steps()
    assert [s.step.number for s in steps] == list(range(1, 10))
    assert steps[0].deadline == "2025-01-27"  # one month after 1403/10/08
    assert steps[0].is_overdue(dt.date(2026, 11, 25))
    step = app.agency.step("۱")
    step.status, step.approval_date = StepStatus.APPROVED, "2025-01-20"
    app.agency.save(STEPS, step)
    assert not app.agency.step("1").is_overdue(dt.date(2026, 11, 25))
    step = app.agency.step("2")
    step.status = StepStatus.APPROVED
    with pytest.raises(ValidationError, match="تاریخ تأییدیه"):
        app.agency.save(STEPS, step)
    with pytest.raises(GovsvcError, match="حذف نمی‌شوند"):
        app.agency.delete(STEPS, app.agency.step("1").uuid)


def test_crafted_violations_are_exactly_the_dashboard_items(app: App) -> None:
    today = app.passports.today()
    iso = today.isoformat
    long_ago = (today - dt.timedelta(days=400)).isoformat()
    recent = (today - dt.timedelta(days=10)).isoformat()
    put(app, approved("00000000-0000-4000-8000-000000000001", "10000001", "خدمت سالم", recent))
    put(app, approved("00000000-0000-4000-8000-000000000002", "10000002", "خدمت منقضی", long_ago))
    put(app, approved("00000000-0000-4000-8000-000000000008", "10000008", "خدمت رو به انقضا",
                      (today - dt.timedelta(days=350)).isoformat()))
    put(app, approved("00000000-0000-4000-8000-000000000003", "10000003", "خدمت دیرکرد", recent,
                      electronic_method=ElectronicMethod.NON_ELECTRONIC, exemption_approved=False,
                      electronic_target_date=(today - dt.timedelta(days=1)).isoformat()))
    old_draft = dataclasses.replace(full_passport("00000000-0000-4000-8000-000000000004"),
                                    service_id="", title="پیش‌نویس کهنه", licences=[],
                                    created_at=(today - dt.timedelta(days=45)).isoformat() + "T09:00:00")
    put(app, old_draft)
    gaps = dataclasses.replace(full_passport("00000000-0000-4000-8000-000000000005"),
                               service_id="", title="بی‌شرح", description="", licences=[],
                               created_at=iso() + "T09:00:00")
    put(app, gaps)
    app.agency.save(LICENCES, LicenceEntry(code="LP-7", title="بی‌خدمت"))
    missing = app.agency.save(LICENCES, LicenceEntry(code="LP-8", title="خدمت بی‌شناسنامه",
                                                      service_id="10000099"))
    for step in app.agency.steps():
        if step.step is CycleStepKey.WORKFORCE:  # one step left behind its deadline
            step.deadline = (today - dt.timedelta(days=3)).isoformat()
        else:
            step.status, step.approval_date = StepStatus.APPROVED, "2025-01-01"
        app.agency.save(STEPS, step)
    low = app.plans.new_plan("00000000-0000-4000-8000-000000000001")  # its passport: 15 days
    low.title, low.goals = "برنامه کم‌هدف", "کاهش زمان"
    assert low.time_indicator is not None
    low.time_indicator.target = 12.0  # a 20% cut
    app.plans.save(low)
    # the agency's own deadlines met, but for one referral the parent body has not answered
    for kind in (EventKind.LAWS_LISTED, EventKind.REPRESENTATIVE_APPOINTED,
                 EventKind.CHAINS_REGISTERED):
        app.deadlines.record_event(kind, dt.date(2025, 1, 5))
    app.deadlines.record_event(EventKind.PARENT_REFERRAL, today - dt.timedelta(days=8))
    put(app, approved("00000000-0000-4000-8000-000000000006", "10000006", "نخستین", recent))
    put(app, approved("00000000-0000-4000-8000-000000000007", "10000006", "دومی با همان شناسه", recent))
    report = app.compliance.report()
    found = {(i.kind, i.title) for i in report.items}
    assert found == {
        (ComplianceKind.STEP_OVERDUE, "گام ۷: متناسب‌سازی نیروی انسانی"),
        (ComplianceKind.PLAN_BELOW_TARGET, "برنامه کم‌هدف"),
        (ComplianceKind.DUPLICATE_ID, "نخستین"),
        (ComplianceKind.DUPLICATE_ID, "دومی با همان شناسه"),
        (ComplianceKind.DEADLINE_OVERDUE, "بررسی خدمات دستگاه تابعه و اعلام نظر دستگاه مادر"),
        (ComplianceKind.EXPIRED, "خدمت منقضی"),
        (ComplianceKind.EXPIRING, "خدمت رو به انقضا"),
        (ComplianceKind.ELECTRONIC_LATE, "خدمت دیرکرد"),
        (ComplianceKind.OLD_DRAFT, "پیش‌نویس کهنه"),
        (ComplianceKind.APPROVAL_BLOCKED, "بی‌شرح"),
        (ComplianceKind.LICENCE_UNMAPPED, "LP-7 بی‌خدمت"),
        (ComplianceKind.PASSPORT_MISSING, "10000099"),
    }
    assert {kind for kind, _ in found} == set(ComplianceKind), "one of every violation"
    assert report.blocking_fields == {"شرح خدمت / وظیفه": 1}
    assert next(i for i in report.items if i.kind is ComplianceKind.PASSPORT_MISSING).record_uuid == missing.uuid


def test_chain_of_own_agency_expects_a_passport(app: App) -> None:
    app.session.apply_settings(dataclasses.replace(app.settings, agency_name="سازمان نمونه"))
    with pytest.raises(ValidationError, match="دو دستگاه"):
        app.agency.save(CHAINS, ServiceChain(title="ز", links=[ChainLink("الف", "10000001"),
                                                                ChainLink("الف", "10000002")]))
    app.agency.save(CHAINS, ServiceChain(title="زنجیره", links=[
        ChainLink("ثبت احوال", "", "استعلام هویت"), ChainLink("سازمان نمونه", "10000077", "صدور")]))
    kinds = {(i.kind, i.title) for i in app.compliance.report().items}
    assert (ComplianceKind.PASSPORT_MISSING, "10000077") in kinds


def test_published_lists_as_pdf_and_excel(app: App, tmp_path: Path) -> None:
    recent = (app.passports.today() - dt.timedelta(days=10)).isoformat()
    online = approved("00000000-0000-4000-8000-000000000011", "20000001", "صدور کارت (هوشمند) ملی",
                      recent, electronic_method=ElectronicMethod.ONLINE, delegated_to_counters=False,
                      stages_electronic=StageElectronic(True, True, True))
    later = approved("00000000-0000-4000-8000-000000000012", "20000002", "ثبت نام دوره آموزشی",
                     recent, electronic_method=ElectronicMethod.NON_ELECTRONIC,
                     electronic_target_date="2027-03-01", exemption_approved=False,
                     delegated_to_counters=True, counter_actions="ثبت و پیگیری درخواست",
                     counter_fee_rials=150000,
                     channels=[Channel(ChannelKind.COUNTER, 12, "دفاتر پیشخوان شهرستان")])
    draft = dataclasses.replace(full_passport("00000000-0000-4000-8000-000000000013"),
                                service_id="", title="پیش‌نویس منتشرنشده", licences=[])
    for p in (online, later, draft):
        put(app, p)
    task = dataclasses.replace(online, uuid="00000000-0000-4000-8000-000000000014",
                               kind=RecordKind.TASK, service_id="", title="وظیفه")
    put(app, task)
    lists = app.lists.write_pdf(tmp_path / "lists.pdf")
    assert lists.counts == {"electronic": 1, "non_electronic": 1, "delegated": 1}
    assert lists.left_out == 1
    text = squeeze(pdftotext(tmp_path / "lists.pdf"))
    for phrase in ("فهرست خدمات الکترونیکی", "ثبت نام دوره آموزشی", "ثبت و پیگیری درخواست",
                   "دفاتر پیشخوان"):
        assert squeeze(phrase) in text, phrase
    assert "پیش‌نویس منتشرنشده" not in pdftotext(tmp_path / "lists.pdf")
    app.lists.write_excel(tmp_path / "lists.xlsx")
    wb = load_workbook(tmp_path / "lists.xlsx")
    assert wb.sheetnames == ["خدمات الکترونیکی", "خدمات الکترونیکی‌نشده", "واگذارشده به پیشخوان"]
    rows = list(wb["خدمات الکترونیکی‌نشده"].values)
    assert rows[1][:4] == ("20000002", "ثبت نام دوره آموزشی", later.providing_unit, "۱۴۰۵/۱۲/۱۰")
    assert wb["واگذارشده به پیشخوان"]["E2"].value == 150000
    assert wb["خدمات الکترونیکی"].sheet_view.rightToLeft


def test_cycle_report_pdf_reads_back(app: App, tmp_path: Path) -> None:
    from govsvc_desktop.domain.agency.cycle import RepresentativeReport
    from govsvc_desktop.services.agency import REPORTS

    app.agency.save(REPORTS, RepresentativeReport(period="نیمهٔ دوم ۱۴۰۵", representative="معاون توسعه",
                                                  progress="گام‌های اول و دوم تأیید شد",
                                                  challenges="کمبود نیروی متخصص"))
    path = tmp_path / "cycle.pdf"
    path.write_bytes(app.agency.cycle_pdf("سازمان نمونه"))
    text = squeeze(pdftotext(path))
    for phrase in (CycleStepKey.DATA_CATALOGUE.label_fa, "کمبود نیروی متخصص", "گام‌های اول و دوم تأیید شد",
                   "از موعد گذشته"):
        assert squeeze(phrase) in text, phrase
