"""The service passport (شناسنامه خدمت) and its repeated parts.

Fields follow seed 000 def. 22, seed 003 Art. 2 and the Appendix B form of seed 004. Dates are
ISO strings (``YYYY-MM-DD``) so the record is plain data; Jalali is for display. Lists keep the
order the user gave.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_mod
from dataclasses import dataclass, field, fields

from govsvc_desktop.domain.calendar import add_jalali_years
from govsvc_desktop.domain.choices import (
    Audience,
    ChannelKind,
    ElectronicMethod,
    ElectronicScope,
    InquiryKind,
    LawKind,
    Nature,
    RecordKind,
    ServiceScope,
    Status,
    TimeUnit,
    Validity,
)
from govsvc_desktop.domain.persian import localize_digits

VALIDITY_YEARS = 1
EXPIRY_WARNING_DAYS = 30
NO_SERVICE_ID = "بدون شناسه"


def validity_on(valid_until: dt.date | None, today: dt.date) -> Validity:
    """Where an approval stands on ``today``: one rule for the editor, lists, store and form."""
    if valid_until is None:
        return Validity.NOT_APPROVED
    if valid_until < today:
        return Validity.EXPIRED
    if (valid_until - today).days <= EXPIRY_WARNING_DAYS:
        return Validity.EXPIRING
    return Validity.VALID


def service_id_text(service_id: str, persian_digits: bool = True) -> str:
    """A service ID as shown to people: in their digits, or «بدون شناسه» for a proposed one."""
    return localize_digits(service_id, persian_digits) if service_id else NO_SERVICE_ID

# What a field is, declared once on the field and read by the editor, Excel, JSON Schema,
# search and validation: an ISO date (shown and entered as Jalali), long free text, part of
# the search text, stamped by the life cycle (never typed), or kept by the program.
DATE = "date"
LONG = "long"
SEARCHED = "searched"
LIFECYCLE = "lifecycle"
READ_ONLY = "read_only"


def traits(*names: str) -> dict[str, frozenset[str]]:
    return {"traits": frozenset(names)}


def with_trait(cls: type, trait: str) -> tuple[str, ...]:
    """The fields of a dataclass that carry ``trait``, in declaration order."""
    return tuple(f.name for f in fields(cls) if trait in f.metadata.get("traits", ()))


@dataclass
class LegalBasis:
    """مبانی قانونی و مقررات: one law, bylaw or resolution the service rests on."""

    title: str = ""
    kind: LawKind = LawKind.LAW
    number: str = ""
    date: str | None = field(default=None, metadata=traits(DATE))
    article: str = ""


@dataclass
class Licence:
    """A licence on the national licence portal (درگاه ملی مجوزها), mapped to this service."""

    code: str = ""
    title: str = ""


@dataclass
class PartnerAgency:
    """دستگاه همکار: an agency whose work the service needs."""

    name: str = ""
    role: str = ""


@dataclass
class LinkedTask:
    """A task (وظیفه) of the agency that the service serves, by its task ID."""

    task_id: str = ""
    title: str = ""


@dataclass
class OrgUnit:
    """An organisational unit involved, with its unit/post IDs and an employee ID."""

    name: str = ""
    unit_id: str = ""
    post_id: str = ""
    employee_id: str = ""


@dataclass
class Channel:
    """A current delivery channel with the number of centres or offices giving it."""

    kind: ChannelKind = ChannelKind.IN_PERSON
    centre_count: int | None = None
    description: str = ""


@dataclass
class Inquiry:
    """استعلام: what is asked of which agency, instant or process, electronic or not."""

    target_agency: str = ""
    subject: str = ""
    kind: InquiryKind = InquiryKind.INSTANT
    electronic: bool = False


@dataclass
class RequiredDocument:
    """مدارک مورد نیاز."""

    title: str = ""
    original_required: bool = False
    notes: str = ""


@dataclass
class Form:
    """کاربرگ: information asked of the applicant, with the number of data items on it."""

    title: str = ""
    electronic: bool = False
    data_items: int | None = None


@dataclass
class ProcessStep:
    """مراحل انجام کار: one step, with the unit that does it and how long it takes."""

    order: int = 1
    title: str = ""
    responsible_unit: str = ""
    duration: float | None = None
    duration_unit: TimeUnit = TimeUnit.WORKING_DAY


@dataclass
class Fee:
    """A fee the applicant pays: legal tariff, amount in rials and the account it goes to."""

    title: str = ""
    legal_basis: str = ""
    amount_rials: int | None = None
    bank: str = ""
    account_number: str = ""
    sheba: str = ""


@dataclass
class StageElectronic:
    """Which of the three stages (start, production, delivery) run electronically (def. 23)."""

    start: bool = False
    production: bool = False
    delivery: bool = False

    @property
    def all(self) -> bool:
        return self.start and self.production and self.delivery


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


@dataclass
class ServicePassport:
    """One service or task of an agency, as the passport form describes it."""

    # identity and classification
    uuid: str = field(default_factory=new_uuid, metadata=traits(READ_ONLY))
    kind: RecordKind = RecordKind.SERVICE
    service_id: str = field(default="", metadata=traits(SEARCHED))
    title: str = field(default="", metadata=traits(SEARCHED))
    agency_name: str = field(default="", metadata=traits(SEARCHED))
    agency_national_id: str = ""
    agency_postal_code: str = ""
    parent_agency: str = field(default="", metadata=traits(SEARCHED))
    province: str = field(default="", metadata=traits(SEARCHED))
    county: str = field(default="", metadata=traits(SEARCHED))
    nature: Nature | None = None
    description: str = field(default="", metadata=traits(LONG, SEARCHED))
    recipients: str = field(default="", metadata=traits(LONG, SEARCHED))
    stakeholders: str = field(default="", metadata=traits(LONG, SEARCHED))
    sub_services: str = field(default="", metadata=traits(LONG, SEARCHED))
    audiences: list[Audience] = field(default_factory=list)
    scope: ServiceScope = ServiceScope.AGENCY
    partner_agencies: list[PartnerAgency] = field(default_factory=list)
    architecture_domain: str = ""
    architecture_layer: str = ""
    architecture_category: str = ""
    linked_tasks: list[LinkedTask] = field(default_factory=list)
    legal_bases: list[LegalBasis] = field(default_factory=list)
    licences: list[Licence] = field(default_factory=list)
    org_units: list[OrgUnit] = field(default_factory=list)
    # delivery
    channels: list[Channel] = field(default_factory=list)
    electronic_method: ElectronicMethod | None = None
    electronic_scope: ElectronicScope | None = None
    stages_electronic: StageElectronic = field(default_factory=StageElectronic)
    smart_level: int = 0
    electronic_target_date: str | None = field(default=None, metadata=traits(DATE))
    exemption_approved: bool = False
    exemption_reference: str = ""
    delegated_to_counters: bool = False
    counter_actions: str = field(default="", metadata=traits(LONG))
    counter_fee_rials: int | None = None
    in_person_reasons: str = field(default="", metadata=traits(LONG))
    identity_verification: str = field(default="", metadata=traits(LONG))
    needs_inter_agency: bool = False
    tracking_code: bool = False
    inquiries: list[Inquiry] = field(default_factory=list)
    applicant_conditions: str = field(default="", metadata=traits(LONG))
    documents: list[RequiredDocument] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    providing_unit: str = field(default="", metadata=traits(SEARCHED))
    where_to_apply: str = ""
    where_to_receive: str = ""
    steps: list[ProcessStep] = field(default_factory=list)
    # figures
    recipients_count: int | None = None
    deliveries_per_year: int | None = None
    service_time: float | None = None
    service_time_unit: TimeUnit = TimeUnit.WORKING_DAY
    direct_cost_rials: int | None = None
    cost_price_rials: int | None = None
    fees: list[Fee] = field(default_factory=list)
    # judgement
    benefits: str = field(default="", metadata=traits(LONG))
    obstacles: str = field(default="", metadata=traits(LONG))
    # life cycle
    status: Status = field(default=Status.DRAFT, metadata=traits(LIFECYCLE))
    prepared_by: str = ""
    preparer_national_id: str = ""
    reviewed_by: str = field(default="", metadata=traits(LIFECYCLE))
    reviewed_on: str | None = field(default=None, metadata=traits(DATE, LIFECYCLE))
    review_comment: str = field(default="", metadata=traits(LONG, LIFECYCLE))
    approved_by: str = field(default="", metadata=traits(LIFECYCLE))
    approved_on: str | None = field(default=None, metadata=traits(DATE, LIFECYCLE))
    # base64 CMS of the head's signature (domain.approval)
    approval_signature: str = field(default="", metadata=traits(LIFECYCLE))
    sent_on: str | None = field(default=None, metadata=traits(DATE, LIFECYCLE))
    centre_decision_on: str | None = field(default=None, metadata=traits(DATE, LIFECYCLE))
    centre_comment: str = field(default="", metadata=traits(LONG, LIFECYCLE))
    edition: int = field(default=1, metadata=traits(LIFECYCLE))
    revision: int = field(default=0, metadata=traits(READ_ONLY))
    created_at: str = field(default="", metadata=traits(LIFECYCLE))
    updated_at: str = field(default="", metadata=traits(READ_ONLY))

    @property
    def claims_electronic(self) -> bool:
        """What the form's method box says: online or offline delivery, not web information."""
        return self.electronic_method in (ElectronicMethod.ONLINE, ElectronicMethod.OFFLINE)

    @property
    def is_electronic(self) -> bool:
        """Electronic in the sense of seed 000 def. 23: delivered online or offline *and* all
        three stages (start, production, delivery) run in a process-aware system."""
        return self.claims_electronic and self.stages_electronic.all

    @property
    def valid_until(self) -> dt.date | None:
        """The last day an approval holds: one Jalali year (seed 000 Art. 4 note 3), so the
        anniversary of the approval is the first day it no longer holds."""
        if not self.approved_on or self.status not in APPROVED_STATUSES:
            return None
        anniversary = add_jalali_years(dt.date.fromisoformat(self.approved_on), VALIDITY_YEARS)
        return anniversary - dt.timedelta(days=1)

    def validity(self, today: dt.date) -> Validity:
        return validity_on(self.valid_until, today)

    @property
    def display_id(self) -> str:
        return service_id_text(self.service_id)

    @property
    def service_time_minutes(self) -> float | None:
        if self.service_time is None:
            return None
        return self.service_time * self.service_time_unit.minutes


APPROVED_STATUSES = frozenset({Status.APPROVED, Status.SENT, Status.ACCEPTED})

DATE_FIELDS = with_trait(ServicePassport, DATE)
PART_DATE_FIELDS = with_trait(LegalBasis, DATE)
LONG_TEXT_FIELDS = with_trait(ServicePassport, LONG)
SEARCHED_FIELDS = with_trait(ServicePassport, SEARCHED)
LIFECYCLE_FIELDS = with_trait(ServicePassport, LIFECYCLE)
READ_ONLY_FIELDS = LIFECYCLE_FIELDS + with_trait(ServicePassport, READ_ONLY)
