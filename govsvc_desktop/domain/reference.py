"""The official reference lists (provinces and counties, executive agencies, architecture
domains and categories) and how typed values are matched to them.

A value the list lacks is kept as typed but flagged (rule R-01 of docs/rules.md): a typo must
not make a new province that filters, the dashboard and the published lists would split on.
Matching folds the spelling variants a Persian keyboard gives (ي/ی, ZWNJ or space, digits) and
the usual other names (a county's centre city, «استان …»).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.persian import compact_key, search_key

LIST_NAMES = ("divisions", "agencies", "architecture")
LIST_TITLES_FA = {"divisions": "استان‌ها و شهرستان‌ها", "agencies": "دستگاه‌های اجرایی",
                  "architecture": "معماری خدمات"}
# Which passport field picks from which list.
PICKED_FIELDS = {"province": "divisions", "county": "divisions", "agency_name": "agencies",
                 "parent_agency": "agencies", "architecture_domain": "architecture",
                 "architecture_category": "architecture"}


def version_key(version: str) -> tuple[int, ...]:
    """``1403.2`` → (1403, 2), so versions compare as numbers."""
    parts = []
    for piece in version.replace("-", ".").split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _key(text: str) -> str:
    return compact_key(text)


_PROVINCE = compact_key("استان")
_COUNTY = compact_key("شهرستان")


@dataclass(frozen=True)
class Agency:
    name: str
    national_id: str = ""
    parent: str = ""


@dataclass
class ReferenceLists:
    """The lists in force, each with its version, source and licence as shipped or received."""

    versions: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    provinces: dict[str, list[str]] = field(default_factory=dict)  # province → counties
    county_aliases: dict[tuple[str, str], str] = field(default_factory=dict)  # (prov, key) → name
    agencies: dict[str, Agency] = field(default_factory=dict)
    domains: dict[str, list[str]] = field(default_factory=dict)  # domain → categories
    # search keys → the list's spelling, made once so matching a hundred thousand records is cheap
    _province_keys: dict[str, str] = field(default_factory=dict)
    _agency_keys: dict[str, str] = field(default_factory=dict)
    _domain_keys: dict[str, str] = field(default_factory=dict)
    _category_keys: dict[tuple[str, str], str] = field(default_factory=dict)  # ("" = any domain)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self._province_keys = {_key(p): p for p in self.provinces}
        self._agency_keys = {_key(a): a for a in self.agencies}
        self._domain_keys = {_key(d): d for d in self.domains}
        self._category_keys = {}
        for dom, cats in self.domains.items():
            for cat in cats:
                self._category_keys[(dom, _key(cat))] = cat
                self._category_keys.setdefault(("", _key(cat)), cat)

    @classmethod
    def from_documents(cls, documents: Mapping[str, Mapping[str, Any]]) -> ReferenceLists:
        lists = cls()
        for name, doc in documents.items():
            lists.versions[name] = str(doc.get("version", ""))
            lists.sources[name] = str(doc.get("source", ""))
        div = documents.get("divisions", {})
        for prov in div.get("provinces", []):
            counties = [c["name"] for c in prov.get("counties", [])]
            lists.provinces[prov["name"]] = counties
            for c in prov.get("counties", []):
                for alias in [c["name"], *c.get("aliases", [])]:
                    lists.county_aliases[(prov["name"], _key(alias))] = c["name"]
        for a in documents.get("agencies", {}).get("agencies", []):
            lists.agencies[a["name"]] = Agency(a["name"], a.get("national_id", ""), a.get("parent", ""))
        for d in documents.get("architecture", {}).get("domains", []):
            lists.domains[d["name"]] = [c["name"] for c in d.get("categories", [])]
        lists._index()
        return lists

    # matching
    def province(self, text: str) -> str | None:
        """The list's spelling of a typed province, or None."""
        key = _key(text)
        if key.startswith(_PROVINCE):
            key = key[len(_PROVINCE):]
        return self._province_keys.get(key) if key else None

    def county(self, province: str, text: str) -> str | None:
        prov = self.province(province)
        key = _key(text)
        if key.startswith(_COUNTY):
            key = key[len(_COUNTY):]
        if prov is None or not key:
            return None
        return self.county_aliases.get((prov, key))

    def agency(self, text: str) -> str | None:
        """An agency of the register, or a provincial unit of one («اداره کل … استان فارس»)."""
        key = _key(text)
        if not key:
            return None
        if key in self._agency_keys:
            return self._agency_keys[key]
        if _PROVINCE in key:
            base, _, province = key.rpartition(_PROVINCE)
            if province in self._province_keys and base in self._agency_keys:
                return text.strip()
        return None

    def domain(self, text: str) -> str | None:
        return self._domain_keys.get(_key(text))

    def category(self, domain: str, text: str) -> str | None:
        """A category of ``domain`` (of any domain when the domain is not in the list)."""
        key = _key(text)
        if not key:
            return None
        return self._category_keys.get((self.domain(domain) or "", key))

    def canonical(self, p: ServicePassport, name: str) -> str | None:
        """The list's value for ``p``'s field ``name``, or None when the list lacks it."""
        value = getattr(p, name)
        if name == "province":
            return self.province(value)
        if name == "county":
            return self.county(p.province, value)
        if name in ("agency_name", "parent_agency"):
            return self.agency(value)
        if name == "architecture_domain":
            return self.domain(value)
        return self.category(p.architecture_domain, value)

    # picking
    def choices(self, name: str, p: ServicePassport | None = None) -> list[str]:
        """What a picker for field ``name`` offers (counties of the chosen province)."""
        if name == "province":
            return list(self.provinces)
        if name == "county":
            prov = self.province(p.province) if p is not None else None
            if prov:
                return list(self.provinces[prov])
            return sorted({c for cs in self.provinces.values() for c in cs})
        if name in ("agency_name", "parent_agency"):
            return list(self.agencies)
        if name == "architecture_domain":
            return list(self.domains)
        dom = self.domain(p.architecture_domain) if p is not None else None
        return list(self.domains[dom]) if dom else [c for cs in self.domains.values() for c in cs]


def search(values: Iterable[str], query: str) -> list[str]:
    """Values whose every query word appears in them, spelling variants folded; those that
    start with the query first."""
    words = [w for w in search_key(query).split(" ") if w]
    found = [v for v in values if all(w in search_key(v) for w in words)]
    head = compact_key(query)
    return sorted(found, key=lambda v: (not compact_key(v).startswith(head), found.index(v)))


def reference_problems(p: ServicePassport, lists: ReferenceLists) -> list[Problem]:
    """R-01: a picked field whose value the official list lacks is accepted as flagged free
    text (a warning), so it is seen and can be corrected or reported to the centre."""
    found = []
    for name, list_name in PICKED_FIELDS.items():
        value = getattr(p, name)
        if not value.strip() or list_name not in lists.versions:
            continue
        if lists.canonical(p, name) is None:
            found.append(Problem(name, f"«{label_for_path(name)}» مقدار «{value}» در فهرست رسمی "
                                 f"{LIST_TITLES_FA[list_name]} (ویرایش {lists.versions[list_name]}) "
                                 "نیست؛ به‌صورت متن آزاد علامت‌خورده پذیرفته شد", blocking=False,
                                 warning=True))
    return found


@dataclass(frozen=True)
class Unmatched:
    """A free-text value no list entry matches, with how many records carry it."""

    field: str
    value: str
    records: int


def match_passport(p: ServicePassport, lists: ReferenceLists) -> dict[str, str]:
    """The fields of ``p`` whose typed value matches a list entry spelled otherwise:
    ``{field: list spelling}``. Values already spelled as the list, and unmatched ones, are
    left out."""
    fixes: dict[str, str] = {}
    probe = p
    for name in PICKED_FIELDS:
        value = getattr(probe, name)
        if not value.strip():
            continue
        canonical = lists.canonical(probe, name)
        if canonical is not None and canonical != value:
            fixes[name] = canonical
            if name == "province":  # counties are matched within the corrected province
                probe = dataclasses.replace(p, province=canonical)
    return fixes


def unmatched_values(passports: Iterable[ServicePassport], lists: ReferenceLists) -> list[Unmatched]:
    """Every distinct value of a picked field that no list entry matches, most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for p in passports:
        for problem in reference_problems(p, lists):
            key = (problem.field_path, getattr(p, problem.field_path))
            counts[key] = counts.get(key, 0) + 1
    return [Unmatched(f, v, n) for (f, v), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def document_problems(name: str, doc: Any) -> list[str]:
    """Why a list document (shipped, or arriving in a reply bundle) cannot be used."""
    if name not in LIST_NAMES:
        return [f"فهرست «{name}» را این نسخهٔ برنامه نمی‌شناسد"]
    if not isinstance(doc, dict) or doc.get("list") != name or not str(doc.get("version", "")).strip():
        return [f"فهرست «{LIST_TITLES_FA[name]}» نام یا ویرایش ندارد"]
    key = {"divisions": "provinces", "agencies": "agencies", "architecture": "domains"}[name]
    items = doc.get(key)
    if not isinstance(items, list) or not items or not all(
            isinstance(i, dict) and str(i.get("name", "")).strip() for i in items):
        return [f"فهرست «{LIST_TITLES_FA[name]}» ردیفی بی‌نام یا خالی دارد"]
    return []
