"""The official reference lists as a use case: the shipped lists or newer ones the centre
sent, pickers' search, and matching the free text typed before the lists existed.

The shipped lists are data files in resources/reference; a newer version arriving in a reply
bundle is kept in the database (``app_meta``) and wins while its version is higher. Matching
runs once after an upgrade (and on demand): a value that matches a list entry spelled otherwise
is rewritten to the list's spelling, with an audit row; those that match nothing are listed.
"""

from __future__ import annotations

import copy
import functools
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.diff import changes
from govsvc_desktop.domain.errors import Cancelled, GovsvcError
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.reference import (
    LIST_NAMES,
    LIST_TITLES_FA,
    ReferenceLists,
    Unmatched,
    document_problems,
    match_passport,
    search,
    unmatched_values,
    version_key,
)
from govsvc_desktop.services.passports import iso_now
from govsvc_desktop.services.session import Session, SessionBound
from govsvc_desktop.store.uow import UnitOfWork

# Changes when a rule that the stored columns (electronic, validity, approval gaps) depend on
# changes: the columns of every passport are then recomputed once.
RULES_VERSION = "2"
_META_LIST = "reference:{name}"
_META_DONE = "reference:matched"
_META_UNMATCHED = "reference:unmatched"  # the last match's leftovers, for a page to show at once


def shipped_dir() -> Path:
    """``$GOVSVC_REFERENCE_DIR`` when set, else resources/reference beside the package."""
    env = os.environ.get("GOVSVC_REFERENCE_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "resources" / "reference"


def shipped_documents() -> dict[str, dict[str, Any]]:
    return copy.deepcopy(_shipped(shipped_dir()))


@functools.lru_cache(maxsize=4)
def _shipped(folder: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for name in LIST_NAMES:
        path = folder / f"{name}.json"
        if path.exists():
            found[name] = json.loads(path.read_text(encoding="utf-8"))
    return found


def documents_in(uow: UnitOfWork) -> dict[str, dict[str, Any]]:
    """Each list in force: the newer of the shipped one and the one the centre sent."""
    docs = shipped_documents()
    for name in LIST_NAMES:
        stored = uow.meta.get(_META_LIST.format(name=name))
        if stored:
            doc = json.loads(stored)
            if name not in docs or version_key(doc["version"]) > version_key(docs[name]["version"]):
                docs[name] = doc
    return docs


def list_notes(docs: Mapping[str, Any], current: Mapping[str, Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """(what importing ``docs`` would change, why some cannot be used), in Persian."""
    notes, problems = [], []
    for name, doc in docs.items():
        found = document_problems(name, doc)
        if found:
            problems += found
            continue
        old = str(current.get(name, {}).get("version", ""))
        title = LIST_TITLES_FA[name]
        if old and version_key(doc["version"]) <= version_key(old):
            notes.append(f"فهرست «{title}» ویرایش {doc['version']} همراه بسته است؛ تازه‌تر از "
                         f"ویرایش کنونی ({old}) نیست و به کار نمی‌رود")
        else:
            notes.append(f"فهرست «{title}» ویرایش {doc['version']} همراه بسته است"
                         + (f" (اکنون {old})" if old else "") + " و با وارد کردن به کار می‌رود")
    return notes, problems


def store_documents(uow: UnitOfWork, docs: Mapping[str, Any], at: str, actor: Actor,
                    bundle: str = "") -> list[str]:
    """Keeps the lists newer than those in force, in the caller's transaction, with an audit
    row each; returns the Persian lines saying what changed."""
    lines = []
    current = documents_in(uow)
    for name, doc in docs.items():
        problems = document_problems(name, doc)
        if problems:
            raise GovsvcError(problems[0])
        old = str(current.get(name, {}).get("version", ""))
        if old and version_key(doc["version"]) <= version_key(old):
            continue
        uow.meta.set(_META_LIST.format(name=name), json.dumps(doc, ensure_ascii=False))
        uow.audit.record(at=at, actor=actor.name, username=actor.username,
                         record_type="reference", record_uuid=name, revision=1,
                         action="reference_update",
                         changes=[("version", old, doc["version"]), ("bundle", "", bundle)])
        lines.append(f"فهرست «{LIST_TITLES_FA[name]}» به ویرایش {doc['version']} به‌روز شد"
                     + (f" (پیش‌تر {old})" if old else ""))
    return lines


@dataclass
class MatchReport:
    """What matching existing records did: records rewritten, values nothing matched."""

    fixed: int = 0
    unmatched: list[Unmatched] = field(default_factory=list)


class ReferenceService(SessionBound):
    def __init__(self, uow_factory: Callable[[], UnitOfWork], session: Session) -> None:
        super().__init__(uow_factory, session)
        self._cache: tuple[tuple[str, ...], ReferenceLists] | None = None

    # reading
    def documents(self) -> dict[str, dict[str, Any]]:
        """Each list in force: the newer of the shipped one and the one the centre sent."""
        with self.uow_factory() as uow:
            return documents_in(uow)

    def lists(self) -> ReferenceLists:
        docs = self.documents()
        signature = tuple(f"{n}:{d['version']}" for n, d in sorted(docs.items()))
        if self._cache is None or self._cache[0] != signature:
            self._cache = (signature, ReferenceLists.from_documents(docs))
        return self._cache[1]

    def versions(self) -> dict[str, str]:
        return dict(self.lists().versions)

    def search(self, field_name: str, query: str = "", province: str = "",
               domain: str = "") -> list[str]:
        """What a picker for a passport field offers for ``query`` (Persian-normalised)."""
        from govsvc_desktop.domain.passport.model import ServicePassport

        lists = self.lists()
        probe = ServicePassport(province=province, architecture_domain=domain)
        return search(lists.choices(field_name, probe), query)

    # matching existing free text
    def unmatched(self, stored: bool = False) -> list[Unmatched]:
        """Values that match no list entry; ``stored`` gives the list the last matching left
        (instant, for a page) instead of reading every passport again."""
        with self.uow_factory() as uow:
            if stored:
                kept = uow.meta.get(_META_UNMATCHED)
                if kept:
                    return [Unmatched(*item) for item in json.loads(kept)]
            return unmatched_values(uow.passports.iter_passports(PassportFilter()), self.lists())

    def match_existing(self, progress: Callable[[int, int], bool] | None = None) -> MatchReport:
        """Rewrites values that match a list entry to the list's spelling (one audited update
        per record), recomputes the stored columns of every passport and plan under today's
        rules, and lists what matched nothing."""
        lists = self.lists()
        now = iso_now(self.clock)
        report = MatchReport()
        with self.uow_factory() as uow:
            items = list(uow.passports.iter_passports(PassportFilter()))
            after: list[ServicePassport] = []
            for done, p in enumerate(items):
                if progress is not None and done % 500 == 0 and progress(done, len(items)) is False:
                    raise Cancelled()
                fixes = match_passport(p, lists)
                if fixes:
                    record = copy.deepcopy(p)
                    for name, value in fixes.items():
                        setattr(record, name, value)
                    record.revision, record.updated_at = p.revision + 1, now
                    uow.passports.update(record, p.revision)
                    uow.audit.record(at=now, actor=self.actor.name, username=self.actor.username,
                                     record_type="passport", record_uuid=p.uuid,
                                     revision=record.revision, action="reference_match",
                                     changes=changes(to_dict(p), to_dict(record)))
                    report.fixed += 1
                    after.append(record)
                else:
                    uow.passports.update(p, p.revision)  # stored columns under today's rules
                    after.append(p)
            for plan in list(uow.plans.iter_all()):  # the 30% verdict, reports that count
                uow.plans.update(plan, plan.revision)
            report.unmatched = unmatched_values(after, lists)
            uow.meta.set(_META_UNMATCHED, json.dumps(
                [[u.field, u.value, u.records] for u in report.unmatched], ensure_ascii=False))
            uow.meta.set(_META_DONE, self._signature(lists))
            uow.commit()
        return report

    def _signature(self, lists: ReferenceLists) -> str:
        return RULES_VERSION + "|" + ",".join(f"{n}:{v}" for n, v in sorted(lists.versions.items()))

    def upgrade_if_needed(self) -> MatchReport | None:
        """Runs ``match_existing`` once for each new rules or list version (after an upgrade
        or a reply bundle); a database with no passports is only marked."""
        lists = self.lists()
        signature = self._signature(lists)
        with self.uow_factory() as uow:
            if uow.meta.get(_META_DONE) == signature:
                return None
            if not uow.passports.count(PassportFilter()):
                uow.meta.set(_META_DONE, signature)
                uow.commit()
                return None
        return self.match_existing()
