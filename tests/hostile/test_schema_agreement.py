"""The JSON Schema in schemas/ and the import agree: mutated files are accepted by both or
refused by both. Every value of a full passport is mutated in the ways a careless or hostile
sender would (wrong type, out of range, empty, too long, malformed, unknown field)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.constraints import FORMATS, INT_MAX, MAX_SHORT_TEXT, MAX_TEXT
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.model import Channel, Fee, Form, Inquiry, LegalBasis, Licence
from govsvc_desktop.services import passport_json

SCHEMA = json.loads((Path(__file__).parents[2] / "schemas" / "passports.schema.json").read_text("utf-8"))


def _checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()
    for name, check in FORMATS.items():
        checker.checks(name)(lambda value, check=check: not isinstance(value, str) or check(value))
    return checker


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=_checker())


def full_record() -> dict[str, Any]:
    """A demo passport with every repeated part present, so every field gets mutated."""
    p = next(demo.generate(1, seed=7, today=dt.date(2025, 6, 1)))
    p.legal_bases = p.legal_bases or [LegalBasis(title="قانون", date="2020-01-01")]
    p.legal_bases[0].date = "2020-01-01"
    p.licences = [Licence(code="LP-1", title="پروانه")]
    p.channels = p.channels or [Channel(centre_count=3)]
    p.forms = [Form(title="کاربرگ", data_items=4)]
    p.inquiries = [Inquiry(target_agency="ثبت احوال", subject="هویت")]
    p.fees = [Fee(title="تعرفه", amount_rials=1000, sheba="IR820540102680020817909002")]
    p.electronic_target_date = "2026-01-01"
    p.agency_national_id = "14000276548"[:0]
    return to_dict(p)  # type: ignore[no-any-return]


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        yield from _leaves(data[0], path + (0,))  # the items of a part share their rules
    else:
        yield path, data


def _objects(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        yield path
        for k, v in data.items():
            yield from _objects(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _objects(v, path + (i,))


def _values_for(value: Any) -> list[Any]:
    common: list[Any] = [None, {"x": 1}, [1]]
    if isinstance(value, bool):
        return common + [1, "true", not value]
    if isinstance(value, int):
        return common + [-1, 0, 1, 3, 4, 1.0, 1.5, "7", True, INT_MAX, 2**63, 2**64, 2**62 + 1,
                         -(2**63) - 1, 10**400]
    if isinstance(value, float):
        return common + [-0.5, 0.0, 12.5, "3", True, 10**400, 2**64]
    if isinstance(value, str):
        return common + [
            "", " ", "\t", "=1+1", "x" * (MAX_SHORT_TEXT + 1), "x" * (MAX_TEXT + 1), 5, False,
            "../../evil", "0F8C3E5A-1B2C-4D5E-8F90-A1B2C3D4E5F6", "0f8c3e5a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
            "2024-13-40", "20240101", "2024-02-29", "2023-02-29", "1234567", "123456789012",
            "IR000000000000000000000000", "IR820540102680020817909002", "0013542419", "0013542418",
            "14000276548", "bogus", "draft", "approved", "in_person"]
    if isinstance(value, list):
        return common + [["bogus"], [5], []]
    return common


def _says_twice(base: dict[str, Any], path: tuple[Any, ...], new: Any) -> bool:
    """A step numbered as another step is: a rule across values, which JSON Schema cannot
    state (the schema's $comment names it; a test below checks import refuses it)."""
    if len(path) == 3 and path[0] == "steps" and path[2] == "order":
        return any(s["order"] == new for i, s in enumerate(base["steps"]) if i != path[1])
    return False


def mutations() -> Iterator[tuple[str, dict[str, Any]]]:
    base = full_record()
    for path, value in _leaves(base):
        for new in _values_for(value):
            if _says_twice(base, path, new):
                continue
            record = copy.deepcopy(base)
            target = record
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = new
            yield f"{'/'.join(map(str, path))}={str(new)[:20]!r}", record
    for path in _objects(base):
        record = copy.deepcopy(base)
        target = record
        for step in path:
            target = target[step]
        target["unknown_field"] = 1
        yield f"{'/'.join(map(str, path))}+unknown", record
    for name in ("approved_by", "approved_on", "uuid"):
        record = copy.deepcopy(base)
        record.pop(name)
        yield f"-{name}", record
        record = copy.deepcopy(base)
        record["status"] = "approved"
        record.pop(name)
        yield f"approved-{name}", record


def _document(record: dict[str, Any]) -> dict[str, Any]:
    return {"format": "govsvc.passports", "format_version": 1, "passports": [record]}


def _import_accepts(document: Any) -> bool:
    try:
        passport_json.parse_document(json.dumps(document, ensure_ascii=False))
    except GovsvcError:
        return False
    return True


def test_the_base_record_is_accepted_by_both() -> None:
    document = _document(full_record())
    assert VALIDATOR.is_valid(document)
    assert _import_accepts(document)


def test_schema_verdict_equals_import_verdict_for_every_mutation() -> None:
    cases = list(mutations())
    assert len(cases) > 1500
    disagreements = []
    refused = 0
    for name, record in cases:
        document = _document(record)
        by_schema = VALIDATOR.is_valid(document)
        by_import = _import_accepts(document)
        refused += not by_import
        if by_schema != by_import:
            disagreements.append(f"{name}: schema {by_schema}, import {by_import}")
    assert disagreements == [], "\n".join(disagreements)
    assert refused > len(cases) // 3  # the mutations do reach the rules


@pytest.mark.parametrize("document", [
    {"format": "govsvc.plans", "format_version": 1, "passports": []},
    {"format": "govsvc.passports", "format_version": 2, "passports": []},
    {"format": "govsvc.passports", "format_version": 1, "passports": {}},
    {"format": "govsvc.passports", "format_version": True, "passports": []},
    {"format": "govsvc.passports", "format_version": 1},
    {"format": "govsvc.passports", "format_version": 1, "passports": [], "more": 1},
    [],
])
def test_whole_documents_are_judged_alike(document: Any) -> None:
    assert VALIDATOR.is_valid(document) == _import_accepts(document)


def test_random_combinations_of_mutations_are_judged_alike() -> None:
    rng = random.Random(23)
    cases = list(mutations())
    for _ in range(100):
        picked = rng.sample(cases, 3)
        record = copy.deepcopy(full_record())
        for _name, mutated in picked:  # take one changed top-level field from each
            for key in mutated:
                if mutated.get(key) != record.get(key):
                    record[key] = mutated[key]
        document = _document(record)
        assert VALIDATOR.is_valid(document) == _import_accepts(document), [n for n, _ in picked]


def test_what_the_schema_cannot_say_is_named_in_it_and_refused_by_import() -> None:
    comment = SCHEMA["$defs"]["ServicePassport"]["$comment"]
    record = full_record()
    twice_order = copy.deepcopy(record)
    twice_order["steps"][1]["order"] = twice_order["steps"][0]["order"]
    twice_licence = copy.deepcopy(record)
    twice_licence["licences"].append(dict(twice_licence["licences"][0]))
    for document, named in ((_document(twice_order), "same order"),
                            (_document(twice_licence), "licence code twice"),
                            ({**_document(record), "passports": [record, record]}, "uuid twice")):
        assert named in comment
        assert VALIDATOR.is_valid(document)
        assert not _import_accepts(document)
