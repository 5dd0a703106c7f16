"""Each passport rule of docs/rules.md at its edges: the case just inside and just outside."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from govsvc_desktop.domain.calendar import format_jalali, parse_jalali
from govsvc_desktop.domain.choices import (
    ChannelKind,
    ElectronicMethod,
    InquiryKind,
    RecordKind,
    ServiceScope,
    Status,
)
from govsvc_desktop.domain.passport import regulations as rules
from govsvc_desktop.domain.passport.model import (
    Channel,
    Fee,
    Inquiry,
    PartnerAgency,
    RequiredDocument,
    ServicePassport,
    StageElectronic,
)
from govsvc_desktop.domain.passport.validation import approval_gaps, normalise_identifiers, validate
from govsvc_desktop.domain.passport.verdicts import form_verdicts
from tests.fixtures import full_passport


def paths(problems: list) -> set[str]:  # type: ignore[type-arg]
    return {p.field_path for p in problems}


def electronic(**kw: object) -> ServicePassport:
    p = dataclasses.replace(full_passport(), electronic_method=ElectronicMethod.ONLINE,
                            stages_electronic=StageElectronic(True, True, True),
                            inquiries=[Inquiry("ثبت اسناد", "مالکیت", InquiryKind.INSTANT, True)],
                            electronic_target_date=None, exemption_approved=False)
    for key, value in kw.items():
        setattr(p, key, value)
    return p


@pytest.mark.parametrize(("typed", "stored", "ok"), [
    ("۱۱۰۳۱۱۶۴۰۰۱", "11031164001", True), ("١١٠٣ ١١٦٤", "11031164", True), ("7", "7", True),
    ("1" * 32, "1" * 32, True), ("1" * 33, "1" * 33, False), ("11-03", "1103", True),
    ("110A", "110A", False),
])
def test_service_id_any_digits_no_invented_length(typed: str, stored: str, ok: bool) -> None:
    p = normalise_identifiers(dataclasses.replace(full_passport(), service_id=typed))
    assert p.service_id == stored
    assert (rules.service_id_format(p) == []) is ok


def test_duplicate_service_id_blocks_saving() -> None:
    p = full_passport()
    assert rules.duplicate_service_id(p, []) == []
    found = rules.duplicate_service_id(p, ["خدمت دیگر"])
    assert found[0].blocking and "خدمت دیگر" in found[0].message_fa
    assert rules.duplicate_service_id(dataclasses.replace(p, service_id=""), ["x"]) == []


def test_electronic_needs_every_stage() -> None:
    assert electronic().is_electronic and rules.electronic_definition(electronic()) == []
    for stages in (StageElectronic(True, True, False), StageElectronic(False, True, True)):
        p = electronic(stages_electronic=stages)
        assert not p.is_electronic
        assert "stages_electronic" in paths(rules.electronic_definition(p))
    p = electronic(electronic_method=ElectronicMethod.INFO_WEB)
    assert not p.is_electronic and "electronic_method" in paths(rules.electronic_definition(p))
    p = electronic(inquiries=[Inquiry("ثبت اسناد", "مالکیت", InquiryKind.INSTANT, False)])
    assert "inquiries[0].electronic" in paths(rules.electronic_definition(p))


def test_the_issue_example_is_not_electronic_and_says_why() -> None:
    """No electronic stage, smart level 3, a copy of the national card, a process inquiry."""
    p = dataclasses.replace(full_passport(), electronic_method=ElectronicMethod.ONLINE,
                            stages_electronic=StageElectronic(False, False, False), smart_level=3,
                            scope=ServiceScope.AGENCY, partner_agencies=[], needs_inter_agency=False,
                            documents=[RequiredDocument("تصویر کارت ملی")],
                            inquiries=[Inquiry("سازمان ثبت احوال", "هویت", InquiryKind.PROCESS, True)])
    assert not p.is_electronic
    found = validate(p)
    assert {"stages_electronic", "smart_level", "documents", "inquiries", "inquiries[0].kind",
            "documents[0].title"} <= paths(found)
    assert "documents[0].title" in {pr.field_path for pr in found if pr.warning}
    verdicts = form_verdicts(p, dt.date(2026, 1, 1))
    assert not verdicts.electronic and not verdicts.smart and verdicts.inter_agency


def test_smart_service_edges() -> None:
    smart = electronic(smart_level=1, documents=[])
    assert rules.smart_definition(smart) == []
    assert rules.smart_definition(electronic(smart_level=0)) == []
    assert "documents" in paths(rules.smart_definition(electronic(smart_level=1)))
    offline = electronic(smart_level=1, documents=[], electronic_method=ElectronicMethod.OFFLINE)
    assert "smart_level" in paths(rules.smart_definition(offline))


def test_agency_or_inter_agency_by_definition() -> None:
    agency = dataclasses.replace(full_passport(), scope=ServiceScope.AGENCY, partner_agencies=[],
                                 needs_inter_agency=False,
                                 inquiries=[Inquiry("ثبت اسناد", "مالکیت", InquiryKind.INSTANT, True)])
    assert rules.scope_definition(agency) == [], "instant inquiries keep a service agency-only"
    own = dataclasses.replace(agency, inquiries=[Inquiry(agency.agency_name, "بازدید", InquiryKind.PROCESS)])
    assert rules.scope_definition(own) == [], "a process inquiry inside the agency itself"
    other = dataclasses.replace(agency, inquiries=[Inquiry("جهاد کشاورزی", "بازدید", InquiryKind.PROCESS)])
    assert paths(rules.scope_definition(other)) == {"inquiries[0].kind"}
    assert "partner_agencies" in paths(rules.scope_definition(
        dataclasses.replace(agency, partner_agencies=[PartnerAgency("جهاد")])))
    assert paths(rules.scope_definition(
        dataclasses.replace(full_passport(), partner_agencies=[]))) == {"partner_agencies"}


def test_seed_003_article_2_fee_in_person_units() -> None:
    p = full_passport()
    assert rules.fee_basis(p) == [] and rules.in_person_reasons(p) == [] and rules.org_units_listed(p) == []
    p.fees = [Fee("تعرفه", "", 10, "", "", "")]
    assert paths(rules.fee_basis(p)) == {"fees[0].legal_basis", "fees[0].account_number"}
    p.fees = [Fee("تعرفه", "مصوبه", 10, "", "", "IR820540102680020817909002")]
    assert rules.fee_basis(p) == []
    p.in_person_reasons = " "
    assert paths(rules.in_person_reasons(p)) == {"in_person_reasons"}
    p.channels = [Channel(ChannelKind.COUNTER, 3)]
    assert rules.in_person_reasons(p) == []
    p.org_units = []
    assert paths(rules.org_units_listed(p)) == {"org_units"}
    assert rules.org_units_listed(dataclasses.replace(p, kind=RecordKind.TASK)) == []


@pytest.mark.parametrize(("title", "flagged"), [
    ("تصویر کارت ملی", True), ("كارت ملي", True), ("کپی شناسنامه", True),
    ("سند مالکیت", False), ("گواهی عدم سوء پیشینه", False),
])
def test_no_copy_of_identity_documents(title: str, flagged: bool) -> None:
    p = dataclasses.replace(full_passport(), documents=[RequiredDocument(title)])
    found = rules.banned_document_copies(p)
    assert bool(found) is flagged
    assert all(pr.warning and not pr.blocking for pr in found)


def test_tracking_code_and_postal_code() -> None:
    p = full_passport()
    assert rules.tracking_code(p) == [] and rules.postal_code(p) == []
    assert paths(rules.tracking_code(dataclasses.replace(p, tracking_code=False))) == {"tracking_code"}
    # the format is a value constraint, reported once by validation (and stated in the schema)
    bad = [pr for pr in validate(dataclasses.replace(p, agency_postal_code="0123456789"))
           if pr.field_path == "agency_postal_code"]
    assert len(bad) == 1 and bad[0].blocking and "کد پستی" in bad[0].message_fa
    typed = normalise_identifiers(dataclasses.replace(p, agency_postal_code="۷۱۳۴۸-۴۶۹۷۱"))
    assert typed.agency_postal_code == "7134846971" and rules.postal_code(typed) == []
    assert paths(rules.postal_code(dataclasses.replace(p, agency_postal_code=""))) == {"agency_postal_code"}


def test_warnings_do_not_block_approval_and_are_not_gaps() -> None:
    p = dataclasses.replace(full_passport(), documents=[RequiredDocument("تصویر کارت ملی")])
    found = validate(p)
    assert [pr.field_path for pr in found] == ["documents[0].title"]
    assert approval_gaps(found) == []


def test_validity_ends_the_day_before_the_anniversary() -> None:
    p = dataclasses.replace(full_passport(), status=Status.APPROVED, approved_on="2024-06-22")
    assert format_jalali(p.valid_until) == "۱۴۰۴/۰۴/۰۱"  # approved ۱۴۰۳/۰۴/۰۲
    anniversary = parse_jalali("1404/04/02")
    assert p.validity(anniversary - dt.timedelta(days=1)).value == "expiring"
    assert p.validity(anniversary).value == "expired"
