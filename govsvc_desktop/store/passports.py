"""Reading and writing passports: the JSON document plus the columns lists need."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.sql import ColumnElement

from govsvc_desktop.domain.agency.compliance import PassportFacts
from govsvc_desktop.domain.agency.licences import ServiceRef
from govsvc_desktop.domain.choices import ElectronicMethod, Nature, RecordKind, Status, Validity
from govsvc_desktop.domain.codec import from_dict, to_dict
from govsvc_desktop.domain.passport.model import SEARCHED_FIELDS, ServicePassport, validity_on
from govsvc_desktop.domain.passport.queries import SORT_KEYS, PassportFilter, PassportSummary
from govsvc_desktop.domain.passport.validation import approval_gaps, validate
from govsvc_desktop.domain.persian import compact_key, index_text, search_key
from govsvc_desktop.store import search_sql
from govsvc_desktop.store.bulk_read import driver_rows
from govsvc_desktop.store.tables import passport_editions, passport_licences, passports


def search_text(p: ServicePassport) -> str:
    texts = [getattr(p, name) for name in SEARCHED_FIELDS]
    texts += [lic.code + " " + lic.title for lic in p.licences]
    texts += [law.title for law in p.legal_bases]
    return index_text(*texts)


def compliance_columns(p: ServicePassport) -> dict[str, Any]:
    """What the compliance dashboard reads without decoding the document: the electronic
    date or exemption, and the fields approval still needs (problems that do not block saving)."""
    gaps = dict.fromkeys(problem.field_path for problem in approval_gaps(validate(p)))
    return {
        "electronic_target_date": p.electronic_target_date,
        "exemption_approved": p.exemption_approved,
        "approval_gaps": ";".join(gaps),
    }


def row_values(p: ServicePassport) -> dict[str, Any]:
    """The columns stored for a passport, derived from it in one place."""
    until = p.valid_until
    return {
        "uuid": p.uuid,
        "kind": p.kind.value,
        "service_id": p.service_id,
        "title": p.title,
        "agency_name": p.agency_name,
        "province": p.province,
        "nature": p.nature.value if p.nature else None,
        "status": p.status.value,
        "electronic_method": p.electronic_method.value if p.electronic_method else None,
        "is_electronic": p.is_electronic,
        "edition": p.edition,
        "revision": p.revision,
        "approved_on": p.approved_on,
        "valid_until": until.isoformat() if until else None,
        "created_at": p.created_at,
        "updated_at": p.updated_at,
        "title_key": search_key(p.title),
        "search_text": search_text(p),
        "data": json.dumps(to_dict(p), ensure_ascii=False, separators=(",", ":")),
        **compliance_columns(p),
    }


def licence_rows(items: Iterable[ServicePassport]) -> list[dict[str, str]]:
    return [{"passport_uuid": p.uuid, "licence_key": key} for p in items
            for key in sorted({compact_key(lic.code) for lic in p.licences if lic.code.strip()})]


def _validity(valid_until: str | None, today: dt.date) -> Validity:
    return validity_on(dt.date.fromisoformat(valid_until) if valid_until else None, today)


_SUMMARY_COLUMNS = (
    passports.c.uuid, passports.c.kind, passports.c.service_id, passports.c.title,
    passports.c.agency_name, passports.c.province, passports.c.nature, passports.c.status,
    passports.c.electronic_method, passports.c.edition, passports.c.revision,
    passports.c.valid_until, passports.c.updated_at,
)


class PassportRepository:
    """Passports in one connection (one transaction, owned by the unit of work)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name

    # reading
    def get(self, uuid: str) -> ServicePassport | None:
        data = self.conn.execute(select(passports.c.data).where(passports.c.uuid == uuid)).scalar()
        return None if data is None else from_dict(ServicePassport, json.loads(data))

    def get_for_update(self, uuid: str) -> ServicePassport | None:
        stmt = select(passports.c.data).where(passports.c.uuid == uuid)
        if self.dialect == "postgresql":
            stmt = stmt.with_for_update()
        data = self.conn.execute(stmt).scalar()
        return None if data is None else from_dict(ServicePassport, json.loads(data))

    def find_by_service_id(self, service_id: str) -> list[str]:
        rows = self.conn.execute(
            select(passports.c.uuid).where(passports.c.service_id == service_id)
        )
        return [r[0] for r in rows]

    def exists(self, uuid: str) -> bool:
        return self.conn.execute(
            select(func.count()).where(passports.c.uuid == uuid)
        ).scalar_one() > 0

    def _where(
        self, f: PassportFilter, broad: bool = False,
    ) -> tuple[list[ColumnElement[bool]], dict[str, str]]:
        conds: list[Any] = []
        params: dict[str, str] = {}
        if f.search:
            clause = search_sql.match_clause(self.dialect, "passports", f.search, broad)
            if clause is not None:
                conds.append(clause[0])
                params.update(clause[1])
        if f.statuses:
            conds.append(passports.c.status.in_([s.value for s in f.statuses]))
        if f.province:
            conds.append(passports.c.province == f.province)
        if f.agency:
            conds.append(passports.c.agency_name == f.agency)
        if f.nature is not None:
            conds.append(passports.c.nature == f.nature.value)
        if f.kind is not None:
            conds.append(passports.c.kind == f.kind.value)
        if f.electronic is not None:
            conds.append(passports.c.is_electronic == f.electronic)
        if f.has_service_id is not None:
            conds.append(passports.c.service_id != "" if f.has_service_id else passports.c.service_id == "")
        if f.uuids:
            conds.append(passports.c.uuid.in_(f.uuids))
        if f.valid_until_before:
            conds.append(and_(passports.c.valid_until.is_not(None),
                              passports.c.valid_until < f.valid_until_before))
        if f.updated_since:
            conds.append(passports.c.updated_at > f.updated_since)
        return conds, params

    def count(self, f: PassportFilter) -> int:
        if f.search and f == PassportFilter(search=f.search):
            fast = search_sql.count_matches(self.conn, "passports", f.search)
            if fast is not None:
                return fast
        conds, params = self._where(f)
        stmt = select(func.count()).select_from(passports).where(*conds)
        return int(self.conn.execute(stmt, params).scalar_one())

    def summaries(
        self, f: PassportFilter, sort: str = "title", descending: bool = False,
        offset: int = 0, limit: int | None = 200, today: dt.date | None = None,
    ) -> list[PassportSummary]:
        if sort not in SORT_KEYS:
            raise ValueError(sort)
        broad = bool(f.search) and search_sql.is_broad(
            search_sql.count_matches(self.conn, "passports", f.search))
        conds, params = self._where(f, broad)
        column = passports.c.title_key if sort == "title" else passports.c[sort]
        if descending:
            order = [column.desc(), passports.c.uuid.desc()]
        else:
            order = [column.asc(), passports.c.uuid.asc()]
        stmt = (select(*_SUMMARY_COLUMNS).where(*conds)
                .order_by(*order).offset(offset).limit(limit))
        today = today or dt.date.today()
        return [
            PassportSummary(
                uuid=r.uuid, kind=RecordKind(r.kind), service_id=r.service_id, title=r.title,
                agency_name=r.agency_name, province=r.province,
                nature=Nature(r.nature) if r.nature else None, status=Status(r.status),
                electronic_method=ElectronicMethod(r.electronic_method) if r.electronic_method else None,
                edition=r.edition, revision=r.revision, valid_until=r.valid_until,
                updated_at=r.updated_at, validity=_validity(r.valid_until, today),
            )
            for r in self.conn.execute(stmt, params)
        ]

    def uuids(self, f: PassportFilter) -> list[str]:
        conds, params = self._where(f)
        stmt = select(passports.c.uuid).where(*conds).order_by(passports.c.title_key, passports.c.uuid)
        return [r[0] for r in self.conn.execute(stmt, params)]

    def iter_passports(self, f: PassportFilter, batch: int = 500) -> Iterator[ServicePassport]:
        conds, params = self._where(f)
        stmt = select(passports.c.data).where(*conds).order_by(passports.c.title_key, passports.c.uuid)
        result = self.conn.execute(stmt.execution_options(yield_per=batch), params)
        for (data,) in result:
            yield from_dict(ServicePassport, json.loads(data))

    def revisions_of(self, uuids: Sequence[str]) -> dict[str, int]:
        """The stored revision of each of ``uuids`` that exists."""
        found: dict[str, int] = {}
        for start in range(0, len(uuids), 900):
            chunk = list(uuids[start:start + 900])
            found.update((u, int(r)) for u, r in self.conn.execute(
                select(passports.c.uuid, passports.c.revision).where(passports.c.uuid.in_(chunk))))
        return found

    def revision_status(self, f: PassportFilter) -> list[tuple[str, int, str]]:
        """(uuid, revision, status) of every match: what deciding a bundle's contents needs,
        without building a summary per record."""
        conds, params = self._where(f)
        stmt = select(passports.c.uuid, passports.c.revision, passports.c.status).where(*conds)
        return [(u, int(r), st) for u, r, st in self.conn.execute(stmt, params)]

    def iter_documents(self, f: PassportFilter, batch: int = 2000) -> Iterator[tuple[str, int, str, str]]:
        """(uuid, revision, status, JSON document as stored): records copied out without decoding."""
        conds, params = self._where(f)
        stmt = (select(passports.c.uuid, passports.c.revision, passports.c.status, passports.c.data)
                .where(*conds).order_by(passports.c.title_key, passports.c.uuid))
        for row in self.conn.execute(stmt.execution_options(yield_per=batch), params):
            yield row[0], int(row[1]), row[2], row[3]

    def change_marker(self) -> tuple[str, int]:
        """(latest update time, number of records): changes when anyone saves, adds or deletes."""
        row = self.conn.execute(select(func.max(passports.c.updated_at), func.count())).one()
        return (row[0] or "", int(row[1]))

    def distinct(self, column: str) -> list[str]:
        col = passports.c[column]
        rows = self.conn.execute(select(col).where(col != "").distinct().order_by(col))
        return [r[0] for r in rows]

    def compliance_facts(self) -> list[PassportFacts]:
        """The stored columns the compliance rules read, for every passport (in SQLite files
        from the covering index ``ix_passports_compliance``)."""
        c = passports.c
        return list(map(PassportFacts._make, driver_rows(self.conn, select(
            c.uuid, c.kind, c.service_id, c.title, c.status, c.created_at, c.valid_until,
            c.is_electronic, c.electronic_target_date, c.exemption_approved, c.approval_gaps))))

    def licence_keys(self) -> Sequence[tuple[str, str]]:
        """(passport UUID, licence key) for every licence a passport lists."""
        return driver_rows(self.conn, select(passport_licences.c.passport_uuid,
                                             passport_licences.c.licence_key))

    def service_refs(self) -> list[ServiceRef]:
        """Every service passport with the licence keys it lists (for the licence check)."""
        codes: dict[str, list[str]] = {}
        for uuid, key in self.conn.execute(
                select(passport_licences.c.passport_uuid, passport_licences.c.licence_key)):
            codes.setdefault(uuid, []).append(key)
        c = passports.c
        rows = self.conn.execute(select(c.uuid, c.service_id, c.title, c.title_key)
                                 .where(c.kind == RecordKind.SERVICE.value))
        return [ServiceRef(uuid, service_id, title, tuple(codes.get(uuid, ())), key)
                for uuid, service_id, title, key in rows]

    def licence_owners(self, codes: Iterable[str], excluding: str) -> dict[str, list[str]]:
        keys = sorted({compact_key(c) for c in codes if c.strip()})
        if not keys:
            return {}
        rows = self.conn.execute(
            select(passport_licences.c.licence_key, passport_licences.c.passport_uuid)
            .where(passport_licences.c.licence_key.in_(keys),
                   passport_licences.c.passport_uuid != excluding)
        )
        owners: dict[str, list[str]] = {}
        for key, uuid in rows:
            owners.setdefault(key, []).append(uuid)
        return owners

    # writing
    def insert(self, p: ServicePassport) -> None:
        self.conn.execute(insert(passports).values(**row_values(p)))
        self._write_licences(p)

    def insert_many(self, items: Sequence[ServicePassport]) -> None:
        """Bulk insert (demo data, imports into an empty database)."""
        self.insert_rows([row_values(p) for p in items], licence_rows(items))

    def insert_rows(self, rows: Sequence[dict[str, Any]], licences: Sequence[dict[str, str]]) -> None:
        """Bulk insert of rows already made by ``row_values`` (possibly in other processes)."""
        if rows:
            self.conn.execute(insert(passports), list(rows))
        if licences:
            self.conn.execute(insert(passport_licences), list(licences))

    def update(self, p: ServicePassport, expected_revision: int) -> bool:
        """Writes ``p`` if the stored revision is still ``expected_revision``; False otherwise."""
        values = row_values(p)
        values.pop("uuid")
        result = self.conn.execute(
            update(passports)
            .where(passports.c.uuid == p.uuid, passports.c.revision == expected_revision)
            .values(**values)
        )
        if result.rowcount != 1:
            return False
        self.conn.execute(delete(passport_licences).where(passport_licences.c.passport_uuid == p.uuid))
        self._write_licences(p)
        return True

    def reproject_all(self) -> int:
        """Recomputes every passport's projected compliance columns from its document with the
        rules of this version (asked for by a schema upgrade); how many rows were written."""
        c = passports.c
        stmt = (update(passports).where(c.uuid == bindparam("key"))
                .values(electronic_target_date=bindparam("electronic_target_date"),
                        exemption_approved=bindparam("exemption_approved"),
                        approval_gaps=bindparam("approval_gaps")))
        rows = [{"key": uuid, **compliance_columns(from_dict(ServicePassport, json.loads(data)))}
                for uuid, data in self.conn.execute(select(c.uuid, c.data))]
        if rows:
            self.conn.execute(stmt, rows)
        return len(rows)

    def restamp(self, rows: Sequence[dict[str, Any]]) -> int:
        """Life-cycle steps written on stored documents (status, revision, update time and the
        document), each only where the revision is still ``expected``; how many were written."""
        if not rows:
            return 0
        c = passports.c
        stmt = (update(passports)
                .where(c.uuid == bindparam("key"), c.revision == bindparam("expected"))
                .values(status=bindparam("status"), revision=bindparam("revision"),
                        updated_at=bindparam("updated_at"), data=bindparam("data")))
        return int(self.conn.execute(stmt, list(rows)).rowcount)

    def _write_licences(self, p: ServicePassport) -> None:
        keys = {compact_key(lic.code) for lic in p.licences if lic.code.strip()}
        if keys:
            self.conn.execute(insert(passport_licences),
                              [{"passport_uuid": p.uuid, "licence_key": k} for k in sorted(keys)])

    def delete(self, uuid: str) -> None:
        self.conn.execute(delete(passports).where(passports.c.uuid == uuid))

    def archive_edition(self, p: ServicePassport, at: str) -> None:
        self.conn.execute(insert(passport_editions).values(
            uuid=p.uuid, edition=p.edition, archived_at=at,
            data=json.dumps(to_dict(p), ensure_ascii=False)))

    def editions(self, uuid: str) -> list[ServicePassport]:
        rows = self.conn.execute(
            select(passport_editions.c.data).where(passport_editions.c.uuid == uuid)
            .order_by(passport_editions.c.edition))
        return [from_dict(ServicePassport, json.loads(r[0])) for r in rows]
