import copy
import datetime as dt

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import ConflictError, GovsvcError, ValidationError
from govsvc_desktop.domain.passport.lifecycle import STAMP_FIELDS, Action
from govsvc_desktop.domain.passport.model import Licence, ServicePassport
from govsvc_desktop.domain.passport.queries import PassportFilter
from tests.approval_support import HEAD_NAME, approve, store_as_is, trust_head
from tests.fixtures import full_passport


def test_full_passport_survives_save_and_reopen(app: App) -> None:
    original = full_passport()
    saved = app.passports.save(original).passport
    reopened = app.passports.get(original.uuid)
    expected = to_dict(original)
    got = to_dict(reopened)
    for key in ("revision", "created_at", "updated_at", *STAMP_FIELDS):
        expected.pop(key), got.pop(key)
    assert got == expected
    assert reopened.revision == saved.revision == 1
    # the stamps the new record came with are not taken: it is a draft nobody reviewed
    assert (reopened.status, reopened.approved_by, reopened.reviewed_on) == (Status.DRAFT, "", None)


def test_update_writes_field_level_audit(app: App) -> None:
    p = app.passports.save(full_passport()).passport
    p.title = "عنوان تازه"
    p.fees[0].amount_rials = 3_000_000
    result = app.passports.save(p)
    assert set(result.changed_fields) == {"title", "fees[0].amount_rials"}
    history = app.passports.history(p.uuid)
    assert [h.action for h in history] == ["create", "update", "update"]
    changed = {h.field_path: (h.old_value, h.new_value) for h in history[1:]}
    assert changed["fees[0].amount_rials"] == ("2500000", "3000000")
    assert all(h.actor == app.actor.name for h in history)


def test_blocking_problem_saves_nothing(app: App) -> None:
    p = full_passport()
    p.direct_cost_rials = -10
    with pytest.raises(ValidationError) as info:
        app.passports.save(p)
    assert info.value.problems[0].field_path == "direct_cost_rials"
    assert app.passports.count() == 0


def test_concurrent_edit_is_refused_with_what_changed(app: App) -> None:
    p = app.passports.save(full_passport()).passport
    mine, theirs = copy.deepcopy(p), copy.deepcopy(p)
    theirs.description = "تغییر همکار"
    app.passports.save(theirs)
    mine.benefits = "تغییر من"
    with pytest.raises(ConflictError, match="شرح خدمت"):
        app.passports.save(mine)
    assert app.passports.get(p.uuid).benefits == p.benefits


def test_search_finds_every_spelling(app: App) -> None:
    p = full_passport()
    p.title = "صدور کارت ملی هوشمند"
    p.description = "می‌خواهم"
    app.passports.save(p)
    other = ServicePassport(title="ثبت شرکت")
    app.passports.save(other)
    for query in ("كارت ملي", "کارت", "ملی هوش", "میخواهم", "می خواهم", "11031164001", "۱۱۰۳۱۱۶۴"):
        found = [r.uuid for r in app.passports.page(PassportFilter(search=query))]
        assert found == [p.uuid], query


def test_filters_and_sorting(app: App) -> None:
    demo.populate(app.uow, 120, seed=3)
    total = app.passports.count()
    drafts = app.passports.count(PassportFilter(statuses=(Status.DRAFT,)))
    assert 0 < drafts < total
    rows = app.passports.page(PassportFilter(province="فارس"), sort="service_id", limit=None)
    assert rows and all(r.province == "فارس" for r in rows)
    ids = [r.service_id for r in rows]
    assert ids == sorted(ids)
    electronic = app.passports.page(PassportFilter(electronic=True), limit=None)
    assert all(r.electronic_method and r.electronic_method.value in ("online", "offline") for r in electronic)


def test_life_cycle_through_the_service_and_renewal(app: App) -> None:
    p = app.passports.save(full_passport()).passport
    app.passports.transition(p.uuid, Action.SUBMIT_REVIEW)
    with pytest.raises(GovsvcError, match="امضای رئیس دستگاه"):
        app.passports.transition(p.uuid, Action.APPROVE)
    approved = approve(app, p.uuid)
    assert approved.status is Status.APPROVED
    assert approved.approved_by == HEAD_NAME and approved.approval_signature
    assert app.passports.approval(approved).ok
    with pytest.raises(GovsvcError, match="تمدید"):
        edited = app.passports.get(p.uuid)
        edited.title = "تغییر پس از تأیید"
        app.passports.save(edited)
    renewed = app.passports.renew(p.uuid)
    assert renewed.edition == 2 and renewed.status is Status.DRAFT
    old = app.passports.editions(p.uuid)
    assert [e.edition for e in old] == [1] and old[0].status is Status.APPROVED
    actions = list(dict.fromkeys(h.action for h in app.passports.history(p.uuid)))
    assert actions == ["create", "review", "approve", "renew"]


def test_expiring_and_expired_lists(app: App) -> None:
    today = app.passports.today()
    cases = {"expired": 400, "expiring": 350, "valid": 100}
    for name, days_ago in cases.items():
        p = full_passport(uuid=f"00000000-0000-4000-8000-00000000000{len(name)}")
        p.title = name
        p.service_id = ""
        p.licences = []
        p.status = Status.ACCEPTED
        p.approved_on = (today - dt.timedelta(days=days_ago)).isoformat()
        store_as_is(app, p)
    assert [r.title for r in app.passports.expired()] == ["expired"]
    assert [r.title for r in app.passports.expiring(30)] == ["expiring"]


def test_licence_mapped_to_two_services_blocks_approval(app: App) -> None:
    first = app.passports.save(full_passport()).passport
    second = full_passport(uuid="11111111-2222-4333-8444-555555555555")
    second.service_id = "11031164002"
    second.licences = [Licence(first.licences[0].code.replace("-", ""), "همان مجوز")]
    result = app.passports.save(second)
    assert [pr.field_path for pr in result.problems] == ["licences[0].code"]
    app.passports.transition(second.uuid, Action.SUBMIT_REVIEW)
    with pytest.raises(ValidationError, match="دقیقاً به یک خدمت"):
        app.passports.approve(second.uuid, trust_head().identity)


def test_delete_only_unapproved_drafts(app: App) -> None:
    p = app.passports.save(ServicePassport(title="پیش‌نویس")).passport
    app.passports.delete(p.uuid)
    assert app.passports.count() == 0


def test_change_marker_moves_when_anyone_saves(app: App) -> None:
    before = app.passports.change_marker()
    p = app.passports.save(full_passport()).passport
    after_insert = app.passports.change_marker()
    assert after_insert != before and after_insert[1] == before[1] + 1
    p.title = "دیگر"
    app.passports.save(p)
    assert app.passports.change_marker() != after_insert
