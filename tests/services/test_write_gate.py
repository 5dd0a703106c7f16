"""Every write path × every role: what the rules table forbids is refused with a Persian
message and the database is unchanged, on both engines."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain import rules
from govsvc_desktop.domain.agency.proposals import ServiceProposal
from govsvc_desktop.domain.choices import Role, Status
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.lifecycle import Action, Actor
from govsvc_desktop.domain.plans.model import PlanStatus
from govsvc_desktop.exchange.excel.layout import MAIN_SHEET
from govsvc_desktop.services import passport_json
from govsvc_desktop.services.agency import PROPOSALS, AgencyService
from govsvc_desktop.services.excel import ExcelImportError, ExcelService
from govsvc_desktop.services.passports import PassportService
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.services.session import Session
from tests.approval_support import HEAD_NAME, approve
from tests.bundle_support import passport, snapshot

ROLES = {
    "preparer": frozenset({Role.PREPARER}),
    "reviewer": frozenset({Role.REVIEWER}),
    "head": frozenset({Role.HEAD}),
    "admin": frozenset({Role.ADMIN}),
    "nobody": frozenset(),
}


def _as(app: App, roles: frozenset[Role]) -> PassportService:
    return PassportService(app.passports.uow_factory, _session(app, roles), app.passports.approvals)


def _session(app: App, roles: frozenset[Role], name: str = "کاربر آزمون",
             username: str = "tester") -> Session:
    """Another person at the same database: their own session, as another computer has."""
    return Session(app.settings, Actor(name, roles, username), app.session.clock)


def _approved(app: App) -> str:
    p = app.passports.save(passport(1)).passport
    return approve(app, p.uuid).uuid


def _json(tmp_path: Path, *records: dict[str, object]) -> bytes:
    return json.dumps({"format": "govsvc.passports", "format_version": 1,
                       "passports": list(records)}, ensure_ascii=False).encode()


def _refused(app: App, write: Callable[[], object], words: str = "") -> GovsvcError:
    """``write`` raises a Persian error and nothing at all changed."""
    before = snapshot(app)
    with pytest.raises(GovsvcError) as caught:
        write()
    message = caught.value.message_fa
    assert any("\u0600" <= ch <= "\u06ff" for ch in message), message
    assert not words or words in message, message
    assert snapshot(app) == before
    return caught.value


@pytest.mark.parametrize("role", list(ROLES))
def test_approved_content_changes_on_no_path(app: App, role: str, tmp_path: Path) -> None:
    uuid = _approved(app)
    svc = _as(app, ROLES[role])
    # the editor (or `passports set`): an approved passport is renewed, not edited
    edited = svc.get(uuid)
    edited.service_time = 1.0
    _refused(app, lambda: svc.save(edited), "تمدید")
    # a JSON file rewriting the approved passport's service time and approval date
    forged = to_dict(svc.get(uuid))
    forged.update(service_time=1.0, approved_on="2026-12-01")
    records = passport_json.parse_document(_json(tmp_path, forged))
    _refused(app, lambda: passport_json.import_passports(svc, records))
    # an Excel row doing the same
    wb = Workbook()
    sheet = wb.active
    sheet.title = MAIN_SHEET
    sheet.append(["کلید رکورد", "مدت زمان ارائه خدمت", "وضعیت"])
    sheet.append([uuid, 1, "پذیرفته‌شده"])
    book = tmp_path / "forged.xlsx"
    wb.save(book)
    err = _refused(app, lambda: ExcelService(svc).import_file(book))
    assert isinstance(err, ExcelImportError)
    # deleting it
    _refused(app, lambda: svc.delete(uuid))


@pytest.mark.parametrize("role", list(ROLES))
def test_imports_never_forge_an_approval(app: App, role: str, tmp_path: Path) -> None:
    svc = _as(app, ROLES[role])
    forged = to_dict(passport(2))
    forged.update(status="approved", approved_by=HEAD_NAME, approved_on="2026-11-30",
                  reviewed_by="کسی", reviewed_on="2026-11-29")
    records = passport_json.parse_document(_json(tmp_path, forged))
    if Role.PREPARER not in ROLES[role] and Role.ADMIN not in ROLES[role]:
        _refused(app, lambda: passport_json.import_passports(svc, records), "تهیه‌کننده")
        return
    report = passport_json.import_passports(svc, records)
    stored = app.passports.get(str(forged["uuid"]))
    assert (stored.status, stored.approved_by, stored.approved_on) == (Status.DRAFT, "", None)
    assert report.drafted == 1 and "پیش‌نویس" in report.notes_fa()


@pytest.mark.parametrize("role", list(ROLES))
def test_life_cycle_moves_and_renewal_check_the_role(app: App, role: str) -> None:
    roles = ROLES[role]
    p = app.passports.save(passport(3)).passport
    svc = _as(app, roles)
    if not rules.holds(roles, frozenset({Role.REVIEWER})):
        _refused(app, lambda: svc.transition(p.uuid, Action.SUBMIT_REVIEW), "بررسی‌کننده")
    app.passports.transition(p.uuid, Action.SUBMIT_REVIEW)
    # approving without the head's signature is refused whoever asks
    _refused(app, lambda: svc.transition(p.uuid, Action.APPROVE))
    approve(app, p.uuid)
    if not rules.holds(roles, frozenset({Role.PREPARER, Role.HEAD})):
        _refused(app, lambda: svc.renew(p.uuid), "تمدید")
    else:
        assert svc.renew(p.uuid).edition == 2


@pytest.mark.parametrize("role", list(ROLES))
def test_plans_and_agency_records_check_the_role(app: App, role: str) -> None:
    roles = ROLES[role]
    service = passport(4)
    service.service_time = 10  # the plan's time before improvement comes from the passport
    app.passports.save(service)
    plans = PlanService(app.plans.uow_factory, _session(app, roles))
    plan = app.plans.new_plan(service.uuid)
    plan.period_start, plan.period_end, plan.goals = "2025-03-21", "2026-03-20", "کاهش زمان"
    assert plan.time_indicator is not None
    plan.time_indicator.target = 6  # a 40% cut: the 30% rule is met
    if not rules.holds(roles, frozenset({Role.PREPARER})):
        _refused(app, lambda: plans.save(copy.deepcopy(plan)), "تهیه‌کننده")
    saved = app.plans.save(plan)
    saved.council_number, saved.council_date = "۱۲/۳۴", "2025-03-01"
    saved.status = PlanStatus.APPROVED
    if Role.HEAD not in roles:
        _refused(app, lambda: plans.save(copy.deepcopy(saved)), "رئیس دستگاه")
    agency = AgencyService(app.agency.uow_factory, _session(app, roles))
    proposal = ServiceProposal(title="خدمت تازه", province="فارس")
    if not rules.holds(roles, frozenset({Role.PREPARER})):
        _refused(app, lambda: agency.save(PROPOSALS, copy.deepcopy(proposal)), "تهیه‌کننده")
        return
    stored = agency.save(PROPOSALS, proposal)
    if not rules.holds(roles, frozenset({Role.ADMIN})):
        _refused(app, lambda: agency.issue_service_id(stored.uuid, "11031164999"), "مدیر سامانه")


def test_new_records_land_as_drafts_whatever_they_claim(app: App) -> None:
    claimed = passport(5)
    claimed.status = Status.ACCEPTED
    claimed.approved_by, claimed.approved_on = "«کاربر محلی»", "2026-11-30"
    saved = app.passports.save(claimed).passport
    assert (saved.status, saved.approved_by, saved.approved_on) == (Status.DRAFT, "", None)


def test_a_preparer_deletes_only_their_own_never_approved_draft(app: App) -> None:
    mine = _as(app, ROLES["preparer"])
    theirs = PassportService(app.passports.uow_factory,
                             _session(app, frozenset({Role.PREPARER}), "همکار", "colleague"))
    p = mine.save(passport(6)).passport
    _refused(app, lambda: theirs.delete(p.uuid), "تهیه‌کنندهٔ همین رکورد")
    _as(app, ROLES["admin"]).delete(p.uuid)
    assert app.passports.count() == 0
