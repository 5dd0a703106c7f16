"""The agency's licences on the national licence portal (درگاه ملی مجوزها) and their mapping
to service IDs.

Seed 000 (footnote to Art. 4, and item 5 of its table): every licence of the agency must be
mapped to exactly one service that has an ID, so that no licence is left without a service.
The mapping table is kept here; the licences a passport lists on its form are checked
against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.model import new_uuid
from govsvc_desktop.domain.persian import compact_key, search_key

# Titles of services that grant a licence: they are expected to carry a licence mapping.
LICENSING_WORDS = ("مجوز", "پروانه", "جواز", "گواهینامه", "گواهی‌نامه", "اجازه‌نامه")


class LicenceFinding(Choice):
    UNMAPPED = ("unmapped", "مجوز بدون شناسهٔ خدمت")
    MAPPED_TWICE = ("mapped_twice", "مجوز نگاشته به بیش از یک خدمت")
    UNKNOWN_SERVICE = ("unknown_service", "نگاشت به شناسهٔ خدمتی که شناسنامه ندارد")
    NOT_IN_REGISTRY = ("not_in_registry", "مجوز شناسنامه در فهرست مجوزهای درگاه نیست")
    SERVICE_WITHOUT_LICENCE = ("service_without_licence", "خدمت صدور مجوز بدون نگاشت مجوز")


@dataclass
class LicenceEntry:
    """One licence as the national licence portal lists it, and the service it maps to."""

    uuid: str = field(default_factory=new_uuid)
    code: str = ""
    title: str = ""
    issuer: str = ""
    service_id: str = ""
    note: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""

    @property
    def key(self) -> str:
        return compact_key(self.code)


@dataclass(frozen=True)
class ServiceRef:
    """What the licence check needs of a passport."""

    uuid: str
    service_id: str
    title: str
    licence_codes: tuple[str, ...] = ()  # as compact_key() makes them
    title_key: str = ""  # search_key(title), when the caller has it already


@dataclass(frozen=True)
class LicenceIssue:
    finding: LicenceFinding
    code: str
    title: str
    detail_fa: str
    record_type: str  # "licence" or "passport": what opening the issue shows
    record_uuid: str


def validate_licence(entry: LicenceEntry) -> list[Problem]:
    problems = []
    if not entry.code.strip():
        problems.append(Problem("code", "کد مجوز خالی است"))
    elif len(entry.code) > 64:
        problems.append(Problem("code", "کد مجوز بیش از ۶۴ نویسه است"))
    if not entry.title.strip():
        problems.append(Problem("title", "عنوان مجوز خالی است"))
    if entry.service_id and not entry.service_id.isdigit():
        problems.append(Problem("service_id", "شناسهٔ خدمت باید فقط رقم باشد"))
    return problems


_LICENSING_KEYS = tuple(search_key(word) for word in LICENSING_WORDS)


def grants_licence(title: str, title_key: str = "") -> bool:
    key = title_key or search_key(title)
    return any(word in key for word in _LICENSING_KEYS)


def licence_claims(listed: Iterable[tuple[str, str, str]]) -> dict[str, set[str]]:
    """Licence key → the services whose passports list it, from (key, service ID, title)
    triples; a service without an ID is named by its title."""
    claimed: dict[str, set[str]] = {}
    for key, service_id, title in listed:
        claimed.setdefault(key, set()).add(service_id or f"«{title}» (بدون شناسه)")
    return claimed


def mapping_issues(entries: list[LicenceEntry], claimed: dict[str, set[str]],
                   known_service_ids: set[str] | None = None) -> list[LicenceIssue]:
    """The licence side of the rule: licences mapped to no service or to more than one (by
    the table, a duplicate code or another service's passport), in a stable order; with
    ``known_service_ids``, also licences mapped to a service ID no passport carries."""
    issues: list[LicenceIssue] = []
    keyed = sorted(((e.key, e.uuid, e) for e in entries), key=lambda t: (t[0], t[1]))
    mapped_by_key: dict[str, set[str]] = {}
    for key, _, e in keyed:
        if e.service_id:
            mapped_by_key.setdefault(key, set()).add(e.service_id)
    for key, _, e in keyed:
        targets = mapped_by_key.get(key, set()) | claimed.get(key, set())
        if len(targets) > 1:
            issues.append(LicenceIssue(
                LicenceFinding.MAPPED_TWICE, e.code, e.title,
                "به " + "، ".join(sorted(targets)) + " نگاشته شده است؛ هر مجوز فقط به یک خدمت",
                "licence", e.uuid))
        elif not e.service_id:
            issues.append(LicenceIssue(LicenceFinding.UNMAPPED, e.code, e.title,
                                       "به هیچ خدمت شناسه‌داری نگاشته نشده است", "licence", e.uuid))
        elif known_service_ids is not None and e.service_id not in known_service_ids:
            issues.append(LicenceIssue(
                LicenceFinding.UNKNOWN_SERVICE, e.code, e.title,
                f"شناسهٔ خدمت {e.service_id} در شناسنامه‌های این پایگاه داده نیست",
                "licence", e.uuid))
    return issues


def check_licences(entries: list[LicenceEntry], services: list[ServiceRef]) -> list[LicenceIssue]:
    """Every way the mapping breaks the one-licence-one-service rule, in a stable order."""
    claimed = licence_claims((code, s.service_id, s.title)
                             for s in services for code in s.licence_codes)
    known = {s.service_id for s in services if s.service_id}
    issues = mapping_issues(entries, claimed, known)
    registry = {e.key for e in entries}
    for s in services:
        for code in s.licence_codes:
            if code not in registry:
                issues.append(LicenceIssue(
                    LicenceFinding.NOT_IN_REGISTRY, code, s.title,
                    f"شناسنامهٔ «{s.title}» مجوز {code} را نام برده که در فهرست مجوزها نیست",
                    "passport", s.uuid))
    mapped_services = {e.service_id for e in entries if e.service_id}
    for s in services:
        if (not s.licence_codes and grants_licence(s.title, s.title_key)
                and (not s.service_id or s.service_id not in mapped_services)):
            issues.append(LicenceIssue(
                LicenceFinding.SERVICE_WITHOUT_LICENCE, s.service_id, s.title,
                "عنوان خدمت از صدور مجوز می‌گوید ولی مجوزی به آن نگاشته نشده است",
                "passport", s.uuid))
    return issues
