"""What lists ask for and get back: filters, sort keys and one-line summaries of records."""

from __future__ import annotations

from dataclasses import dataclass, field

from govsvc_desktop.domain.choices import ElectronicMethod, Nature, RecordKind, Status, Validity


@dataclass(frozen=True)
class PassportFilter:
    """Every filter of the passport list; empty fields do not filter."""

    search: str = ""
    statuses: tuple[Status, ...] = ()
    province: str = ""
    agency: str = ""
    nature: Nature | None = None
    kind: RecordKind | None = None
    electronic: bool | None = None
    has_service_id: bool | None = None
    uuids: tuple[str, ...] = ()
    valid_until_before: str | None = None  # ISO date; approved records expiring before it
    updated_since: str | None = None  # ISO datetime


SORT_KEYS = ("title", "service_id", "agency_name", "province", "status", "valid_until", "updated_at")


@dataclass(frozen=True)
class PassportSummary:
    """One row of the passport list."""

    uuid: str
    kind: RecordKind
    service_id: str
    title: str
    agency_name: str
    province: str
    nature: Nature | None
    status: Status
    electronic_method: ElectronicMethod | None
    edition: int
    revision: int
    valid_until: str | None
    updated_at: str
    validity: Validity = Validity.NOT_APPROVED


@dataclass(frozen=True)
class AuditEntry:
    """One line of a record's history: who changed what, when."""

    at: str
    actor: str
    action: str
    field_path: str = ""
    old_value: str = ""
    new_value: str = ""
    revision: int = 0


@dataclass
class Page:
    rows: list[PassportSummary] = field(default_factory=list)
    total: int = 0
