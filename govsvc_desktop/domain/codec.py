"""The JSON format: domain dataclasses to plain dicts and back, and its JSON Schema.

This is the one contract shared by the CLI, bundles and Excel. Field names are the dataclass
field names, enumerations are their English codes, dates ISO strings. Decoding checks every
value's type and reports all problems at once, each with its field path, in Persian.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from .choices import Choice
from .errors import Problem, ValidationError

T = TypeVar("T")
FORMAT_VERSION = 1

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


class _Decoder:
    def __init__(self, record: str) -> None:
        self.record = record
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, self.record))

    def value(self, tp: Any, data: Any, path: str) -> Any:
        optional, inner = _optional_inner(tp)
        if data is None:
            if optional:
                return None
            self.fail(path, "مقدار خالی (null) برای این فیلد مجاز نیست")
            return _MISSING
        tp = inner
        if get_origin(tp) is list:
            if not isinstance(data, list):
                self.fail(path, "باید فهرست (آرایه) باشد")
                return _MISSING
            (item_tp,) = get_args(tp)
            items = [self.value(item_tp, item, f"{path}[{i}]") for i, item in enumerate(data)]
            return [v for v in items if v is not _MISSING]
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return self.dataclass(tp, data, path)
        if isinstance(tp, type) and issubclass(tp, Choice):
            try:
                return tp.parse(data) if isinstance(data, str) else _raise()
            except ValueError:
                allowed = "، ".join(f"{m.value} ({m.label_fa})" for m in tp)
                self.fail(path, f"مقدار «{data}» مجاز نیست؛ یکی از این‌ها باشد: {allowed}")
                return _MISSING
        if tp is bool:
            if isinstance(data, bool):
                return data
        elif tp is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
            if isinstance(data, float) and data.is_integer():
                return int(data)
        elif tp is float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                return float(data)
        elif tp is str:
            if isinstance(data, str):
                return data
        else:  # pragma: no cover - a model field of a type this codec does not know
            raise TypeError(f"unsupported field type {tp!r} at {path}")
        self.fail(path, f"باید {_TYPE_NAMES_FA[tp]} باشد، نه «{data}»")
        return _MISSING

    def dataclass(self, cls: type[T], data: Any, path: str) -> T | Any:
        if not isinstance(data, dict):
            self.fail(path or "(رکورد)", "باید شیء JSON باشد")
            return _MISSING
        hints = _hints(cls)
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for key in data:
            if key not in names:
                self.fail(_join(path, key), "فیلد ناشناخته است")
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = self.value(hints[f.name], data[f.name], _join(path, f.name))
            if value is not _MISSING:
                kwargs[f.name] = value
        return cls(**kwargs)


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


def json_schema(cls: type, title: str, describe: Callable[[str], str] | None = None) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a dataclass, generated from the same type hints."""
    defs: dict[str, Any] = {}

    def schema_of(tp: Any) -> dict[str, Any]:
        optional, inner = _optional_inner(tp)
        if optional:
            return {"anyOf": [schema_of(inner), {"type": "null"}]}
        if get_origin(tp) is list:
            return {"type": "array", "items": schema_of(get_args(tp)[0])}
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            name = tp.__name__
            if name not in defs:
                defs[name] = {}
                defs[name] = object_schema(tp)
            return {"$ref": f"#/$defs/{name}"}
        if isinstance(tp, type) and issubclass(tp, Choice):
            return {"type": "string", "enum": [m.value for m in tp],
                    "description": "، ".join(f"{m.value}: {m.label_fa}" for m in tp)}
        return {bool: {"type": "boolean"}, int: {"type": "integer"},
                float: {"type": "number"}, str: {"type": "string"}}[tp]

    def object_schema(dc: type) -> dict[str, Any]:
        hints = _hints(dc)
        props = {}
        for f in dataclasses.fields(dc):
            prop = schema_of(hints[f.name])
            if describe is not None and describe(f.name):
                prop = {**prop, "description": describe(f.name)}
            props[f.name] = prop
        doc = (dc.__doc__ or "").strip().split("\n")[0]
        return {"type": "object", "description": doc, "properties": props,
                "additionalProperties": False}

    root = object_schema(cls)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title,
            **root, "$defs": defs}
