"""The passports JSON file: export what the database holds, import it back all-or-nothing.

Format (documented in docs/json-format.md, schema in schemas/passports.schema.json)::

    {"format": "govsvc.passports", "format_version": 1, "passports": [ {...}, ... ]}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain.codec import FORMAT_VERSION, decode_records, record_items, to_dict
from ..domain.diff import import_outcome
from ..domain.errors import GovsvcError, Problem, ValidationError
from ..domain.lifecycle import Actor
from ..domain.passport import ServicePassport
from ..domain.persian import to_persian_digits
from ..domain.queries import PassportFilter
from ..domain.validation import blocking, normalise_identifiers, validate
from ..store.uow import UnitOfWork
from .passports import PassportService, iso_now

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
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise GovsvcError(f"پرونده JSON معتبر نیست: {exc}") from exc
    return parse_records(document)


def parse_records(document: Any) -> list[ServicePassport]:
    """``parse_document`` for a document already decoded from JSON (inside a bundle)."""
    items = record_items(document, PASSPORTS_FORMAT, "passports", "پرونده شناسنامه‌های خدمت")
    seen: set[str] = set()

    def check(p: ServicePassport, name: str) -> list[Problem]:
        found = blocking(validate(normalise_identifiers(p), record=name))
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


CREATE, UPDATE, UNCHANGED, CONFLICT = "create", "update", "unchanged", "conflict"


def classify(
    current: ServicePassport | None, incoming: ServicePassport, base: int | None = None,
) -> tuple[str, list[tuple[str, Any, Any]]]:
    """What importing ``incoming`` would do, and the fields it would change.

    A record changed here after the version in the file (since ``base``, its revision after
    the last bundle exchange, when there was one) is a conflict, never an update.
    """
    return import_outcome(current, incoming, base)


def import_passports(
    service: PassportService, records: Iterable[ServicePassport], dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Writes records in one transaction: new ones as they are, existing ones updated.

    A record changed here after the version in the file is refused, never overwritten.
    """
    items = list(records)
    with service.uow_factory() as uow:
        report = write_passports(uow, items, service.actor, iso_now(service.clock),
                                 progress=progress)
        if not dry_run:
            uow.commit()
    return report


def write_passports(
    uow: UnitOfWork, items: Sequence[ServicePassport], actor: Actor, now: str, *,
    take_theirs: frozenset[str] = frozenset(), keep_mine: frozenset[str] = frozenset(),
    progress: Progress | None = None, names: Mapping[str, str] | None = None,
    bases: Mapping[str, int] | None = None,
) -> ImportReport:
    """``import_passports`` inside a transaction the caller owns and commits (bundle import).

    Conflicts are refused unless the user chose for that record: ``take_theirs`` overwrites
    with the incoming version, ``keep_mine`` leaves the local one as it is. ``names`` (uuid →
    text) names records in problems, as the source file knows them.
    """
    report = ImportReport()
    new: list[ServicePassport] = []
    audit_rows: list[dict[str, Any]] = []
    for i, p in enumerate(items):
        current = uow.passports.get_for_update(p.uuid)
        outcome, diff = classify(current, p, bases.get(p.uuid) if bases else None)
        report.outcomes[p.uuid] = outcome
        if outcome == CREATE:
            p.revision = max(p.revision, 1)
            p.created_at = p.created_at or now
            p.updated_at = p.updated_at or now
            new.append(p)
            audit_rows.append({"at": now, "actor": actor.name, "username": actor.username,
                               "record_type": "passport", "record_uuid": p.uuid,
                               "revision": p.revision, "action": "import", "field_path": "",
                               "old_value": "", "new_value": ""})
            report.created += 1
        elif outcome == UNCHANGED:
            report.unchanged += 1
        elif outcome == CONFLICT and p.uuid in keep_mine:
            report.kept += 1
            report.outcomes[p.uuid] = "kept"
        elif outcome == CONFLICT and p.uuid not in take_theirs:
            report.problems.append(Problem(
                "revision", "این رکورد در این رایانه پس از نسخه پرونده تغییر کرده است؛ "
                "برای جلوگیری از بازنویسی، وارد نشد",
                names[p.uuid] if names and p.uuid in names else f"«{p.title}»"))
        else:
            assert current is not None
            p.revision = current.revision + 1
            p.updated_at = now
            uow.passports.update(p, current.revision)
            uow.audit.record(at=now, actor=actor.name, username=actor.username,
                             record_type="passport", record_uuid=p.uuid,
                             revision=p.revision, action="import", changes=diff)
            report.updated += 1
            report.outcomes[p.uuid] = UPDATE
        if progress is not None and not progress(i + 1, len(items)):
            raise GovsvcError("ورود داده‌ها لغو شد؛ چیزی تغییر نکرد")
    if report.problems:
        raise ValidationError(report.problems, "هیچ رکوردی وارد نشد")
    for start in range(0, len(new), 500):
        uow.passports.insert_many(new[start:start + 500])
    uow.audit.record_many(audit_rows)
    return report


def document_schema() -> dict[str, Any]:
    """JSON Schema of the passports file; kept in the repository as schemas/passports.schema.json."""
    from ..domain.codec import json_schema
    from ..domain.labels import PASSPORT_FIELDS

    record = json_schema(ServicePassport, "ServicePassport", lambda name: PASSPORT_FIELDS.get(name, ""))
    defs = record.pop("$defs")
    record.pop("$schema")
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
