"""Excel exchange: the template, exporting what the database holds, importing a filled workbook.

The export also writes the improvement plans of the exported passports (for reading).

Import is all-or-nothing by default: every problem in the workbook is reported with its sheet,
row, column and value, and nothing is saved until there are none. With ``valid_only`` the
records without problems are saved and the rest are reported. Records are matched by UUID,
then by service ID; a column or sheet the file lacks leaves an existing record's value as it
is. The rules are the editor's: the same ``validate`` and licence checks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_type_hints

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.diff import changes
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied, Problem, ValidationError
from govsvc_desktop.domain.passport.model import ServicePassport, new_uuid
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.passport.validation import (
    licence_conflicts,
    normalise_identifiers,
    validate,
)
from govsvc_desktop.domain.persian import compact_key, format_int
from govsvc_desktop.domain.plans.model import ImprovementPlan
from govsvc_desktop.domain.reference import PICKED_FIELDS, reference_problems
from govsvc_desktop.exchange.excel.layout import SHEETS, key_is_uuid
from govsvc_desktop.exchange.excel.reader import CellProblem, ReadResult, RecordRows, read_workbook
from govsvc_desktop.exchange.excel.report import write_problem_report
from govsvc_desktop.exchange.excel.writer import write_workbook
from govsvc_desktop.services.passport_json import (
    CONFLICT,
    CREATE,
    Landing,
    classify,
    landing,
    write_passports,
)
from govsvc_desktop.services.passports import PassportService, iso_now
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.store.uow import UnitOfWork

Progress = Callable[[int, int], bool]
SKIPPED = "skipped"
ACTION_LABELS_FA = {
    CREATE: "تازه",
    "update": "به‌روزرسانی",
    "unchanged": "بی‌تغییر",
    SKIPPED: "وارد نمی‌شود",
}
_LICENCE_CHUNK = 500


@dataclass(frozen=True)
class RecordOutcome:
    """What the import did (or, in a dry run, would do) with one row of the main sheet."""

    key: str
    row: int
    uuid: str
    title: str
    action: str  # create, update, unchanged, skipped


@dataclass
class ExcelImportResult:
    records: list[RecordOutcome] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    dry_run: bool = False
    saved: bool = False

    def count(self, action: str) -> int:
        return sum(1 for r in self.records if r.action == action)

    @property
    def blocking(self) -> list[CellProblem]:
        return [p for p in self.problems if p.blocking]

    def summary_fa(self) -> str:
        parts = [f"{format_int(self.count(a))} {label}" for a, label in (
            (CREATE, "تازه"), ("update", "به‌روزشده"), ("unchanged", "بی‌تغییر"),
            (SKIPPED, "واردنشده"))]
        head = ("وارد شد" if self.saved else "بررسی شد؛ چیزی ذخیره نشد" if self.dry_run
                else "هیچ رکوردی وارد نشد")
        return f"{head}: " + "، ".join(parts) + f"؛ {format_int(len(self.blocking))} خطا، " \
            f"{format_int(len(self.problems) - len(self.blocking))} هشدار"


class ExcelImportError(ValidationError):
    """The workbook has problems and nothing was saved; ``result`` lists them by cell."""

    def __init__(self, result: ExcelImportResult) -> None:
        self.result = result
        problems = [Problem(p.cell or p.sheet, p.describe(), p.sheet, p.blocking)
                    for p in result.blocking]
        super().__init__(problems, f"{format_int(len(result.blocking))} خطا در کارپوشه؛ "
                         "هیچ رکوردی وارد نشد")


class ExcelService:
    def __init__(self, passports: PassportService, plans: PlanService | None = None) -> None:
        self.passports = passports
        self.plans = plans

    # writing workbooks --------------------------------------------------------------------
    def pick_lists(self) -> dict[str, list[str]]:
        """The official lists the workbook's drop-downs offer (R-01)."""
        lists = self.passports.reference_lists() if self.passports.reference_lists else None
        if lists is None:
            return {}
        return {name: lists.choices(name) for name in PICKED_FIELDS}

    def template(self, path: Path) -> None:
        """The empty workbook users fill offline."""
        write_workbook(path, [], pick_lists=self.pick_lists())

    def export(self, path: Path, f: PassportFilter = PassportFilter(),
               progress: Progress | None = None) -> int:
        """Every passport the filter selects, in the template's layout; returns how many."""
        total = self.passports.count(f)
        plans: list[ImprovementPlan] = []
        if self.plans is not None:
            chosen = set(self.passports.uuids(f))
            plans = [p for p in self.plans.find() if p.passport_uuid in chosen]
        try:
            return write_workbook(path, self.passports.iter_passports(f), total, progress, plans,
                                  self.pick_lists())
        except InterruptedError:
            raise GovsvcError("خروجی Excel لغو شد؛ پرونده‌ای نوشته نشد") from None

    def write_report(self, source: Path, result: ExcelImportResult, target: Path) -> None:
        """The user's workbook with every problem marked in its cell, and a list of them."""
        write_problem_report(source, result.problems, target)

    # importing ------------------------------------------------------------------------------
    def import_file(self, path: Path, *, valid_only: bool = False, dry_run: bool = False,
                    progress: Progress | None = None) -> ExcelImportResult:
        """Reads, checks and (unless ``dry_run``) saves the workbook in one transaction.

        Raises ExcelImportError when there are problems and neither ``valid_only`` nor
        ``dry_run`` was asked: then nothing is saved.
        """
        read_progress = _scaled(progress, 0, 70)
        try:
            read = read_workbook(path, read_progress)
        except InterruptedError:
            raise GovsvcError("ورود داده‌ها لغو شد؛ چیزی تغییر نکرد") from None
        result = ExcelImportResult(problems=list(read.problems), dry_run=dry_run)
        with self.passports.uow_factory() as uow:
            planned = self._plan(uow, read, result)
            result.problems.sort(key=_position)
            if result.blocking and not valid_only and not dry_run:
                raise ExcelImportError(result)
            bad = {p.key for p in result.blocking}
            chosen = [(rows, p) for rows, p in planned if rows.key not in bad]
            outcomes = self._write(uow, chosen, _scaled(progress, 70, 100))
            result.records = [RecordOutcome(rows.key, rows.row, p.uuid, p.title,
                                            outcomes.get(p.uuid, SKIPPED))
                              for rows, p in planned]
            if not dry_run and chosen:
                uow.commit()
                result.saved = True
        return result

    def _plan(self, uow: UnitOfWork, read: ReadResult,
              result: ExcelImportResult) -> list[tuple[RecordRows, ServicePassport]]:
        """Each record as it would be saved, matched to the database, with its problems."""
        planned: list[tuple[RecordRows, ServicePassport]] = []
        owners: dict[str, RecordRows] = {}
        for rows in read.records:
            current = self._match(uow, rows, result)
            p = _merge(current, rows, read)
            if p.uuid in owners:
                first = owners[p.uuid]
                _report(result, rows, "uuid", f"این ردیف و ردیف {format_int(first.row)} به یک "
                        "شناسنامه می‌رسند (همان شناسه یکتا یا همان کد شناسه خدمت)")
                continue
            owners[p.uuid] = rows
            land = landing(current, p, self.passports.approval, self.passports.actor)
            if land.note:
                _report(result, rows, land.field, land.note, blocking=False)
            p = land.record
            refusal = self._refusal(current, land)
            if refusal:
                _report(result, rows, "status", refusal)
            drafting = p.status in (Status.DRAFT, Status.RETURNED)
            normalise_identifiers(p)
            lists = self.passports.reference_lists() if self.passports.reference_lists else None
            flags = reference_problems(p, lists) if lists is not None else []
            for problem in validate(p) + flags:
                if problem.warning and problem not in flags:
                    continue  # shown in the editor beside the field
                if problem.blocking or not drafting or problem in flags:
                    # a draft may still lack what approval needs; free text beside the official
                    # lists is always said, and imported
                    _report(result, rows, problem.field_path, problem.message_fa, problem.blocking)
            if current is not None and classify(current, p)[0] == CONFLICT:
                _report(result, rows, "revision", "این رکورد در این رایانه پس از نسخه کارپوشه "
                        "تغییر کرده است؛ برای جلوگیری از بازنویسی، وارد نشد. کارپوشه تازه‌ای "
                        "بگیرید یا ستون «نسخه ذخیره» را خالی کنید")
            planned.append((rows, p))
        self._licence_checks(uow, planned, result)
        return planned

    def _refusal(self, current: ServicePassport | None, land: Landing) -> str:
        """Why the rules table does not let this person write the row's record, or ""."""
        source = current.status.value if current is not None else rules.NEW
        paths = [d[0] for d in changes(to_dict(current), to_dict(land.record))] if current else []
        if current is not None and not paths:
            return ""  # unchanged: nothing to permit
        try:
            rules.authorise(rules.PASSPORT, self.passports.actor.roles, source,
                            land.record.status.value,
                            rules.content_changes(rules.PASSPORT, paths),
                            land.action or (rules.CREATE if current is None else None))
        except PermissionDenied as exc:
            return exc.message_fa
        return ""

    def _match(self, uow: UnitOfWork, rows: RecordRows,
               result: ExcelImportResult) -> ServicePassport | None:
        if key_is_uuid(rows.key):
            return uow.passports.get(rows.key)
        service_id = rows.values.get("service_id")
        if service_id:
            found = uow.passports.find_by_service_id(service_id)
            if len(found) > 1:
                _report(result, rows, "service_id", f"{format_int(len(found))} شناسنامه با این کد "
                        "شناسه خدمت هست؛ برای روشن شدن، شناسه یکتای رکورد را در «کلید رکورد» بنویسید")
            elif found:
                return uow.passports.get(found[0])
        return None

    def _licence_checks(self, uow: UnitOfWork, planned: Sequence[tuple[RecordRows, ServicePassport]],
                        result: ExcelImportResult) -> None:
        in_file = {p.uuid: rows for rows, p in planned}
        mapping = {p.uuid: [lic.code for lic in p.licences] for _, p in planned}
        for code, uuids in licence_conflicts(mapping).items():
            for uuid in uuids:
                rows = in_file[uuid]
                p = next(q for r, q in planned if r is rows)
                index = next(i for i, lic in enumerate(p.licences) if compact_key(lic.code) == code)
                others = [in_file[u].key for u in uuids if u != uuid]
                _report(result, rows, f"licences[{index}].code",
                        f"مجوز «{p.licences[index].code}» به رکورد(های) «{'، '.join(others)}» همین "
                        "کارپوشه هم نگاشته شده است؛ هر مجوز باید دقیقاً به یک خدمت نگاشته شود",
                        blocking=False)
        codes = sorted({compact_key(c) for codes in mapping.values() for c in codes if c.strip()})
        owners: dict[str, list[str]] = {}
        for start in range(0, len(codes), _LICENCE_CHUNK):
            owners.update(uow.passports.licence_owners(codes[start:start + _LICENCE_CHUNK], ""))
        for rows, p in planned:
            for i, lic in enumerate(p.licences):
                others = [u for u in owners.get(compact_key(lic.code), []) if u not in in_file]
                if others:
                    other = uow.passports.get(others[0])
                    _report(result, rows, f"licences[{i}].code",
                            f"مجوز «{lic.code}» پیش‌تر به خدمت «{other.title if other else others[0]}» "
                            "نگاشته شده است؛ هر مجوز باید دقیقاً به یک خدمت نگاشته شود", blocking=False)

    def _write(self, uow: UnitOfWork, chosen: list[tuple[RecordRows, ServicePassport]],
               progress: Progress | None) -> dict[str, str]:
        report = write_passports(uow, [p for _, p in chosen], self.passports.actor,
                                 iso_now(self.passports.clock), progress=progress,
                                 check=self.passports.approval)
        return report.outcomes


_SHEET_ORDER = {spec.name: i for i, spec in enumerate(SHEETS)}


def _position(problem: CellProblem) -> tuple[int, int, int, str]:
    """Problems in reading order: sheet by sheet, row by row, column by column."""
    return (_SHEET_ORDER.get(problem.sheet, len(_SHEET_ORDER)), problem.row or 0,
            len(problem.column), problem.column)


def _scaled(progress: Progress | None, low: int, high: int) -> Progress | None:
    """One phase of a longer job mapped onto part of a 0–100 bar."""
    if progress is None:
        return None
    outer = progress

    def inner(done: int, total: int) -> bool:
        share = done / total if total else 0.0
        return outer(low + int((high - low) * min(share, 1.0)), 100)
    return inner


def _report(result: ExcelImportResult, rows: RecordRows, path: str, message: str,
            blocking: bool = True) -> None:
    ref = rows.locate(path)
    result.problems.append(CellProblem(ref.sheet, ref.row, ref.column, ref.value, message,
                                       blocking, rows.key))


def _merge(current: ServicePassport | None, rows: RecordRows, read: ReadResult) -> ServicePassport:
    """The record to save: the file's values over the current record (or a new one); fields and
    parts the file has no column or sheet for keep what the record had."""
    if current is None:
        base = ServicePassport(uuid=rows.key if key_is_uuid(rows.key) else new_uuid())
    else:
        base = current
    changes: dict[str, Any] = {}
    for name, value in rows.values.items():
        if value is None and name in _NOT_NULL:
            continue
        changes[name] = value
    for part in read.present_parts:
        changes[part] = rows.parts.get(part, [])
    if current is not None and not changes.get("revision"):
        # a row filled by hand (no revision) speaks for the record as it is now
        for name in ("revision", "created_at", "updated_at"):
            changes[name] = getattr(current, name)
    merged = dataclasses.replace(base, **changes)
    if current is not None and to_dict(merged) == to_dict(current):
        return current
    return merged


# Fields that cannot be None: an empty cell there means "as it is", not a value.
_NOT_NULL = frozenset(name for name, hint in get_type_hints(ServicePassport).items()
                      if type(None) not in get_args(hint))
