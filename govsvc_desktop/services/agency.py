"""The agency's own records as use cases: licences and their mapping to services, services
proposed without an ID, the nine-step cycle, the representative's reports, lessons learned
and service chains. Every write is checked, revision-locked and audited in one transaction."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from govsvc_desktop.domain.agency.cycle import (
    CycleStep,
    LessonLearned,
    RepresentativeReport,
    ServiceChain,
    default_steps,
    validate_chain,
    validate_lesson,
    validate_report,
    validate_step,
)
from govsvc_desktop.domain.agency.licences import (
    LicenceEntry,
    LicenceIssue,
    check_licences,
    validate_licence,
)
from govsvc_desktop.domain.agency.proposals import ServiceProposal, centre_answer, validate_proposal
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import (
    ConflictError,
    GovsvcError,
    NotFoundError,
    Problem,
    ValidationError,
)
from govsvc_desktop.domain.identifiers import canonical_service_id
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.persian import clean_typed, compact_key, to_ascii_digits
from govsvc_desktop.services.gate import Gate, RecordStore, agency_store
from govsvc_desktop.services.passports import iso_now
from govsvc_desktop.services.session import SessionBound
from govsvc_desktop.store.uow import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True)
class RecordBook(Generic[T]):
    """How one kind of agency record is stored, checked and named."""

    kind: str
    cls: type[T]
    label_fa: str
    validate: Callable[[T], list[Problem]]
    key: Callable[[T], str]
    status: Callable[[T], str] = lambda record: ""


LICENCES: RecordBook[LicenceEntry] = RecordBook(
    "licence", LicenceEntry, "مجوز", validate_licence, lambda r: r.key)
PROPOSALS: RecordBook[ServiceProposal] = RecordBook(
    "proposal", ServiceProposal, "خدمت پیشنهادی", validate_proposal,
    lambda r: f"{r.province}\x1f{r.title}", lambda r: r.status.value)
STEPS: RecordBook[CycleStep] = RecordBook(
    "step", CycleStep, "گام چرخهٔ هوشمندسازی", validate_step, lambda r: r.step.value.zfill(2),
    lambda r: r.status.value)
REPORTS: RecordBook[RepresentativeReport] = RecordBook(
    "report", RepresentativeReport, "گزارش نمایندهٔ دستگاه", validate_report,
    lambda r: r.reported_on or "")
LESSONS: RecordBook[LessonLearned] = RecordBook(
    "lesson", LessonLearned, "درس آموخته", validate_lesson, lambda r: r.recorded_on or "")
CHAINS: RecordBook[ServiceChain] = RecordBook(
    "chain", ServiceChain, "زنجیرهٔ خدمات بین‌دستگاهی", validate_chain, lambda r: r.title)
BOOKS: dict[str, RecordBook[Any]] = {b.kind: b for b in (LICENCES, PROPOSALS, STEPS, REPORTS,
                                                           LESSONS, CHAINS)}


def normalise_service_id(text: str, field: str = "service_id") -> str:
    """A service ID as typed (Persian digits, spaces) in canonical form; empty stays empty."""
    if not text.strip():
        return ""
    canonical = canonical_service_id(to_ascii_digits(text).strip())
    if canonical is None:
        raise ValidationError([Problem(field, f"«{text}» شناسهٔ خدمت درستی نیست (فقط رقم)")])
    return canonical


def book_store(book: RecordBook[T]) -> RecordStore[T]:
    return agency_store(book.kind, book.label_fa, book.cls, book.key, book.status)


def save_record(uow: UnitOfWork, book: RecordBook[T], record: T, actor: Actor, now: str,
                action: str | None = None) -> T:
    """Checks and writes one record in the caller's transaction through the write gate,
    audited as ``actor``; the record's revision is the one the person (or the bundle)
    started from."""
    problems = book.validate(record)
    if problems:
        raise ValidationError(problems, f"{book.label_fa} ذخیره نشد")
    fresh: Any = copy.deepcopy(record)

    def conflict(current: Any, expected: int) -> ConflictError:
        return ConflictError(f"این {book.label_fa} پس از باز شدن در اینجا تغییر کرده است؛ "
                             "چیزی ذخیره نشد")
    written: T = Gate(uow, actor, now).write(book_store(book), fresh, expected=fresh.revision,
                                             action=action, conflict=conflict).record
    return written


class AgencyService(SessionBound):

    # generic
    def find(self, book: RecordBook[T]) -> list[T]:
        with self.uow_factory() as uow:
            return uow.agency.find(book.kind, book.cls)

    def get(self, book: RecordBook[T], uuid: str) -> T:
        with self.uow_factory() as uow:
            found = uow.agency.get(book.kind, uuid, book.cls)
        if found is None:
            raise NotFoundError(f"{book.label_fa} با شناسهٔ «{uuid}» یافت نشد")
        return found

    def save(self, book: RecordBook[T], record: T) -> T:
        """Saves as edited; the record's revision is the one the person started from."""
        with self.uow_factory() as uow:
            saved = self._save(uow, book, record)
            uow.commit()
        return saved

    def _save(self, uow: UnitOfWork, book: RecordBook[T], record: T) -> T:
        return save_record(uow, book, record, self.actor, iso_now(self.clock))

    def delete(self, book: RecordBook[T], uuid: str) -> None:
        record: Any = self.get(book, uuid)
        if book is STEPS:
            raise GovsvcError("گام‌های چرخهٔ هوشمندسازی حذف نمی‌شوند؛ وضعیت آن را تغییر دهید")
        with self.uow_factory() as uow:
            Gate(uow, self.actor, iso_now(self.clock)).delete(book_store(book), record)
            uow.commit()

    # licences
    def licence_by_code(self, code: str) -> LicenceEntry:
        key = compact_key(code)
        for entry in self.find(LICENCES):
            if entry.key == key or entry.uuid == code:
                return entry
        raise NotFoundError(f"مجوزی با کد «{code}» در فهرست مجوزها نیست")

    def map_licence(self, code: str, service_id: str) -> LicenceEntry:
        """Maps a licence to one service ID (empty removes the mapping)."""
        entry = self.licence_by_code(code)
        entry.service_id = normalise_service_id(service_id)
        return self.save(LICENCES, entry)

    def import_licence_file(self, path: Path) -> tuple[int, int, int]:
        """The portal's licence list from a CSV or Excel file, all or nothing."""
        from govsvc_desktop.exchange.records.licence_table import read_licences

        return self.import_licences(read_licences(path))

    def import_licences(self, entries: list[LicenceEntry]) -> tuple[int, int, int]:
        """Adds or updates licences by code in one transaction: (added, updated, unchanged).
        A mapping already made is kept when the imported row has none."""
        problems: list[Problem] = []
        seen: dict[str, int] = {}
        for row, entry in enumerate(entries, start=2):
            entry.code, entry.title = clean_typed(entry.code).strip(), clean_typed(entry.title).strip()
            try:
                entry.service_id = normalise_service_id(entry.service_id)
            except ValidationError as exc:
                problems += [Problem(p.field_path, p.message_fa, f"ردیف {row}") for p in exc.problems]
            problems += [Problem(p.field_path, p.message_fa, f"ردیف {row}")
                         for p in validate_licence(entry)]
            if entry.key in seen:
                problems.append(Problem("code", f"کد «{entry.code}» در ردیف {seen[entry.key]} هم "
                                        "آمده است", f"ردیف {row}"))
            seen.setdefault(entry.key, row)
        if problems:
            raise ValidationError(problems, "فهرست مجوزها وارد نشد؛ چیزی تغییر نکرد")
        added = updated = unchanged = 0
        with self.uow_factory() as uow:
            existing = {e.key: e for e in uow.agency.find(LICENCES.kind, LicenceEntry)}
            for entry in entries:
                current = existing.get(entry.key)
                if current is None:
                    self._save(uow, LICENCES, entry)
                    added += 1
                    continue
                merged = copy.deepcopy(current)
                merged.title, merged.issuer = entry.title, entry.issuer or current.issuer
                merged.service_id = entry.service_id or current.service_id
                merged.note = entry.note or current.note
                if to_dict(merged) == to_dict(current):
                    unchanged += 1
                else:
                    self._save(uow, LICENCES, merged)
                    updated += 1
            uow.commit()
        return added, updated, unchanged

    def licence_issues(self) -> list[LicenceIssue]:
        with self.uow_factory() as uow:
            entries = uow.agency.find(LICENCES.kind, LicenceEntry)
            services = uow.passports.service_refs()
        return check_licences(entries, services)

    # proposals
    def issue_service_id(self, uuid: str, service_id: str, comment: str = "",
                         on: dt.date | None = None) -> ServiceProposal:
        proposal = self.get(PROPOSALS, uuid)
        issued = centre_answer(proposal, (on or self.today()).isoformat(),
                               normalise_service_id(service_id, "issued_service_id"),
                               comment=comment)
        return self.save(PROPOSALS, issued)

    # the nine steps
    def steps(self) -> list[CycleStep]:
        """All nine steps in order; steps never saved come with the directive's defaults."""
        stored = {s.step: s for s in self.find(STEPS)}
        return [stored.get(d.step, d) for d in default_steps()]

    def step(self, number: str) -> CycleStep:
        for s in self.steps():
            if s.step.value == to_ascii_digits(number).strip():
                return s
        raise NotFoundError(f"گام «{number}» در چرخهٔ هوشمندسازی نیست (۱ تا ۹)")

    def cycle_pdf(self, agency: str = "") -> bytes:
        from govsvc_desktop.reports.obligations_pdf import render_cycle
        from govsvc_desktop.reports.passport_pdf import PdfOptions

        today = self.today()
        return render_cycle(self.steps(), self.find(REPORTS), self.find(LESSONS),
                            self.find(CHAINS), today, agency, PdfOptions(print_date=today)).data
