"""What the agency may publish of its passports (seed 003 Art. 2, 4), and nothing more.

Only services whose passport the head of the agency approved and which are still valid are
published; drafts, returned records and tasks never are, and an expired passport is left
out with a line saying so. Published records are copies holding only the fields named in
``PUBLISHED_FIELDS``: a field added to the passport later stays private until someone
decides to publish it. People's names, national IDs, post and employee IDs, the centre's
comments and the agency's internal judgement are withheld (``WITHHELD_FIELDS`` says why).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govsvc_desktop.domain.agency.cycle import ServiceChain
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.choices import Choice, RecordKind, Validity
from govsvc_desktop.domain.passport.model import NO_SERVICE_ID, OrgUnit, ServicePassport
from govsvc_desktop.domain.persian import compact_key

PUBLISHED_FIELDS = (
    "uuid", "service_id", "title", "agency_name", "agency_national_id", "parent_agency",
    "province", "county", "nature", "description", "recipients", "stakeholders", "sub_services",
    "audiences", "scope", "partner_agencies", "architecture_domain", "architecture_layer",
    "architecture_category", "linked_tasks", "legal_bases", "licences", "org_units", "channels",
    "electronic_method", "electronic_scope", "stages_electronic", "smart_level",
    "electronic_target_date", "exemption_approved", "exemption_reference",
    "delegated_to_counters", "counter_actions", "counter_fee_rials", "in_person_reasons",
    "identity_verification", "needs_inter_agency", "inquiries", "applicant_conditions",
    "documents", "forms", "providing_unit", "where_to_apply", "where_to_receive", "steps",
    "recipients_count", "deliveries_per_year", "service_time", "service_time_unit",
    "direct_cost_rials", "fees", "status", "approved_on", "edition",
)

# Why each remaining field stays on the agency's machine.
WITHHELD_FIELDS: dict[str, str] = {
    "kind": "only services are published; a task has no applicant",
    "cost_price_rials": "internal costing for tariffs and budgeting (seed 001 steps 8-9), not paid by the applicant",
    "benefits": "the agency's own judgement, kept for planning",
    "obstacles": "the agency's own judgement, kept for planning",
    "prepared_by": "a person's name",
    "preparer_national_id": "a person's national ID",
    "reviewed_by": "a person's name",
    "reviewed_on": "internal step of the life cycle",
    "approved_by": "a person's name (the approval itself is published as its date)",
    "sent_on": "internal exchange with the central system",
    "centre_decision_on": "internal exchange with the central system",
    "centre_comment": "internal exchange with the central system",
    "review_comment": "internal step of the life cycle (the reviewer's note when sending back)",
    "approval_signature": "the head's signature over the record, checked where it is kept; the catalogue carries the approval's date",
    "agency_postal_code": "the agency's own address code; citizens are told where to apply and receive",
    "tracking_code": "a yes/no the catalogue does not yet map to the profile; the steps say how a request is followed",
    "revision": "internal save counter",
    "created_at": "internal time stamp",
    "updated_at": "internal time stamp",
}

# Parts of published lists that identify people: a unit is published by name and unit ID only.
WITHHELD_PART_FIELDS = {"org_units": ("post_id", "employee_id")}


class LeftOut(Choice):
    """Why a passport is not in the catalogue."""

    EXPIRED = ("expired", "اعتبار شناسنامه گذشته است")
    NOT_APPROVED = ("not_approved", "شناسنامه تأییدشده نیست")
    TASK = ("task", "وظیفه است نه خدمت")


@dataclass(frozen=True)
class Dependency:
    """A service of another agency (or of this one) that this service needs: an inquiry it
    makes, or the service before it in an inter-agency chain (seed 001 Art. 6)."""

    agency: str
    title: str
    service_id: str = ""
    via: str = "inquiry"  # "inquiry" or "chain"
    inquiry_kind: str = ""
    electronic: bool | None = None


@dataclass
class PublishedService:
    """One service as the public sees it: the public copy of its passport and what the
    catalogue adds (its page, how long the approval holds, the services it depends on)."""

    passport: ServicePassport
    valid_until: dt.date
    page: str
    depends_on: list[Dependency] = field(default_factory=list)


@dataclass(frozen=True)
class LeftOutLine:
    uuid: str
    service_id: str
    title: str
    reason: LeftOut
    detail: str = ""

    def describe(self) -> str:
        who = f"«{self.title}» ({self.service_id or NO_SERVICE_ID})"
        if self.reason is LeftOut.EXPIRED:
            return f"{who}: اعتبار شناسنامه در {self.detail} به پایان رسیده؛ منتشر نشد"
        if self.reason is LeftOut.TASK:
            return f"{who}: وظیفه است نه خدمت؛ منتشر نشد"
        return f"{who}: شناسنامه تأییدشده و معتبر نیست ({self.detail})؛ منتشر نشد"


@dataclass
class Catalogue:
    """Everything a published catalogue holds, decided before any file is written."""

    title: str
    publisher: str
    made_on: dt.date
    services: list[PublishedService] = field(default_factory=list)
    left_out: list[LeftOutLine] = field(default_factory=list)
    base_url: str = ""

    @property
    def made_on_jalali(self) -> str:
        return format_jalali(self.made_on)

    def count(self, reason: LeftOut) -> int:
        return sum(1 for line in self.left_out if line.reason is reason)


def public_copy(p: ServicePassport) -> ServicePassport:
    """A passport holding only the published fields; everything else at its empty default."""
    values = {name: getattr(p, name) for name in PUBLISHED_FIELDS}
    values["org_units"] = [OrgUnit(name=u.name, unit_id=u.unit_id) for u in p.org_units]
    return ServicePassport(**values)


def classify(p: ServicePassport, today: dt.date) -> LeftOutLine | None:
    """None when the passport may be published today, else the line saying why not."""
    if p.kind is not RecordKind.SERVICE:
        return LeftOutLine(p.uuid, p.service_id, p.title, LeftOut.TASK)
    validity = p.validity(today)
    if validity is Validity.EXPIRED:
        return LeftOutLine(p.uuid, p.service_id, p.title, LeftOut.EXPIRED, format_jalali(p.valid_until))
    if validity is Validity.NOT_APPROVED:
        return LeftOutLine(p.uuid, p.service_id, p.title, LeftOut.NOT_APPROVED, p.status.label_fa)
    return None


def chain_dependencies(chains: list[ServiceChain]) -> dict[str, list[Dependency]]:
    """Service ID → the services before it in every chain it belongs to."""
    found: dict[str, list[Dependency]] = {}
    for chain in chains:
        for i, link in enumerate(chain.links):
            if not link.service_id:
                continue
            before = [Dependency(agency=b.agency, title=b.service_title or b.service_id,
                                 service_id=b.service_id, via="chain") for b in chain.links[:i]]
            found.setdefault(link.service_id, []).extend(before)
    return found


def page_names(passports: list[ServicePassport]) -> dict[str, str]:
    """UUID → page file name: the service ID when it is unique in the catalogue (addresses
    people can read and keep), with the UUID's start when two records share it."""
    seen: dict[str, int] = {}
    for p in passports:
        seen[p.service_id] = seen.get(p.service_id, 0) + 1
    names = {}
    for p in passports:
        sid = compact_key(p.service_id)
        if sid and sid.isascii() and sid.isalnum() and seen[p.service_id] == 1:
            names[p.uuid] = f"{sid}.html"
        else:
            names[p.uuid] = f"{sid + '-' if sid.isascii() and sid.isalnum() else ''}{p.uuid}.html"
    return names


def build_catalogue(passports: list[ServicePassport], today: dt.date, *, title: str,
                    publisher: str, chains: list[ServiceChain] | None = None,
                    base_url: str = "") -> Catalogue:
    """Decides what is published: the public copies of the approved, valid services, in the
    order given, and a line for every passport left out."""
    catalogue = Catalogue(title=title, publisher=publisher, made_on=today, base_url=base_url)
    chosen: list[ServicePassport] = []
    for p in passports:
        line = classify(p, today)
        if line is None:
            chosen.append(p)
        else:
            catalogue.left_out.append(line)
    names = page_names(chosen)
    by_chain = chain_dependencies(chains or [])
    for p in chosen:
        until = p.valid_until
        assert until is not None  # classify() let only approved, dated passports through
        depends = [Dependency(agency=q.target_agency, title=q.subject or q.target_agency,
                              inquiry_kind=q.kind.value, electronic=q.electronic)
                   for q in p.inquiries if q.target_agency.strip()]
        depends += [d for d in by_chain.get(p.service_id, []) if d.service_id != p.service_id]
        catalogue.services.append(PublishedService(public_copy(p), until, names[p.uuid], depends))
    return catalogue
