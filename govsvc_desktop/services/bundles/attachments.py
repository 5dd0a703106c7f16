"""Passport attachments in bundles: ``attachments.json`` names each file (passport, name,
SHA-256, size, type, revision; removals as tombstones) and the files themselves lie under
``data/evidence/<sha256>``, covered by the signed manifest like every entry. On import each
file must be there, be what the record says (size, type by content) and be on the allow-list."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from govsvc_desktop.domain.bundles import PlannedChange
from govsvc_desktop.domain.codec import FORMAT_VERSION, to_dict
from govsvc_desktop.domain.diff import import_outcome
from govsvc_desktop.domain.errors import ConflictError, GovsvcError
from govsvc_desktop.domain.passport.attachments import Attachment, validate_attachment
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.exchange.records.bundle import RecordFileSpec
from govsvc_desktop.exchange.records.file_types import sniff
from govsvc_desktop.services.bundles.kinds import (
    ApprovalJudge,
    Bases,
    RecordKindAdapter,
    Selection,
    WriteCounts,
    compact_json,
    parse_record_file,
)
from govsvc_desktop.store.uow import UnitOfWork

ATTACHMENTS_FORMAT = "govsvc.attachments"
LABEL = "پیوست شناسنامه"


def _chosen(uow: UnitOfWork, sel: Selection) -> list[Attachment]:
    return [a for a in uow.attachments.of_passports() if a.passport_uuid in sel.passports]


def _revisions(uow: UnitOfWork, sel: Selection) -> dict[str, int]:
    return {uuid: revision for uuid, revision, passport in uow.attachments.revisions()
            if passport in sel.passports}


def _collect(uow: UnitOfWork, sel: Selection) -> list[Attachment]:
    return [a for a in _chosen(uow, sel) if sel.only is None or a.uuid in sel.only]


def _dump(records: Sequence[Attachment]) -> bytes:
    return compact_json({"format": ATTACHMENTS_FORMAT, "format_version": FORMAT_VERSION,
                         "attachments": [to_dict(a) for a in records]})


def _parse(document: dict[str, Any]) -> list[Attachment]:
    return parse_record_file(document, ATTACHMENTS_FORMAT, "attachments", "پروندهٔ پیوست‌ها",
                             Attachment, LABEL, validate_attachment, "attachments.json خوانده نشد")


def _title(a: Attachment) -> str:
    return a.name + (" (برداشته‌شده)" if a.removed else "")


def _plan(uow: UnitOfWork, records: Sequence[Attachment], bases: Bases) -> list[PlannedChange]:
    result = []
    for a in records:
        outcome, diff = import_outcome(uow.attachments.get(a.uuid), a, bases.get(a.uuid))
        reason = (f"این {LABEL} در این رایانه پس از نسخهٔ بسته تغییر کرده است"
                  if outcome == "conflict" else "")
        fields = list(dict.fromkeys(path for path, _, _ in diff))
        result.append(PlannedChange("attachment", a.uuid, _title(a), outcome, fields, reason))
    return result


def _write(uow: UnitOfWork, records: Sequence[Attachment], actor: Actor, now: str,
           take_theirs: frozenset[str], keep_mine: frozenset[str], bases: Bases,
           _judge: ApprovalJudge) -> WriteCounts:
    counts = WriteCounts()
    for a in records:
        current = uow.attachments.get(a.uuid)
        outcome, diff = import_outcome(current, a, bases.get(a.uuid))
        if outcome == "unchanged":
            counts.unchanged += 1
            continue
        if outcome == "conflict" and a.uuid in keep_mine:
            counts.kept += 1
            continue
        if outcome == "conflict" and a.uuid not in take_theirs:
            raise ConflictError(f"{LABEL} «{a.name}» در این رایانه پس از نسخهٔ بسته تغییر کرده "
                                "است؛ چیزی وارد نشد")
        if uow.passports.get(a.passport_uuid) is None:
            raise GovsvcError(f"شناسنامهٔ پیوست «{a.name}» نه در بسته است نه در این رایانه؛ "
                              "چیزی وارد نشد")
        if current is None:
            uow.attachments.insert(a)
            counts.created += 1
        else:
            a.revision, a.updated_at = current.revision + 1, now
            if not uow.attachments.update(a, current.revision):
                raise ConflictError(f"«{a.name}» در همین میان تغییر کرد؛ چیزی وارد نشد")
            counts.updated += 1
        uow.audit.record(at=now, actor=actor.name, username=actor.username,
                         record_type="passport", record_uuid=a.passport_uuid,
                         revision=a.revision, action="import_attachment",
                         changes=[("attachments", None, a.name)] if current is None else diff)
    return counts


def _check_files(a: Attachment, files: Mapping[str, bytes]) -> list[str]:
    """The file a record names is the file in the bundle: size, digest and type by content."""
    data = files.get(a.sha256)
    if data is None:
        return []  # reported as missing by the import
    if len(data) != a.size or hashlib.sha256(data).hexdigest() != a.sha256:
        return [f"اندازه یا چکیدهٔ {LABEL} «{a.name}» با پرونده‌اش در بسته نمی‌خواند"]
    found = sniff(data, a.name)
    if found != a.media_type:
        return [f"محتوای {LABEL} «{a.name}» {found or 'از نوع‌های پذیرفته نیست'}، نه "
                f"«{a.media_type}» که رکورد می‌گوید؛ بسته پذیرفته نشد"]
    return []


def _evidence(a: Attachment) -> Iterable[tuple[str, Any]]:
    return [] if a.removed else [(a.sha256, None)]


ATTACHMENTS = RecordKindAdapter(
    name="attachments",
    record_type="attachment",
    label_fa=LABEL,
    spec=RecordFileSpec("attachments.json", ATTACHMENTS_FORMAT, FORMAT_VERSION, "attachments"),
    revisions=_revisions,
    collect=_collect,
    dump=_dump,
    key=lambda a: (a.uuid, a.revision),
    parse=_parse,
    plan=_plan,
    write=_write,
    stored_revisions=lambda uow, uuids: {
        u: r for u, r, _ in uow.attachments.revisions() if u in set(uuids)},
    evidence=_evidence,
    evidence_needed=lambda a: [] if a.removed else [a.sha256],
    check_files=_check_files,
)
