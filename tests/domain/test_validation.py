import datetime as dt

import pytest

from govsvc_desktop.domain.choices import ElectronicMethod, RecordKind, Role, Status
from govsvc_desktop.domain.codec import from_dict, json_schema, to_dict
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied, ValidationError
from govsvc_desktop.domain.passport.lifecycle import (
    Action,
    Actor,
    allowed_actions,
    renew,
    transition,
)
from govsvc_desktop.domain.passport.model import Fee, Licence, ServicePassport
from govsvc_desktop.domain.passport.validation import blocking, licence_conflicts, validate
from tests.fixtures import full_passport


def paths(problems) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.field_path for p in problems}


def test_full_passport_has_no_problems() -> None:
    assert validate(full_passport()) == []


def test_a_draft_may_lack_what_approval_requires() -> None:
    problems = validate(ServicePassport(title="خدمت تازه"))
    assert problems and not blocking(problems)
    assert {"agency_name", "nature", "legal_bases", "steps"} <= paths(problems)


def test_task_needs_less_than_service() -> None:
    task = validate(ServicePassport(title="وظیفه", kind=RecordKind.TASK))
    assert "audiences" not in paths(task)


def test_blocking_problems_name_the_field_in_persian() -> None:
    p = full_passport()
    p.title = " "
    p.service_id = "12AB"
    p.fees[0].sheba = "IR000000000000000000000000"
    p.direct_cost_rials = -1
    p.steps[1].duration = -2
    p.preparer_national_id = "1234567890"
    p.licences.append(Licence(" 1-02-345-678 ", "تکراری"))
    p.approved_on = "1403-13-01"
    found = {pr.field_path: pr for pr in blocking(validate(p))}
    assert set(found) == {"title", "service_id", "fees[0].sheba", "direct_cost_rials",
                          "steps[1].duration", "preparer_national_id", "licences[1].code",
                          "approved_on"}
    assert "شماره شبا" in found["fees[0].sheba"].message_fa
    assert "ردیف ۱" in found["fees[0].sheba"].message_fa
    assert "منفی" in found["direct_cost_rials"].message_fa


def test_non_electronic_service_needs_target_date_or_exemption() -> None:
    p = full_passport()
    p.electronic_method = ElectronicMethod.NON_ELECTRONIC
    p.electronic_target_date = None
    p.exemption_approved = False
    assert "electronic_target_date" in paths(validate(p))
    p.exemption_approved = True
    assert "electronic_target_date" not in paths(validate(p))
    p.exemption_approved, p.electronic_target_date = False, "2027-01-01"
    assert validate(p) == []


def test_licence_maps_to_exactly_one_service() -> None:
    assert licence_conflicts({"a": ["L-1", "L-2"], "b": ["l-1 "], "c": ["L-3"]}) == {"l1": ["a", "b"]}


def test_codec_round_trip_and_type_errors() -> None:
    p = full_passport()
    assert from_dict(ServicePassport, to_dict(p)) == p
    with pytest.raises(ValidationError) as info:
        from_dict(ServicePassport, {"title": 5, "nature": "x", "fees": [{"amount_rials": "a"}], "zz": 1})
    assert {pr.field_path for pr in info.value.problems} == {"title", "nature", "fees[0].amount_rials", "zz"}


def test_codec_accepts_persian_enum_labels() -> None:
    p = from_dict(ServicePassport, {"title": "x", "nature": "حاکمیتی", "status": "پیش‌نویس"})
    assert p.nature is not None and p.nature.value == "sovereign"


def test_schema_describes_every_field() -> None:
    schema = json_schema(ServicePassport, "passport")
    assert set(schema["properties"]) == set(to_dict(ServicePassport()))
    assert schema["$defs"]["Fee"]["properties"]["amount_rials"]["anyOf"][0]["type"] == "integer"


def test_life_cycle_and_roles() -> None:
    head = Actor("رئیس", frozenset(Role))
    preparer = Actor("تهیه‌کننده", frozenset({Role.PREPARER}))
    p = full_passport()
    today = dt.date(2026, 11, 25)
    assert allowed_actions(p, preparer) == []
    reviewed = transition(p, Action.SUBMIT_REVIEW, head, today)
    assert reviewed.status is Status.REVIEWED and reviewed.reviewed_by == "رئیس"
    with pytest.raises(PermissionDenied, match="فقط از عهده نقش «رئیس دستگاه»") as refused:
        transition(reviewed, Action.APPROVE, preparer, today)
    assert refused.value.exit_code == 5
    approved = transition(reviewed, Action.APPROVE, head, today)
    assert approved.status is Status.APPROVED and approved.approved_on == "2026-11-25"
    assert approved.valid_until == dt.date(2027, 11, 24)  # the day before the anniversary
    assert approved.validity(dt.date(2027, 11, 1)).value == "expiring"
    assert approved.validity(dt.date(2027, 11, 24)).value == "expiring"
    assert approved.validity(dt.date(2027, 11, 25)).value == "expired"  # the anniversary
    with pytest.raises(GovsvcError, match="«تأییدشده» ممکن نیست؛ وضعیت باید یکی از این‌ها باشد: بررسی‌شده") as wrong:
        transition(approved, Action.APPROVE, head, today)
    assert type(wrong.value) is GovsvcError and wrong.value.exit_code == 2
    assert approved.status is Status.APPROVED
    second = renew(approved)
    assert second.edition == 2 and second.status is Status.DRAFT and second.approved_on is None


def test_approval_requires_every_rule() -> None:
    head = Actor("رئیس", frozenset(Role))
    p = ServicePassport(title="ناقص", status=Status.REVIEWED)
    with pytest.raises(ValidationError):
        transition(p, Action.APPROVE, head, dt.date(2026, 1, 1))


def test_fee_amount_must_not_be_negative() -> None:
    p = ServicePassport(title="x", fees=[Fee(amount_rials=-5)])
    assert "fees[0].amount_rials" in paths(blocking(validate(p)))


def test_field_traits_are_declared_once_on_the_passport() -> None:
    """Editor, Excel, search and the life cycle read the same declaration."""
    from govsvc_desktop.domain.passport import model

    assert "approved_on" in model.DATE_FIELDS and "date" in model.PART_DATE_FIELDS
    assert "description" in model.LONG_TEXT_FIELDS and "title" not in model.LONG_TEXT_FIELDS
    assert {"title", "service_id", "description"} <= set(model.SEARCHED_FIELDS)
    assert "approved_by" in model.LIFECYCLE_FIELDS and "title" not in model.LIFECYCLE_FIELDS
    assert set(model.LIFECYCLE_FIELDS) < set(model.READ_ONLY_FIELDS)
    assert {"uuid", "revision"} <= set(model.READ_ONLY_FIELDS)
