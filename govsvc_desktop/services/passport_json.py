"""The passports JSON file: export what the database holds, import it back all-or-nothing.

Format (documented in docs/json-format.md, schema in schemas/passports.schema.json)::

    {"format": "govsvc.passports", "format_version": 1, "passports": [ {...}, ... ]}
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from govsvc_desktop.domain import jsontext, rules
from govsvc_desktop.domain.approval import ApprovalCheck, content_of
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import FORMAT_VERSION, decode_records, record_items, to_dict
from govsvc_desktop.domain.diff import import_outcome
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied, Problem, ValidationError
from govsvc_desktop.domain.passport import lifecycle
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.passport.validation import blocking, validate
from govsvc_desktop.domain.persian import to_persian_digits
from govsvc_desktop.services.gate import PASSPORTS, Gate
from govsvc_desktop.services.passports import PassportService, iso_now
from govsvc_desktop.store.uow import UnitOfWork

PASSPORTS_FORMAT = "govsvc.passports"
Progress = Callable[[int, int], bool]  # (done, total) → keep going?


def export_document(service: PassportService, f: PassportFilter = PassportFilter()) -> dict[str, Any]:
    return {
        "format": PASSPORTS_FORMAT,
        "format_version": FORMAT_VERSION,
        "passports": [to_dict(p) for p in service.iter_passports(f)],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def record_name(index: int, data: Any) -> str:
    title = data.get("title", "") if isinstance(data, dict) else ""
    return f"رکورد {to_persian_digits(str(index + 1))}" + (f" («{title}»)" if title else "")


def parse_document(text: str | bytes) -> list[ServicePassport]:
    """Decodes and validates every record; raises one ValidationError naming all bad records."""
    return parse_records(jsontext.loads(text, "پرونده JSON"))


def parse_records(document: Any) -> list[ServicePassport]:
    """``parse_document`` for a document already decoded from JSON (inside a bundle)."""
    items = record_items(document, PASSPORTS_FORMAT, "passports", "پرونده شناسنامه‌های خدمت")
    unknown = sorted(set(document) - {"format", "format_version", "passports"})
    if unknown:
        raise GovsvcError(f"کلید ناشناختهٔ «{unknown[0]}» در پرونده شناسنامه‌ها آمده است")
    seen: set[str] = set()

    def check(p: ServicePassport, name: str) -> list[Problem]:
        found = blocking(validate(p, record=name))  # a file states its identifiers as the schema does
        if p.uuid in seen:
            found.append(Problem("uuid", f"شناسه یکتای «{p.uuid}» دو بار آمده است", name))
        seen.add(p.uuid)
        return found

    result, problems = decode_records(ServicePassport, items, record_name, check)
    if problems:
        raise ValidationError(problems, "هیچ رکوردی وارد نشد؛ این موارد باید اصلاح شوند")
    return result


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    kept: int = 0
    outcomes: dict[str, str] = field(default_factory=dict)  # uuid → create/update/unchanged/...
    notes: list[Problem] = field(default_factory=list)  # what was not taken from the file
    drafted: int = 0

    def notes_fa(self) -> str:
        return "\n".join("  - " + n.describe() for n in self.notes)


CREATE, UPDATE, UNCHANGED, CONFLICT = "create", "update", "unchanged", "conflict"
IMPORT_APPROVED = rules.IMPORT_APPROVED


def classify(
    current: ServicePassport | None, incoming: ServicePassport, base: int | None = None,
) -> tuple[str, list[tuple[str, Any, Any]]]:
    """What importing ``incoming`` would do, and the fields it would change.

    A record changed here after the version in the file (since ``base``, its revision after
    the last bundle exchange, when there was one) is a conflict, never an update.
    """
    return import_outcome(current, incoming, base)


@dataclass(frozen=True)
class Landing:
    """How an incoming record lands: the record to write, the move that writes it and,
    when something in the file was not taken, why (for the import's report)."""

    record: ServicePassport
    action: str | None
    note: str = ""
    field: str = "status"


def landing(current: ServicePassport | None, incoming: ServicePassport,
            check: Callable[[ServicePassport], ApprovalCheck], actor: Actor) -> Landing:
    """An import never takes life-cycle state or stamps from a file: a record lands as a
    draft (or keeps the state it has here), except an approval whose signature verifies,
    taken by the roles the rules name."""
    claimed = incoming.status
    same = current is not None and content_of(rules.PASSPORT, current) == content_of(
        rules.PASSPORT, incoming)
    if incoming.approval_signature and claimed in APPROVED_STATUSES and not (
            same and current is not None and current.status in APPROVED_STATUSES):
        verdict = check(incoming)
        taker = next(r for r in rules.rules_for(rules.PASSPORT) if r.action == IMPORT_APPROVED)
        if verdict.ok and not rules.holds(actor.roles, taker.roles):
            verdict = ApprovalCheck(True, True, False, reason_fa="تأیید امضاشده را فقط نقش "
                                    "«رئیس دستگاه» یا «مدیر سامانه» وارد می‌کند")
        if verdict.ok:
            record = copy.deepcopy(incoming)
            record.status = Status.APPROVED
            record.sent_on = record.centre_decision_on = None
            record.centre_comment = ""
            if current is not None:
                record.edition = max(record.edition, current.edition)
            return Landing(record, IMPORT_APPROVED)
        note = f"امضای تأیید پذیرفته نشد ({verdict.reason_fa})؛ "
    else:
        note = ""
    record = lifecycle.as_edit(current, incoming) if current is not None else lifecycle.as_new_draft(incoming)
    dropped = [f for f in lifecycle.STAMP_FIELDS if f != "edition"
               and getattr(incoming, f) != getattr(record, f)]
    if dropped and not note:
        note = f"وضعیت «{claimed.label_fa}» و مهرهای چرخهٔ کار از پرونده گرفته نمی‌شوند؛ "
    if note:
        note += ("رکورد به‌صورت پیش‌نویس وارد شد" if current is None
                 else f"وضعیت رکورد در این رایانه («{current.status.label_fa}») بر جا ماند")
    return Landing(record, None, note, dropped[0] if dropped else "status")


def import_passports(
    service: PassportService, records: Iterable[ServicePassport], dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Writes records in one transaction: new ones as drafts, existing ones updated where the
    rules let this person change them. A record changed here after the version in the file
    is refused, never overwritten; state and stamps come from the file only with an approval
    whose signature verifies."""
    items = list(records)
    with service.uow_factory() as uow:
        report = write_passports(uow, items, service.actor, iso_now(service.clock),
                                 progress=progress, check=service.approval)
        if not dry_run:
            uow.commit()
    return report


def write_passports(
    uow: UnitOfWork, items: Sequence[ServicePassport], actor: Actor, now: str, *,
    take_theirs: frozenset[str] = frozenset(), keep_mine: frozenset[str] = frozenset(),
    progress: Progress | None = None, names: Mapping[str, str] | None = None,
    bases: Mapping[str, int] | None = None,
    check: Callable[[ServicePassport], ApprovalCheck] | None = None,
) -> ImportReport:
    """``import_passports`` inside a transaction the caller owns and commits (bundle import).

    Conflicts are refused unless the user chose for that record: ``take_theirs`` overwrites
    with the incoming version, ``keep_mine`` leaves the local one as it is. ``names`` (uuid →
    text) names records in problems, as the source file knows them. ``check`` judges the
    approvals records carry (without it, none is taken).
    """
    report = ImportReport()
    gate = Gate(uow, actor, now)
    judge = check or (lambda p: ApprovalCheck(signed=bool(p.approval_signature),
                                              reason_fa="امضا بررسی نشد"))
    for i, incoming in enumerate(items):
        name = names[incoming.uuid] if names and incoming.uuid in names else f"«{incoming.title}»"
        current = uow.passports.get_for_update(incoming.uuid)
        land = landing(current, incoming, judge, actor)
        p = land.record
        if land.note:
            report.notes.append(Problem(land.field, land.note, name, blocking=False))
            report.drafted += 1
        outcome, _ = classify(current, p, bases.get(p.uuid) if bases else None)
        report.outcomes[p.uuid] = outcome
        if outcome == UNCHANGED:
            report.unchanged += 1
        elif outcome == CONFLICT and p.uuid in keep_mine:
            report.kept += 1
            report.outcomes[p.uuid] = "kept"
        elif outcome == CONFLICT and p.uuid not in take_theirs:
            report.problems.append(Problem(
                "revision", "این رکورد در این رایانه پس از نسخه پرونده تغییر کرده است؛ "
                "برای جلوگیری از بازنویسی، وارد نشد", name))
        else:
            try:
                gate.write(PASSPORTS, p, expected=None, current=current, read=False,
                           action=land.action, audit_action="import", batch=current is None)
            except PermissionDenied as exc:
                report.problems.append(Problem("status", exc.message_fa, name))
                continue
            if current is None:
                report.created += 1
            else:
                report.updated += 1
                report.outcomes[p.uuid] = UPDATE
        if progress is not None and not progress(i + 1, len(items)):
            raise GovsvcError("ورود داده‌ها لغو شد؛ چیزی تغییر نکرد")
    if report.problems:
        raise ValidationError(report.problems, "هیچ رکوردی وارد نشد")
    gate.flush(PASSPORTS)
    return report


def document_schema() -> dict[str, Any]:
    """JSON Schema of the passports file; kept in the repository as schemas/passports.schema.json."""
    from govsvc_desktop.domain.codec import json_schema
    from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS

    record = json_schema(ServicePassport, "ServicePassport", lambda name: PASSPORT_FIELDS.get(name, ""))
    defs = record.pop("$defs")
    record.pop("$schema")
    record["allOf"] = [{  # what validation asks of an approved record (and after it)
        "if": {"properties": {"status": {"enum": sorted(s.value for s in APPROVED_STATUSES)}},
               "required": ["status"]},
        "then": {"required": ["approved_by", "approved_on"],
                 "properties": {"approved_by": {"pattern": r"\S"},
                                "approved_on": {"type": "string", "minLength": 1}}},
    }]
    record["$comment"] = (
        "Import also refuses what JSON Schema cannot say: a uuid twice in one file, a licence "
        "code twice in one passport, two steps with the same order, and the formats "
        "ir-service-id, ir-legal-id, ir-national-id and ir-sheba checked with their check "
        "digits (docs/json-format.md).")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govsvc-desktop.example/schemas/passports.schema.json",
        "title": "govsvc-desktop service passports file",
        "type": "object",
        "required": ["format", "format_version", "passports"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": PASSPORTS_FORMAT},
            "format_version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "passports": {"type": "array", "items": {"$ref": "#/$defs/ServicePassport"}},
        },
        "$defs": {"ServicePassport": record, **defs},
    }
