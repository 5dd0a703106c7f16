"""The agency's own records in bundles: the nine-step cycle with its evidence files, the
representative's reports, lessons learned, service chains, 128 requests and the licence list
(seed 001 Art. 6, 7, 17, 19; seed 000 Art. 4-5). Each kind is one file,
``{"format": "govsvc.<kind>", "format_version": 1, "<kind>": [...]}``, its items the records
as ``agency … --format json`` prints them, and travels like passports: by revision, deltas
after the centre acknowledged a bundle, conflicts settled record by record.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from govsvc_desktop.domain.agency.cycle import CycleStep
from govsvc_desktop.domain.bundles import PlannedChange
from govsvc_desktop.domain.codec import FORMAT_VERSION, to_dict
from govsvc_desktop.domain.diff import import_outcome
from govsvc_desktop.domain.errors import ConflictError, Problem
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.domain.plans.model import Request128
from govsvc_desktop.domain.plans.validation import validate_request
from govsvc_desktop.exchange.records.bundle import RecordFileSpec
from govsvc_desktop.services.agency import (
    CHAINS,
    LESSONS,
    LICENCES,
    REPORTS,
    STEPS,
    RecordBook,
    book_store,
)
from govsvc_desktop.services.bundles.kinds import (
    ApprovalJudge,
    Bases,
    RecordKindAdapter,
    Selection,
    WriteCounts,
    compact_json,
    parse_record_file,
)
from govsvc_desktop.services.gate import REQUESTS as GATE_REQUESTS
from govsvc_desktop.services.gate import Gate, RecordStore
from govsvc_desktop.store.uow import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class Store(Generic[T]):
    """Where one kind of record lives: read all, read one, insert, update by revision."""

    record_type: str
    cls: type[T]
    label_fa: str
    all: Callable[[UnitOfWork], list[T]]
    get: Callable[[UnitOfWork, str], T | None]
    insert: Callable[[UnitOfWork, T], None]
    update: Callable[[UnitOfWork, T, int], bool]
    validate: Callable[[T], list[Problem]]
    title: Callable[[T], str]
    belongs: Callable[[T, Selection], bool] = lambda record, sel: True


def _book_store(book: RecordBook[Any], title: Callable[[Any], str]) -> Store[Any]:
    return Store(
        record_type=book.kind, cls=book.cls, label_fa=book.label_fa,
        all=lambda uow: uow.agency.find(book.kind, book.cls),
        get=lambda uow, uuid: uow.agency.get(book.kind, uuid, book.cls),
        insert=lambda uow, r: uow.agency.insert(book.kind, r, book.key(r), book.status(r)),
        update=lambda uow, r, rev: uow.agency.update(book.kind, r, book.key(r), book.status(r),
                                                     rev),
        validate=book.validate, title=title)


def _request_belongs(request: Request128, sel: Selection) -> bool:
    """A 128 request goes with its passport; one not tied to a passport always goes."""
    return not request.passport_uuid or request.passport_uuid in sel.passports


REQUESTS = Store(
    record_type="request128", cls=Request128, label_fa="درخواست ۱۲۸",
    all=lambda uow: uow.plans.requests(), get=lambda uow, uuid: uow.plans.get_request(uuid),
    insert=lambda uow, r: uow.plans.insert_request(r),
    update=lambda uow, r, rev: uow.plans.update_request(r, rev),
    validate=lambda r: [p for p in validate_request(r) if p.blocking],
    title=lambda r: f"{r.reference} {r.subject}".strip(), belongs=_request_belongs)


def _cited(record: Any) -> list[str]:
    """Evidence files a cycle step cites (kept by SHA-256 like plan evidence)."""
    if isinstance(record, CycleStep):
        return [ev.sha256 for ev in record.evidence if ev.sha256]
    return []


def _adapter(name: str, store: Store[Any]) -> RecordKindAdapter:
    fmt = f"govsvc.{name}"

    def chosen(uow: UnitOfWork, sel: Selection) -> list[Any]:
        return [r for r in store.all(uow) if store.belongs(r, sel)]

    def revisions(uow: UnitOfWork, sel: Selection) -> dict[str, int]:
        return {r.uuid: r.revision for r in chosen(uow, sel)}

    def collect(uow: UnitOfWork, sel: Selection) -> list[Any]:
        return [r for r in chosen(uow, sel) if sel.only is None or r.uuid in sel.only]

    def dump(records: Sequence[Any]) -> bytes:
        return compact_json({"format": fmt, "format_version": FORMAT_VERSION,
                             name: [to_dict(r) for r in records]})

    def parse(document: dict[str, Any]) -> list[Any]:
        return parse_record_file(document, fmt, name, f"پروندهٔ {store.label_fa}", store.cls,
                                 store.label_fa, store.validate, f"{name}.json خوانده نشد")

    def plan(uow: UnitOfWork, records: Sequence[Any], bases: Bases) -> list[PlannedChange]:
        result = []
        for r in records:
            outcome, diff = import_outcome(store.get(uow, r.uuid), r, bases.get(r.uuid))
            reason = (f"این {store.label_fa} در این رایانه پس از نسخهٔ بسته تغییر کرده است"
                      if outcome == "conflict" else "")
            fields = list(dict.fromkeys(path for path, _, _ in diff))
            result.append(PlannedChange(store.record_type, r.uuid, store.title(r), outcome,
                                        fields, reason))
        return result

    def write(uow: UnitOfWork, records: Sequence[Any], actor: Actor, now: str,
              take_theirs: frozenset[str], keep_mine: frozenset[str], bases: Bases,
              _judge: ApprovalJudge) -> WriteCounts:
        gate = Gate(uow, actor, now)
        gate_store = _GATE_STORES[store.record_type]
        counts = WriteCounts()
        for incoming in records:
            current = store.get(uow, incoming.uuid)
            outcome, diff = import_outcome(current, incoming, bases.get(incoming.uuid))
            if outcome == "unchanged":
                counts.unchanged += 1
                continue
            if outcome == "conflict" and incoming.uuid in keep_mine:
                counts.kept += 1
                continue
            if outcome == "conflict" and incoming.uuid not in take_theirs:
                raise ConflictError(f"{store.label_fa} «{store.title(incoming)}» در این رایانه "
                                    "پس از نسخهٔ بسته تغییر کرده است؛ چیزی وارد نشد")
            record = copy.deepcopy(incoming)
            # the one write gate: the role may write this kind, in this state, and the audit
            # row is written with the record
            gate.write(gate_store, record, expected=None, current=current, read=False,
                       audit_action="import", batch=True)
            if current is None:
                counts.created += 1
            else:
                counts.updated += 1
        return counts

    def stored(uow: UnitOfWork, uuids: Sequence[str]) -> dict[str, int]:
        wanted = set(uuids)
        return {r.uuid: r.revision for r in store.all(uow) if r.uuid in wanted}

    def evidence(record: Any) -> Iterable[tuple[str, Any]]:
        return [(digest, None) for digest in _cited(record)]  # read from the store when written

    return RecordKindAdapter(
        name=name, record_type=store.record_type, label_fa=store.label_fa,
        spec=RecordFileSpec(f"{name}.json", fmt, FORMAT_VERSION, name),
        revisions=revisions, collect=collect, dump=dump, key=lambda r: (r.uuid, r.revision),
        parse=parse, plan=plan, write=write, stored_revisions=stored, evidence=evidence,
        evidence_needed=_cited)


def _step_title(step: CycleStep) -> str:
    return f"گام {to_persian_digits(step.step.value)}: {step.step.label_fa}"


STEPS_KIND = _adapter("steps", _book_store(STEPS, _step_title))

AGENCY_KINDS = [
    STEPS_KIND,
    _adapter("reports", _book_store(REPORTS, lambda r: r.period or r.reported_on or "")),
    _adapter("lessons", _book_store(LESSONS, lambda r: r.title)),
    _adapter("chains", _book_store(CHAINS, lambda r: r.title)),
    _adapter("requests128", REQUESTS),
    _adapter("licences", _book_store(LICENCES, lambda r: f"{r.code} {r.title}".strip())),
]


# where the write gate finds each kind (its role and state table, its audit)
_GATE_STORES: dict[str, RecordStore[Any]] = {
    **{book.kind: book_store(book) for book in (STEPS, REPORTS, LESSONS, CHAINS, LICENCES)},
    GATE_REQUESTS.record_type: GATE_REQUESTS,
}
