"""Passport use cases shared by the GUI and the CLI: save, list, life cycle, renewal, history.

Each call runs in one transaction of its own and writes its audit rows in that transaction.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.approval import ApprovalCheck
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import (
    ConflictError,
    GovsvcError,
    NotFoundError,
    Problem,
    ValidationError,
)
from govsvc_desktop.domain.passport import lifecycle
from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.passport.queries import AuditEntry, PassportFilter, PassportSummary
from govsvc_desktop.domain.passport.regulations import duplicate_service_id
from govsvc_desktop.domain.passport.validation import blocking, normalise_identifiers, validate
from govsvc_desktop.domain.persian import compact_key, to_persian_digits
from govsvc_desktop.domain.reference import ReferenceLists, reference_problems
from govsvc_desktop.services.gate import PASSPORTS, Gate
from govsvc_desktop.services.session import Session, SessionBound
from govsvc_desktop.store.audit import audit_rows
from govsvc_desktop.store.uow import UnitOfWork

if TYPE_CHECKING:
    from govsvc_desktop.exchange.signing.certificates import SigningIdentity
    from govsvc_desktop.services.approvals import Approvals

PASSPORT = rules.PASSPORT


def iso_now(clock: Callable[[], dt.datetime]) -> str:
    return clock().isoformat(timespec="microseconds")


@dataclass
class SaveResult:
    passport: ServicePassport
    problems: list[Problem] = field(default_factory=list)
    created: bool = False
    changed_fields: list[str] = field(default_factory=list)



@dataclass
class SentMarks:
    """Passports' new rows and audit once marked sent, made before the bundle is complete and
    written only after."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)

class PassportService(SessionBound):
    """Every operation on passports; the session's person is who the audit will name."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], session: Session,
                 approvals: Approvals | None = None) -> None:
        super().__init__(uow_factory, session)
        self._approvals = approvals
        # the official lists in force, for the free-text flags (set by the composition root)
        self.reference_lists: Callable[[], ReferenceLists] | None = None

    @property
    def approvals(self) -> Approvals:
        """Approval signatures, loaded when first needed (listing records needs no crypto)."""
        if self._approvals is None:
            from govsvc_desktop.services.approvals import Approvals

            self._approvals = Approvals()
        return self._approvals

    # reading
    def get(self, uuid: str) -> ServicePassport:
        with self.uow_factory() as uow:
            p = uow.passports.get(uuid)
        if p is None:
            raise NotFoundError(f"شناسنامه‌ای با شناسه «{uuid}» یافت نشد")
        return p

    def resolve(self, ref: str) -> ServicePassport:
        """A passport by UUID or by its service ID (as typed, any digits)."""
        from govsvc_desktop.domain.persian import to_ascii_digits

        with self.uow_factory() as uow:
            p = uow.passports.get(ref)
            if p is None:
                matches = uow.passports.find_by_service_id(to_ascii_digits(ref.strip()))
                if len(matches) > 1:
                    raise GovsvcError(f"چند رکورد با کد شناسه «{ref}» هست؛ شناسه یکتا (UUID) را بدهید")
                p = uow.passports.get(matches[0]) if matches else None
        if p is None:
            raise NotFoundError(f"شناسنامه‌ای با شناسه «{ref}» یافت نشد")
        return p

    def _listed(self, f: PassportFilter) -> PassportFilter:
        """The filter with its province spelled as the official list spells it, so «استان
        فارس» or «فارس» with an Arabic yeh finds the same records (rule R-01)."""
        if not f.province or self.reference_lists is None:
            return f
        canonical = self.reference_lists().province(f.province)
        return dataclasses.replace(f, province=canonical) if canonical else f

    def count(self, f: PassportFilter = PassportFilter()) -> int:
        f = self._listed(f)
        with self.uow_factory() as uow:
            return uow.passports.count(f)

    def page(
        self, f: PassportFilter = PassportFilter(), sort: str = "title", descending: bool = False,
        offset: int = 0, limit: int | None = 200,
    ) -> list[PassportSummary]:
        f = self._listed(f)
        with self.uow_factory() as uow:
            return uow.passports.summaries(f, sort, descending, offset, limit, self.today())

    def iter_passports(self, f: PassportFilter = PassportFilter()) -> Iterator[ServicePassport]:
        f = self._listed(f)
        with self.uow_factory() as uow:
            yield from uow.passports.iter_passports(f)

    def uuids(self, f: PassportFilter = PassportFilter()) -> list[str]:
        f = self._listed(f)
        with self.uow_factory() as uow:
            return uow.passports.uuids(f)

    def uuids_exist(self, uuids: list[str]) -> bool:
        with self.uow_factory() as uow:
            return all(uow.passports.exists(u) for u in uuids)

    def change_marker(self) -> tuple[str, int]:
        """Cheap to ask every few seconds: lists refresh when it changes (others' saves in
        shared mode appear without a restart)."""
        with self.uow_factory() as uow:
            return uow.passports.change_marker()

    def choices(self, column: str) -> list[str]:
        """What a list filter offers: for provinces the official list, then any value in use
        that the list lacks (flagged free text); for other columns the values in use."""
        with self.uow_factory() as uow:
            used = uow.passports.distinct(column)
        if column != "province" or self.reference_lists is None:
            return used
        official = list(self.reference_lists().provinces)
        return official + [v for v in used if v not in official]

    def expiring(self, days: int = 30) -> list[PassportSummary]:
        """Approved passports whose year runs out within ``days`` (and not yet)."""
        today = self.today()
        limit = (today + dt.timedelta(days=days + 1)).isoformat()
        rows = self.page(PassportFilter(valid_until_before=limit), sort="valid_until", limit=None)
        return [r for r in rows if r.valid_until and r.valid_until >= today.isoformat()]

    def expired(self) -> list[PassportSummary]:
        today = self.today().isoformat()
        return self.page(PassportFilter(valid_until_before=today), sort="valid_until", limit=None)

    def history(self, uuid: str) -> list[AuditEntry]:
        with self.uow_factory() as uow:
            return uow.audit.history(uuid)

    def editions(self, uuid: str) -> list[ServicePassport]:
        """Earlier editions of a renewed passport, oldest first, readable as they were."""
        with self.uow_factory() as uow:
            return uow.passports.editions(uuid)

    # validation
    def problems(self, p: ServicePassport) -> list[Problem]:
        """The passport's own rules plus the rules across records (licence mapping, unique
        service ID), on its identifiers as the rules read them."""
        p = normalise_identifiers(copy.deepcopy(p))
        found = validate(p) + self._reference_problems(p)
        with self.uow_factory() as uow:
            found += self._duplicate_id(uow, p) + self._licence_problems(uow, p)
        return found

    def _reference_problems(self, p: ServicePassport) -> list[Problem]:
        return reference_problems(p, self.reference_lists()) if self.reference_lists else []

    @staticmethod
    def _duplicate_id(uow: UnitOfWork, p: ServicePassport) -> list[Problem]:
        if not p.service_id:
            return []
        others = [u for u in uow.passports.find_by_service_id(p.service_id) if u != p.uuid]
        titles = [other.title for u in others if (other := uow.passports.get(u)) is not None]
        return duplicate_service_id(p, titles)

    def _licence_problems(self, uow: UnitOfWork, p: ServicePassport, record: str = "") -> list[Problem]:
        owners = uow.passports.licence_owners([lic.code for lic in p.licences], excluding=p.uuid)
        result = []
        for i, lic in enumerate(p.licences):
            others = owners.get(compact_key(lic.code))
            if others:
                other = uow.passports.get(others[0])
                name = other.title if other else others[0]
                result.append(Problem(
                    f"licences[{i}].code",
                    f"«{label_for_path(f'licences[{i}].code')}» مجوز «{lic.code}» پیش‌تر به خدمت «{name}» "
                    "نگاشته شده است؛ هر مجوز باید دقیقاً به یک خدمت نگاشته شود",
                    record, blocking=False))
        return result

    # writing
    def new_passport(self, agency_name: str = "", province: str = "") -> ServicePassport:
        return ServicePassport(agency_name=agency_name, province=province, prepared_by=self.actor.name)

    def save(self, p: ServicePassport) -> SaveResult:
        """Saves the passport as edited; ``p.revision`` is the revision the user started from.

        Refused (nothing written) when a rule that no draft may break is broken, when someone
        else saved the record in the meantime, or when the rules table does not let this
        person change this record in its state (an approved passport is renewed, not edited).
        Life-cycle stamps are never taken from the edited copy.
        """
        p = normalise_identifiers(copy.deepcopy(p))
        problems = validate(p)
        hard = blocking(problems)
        if hard:
            raise ValidationError(hard, "ذخیره نشد؛ این موارد باید اصلاح شوند")
        with self.uow_factory() as uow:
            duplicate = self._duplicate_id(uow, p)
            if duplicate:
                raise ValidationError(duplicate, "ذخیره نشد؛ این موارد باید اصلاح شوند")
            gate = self.gate(uow)
            current = uow.passports.get_for_update(p.uuid)
            if current is None:
                record = lifecycle.as_new_draft(p)
            else:
                self._check_revision(uow, current, p)
                record = lifecycle.as_edit(current, p)
            written = gate.write(PASSPORTS, record, expected=p.revision, current=current,
                                 read=False, conflict=self._conflict_factory(uow, p))
            if not written.changed:
                return SaveResult(written.record, problems + self._licence_problems(uow, written.record))
            cross = self._licence_problems(uow, written.record) + self._reference_problems(written.record)
            uow.commit()
        return SaveResult(written.record, problems + cross, written.created,
                          [d[0] for d in written.diff])

    def gate(self, uow: UnitOfWork) -> Gate:
        """The write gate for this person, in ``uow``'s transaction."""
        return Gate(uow, self.actor, iso_now(self.clock))

    def check_draft(self, draft: ServicePassport) -> ConflictError | None:
        """Whether an autosaved draft still starts from the stored record: the conflict (with
        the stored record and the paths changed since) when someone saved it meanwhile."""
        with self.uow_factory() as uow:
            current = uow.passports.get(draft.uuid)
            if current is None or current.revision == draft.revision:
                return None
            return self._conflict(uow, current, draft)

    def _conflict_factory(self, uow: UnitOfWork, p: ServicePassport) -> Callable[[Any, int], ConflictError]:
        return lambda current, expected: self._conflict(uow, current, p)

    def _check_revision(self, uow: UnitOfWork, current: ServicePassport, p: ServicePassport) -> None:
        if current.revision != p.revision:
            raise self._conflict(uow, current, p)

    def _conflict(self, uow: UnitOfWork, current: ServicePassport, p: ServicePassport) -> ConflictError:
        entries = uow.audit.history(p.uuid, since_revision=p.revision)
        people = sorted({e.actor for e in entries}) or ["کاربر دیگری"]
        paths = list(dict.fromkeys(label_for_path(e.field_path) for e in entries if e.field_path))
        listed = "، ".join(paths[:12]) or "وضعیت یا محتوای رکورد"
        err = ConflictError(
            f"«{current.title}» را {'، '.join(people)} پس از باز شدن آن در اینجا تغییر داده است "
            f"(نسخه {to_persian_digits(str(p.revision))} ← {to_persian_digits(str(current.revision))}). "
            f"چیزی ذخیره نشد. بخش‌های تغییرکرده: {listed}"
        )
        err.current = current  # type: ignore[attr-defined]
        err.changed_paths = [e.field_path for e in entries if e.field_path]  # type: ignore[attr-defined]
        return err

    def transition(self, uuid: str, action: str, comment: str = "",
                   identity: SigningIdentity | None = None) -> ServicePassport:
        """Moves a passport along its life cycle (review, approve, send, centre decision);
        approving needs the head's signing ``identity``."""
        with self.uow_factory() as uow:
            result = self.transition_in(uow, uuid, action, comment, identity=identity)
            uow.commit()
        return result

    def approve(self, uuid: str, identity: SigningIdentity) -> ServicePassport:
        """The head of the agency approves by signing the passport's approval statement."""
        return self.transition(uuid, lifecycle.Action.APPROVE, identity=identity)

    def approval(self, p: ServicePassport) -> ApprovalCheck:
        """How the passport's approval stands now (signed, intact, trusted)."""
        return self.approvals.check(PASSPORT, p)

    def transition_in(
        self, uow: UnitOfWork, uuid: str, action: str, comment: str = "", *,
        current: ServicePassport | None = None, identity: SigningIdentity | None = None,
    ) -> ServicePassport:
        """``transition`` inside a transaction the caller owns (marking a bundle's records sent).

        ``current`` is the record as the caller read it; if it changed since, nothing is
        written and the conflict is raised.
        """
        if current is None:
            current = uow.passports.get_for_update(uuid)
        if current is None:
            raise NotFoundError(f"شناسنامه‌ای با شناسه «{uuid}» یافت نشد")
        result = lifecycle.transition(current, action, self.actor, self.today(), comment)
        if action == lifecycle.Action.APPROVE:
            if identity is None:
                raise GovsvcError("تأیید شناسنامه امضای رئیس دستگاه است؛ کلید امضای او لازم است "
                                  "(در خط فرمان: --cert و --password-env)")
            hard = [pr for pr in self._licence_problems(uow, result)]
            if hard:
                raise ValidationError(hard, "پیش از تأیید، این موارد باید اصلاح شوند")
            result = self.approvals.sign(PASSPORT, result, identity, self.today())
        stored = self.gate(uow).write(PASSPORTS, result, expected=current.revision, action=action,
                                      current=current, read=False,
                                      conflict=self._conflict_factory(uow, current))
        return stored.record

    def prepare_sent_marks(self, stored: Sequence[tuple[str, int, str]]) -> SentMarks:
        """Approved passports marked sent on their stored JSON documents, (uuid, revision,
        document) each: the rule and stamps of ``transition`` without decoding thousands of
        records, as a bundle export needs. Nothing is written until ``apply_sent_marks``."""
        action = lifecycle.Action.MARK_SENT
        stamps: dict[str, str] = {
            "status": lifecycle.target_status(Status.APPROVED, action, self.actor).value,
            **lifecycle.stamped_fields(action, self.actor, self.today())}
        now = iso_now(self.clock)
        marks = SentMarks()
        for uuid, revision, document in stored:
            data = json.loads(document)
            lifecycle.target_status(Status(data["status"]), action, self.actor)
            diff = [(name, data.get(name), value) for name, value in stamps.items()
                    if data.get(name) != value]
            data.update(stamps, revision=revision + 1, updated_at=now)
            marks.rows.append({"key": uuid, "expected": revision, "status": stamps["status"],
                               "revision": revision + 1, "updated_at": now,
                               "data": json.dumps(data, ensure_ascii=False, separators=(",", ":"))})
            marks.audit += audit_rows(at=now, actor=self.actor.name, username=self.actor.username,
                                      record_type="passport", record_uuid=uuid,
                                      revision=revision + 1, action=action, changes=diff)
        return marks

    @staticmethod
    def apply_sent_marks(uow: UnitOfWork, marks: SentMarks) -> dict[str, int]:
        """Writes prepared marks in the caller's transaction and returns the new revisions;
        if any record changed since it was read, nothing is marked."""
        if uow.passports.restamp(marks.rows) != len(marks.rows):
            raise ConflictError("شناسنامه‌ای در همین میان تغییر کرد؛ هیچ رکوردی «ارسال‌شده» نشد")
        uow.audit.record_many(marks.audit)
        return {row["key"]: row["revision"] for row in marks.rows}

    def renew(self, uuid: str) -> ServicePassport:
        """Starts the next edition of an approved passport; the current one is archived."""
        with self.uow_factory() as uow:
            current = uow.passports.get_for_update(uuid)
            if current is None:
                raise NotFoundError(f"شناسنامه‌ای با شناسه «{uuid}» یافت نشد")
            result = lifecycle.renew(current)
            gate = self.gate(uow)
            gate.authorise(PASSPORTS, current.status.value, result.status.value, [], rules.RENEW)
            uow.passports.archive_edition(current, gate.now)
            result.created_at = gate.now  # the new edition's draft age counts from its renewal
            written = gate.write(PASSPORTS, result, expected=current.revision, action=rules.RENEW,
                                 current=current, read=False,
                                 conflict=self._conflict_factory(uow, current))
            uow.commit()
        return written.record

    def delete(self, uuid: str) -> None:
        """Deletes a draft that was never approved, by its preparer or an administrator;
        approved records are kept for the record."""
        with self.uow_factory() as uow:
            current = uow.passports.get_for_update(uuid)
            if current is None:
                raise NotFoundError(f"شناسنامه‌ای با شناسه «{uuid}» یافت نشد")
            if current.status in APPROVED_STATUSES or current.edition > 1 or current.approved_on:
                raise GovsvcError("شناسنامه تأییدشده یا تمدیدشده حذف نمی‌شود")
            self.gate(uow).delete(PASSPORTS, current, owner=uow.audit.creator(uuid))
            uow.commit()
