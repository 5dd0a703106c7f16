"""The lists an agency publishes on its website, generated from the passports.

Seed 003 Art. 4 note 1: electronic and non-electronic services in separate lists, each
non-electronic one with the date it will become electronic; note 2: or its approved
exemption. Art. 14 note 1: the services delegated to counter offices (دفاتر پیشخوان) and the
offices that give them. Only services (not tasks) that are approved and still valid — what
the head of the agency answers for — are published; drafts would be promises nobody made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govsvc_desktop.domain.choices import ChannelKind, RecordKind, Validity
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.persian import format_int


@dataclass(frozen=True)
class ListedService:
    service_id: str
    title: str
    unit: str
    detail: str = ""
    date: str | None = None
    late: bool = False
    fee_rials: int | None = None
    agency: str = ""


@dataclass
class ServiceLists:
    agency: str
    today: dt.date
    electronic: list[ListedService] = field(default_factory=list)
    non_electronic: list[ListedService] = field(default_factory=list)
    delegated: list[ListedService] = field(default_factory=list)
    left_out: int = 0  # services not published because they are not approved or have expired
    agencies: list[str] = field(default_factory=list)  # every agency the listed services belong to

    @property
    def counts(self) -> dict[str, int]:
        return {"electronic": len(self.electronic), "non_electronic": len(self.non_electronic),
                "delegated": len(self.delegated)}


def _electronic_detail(p: ServicePassport) -> str:
    parts = [p.electronic_method.label_fa] if p.electronic_method else []
    if p.electronic_scope:
        parts.append(p.electronic_scope.label_fa)
    if p.smart_level:
        parts.append(f"سطح هوشمندی {format_int(p.smart_level)}")
    return "، ".join(parts)


def _counter_detail(p: ServicePassport) -> str:
    offices = [ch for ch in p.channels if ch.kind is ChannelKind.COUNTER]
    parts = [p.counter_actions.strip()] if p.counter_actions.strip() else []
    for ch in offices:
        text = ch.description.strip()
        if ch.centre_count:
            text = f"{format_int(ch.centre_count)} دفتر" + (f": {text}" if text else "")
        if text:
            parts.append(text)
    return "؛ ".join(parts)


def published_edition(current: ServicePassport, earlier: list[ServicePassport],
                      today: dt.date) -> ServicePassport:
    """L-01 (seed 000 Art. 4 note 3): the edition the lists show. A passport renewed early
    keeps its still-valid approved edition published until the new one is approved."""
    if current.validity(today) in (Validity.VALID, Validity.EXPIRING) or not earlier:
        return current
    last = max(earlier, key=lambda e: e.edition)
    return last if last.validity(today) in (Validity.VALID, Validity.EXPIRING) else current


def build_service_lists(passports: list[ServicePassport], today: dt.date,
                        agency: str = "", only_valid: bool = True) -> ServiceLists:
    lists = ServiceLists(agency, today)
    for p in sorted(passports, key=lambda x: (x.service_id or "~", x.title)):
        if p.kind is not RecordKind.SERVICE:
            continue
        if only_valid and p.validity(today) not in (Validity.VALID, Validity.EXPIRING):
            lists.left_out += 1
            continue
        unit = p.providing_unit or p.agency_name
        if p.agency_name and p.agency_name not in lists.agencies:
            lists.agencies.append(p.agency_name)
        if p.is_electronic:
            lists.electronic.append(ListedService(p.service_id, p.title, unit, _electronic_detail(p),
                                                  agency=p.agency_name))
        else:
            if p.exemption_approved:
                detail = "معاف از الکترونیکی شدن" + (
                    f" ({p.exemption_reference})" if p.exemption_reference else "")
                lists.non_electronic.append(ListedService(p.service_id, p.title, unit, detail,
                                                          agency=p.agency_name))
            else:
                late = bool(p.electronic_target_date
                            and dt.date.fromisoformat(p.electronic_target_date) < today)
                detail = "زمان الکترونیکی شدن اعلام نشده" if not p.electronic_target_date else ""
                lists.non_electronic.append(ListedService(
                    p.service_id, p.title, unit, detail, p.electronic_target_date, late,
                    agency=p.agency_name))
        if p.delegated_to_counters:
            lists.delegated.append(ListedService(p.service_id, p.title, unit, _counter_detail(p),
                                                 fee_rials=p.counter_fee_rials, agency=p.agency_name))
    lists.agencies.sort()
    return lists
