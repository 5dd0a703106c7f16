"""Every rule a passport must meet, in one place.

``validate`` returns all problems at once. Problems marked ``blocking`` stop any save (wrong
formats, negative amounts, impossible dates); the others are what approval requires and a draft
may still lack, except warnings, which only inform. The editor, the JSON, Excel and bundle
importers all report this same list; the regulations' own rules are the functions of
``passport_rules`` (catalogued in docs/rules.md), called from here.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Mapping

from govsvc_desktop.domain.choices import Choice, ElectronicMethod, RecordKind
from govsvc_desktop.domain.constraints import MAX_SHORT_TEXT, MAX_TEXT, Check, checker, rule_for
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.identifiers import (
    canonical_legal_id,
    canonical_national_id,
    canonical_postal_code,
    canonical_sheba,
    service_id_digits,
)
from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.passport.regulations import PASSPORT_RULES
from govsvc_desktop.domain.persian import compact_key, to_ascii_digits

__all__ = ["APPROVAL_REQUIRED", "MAX_SHORT_TEXT", "MAX_TEXT", "SERVICE_APPROVAL_REQUIRED",
           "blocking", "licence_conflicts", "validate"]
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


def _required(c: _Collector, path: str, value: object) -> None:
    if value is None or value == "" or value == []:
        c.add(path, "برای تأیید باید پر شود", blocking=False)


def validate(p: ServicePassport, record: str = "") -> list[Problem]:
    """All problems of one passport; ``record`` names it in batch reports."""
    c = _Collector(record)
    _values(c, p, "")
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


_Plan = tuple[tuple[str, Check | None, type | None, bool], ...]
_plans: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    """(field, rule of its values, dataclass of its items or value, is a list) per field."""
    found = _plans.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        rows: list[tuple[str, Check | None, type | None, bool]] = []
        for f in dataclasses.fields(cls):
            tp = hints[f.name]
            is_list = typing.get_origin(tp) is list
            inner = typing.get_args(tp)[0] if is_list else tp
            args = [a for a in typing.get_args(inner) if a is not type(None)]
            if args and typing.get_origin(inner) is not list:
                inner = args[0]
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                rows.append((f.name, None, inner, is_list))
            elif isinstance(inner, type) and not issubclass(inner, Choice):
                rule = rule_for(cls.__name__, f.name, inner, f.metadata.get("traits", ()))
                rows.append((f.name, checker(rule, inner) if rule else None, None, is_list))
        found = tuple(rows)
        _plans[cls] = found
    return found


def _values(c: _Collector, obj: object, prefix: str) -> None:
    """Every value of ``obj`` (and of its parts) against its rule in ``constraints``."""
    for name, check, part, is_list in _plan(type(obj)):
        value = getattr(obj, name)
        if part is not None:
            if is_list:
                for i, item in enumerate(value):
                    _values(c, item, f"{prefix}{name}[{i}].")
            else:
                _values(c, value, f"{prefix}{name}.")
        elif check is not None:
            if is_list:
                for i, item in enumerate(value):
                    wrong = check(item)
                    if wrong is not None:
                        c.add(f"{prefix}{name}[{i}]", wrong)
            else:
                wrong = check(value)
                if wrong is not None:
                    c.add(prefix + name, wrong)


def _parts(c: _Collector, p: ServicePassport) -> None:
    seen: set[str] = set()
    for i, lic in enumerate(p.licences):
        key = compact_key(lic.code)
        if key and key in seen:
            c.add(f"licences[{i}].code", f"مجوز «{lic.code}» پیش‌تر در همین شناسنامه آمده است")
        seen.add(key)
    orders = [s.order for s in p.steps]
    if len(set(orders)) != len(orders):
        c.add("steps", "شماره ردیف مراحل تکراری است")


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
    if p.status in APPROVED_STATUSES:
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
