"""The JSON format: domain dataclasses to plain dicts and back, and its JSON Schema.

This is the one contract shared by the CLI, bundles and Excel. Field names are the dataclass
field names, enumerations are their English codes, dates ISO strings. Decoding checks every
value's type and reports all problems at once, each with its field path, in Persian.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.constraints import (
    FLOAT_MAX,
    INT_MAX,
    INT_MIN,
    is_uuid,
    rule_for,
    schema_keywords,
)
from govsvc_desktop.domain.errors import GovsvcError, Problem, ValidationError
from govsvc_desktop.domain.persian import format_int

T = TypeVar("T")
FORMAT_VERSION = 1
MAX_RECORDS = 200_000  # of one kind in one file: ten times the largest office seen

_hints_cache: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _hints_cache.get(cls)
    if hints is None:
        hints = get_type_hints(cls)
        _hints_cache[cls] = hints
    return hints


_field_names: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, type(None))


def to_dict(obj: Any) -> Any:
    """A dataclass (recursively) as JSON-ready data, fields in declaration order."""
    if isinstance(obj, _PLAIN) and not isinstance(obj, Choice):
        return obj
    if isinstance(obj, Choice):
        return obj.value
    if isinstance(obj, list):
        return [to_dict(v) for v in obj]
    names = _field_names.get(type(obj))
    if names is None:
        if not (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
            return obj
        names = tuple(f.name for f in dataclasses.fields(obj))
        _field_names[type(obj)] = names
    return {name: to_dict(getattr(obj, name)) for name in names}


def _optional_inner(tp: Any) -> tuple[bool, Any]:
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return True, args[0]
    return False, tp


_TYPE_NAMES_FA = {str: "متن", int: "عدد صحیح", float: "عدد", bool: "بله/خیر (true/false)"}


Converter = Callable[["_Decoder", Any, str], Any]
_converters: dict[Any, Converter] = {}
_dataclass_fields: dict[type, tuple[frozenset[str], tuple[tuple[str, Converter], ...]]] = {}


def _converter(tp: Any) -> Converter:
    """The function that decodes and checks a value of type ``tp``: made once per type, so
    decoding ten thousand records does not inspect type hints ten thousand times."""
    found = _converters.get(tp)
    if found is None:
        found = _make_converter(tp)
        _converters[tp] = found
    return found


def _make_converter(tp: Any) -> Converter:
    optional, inner = _optional_inner(tp)
    base = _base_converter(inner)

    def nullable(dec: _Decoder, data: Any, path: str) -> Any:
        return None if data is None else base(dec, data, path)

    def required(dec: _Decoder, data: Any, path: str) -> Any:
        if data is None:
            dec.fail(path, "مقدار خالی (null) برای این فیلد مجاز نیست")
            return _MISSING
        return base(dec, data, path)

    return nullable if optional else required


def _base_converter(tp: Any) -> Converter:
    if get_origin(tp) is list:
        (item_tp,) = get_args(tp)
        return _list_converter(item_tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp
        return lambda dec, data, path: dec.dataclass(cls, data, path)
    if isinstance(tp, type) and issubclass(tp, Choice):
        return _choice_converter(tp)
    if tp in (bool, int, float, str):
        return _plain_converter(tp)
    raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover - a model bug


def _list_converter(item_tp: Any) -> Converter:
    def convert(dec: _Decoder, data: Any, path: str) -> Any:
        if not isinstance(data, list):
            dec.fail(path, "باید فهرست (آرایه) باشد")
            return _MISSING
        item = _converter(item_tp)  # looked up late: a dataclass may list its own kind
        items = [item(dec, value, f"{path}[{i}]") for i, value in enumerate(data)]
        return [v for v in items if v is not _MISSING]
    return convert


def _choice_converter(tp: type[Choice]) -> Converter:
    by_code = {m.value: m for m in tp}

    def convert(dec: _Decoder, data: Any, path: str) -> Any:
        found = by_code.get(data) if isinstance(data, str) else None
        if found is not None:
            return found
        try:
            return tp.parse(data) if isinstance(data, str) else _raise()
        except ValueError:
            allowed = "، ".join(f"{m.value} ({m.label_fa})" for m in tp)
            dec.fail(path, f"مقدار «{data}» مجاز نیست؛ یکی از این‌ها باشد: {allowed}")
            return _MISSING
    return convert


def _plain_converter(tp: type) -> Converter:
    def convert(dec: _Decoder, data: Any, path: str) -> Any:
        kind = type(data)
        if kind is tp:
            if kind is int and not INT_MIN <= data <= INT_MAX:
                dec.fail(path, f"عدد {_short(data)} بیرون از محدودهٔ مجاز (±۲ به توان ۶۳) است")
                return _MISSING
            if kind is float and not -FLOAT_MAX <= data <= FLOAT_MAX:
                dec.fail(path, "باید عددی متناهی و کمتر از ۱۰ به توان ۱۵ باشد" if math.isfinite(data)
                         else "باید عددی متناهی باشد (NaN و بی‌نهایت پذیرفته نیست)")
                return _MISSING
            return data
        if tp is int and kind is float and data.is_integer():
            return convert(dec, int(data), path)
        if tp is float and kind is int:
            return convert(dec, float(data), path) if abs(data) < 2**1023 else \
                convert(dec, math.inf, path)
        dec.fail(path, f"باید {_TYPE_NAMES_FA[tp]} باشد، نه «{_short(data)}»")
        return _MISSING
    return convert


def _short(data: Any) -> str:
    if isinstance(data, int) and not isinstance(data, bool) and abs(data) >= 10**30:
        return f"{format_int(len(str(abs(data))) if abs(data).bit_length() < 14000 else 4300)} رقمی"
    text = str(data)
    return text if len(text) <= 60 else text[:60] + "…"


def _uuid_field(convert: Converter, required: bool) -> Converter:
    """A record identity (``uuid``) or a reference to one (``…_uuid``, possibly empty)."""
    def check(dec: _Decoder, data: Any, path: str) -> Any:
        value = convert(dec, data, path)
        if isinstance(value, str) and (value or required) and not is_uuid(value):
            dec.fail(path, f"«{_short(value)}» شناسه یکتای معتبر (UUID) نیست")
            return _MISSING
        return value
    return check


class _Decoder:
    def __init__(self, record: str) -> None:
        self.record = record
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.record))

    def dataclass(self, cls: type[T], data: Any, path: str) -> T | Any:
        if not isinstance(data, dict):
            self.fail(path or "(رکورد)", "باید شیء JSON باشد")
            return _MISSING
        known = _dataclass_fields.get(cls)
        if known is None:
            hints = _hints(cls)
            fields = tuple((f.name, _field_converter(f.name, hints[f.name]))
                           for f in dataclasses.fields(cls))  # type: ignore[arg-type]
            known = (frozenset(name for name, _ in fields), fields)
            _dataclass_fields[cls] = known
        names, fields = known
        if not names.issuperset(data):
            for key in data:
                if key not in names:
                    self.fail(_join(path, key), "فیلد ناشناخته است")
        kwargs: dict[str, Any] = {}
        prefix = f"{path}." if path else ""
        for name, convert in fields:
            if name in data:
                value = convert(self, data[name], prefix + name)
                if value is not _MISSING:
                    kwargs[name] = value
        return cls(**kwargs)


def _field_converter(name: str, tp: Any) -> Converter:
    convert = _converter(tp)
    if _optional_inner(tp)[1] is str and (name == "uuid" or name.endswith("_uuid")):
        return _uuid_field(convert, required=name == "uuid")
    return convert


def _raise() -> typing.NoReturn:
    raise ValueError


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


_MISSING = object()


def from_dict(cls: type[T], data: Any, record: str = "") -> T:
    """Builds ``cls`` from JSON data; raises ValidationError listing every bad value.

    Missing fields take their defaults, so older files with fewer fields still load.
    """
    decoder = _Decoder(record)
    result = decoder.dataclass(cls, data, "")
    if decoder.problems:
        raise ValidationError(decoder.problems)
    return typing.cast(T, result)


def record_items(document: Any, fmt: str, key: str, what_fa: str, required: bool = True) -> list[Any]:
    """The records listed under ``key`` in a file of the JSON format ``fmt`` (any version this
    build reads); a Persian error naming ``what_fa`` (the kind of file) for anything else."""
    if not isinstance(document, dict) or document.get("format") != fmt:
        raise GovsvcError(f"این پرونده، {what_fa} نیست (format باید «{fmt}» باشد)")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= FORMAT_VERSION:
        raise GovsvcError(
            f"نسخه قالب پرونده ({version}) را این نسخه برنامه نمی‌شناسد؛ برنامه را به‌روز کنید")
    items = document.get(key) if required else document.get(key) or []
    if not isinstance(items, list):
        raise GovsvcError(f"فهرست {key} در پرونده نیست")
    if len(items) > MAX_RECORDS:
        raise GovsvcError(
            f"پرونده {format_int(len(items))} رکورد «{key}» دارد؛ بیشینهٔ یک پرونده "
            f"{format_int(MAX_RECORDS)} رکورد است. آن را در چند پرونده بفرستید")
    return items


def decode_records(
    cls: type[T], items: list[Any], name_of: Callable[[int, Any], str],
    check: Callable[[T, str], list[Problem]],
) -> tuple[list[T], list[Problem]]:
    """Every record decoded and checked, with all the problems of all of them (each named by
    ``name_of(index, data)``), so one import reports everything at once."""
    problems: list[Problem] = []
    result: list[T] = []
    for i, data in enumerate(items):
        name = name_of(i, data)
        try:
            record = from_dict(cls, data, record=name)
        except ValidationError as exc:
            problems += exc.problems
            continue
        problems += check(record, name)
        result.append(record)
    return result, problems


def json_schema(cls: type, title: str, describe: Callable[[str], str] | None = None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a dataclass, generated from the same type hints and the
    same value rules (``constraints``) that decoding and validation apply."""
    defs: dict[str, Any] = {}
    field_traits: dict[tuple[str, str], Any] = {}

    def plain(tp: type, rule_owner: str, name: str) -> dict[str, Any]:
        base: dict[str, Any] = {bool: {"type": "boolean"}, int: {"type": "integer"},
                                float: {"type": "number"}, str: {"type": "string"}}[tp]
        rule = rule_for(rule_owner, name, tp, field_traits.get((rule_owner, name), ()))
        return {**base, **schema_keywords(rule, tp)} if rule is not None else base

    def schema_of(tp: Any, owner: str, name: str) -> dict[str, Any]:
        optional, inner = _optional_inner(tp)
        if optional:
            return {"anyOf": [schema_of(inner, owner, name), {"type": "null"}]}
        if get_origin(tp) is list:
            return {"type": "array", "items": schema_of(get_args(tp)[0], owner, name)}
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            ref = tp.__name__
            if ref not in defs:
                defs[ref] = {}
                defs[ref] = object_schema(tp)
            return {"$ref": f"#/$defs/{ref}"}
        if isinstance(tp, type) and issubclass(tp, Choice):
            return {"type": "string", "enum": [m.value for m in tp],
                    "description": "، ".join(f"{m.value}: {m.label_fa}" for m in tp)}
        return plain(tp, owner, name)

    def object_schema(dc: type) -> dict[str, Any]:
        hints = _hints(dc)
        props = {}
        for f in dataclasses.fields(dc):
            field_traits[(dc.__name__, f.name)] = f.metadata.get("traits", ())
            prop = schema_of(hints[f.name], dc.__name__, f.name)
            if describe is not None and describe(f.name):
                prop = {**prop, "description": describe(f.name)}
            props[f.name] = prop
        doc = (dc.__doc__ or "").strip().split("\n")[0]
        return {"type": "object", "description": doc, "properties": props,
                "additionalProperties": False}

    root = object_schema(cls)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
            **root, "$defs": defs}
