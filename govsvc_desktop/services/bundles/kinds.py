"""The kinds of records a bundle carries, one entry each: adding a kind is one line in
``record_kinds()``.

Each kind says how its records are selected for a bundle, written as its JSON file, read
back, compared with the database (what an import would change) and written in the import's
transaction, reusing the kind's own JSON module so a rule lives once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from govsvc_desktop.domain.approval import ApprovalCheck
from govsvc_desktop.domain.bundles import PlannedChange
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import FORMAT_VERSION, decode_records, from_dict, record_items
from govsvc_desktop.domain.errors import Problem, ValidationError
from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.exchange.records.bundle import RecordFileSpec
from govsvc_desktop.services import passport_json
from govsvc_desktop.store.uow import UnitOfWork

Bases = Mapping[str, int]
ApprovalJudge = Callable[[Any], ApprovalCheck]


@dataclass
class WriteCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0


@dataclass
class Selection:
    """What an export takes: a filter, narrowed to ``only`` (a delta) when given.

    ``passports`` maps every passport the filter selects to its revision, so kinds that
    belong to passports (plans) can follow the same selection.
    """

    filter: PassportFilter = PassportFilter()
    only: frozenset[str] | None = None
    passports: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordKindAdapter:
    """How one kind of record travels in bundles."""

    name: str
    record_type: str
    label_fa: str
    spec: RecordFileSpec
    revisions: Callable[[UnitOfWork, Selection], dict[str, int]]
    collect: Callable[[UnitOfWork, Selection], list[Any]]
    dump: Callable[[Sequence[Any]], bytes]
    key: Callable[[Any], tuple[str, int]]
    parse: Callable[[dict[str, Any]], list[Any]]
    # ``Bases``: each record's revision here after the last bundle that carried it
    plan: Callable[[UnitOfWork, Sequence[Any], Bases], list[PlannedChange]]
    # the last argument judges the approval signatures records carry
    write: Callable[[UnitOfWork, Sequence[Any], Actor, str, frozenset[str], frozenset[str],
                     Bases, ApprovalJudge], WriteCounts]
    stored_revisions: Callable[[UnitOfWork, Sequence[str]], dict[str, int]]
    # files a record cites, by SHA-256: their bytes, or None to read them from the file store
    evidence: Callable[[Any], Iterable[tuple[str, Any]]] = lambda record: ()
    evidence_needed: Callable[[Any], Iterable[str]] = lambda record: ()
    # problems with the files a record names, given the bundle's files by SHA-256
    check_files: Callable[[Any, Mapping[str, bytes]], list[str]] = lambda record, files: []
    # after the bundle is written: the records' new state, revisions as sent
    mark_sent: Callable[[UnitOfWork, Sequence[Any], Actor, str], dict[str, int]] | None = None


def only_revisions(revisions: Mapping[str, int], uuids: Sequence[str]) -> dict[str, int]:
    """The revisions of ``uuids`` among ``revisions`` (those that exist)."""
    return {u: revisions[u] for u in uuids if u in revisions}


def compact_json(document: dict[str, Any]) -> bytes:
    """The documented format without indentation: bundles are read by programs."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- passports ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredPassport:
    """A passport as stored (its JSON document), decoded only when a PDF or a status change
    needs the record itself: copying ten thousand records into a bundle needs neither."""

    uuid: str
    revision: int
    status: Status
    document: str
    attachments: tuple[str, ...] = ()  # names of its files, listed on its form

    def decode(self) -> ServicePassport:
        return from_dict(ServicePassport, json.loads(self.document))


_STATUSES = {s.value: s for s in Status}


def _passport_revisions(uow: UnitOfWork, sel: Selection) -> dict[str, int]:
    return dict(sel.passports)


def _passport_collect(uow: UnitOfWork, sel: Selection) -> list[StoredPassport]:
    files = uow.attachments.names()
    return [StoredPassport(uuid, revision, _STATUSES[status], data,
                           tuple(files.get(uuid, ())))
            for uuid, revision, status, data in uow.passports.iter_documents(sel.filter)
            if sel.only is None or uuid in sel.only]


def _passport_dump(records: Sequence[StoredPassport]) -> bytes:
    head = compact_json({"format": passport_json.PASSPORTS_FORMAT,
                         "format_version": FORMAT_VERSION, "passports": []})
    body = ",".join(r.document for r in records).encode("utf-8")
    return head[:-2] + body + b"]}"


def _passport_plan(uow: UnitOfWork, records: Sequence[ServicePassport],
                   bases: Bases) -> list[PlannedChange]:
    result = []
    for p in records:
        outcome, diff = passport_json.classify(uow.passports.get(p.uuid), p, bases.get(p.uuid))
        reason = ("این رکورد در این رایانه پس از نسخهٔ بسته تغییر کرده است"
                  if outcome == passport_json.CONFLICT else "")
        fields = list(dict.fromkeys(label_for_path(path) for path, _, _ in diff))
        result.append(PlannedChange("passport", p.uuid, p.title, outcome, fields, reason))
    return result


def _passport_write(
    uow: UnitOfWork, records: Sequence[ServicePassport], actor: Actor, now: str,
    take_theirs: frozenset[str], keep_mine: frozenset[str], bases: Bases, check: ApprovalJudge,
) -> WriteCounts:
    fresh = [replace(p) for p in records]  # the writer stamps revisions; a retry must not see them
    report = passport_json.write_passports(uow, fresh, actor, now, take_theirs=take_theirs,
                                           keep_mine=keep_mine, bases=bases, check=check)
    return WriteCounts(report.created, report.updated, report.unchanged, report.kept)


PASSPORTS = RecordKindAdapter(
    name="passports",
    record_type="passport",
    label_fa="شناسنامهٔ خدمت",
    spec=RecordFileSpec("passports.json", passport_json.PASSPORTS_FORMAT, FORMAT_VERSION,
                        "passports"),
    revisions=_passport_revisions,
    collect=_passport_collect,
    dump=_passport_dump,
    key=lambda r: (r.uuid, r.revision),
    parse=passport_json.parse_records,
    plan=_passport_plan,
    write=_passport_write,
    stored_revisions=lambda uow, uuids: uow.passports.revisions_of(uuids),
)


R = TypeVar("R")


def parse_record_file(document: Any, fmt: str, key: str, file_fa: str, cls: type[R],
                      record_fa: str, validate: Callable[[R], list[Problem]],
                      refused_fa: str) -> list[R]:
    """One record file of a bundle, decoded and checked record by record; every problem at
    once, each named «RECORD n», or nothing."""
    items = record_items(document, fmt, key, file_fa, required=False)
    result, problems = decode_records(
        cls, items, lambda i, _: f"{record_fa} {to_persian_digits(str(i + 1))}",
        lambda record, where: [Problem(p.field_path, p.message_fa, where) for p in validate(record)])
    if problems:
        raise ValidationError(problems, refused_fa)
    return result

