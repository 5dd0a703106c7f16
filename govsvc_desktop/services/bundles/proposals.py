"""Services proposed without an ID in bundles: every proposal past its draft travels in
``proposals.json`` so the centre can issue its service ID; once written into a bundle a
proposal is under review, and the ID comes back in the centre's reply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govsvc_desktop.domain.agency.proposals import (
    PROPOSAL_FIELDS,
    ProposalStatus,
    ServiceProposal,
    sent_to_centre,
    validate_proposal,
)
from govsvc_desktop.domain.bundles import PlannedChange
from govsvc_desktop.domain.codec import (
    FORMAT_VERSION,
    from_dict,
    to_dict,
)
from govsvc_desktop.domain.diff import import_outcome
from govsvc_desktop.domain.errors import ConflictError
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.exchange.records.bundle import RecordFileSpec
from govsvc_desktop.services.agency import PROPOSALS as BOOK
from govsvc_desktop.services.agency import book_store, save_record
from govsvc_desktop.services.bundles.kinds import (
    ApprovalJudge,
    Bases,
    RecordKindAdapter,
    Selection,
    WriteCounts,
    compact_json,
    only_revisions,
    parse_record_file,
)
from govsvc_desktop.services.gate import Gate
from govsvc_desktop.store.uow import UnitOfWork

PROPOSALS_FORMAT = "govsvc.proposals"


def _sendable(uow: UnitOfWork) -> list[ServiceProposal]:
    return [p for p in uow.agency.find(BOOK.kind, ServiceProposal)
            if p.status is not ProposalStatus.DRAFT]


def _revisions(uow: UnitOfWork, sel: Selection) -> dict[str, int]:
    return {p.uuid: p.revision for p in _sendable(uow)}


def _collect(uow: UnitOfWork, sel: Selection) -> list[ServiceProposal]:
    return [p for p in _sendable(uow) if sel.only is None or p.uuid in sel.only]


def _dump(records: Sequence[ServiceProposal]) -> bytes:
    return compact_json({"format": PROPOSALS_FORMAT, "format_version": FORMAT_VERSION,
                         "proposals": [to_dict(p) for p in records]})


def parse_proposals(document: Any) -> list[ServiceProposal]:
    """Decodes and checks every proposal of a ``proposals.json``; all problems at once."""
    return parse_record_file(document, PROPOSALS_FORMAT, "proposals", "پروندهٔ خدمات پیشنهادی",
                             ServiceProposal, "خدمت پیشنهادی", validate_proposal,
                             "خدمات پیشنهادی بسته خوانده نشد")


def _plan(uow: UnitOfWork, records: Sequence[ServiceProposal], bases: Bases) -> list[PlannedChange]:
    result = []
    for p in records:
        outcome, diff = import_outcome(uow.agency.get(BOOK.kind, p.uuid, ServiceProposal), p,
                                       bases.get(p.uuid))
        reason = ("این خدمت پیشنهادی در این رایانه پس از نسخهٔ بسته تغییر کرده است"
                  if outcome == "conflict" else "")
        fields = list(dict.fromkeys(PROPOSAL_FIELDS.get(path, path) for path, _, _ in diff))
        result.append(PlannedChange("proposal", p.uuid, p.title, outcome, fields, reason))
    return result


def _landed(current: ServiceProposal | None, incoming: ServiceProposal) -> ServiceProposal:
    """The centre's answer and the proposal's state are never taken from another office's
    file: a new proposal lands as proposed (or draft), an existing one keeps its state."""
    record = from_dict(ServiceProposal, to_dict(incoming))
    source = current or ServiceProposal(
        status=ProposalStatus.DRAFT if incoming.status is ProposalStatus.DRAFT
        else ProposalStatus.PROPOSED)
    record.status = source.status
    record.issued_service_id, record.issued_on = source.issued_service_id, source.issued_on
    record.centre_comment = source.centre_comment
    return record


def _write(uow: UnitOfWork, records: Sequence[ServiceProposal], actor: Actor, now: str,
           take_theirs: frozenset[str], keep_mine: frozenset[str], bases: Bases,
           check: ApprovalJudge) -> WriteCounts:
    counts = WriteCounts()
    gate = Gate(uow, actor, now)
    store = book_store(BOOK)
    for p in records:
        current = uow.agency.get(BOOK.kind, p.uuid, ServiceProposal)
        record = _landed(current, p)
        outcome, _ = import_outcome(current, record, bases.get(p.uuid))
        if outcome == "unchanged":
            counts.unchanged += 1
        elif outcome == "conflict" and p.uuid in keep_mine:
            counts.kept += 1
        elif outcome == "conflict" and p.uuid not in take_theirs:
            raise ConflictError(f"خدمت پیشنهادی «{p.title}» در این رایانه پس از نسخهٔ بسته تغییر "
                                "کرده است؛ چیزی وارد نشد")
        else:
            if current is not None:
                record.revision = current.revision
            gate.write(store, record, expected=None, current=current, read=False,
                       audit_action="import", batch=current is None)
            if current is None:
                counts.created += 1
            else:
                counts.updated += 1
    return counts


def _mark_sent(uow: UnitOfWork, records: Sequence[ServiceProposal], actor: Actor,
               now: str) -> dict[str, int]:
    """Proposals written into a bundle are under the centre's review from now on."""
    revisions = {}
    for p in records:
        current = uow.agency.get(BOOK.kind, p.uuid, ServiceProposal)
        if current is None:
            continue
        revisions[p.uuid] = save_record(uow, BOOK, sent_to_centre(current), actor, now).revision
    return revisions


PROPOSALS = RecordKindAdapter(
    name="proposals",
    record_type="proposal",
    label_fa="خدمت بدون شناسه",
    spec=RecordFileSpec("proposals.json", PROPOSALS_FORMAT, FORMAT_VERSION, "proposals"),
    revisions=_revisions,
    collect=_collect,
    dump=_dump,
    key=lambda r: (r.uuid, r.revision),
    parse=parse_proposals,
    plan=_plan,
    write=_write,
    mark_sent=_mark_sent,
    stored_revisions=lambda uow, uuids: only_revisions(
        {p.uuid: p.revision for p in uow.agency.find(BOOK.kind, ServiceProposal)}, uuids),
)
