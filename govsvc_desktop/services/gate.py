"""The write gate: the one way a versioned record reaches the database.

Every write — the editor, the command line, JSON, Excel and bundle imports, a restored draft,
renewal, plans, 128 requests and the agency's records — comes through ``Gate``: the role and
state are checked against ``domain.rules``, the revision the writer started from against the
stored one, the revision and time stamps are set, and the audit rows are written in the same
transaction. A rule therefore holds whatever path a change takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.diff import changes
from govsvc_desktop.domain.errors import ConflictError, PermissionDenied
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.plans.model import ImprovementPlan, Request128
from govsvc_desktop.store.audit import audit_rows
from govsvc_desktop.store.uow import UnitOfWork

T = TypeVar("T")
Diff = list[tuple[str, Any, Any]]


@dataclass(frozen=True)
class RecordStore(Generic[T]):
    """How the gate reads and writes one kind of record."""

    record_type: str
    label_fa: str
    get: Callable[[UnitOfWork, str], T | None]
    insert: Callable[[UnitOfWork, T], None]
    update: Callable[[UnitOfWork, T, int], bool]
    delete: Callable[[UnitOfWork, str], None]
    state: Callable[[T], str]
    insert_many: Callable[[UnitOfWork, Sequence[T]], None] | None = None


def _status(record: Any) -> str:
    return str(record.status.value)


PASSPORTS: RecordStore[ServicePassport] = RecordStore(
    rules.PASSPORT, "شناسنامه",
    get=lambda uow, uuid: uow.passports.get_for_update(uuid),
    insert=lambda uow, p: uow.passports.insert(p),
    update=lambda uow, p, expected: uow.passports.update(p, expected),
    delete=lambda uow, uuid: uow.passports.delete(uuid),
    state=_status,
    insert_many=lambda uow, items: uow.passports.insert_many(items),
)

PLANS: RecordStore[ImprovementPlan] = RecordStore(
    rules.PLAN, "برنامهٔ بهبود",
    get=lambda uow, uuid: uow.plans.get(uuid),
    insert=lambda uow, p: uow.plans.insert(p),
    update=lambda uow, p, expected: uow.plans.update(p, expected),
    delete=lambda uow, uuid: uow.plans.delete(uuid),
    state=_status,
)

REQUESTS: RecordStore[Request128] = RecordStore(
    rules.REQUEST128, "درخواست ۱۲۸",
    get=lambda uow, uuid: uow.plans.get_request(uuid),
    insert=lambda uow, r: uow.plans.insert_request(r),
    update=lambda uow, r, expected: uow.plans.update_request(r, expected),
    delete=lambda uow, uuid: None,
    state=lambda r: rules.ANY,
)


def agency_store(kind: str, label_fa: str, cls: type[T], key: Callable[[T], str],
                 status: Callable[[T], str]) -> RecordStore[T]:
    """The store of one kind of the agency's own records (licences, proposals …)."""
    def state(record: T) -> str:
        return status(record) if kind == "proposal" else rules.ANY
    return RecordStore(
        kind, label_fa,
        get=lambda uow, uuid: uow.agency.get(kind, uuid, cls),
        insert=lambda uow, r: uow.agency.insert(kind, r, key(r), status(r)),
        update=lambda uow, r, expected: uow.agency.update(kind, r, key(r), status(r), expected),
        delete=lambda uow, uuid: uow.agency.delete(uuid),
        state=state,
    )


@dataclass
class Written(Generic[T]):
    """What a write did: the record as stored, the fields it changed, whether it was new."""

    record: T
    diff: Diff
    created: bool = False

    @property
    def changed(self) -> bool:
        return self.created or bool(self.diff)


ConflictFactory = Callable[[Any, int], ConflictError]


class Gate:
    """Checks and writes records in the caller's transaction as ``actor`` at ``now``."""

    def __init__(self, uow: UnitOfWork, actor: Actor, now: str) -> None:
        self.uow = uow
        self.actor = actor
        self.now = now
        self._pending: list[Any] = []
        self._pending_audit: list[dict[str, Any]] = []

    def authorise(self, store: RecordStore[Any], source: str, target: str,
                  diff: Sequence[tuple[str, Any, Any]] = (), action: str | None = None) -> rules.Rule:
        changed = rules.content_changes(store.record_type, [d[0] for d in diff])
        return rules.authorise(store.record_type, self.actor.roles, source, target, changed, action)

    def write(
        self, store: RecordStore[T], record: T, *, expected: int | None,
        action: str | None = None, current: T | None = None, read: bool = True,
        conflict: ConflictFactory | None = None, audit_action: str | None = None,
        audit_as: Actor | None = None, batch: bool = False,
    ) -> Written[T]:
        """Creates or updates ``record`` (a copy the caller hands over and the gate stamps).

        ``expected`` is the revision the writer started from (None: whatever is stored, as
        an import that already compared revisions). ``action`` names the move when more
        than one leads between the same states; ``audit_action`` is what the audit calls it.
        """
        rec: Any = record
        if current is None and read:
            current = store.get(self.uow, rec.uuid)
        cur: Any = current
        who = audit_as or self.actor
        if cur is None:
            self.authorise(store, rules.NEW, store.state(rec), [], action or rules.CREATE)
            rec.revision = max(int(getattr(rec, "revision", 0) or 0), 1) if batch else 1
            rec.created_at = rec.created_at or self.now
            rec.updated_at = self.now if not batch else (rec.updated_at or self.now)
            rows = audit_rows(at=self.now, actor=who.name, username=who.username,
                              record_type=store.record_type, record_uuid=rec.uuid,
                              revision=rec.revision, action=audit_action or "create")
            if batch and store.insert_many is not None:
                self._pending.append(rec)
                self._pending_audit += rows
            else:
                store.insert(self.uow, rec)
                self.uow.audit.record_many(rows)
            return Written(record, [], created=True)
        if expected is not None and cur.revision != expected:
            raise self._conflict(store, cur, expected, conflict)
        diff = changes(to_dict(cur), to_dict(rec))
        if not diff:
            return Written(current, [])  # type: ignore[arg-type]
        self.authorise(store, store.state(cur), store.state(rec), diff, action)
        rec.revision = cur.revision + 1
        rec.updated_at = self.now
        if not store.update(self.uow, rec, cur.revision):
            raise self._conflict(store, store.get(self.uow, rec.uuid) or cur, cur.revision, conflict)
        self.uow.audit.record(at=self.now, actor=who.name, username=who.username,
                              record_type=store.record_type, record_uuid=rec.uuid,
                              revision=rec.revision, action=audit_action or action or "update",
                              changes=diff)
        return Written(record, diff)

    def delete(self, store: RecordStore[Any], current: Any, *, owner: str | None = None) -> None:
        """Deletes a stored record where the table allows it; a preparer only what they made."""
        rules.authorise(store.record_type, self.actor.roles, store.state(current),
                        store.state(current), frozenset(), rules.DELETE)
        if (owner is not None and owner != self.actor.username
                and not rules.holds(self.actor.roles, frozenset({Role.ADMIN}))):
            raise PermissionDenied("فقط تهیه‌کنندهٔ همین رکورد یا مدیر سامانه آن را حذف می‌کند")
        store.delete(self.uow, current.uuid)
        self.uow.audit.record(at=self.now, actor=self.actor.name, username=self.actor.username,
                              record_type=store.record_type, record_uuid=current.uuid,
                              revision=current.revision, action="delete")

    def flush(self, store: RecordStore[Any], chunk: int = 500) -> None:
        """Writes the records created with ``batch=True`` in chunks, with their audit."""
        assert store.insert_many is not None
        for start in range(0, len(self._pending), chunk):
            store.insert_many(self.uow, self._pending[start:start + chunk])
        self.uow.audit.record_many(self._pending_audit)
        self._pending, self._pending_audit = [], []

    def _conflict(self, store: RecordStore[Any], current: Any, expected: int,
                  conflict: ConflictFactory | None) -> ConflictError:
        if conflict is not None:
            return conflict(current, expected)
        title = getattr(current, "title", "") or getattr(current, "reference", "")
        return ConflictError(f"{store.label_fa} «{title}» پس از باز شدن در اینجا تغییر کرده "
                             "است؛ چیزی ذخیره نشد")
