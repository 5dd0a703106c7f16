"""Every rule a passport must meet, in one place.

``validate`` returns all problems at once. Problems marked ``blocking`` stop any save (wrong
formats, negative amounts, impossible dates); the others are what approval requires and a draft
may still lack, except warnings, which only inform. The editor, the JSON, Excel and bundle
importers all report this same list; the regulations' own rules are the functions of
``passport_rules`` (catalogued in docs/rules.md), called from here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from .choices import ElectronicMethod, RecordKind, Status
from .errors import Problem
from .identifiers import (
    canonical_legal_id,
    canonical_national_id,
    canonical_postal_code,
    canonical_sheba,
    service_id_digits,
)
from .labels import label_for_path
from .passport import DATE_FIELDS, ServicePassport
from .passport_rules import PASSPORT_RULES
from .persian import compact_key, to_ascii_digits

MAX_TEXT = 20_000
MAX_SHORT_TEXT = 500
AMOUNT_FIELDS = ("recipients_count", "deliveries_per_year", "service_time",
                 "direct_cost_rials", "cost_price_rials", "counter_fee_rials")
# What approval needs of every record, and in addition of a service (not a task).
APPROVAL_REQUIRED = ("agency_name", "province", "nature", "description", "providing_unit",
                     "legal_bases")
SERVICE_APPROVAL_REQUIRED = ("recipients", "audiences", "channels", "electronic_method",
                             "service_time", "steps", "where_to_apply")


class _Collector:
    def __init__(self, record: str) -> None:
        self.record = record
        self.problems: list[Problem] = []

    def add(self, path: str, message: str, blocking: bool = True) -> None:
        self.problems.append(
            Problem(path, f"«{label_for_path(path)}» {message}", self.record, blocking)
        )


def _check_date(c: _Collector, path: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        c.add(path, f"تاریخ معتبری نیست: «{value}»")
        return None


def _non_negative(c: _Collector, path: str, value: float | int | None) -> None:
    if value is not None and value < 0:
        c.add(path, "نمی‌تواند منفی باشد")


def _required(c: _Collector, path: str, value: object) -> None:
    if value is None or value == "" or value == []:
        c.add(path, "برای تأیید باید پر شود", blocking=False)


def validate(p: ServicePassport, record: str = "") -> list[Problem]:
    """All problems of one passport; ``record`` names it in batch reports."""
    c = _Collector(record)
    _formats(c, p)
    _texts(c, p)
    _amounts(c, p)
    _dates(c, p)
    _parts(c, p)
    _approval_requirements(c, p)
    for rule in PASSPORT_RULES:
        c.problems += [dataclasses.replace(pr, record=record) for pr in rule(p)]
    return c.problems


def approval_gaps(problems: Iterable[Problem]) -> list[Problem]:
    """What stops approval but not saving (warnings stop nothing)."""
    return [p for p in problems if not p.blocking and not p.warning]


def normalise_identifiers(p: ServicePassport) -> ServicePassport:
    """The identifiers of ``p`` as the rules read them: Persian or Arabic digits to ASCII and
    separators dropped where a check would otherwise fail on what a Persian keyboard gives.
    Changes ``p`` in place (and returns it); text fields are left as typed."""
    p.service_id = service_id_digits(p.service_id)
    for name, canonical in (("agency_national_id", canonical_legal_id),
                            ("preparer_national_id", canonical_national_id),
                            ("agency_postal_code", canonical_postal_code)):
        value = getattr(p, name)
        setattr(p, name, canonical(value) or to_ascii_digits(value).strip())
    for fee in p.fees:
        fee.sheba = canonical_sheba(fee.sheba) or to_ascii_digits(fee.sheba).strip()
        fee.account_number = to_ascii_digits(fee.account_number).strip()
    for unit in p.org_units:
        unit.unit_id, unit.post_id, unit.employee_id = (
            to_ascii_digits(v).strip() for v in (unit.unit_id, unit.post_id, unit.employee_id))
    for task in p.linked_tasks:
        task.task_id = to_ascii_digits(task.task_id).strip()
    return p


def blocking(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.blocking]


def _formats(c: _Collector, p: ServicePassport) -> None:
    if p.agency_national_id and canonical_legal_id(p.agency_national_id) is None:
        c.add("agency_national_id", "شناسه ملی معتبر (۱۱ رقم با رقم کنترل درست) نیست")
    if p.preparer_national_id and canonical_national_id(p.preparer_national_id) is None:
        c.add("preparer_national_id", "کد ملی معتبر (۱۰ رقم با رقم کنترل درست) نیست")
    for i, fee in enumerate(p.fees):
        if fee.sheba and canonical_sheba(fee.sheba) is None:
            c.add(f"fees[{i}].sheba", "شماره شبای معتبر (IR و ۲۴ رقم با رقم کنترل درست) نیست")
    if not 0 <= p.smart_level <= 3:
        c.add("smart_level", "باید بین ۰ تا ۳ باشد")
    if p.edition < 1:
        c.add("edition", "باید دست‌کم ۱ باشد")


def _texts(c: _Collector, p: ServicePassport) -> None:
    if not p.title.strip():
        c.add("title", "خالی است؛ هر رکورد دست‌کم یک عنوان لازم دارد")
    for name in ("title", "agency_name", "province", "county", "service_id"):
        if len(getattr(p, name)) > MAX_SHORT_TEXT:
            c.add(name, f"بیش از {MAX_SHORT_TEXT} نویسه است")
    for name, value in vars(p).items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            c.add(name, f"بیش از {MAX_TEXT} نویسه است")


def _amounts(c: _Collector, p: ServicePassport) -> None:
    for name in AMOUNT_FIELDS:
        _non_negative(c, name, getattr(p, name))
    for i, ch in enumerate(p.channels):
        _non_negative(c, f"channels[{i}].centre_count", ch.centre_count)
    for i, form in enumerate(p.forms):
        _non_negative(c, f"forms[{i}].data_items", form.data_items)
    for i, step in enumerate(p.steps):
        _non_negative(c, f"steps[{i}].duration", step.duration)
    for i, fee in enumerate(p.fees):
        _non_negative(c, f"fees[{i}].amount_rials", fee.amount_rials)


def _dates(c: _Collector, p: ServicePassport) -> None:
    for name in DATE_FIELDS:
        _check_date(c, name, getattr(p, name))
    for i, law in enumerate(p.legal_bases):
        _check_date(c, f"legal_bases[{i}].date", law.date)


def _parts(c: _Collector, p: ServicePassport) -> None:
    seen: set[str] = set()
    for i, lic in enumerate(p.licences):
        key = compact_key(lic.code)
        if not key:
            c.add(f"licences[{i}].code", "کد مجوز خالی است")
        elif key in seen:
            c.add(f"licences[{i}].code", f"مجوز «{lic.code}» پیش‌تر در همین شناسنامه آمده است")
        seen.add(key)
    orders = [s.order for s in p.steps]
    if len(set(orders)) != len(orders):
        c.add("steps", "شماره ردیف مراحل تکراری است")
    for i, step in enumerate(p.steps):
        if not step.title.strip():
            c.add(f"steps[{i}].title", "عنوان مرحله خالی است")
    for i, law in enumerate(p.legal_bases):
        if not law.title.strip():
            c.add(f"legal_bases[{i}].title", "عنوان مبنای قانونی خالی است")
    for i, doc in enumerate(p.documents):
        if not doc.title.strip():
            c.add(f"documents[{i}].title", "عنوان مدرک خالی است")
    for i, inquiry in enumerate(p.inquiries):
        if not inquiry.target_agency.strip():
            c.add(f"inquiries[{i}].target_agency", "دستگاه استعلام‌شونده مشخص نیست")


def _approval_requirements(c: _Collector, p: ServicePassport) -> None:
    for name in APPROVAL_REQUIRED:
        _required(c, name, getattr(p, name))
    if p.kind is RecordKind.SERVICE:
        for name in SERVICE_APPROVAL_REQUIRED:
            _required(c, name, getattr(p, name))
        if p.electronic_method is not None and p.electronic_method is not ElectronicMethod.NON_ELECTRONIC:
            _required(c, "electronic_scope", p.electronic_scope)
        if p.delegated_to_counters and not p.counter_actions.strip():
            c.add("counter_actions", "برای خدمت واگذارشده به پیشخوان، اقدامات دفاتر لازم است",
                  blocking=False)
    if p.status in (Status.APPROVED, Status.SENT, Status.ACCEPTED):
        if not p.approved_by.strip():
            c.add("approved_by", "نام تأییدکننده برای رکورد تأییدشده لازم است")
        if not p.approved_on:
            c.add("approved_on", "تاریخ تأیید برای رکورد تأییدشده لازم است")


def licence_conflicts(mapping: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Licence codes mapped to more than one record: ``{code: [record uuids]}``.

    ``mapping`` is record uuid → licence codes; every licence must map to exactly one service
    (seed 000, footnote to Art. 4).
    """
    owners: dict[str, list[str]] = {}
    for record, codes in mapping.items():
        for code in {compact_key(c) for c in codes if c.strip()}:
            owners.setdefault(code, []).append(record)
    return {code: sorted(recs) for code, recs in owners.items() if len(recs) > 1}
