"""The one-licence-one-service rule (seed 000, footnote to Art. 4) at its edges."""

from __future__ import annotations

from govsvc_desktop.domain.agency.licences import (
    LicenceEntry,
    LicenceFinding,
    ServiceRef,
    check_licences,
    grants_licence,
    validate_licence,
)
from govsvc_desktop.domain.persian import compact_key

A, B = "11031164001", "11031164002"


def findings(entries: list[LicenceEntry], services: list[ServiceRef]) -> set[tuple[LicenceFinding, str]]:
    return {(i.finding, i.code) for i in check_licences(entries, services)}


def test_a_licence_mapped_once_to_a_known_service_is_clean() -> None:
    services = [ServiceRef("u1", A, "صدور پروانه بهره‌برداری", (compact_key("LP-1"),))]
    assert findings([LicenceEntry(code="LP-1", title="پروانه", service_id=A)], services) == set()


def test_unmapped_licence_and_mapping_to_a_service_without_passport() -> None:
    services = [ServiceRef("u1", A, "ثبت درخواست")]
    entries = [LicenceEntry(code="LP-1", title="الف"), LicenceEntry(code="LP-2", title="ب", service_id=B)]
    assert findings(entries, services) == {(LicenceFinding.UNMAPPED, "LP-1"),
                                           (LicenceFinding.UNKNOWN_SERVICE, "LP-2")}


def test_mapped_twice_by_the_table_and_a_passport_of_another_service() -> None:
    services = [ServiceRef("u1", A, "خدمت الف"), ServiceRef("u2", B, "خدمت ب", (compact_key("lp-1"),))]
    issues = check_licences([LicenceEntry(code="LP-1", title="الف", service_id=A)], services)
    assert [i.finding for i in issues] == [LicenceFinding.MAPPED_TWICE]
    assert A in issues[0].detail_fa and B in issues[0].detail_fa


def test_the_same_code_twice_in_the_list_with_two_services_is_mapped_twice() -> None:
    services = [ServiceRef("u1", A, "الف"), ServiceRef("u2", B, "ب")]
    entries = [LicenceEntry(code="LP-1", title="الف", service_id=A),
               LicenceEntry(code="LP 1".replace(" ", "-"), title="الف", service_id=B)]
    assert {f for f, _ in findings(entries, services)} == {LicenceFinding.MAPPED_TWICE}


def test_codes_compare_across_digit_scripts_and_case() -> None:
    services = [ServiceRef("u1", A, "صدور مجوز", (compact_key("lp-۱۲"),))]
    assert findings([LicenceEntry(code="LP-12", title="مجوز", service_id=A)], services) == set()


def test_a_passport_naming_a_licence_the_portal_does_not_list() -> None:
    services = [ServiceRef("u1", A, "خدمت", (compact_key("LP-9"),))]
    assert findings([], services) == {(LicenceFinding.NOT_IN_REGISTRY, compact_key("LP-9"))}


def test_a_licensing_service_without_any_licence_is_reported_once_mapped_it_is_not() -> None:
    services = [ServiceRef("u1", A, "صدور پروانه کسب"), ServiceRef("u2", B, "پرداخت یارانه")]
    assert findings([], services) == {(LicenceFinding.SERVICE_WITHOUT_LICENCE, A)}
    assert findings([LicenceEntry(code="X", title="پروانه کسب", service_id=A)], services) == set()


def test_licensing_words_fold_arabic_letters() -> None:
    assert grants_licence("صدور مجوز") and grants_licence("تمديد پروانه")
    assert not grants_licence("ثبت نام")


def test_validation_names_the_field() -> None:
    problems = validate_licence(LicenceEntry(code="", title="", service_id="12ab"))
    assert {p.field_path for p in problems} == {"code", "title", "service_id"}
