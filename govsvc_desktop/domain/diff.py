"""Field-level differences between two versions of a record, for the audit trail and conflicts."""

from __future__ import annotations

import json
from typing import Any

from govsvc_desktop.domain.codec import to_dict

IGNORED = frozenset({"revision", "updated_at", "created_at"})


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """``{"fees": [{"sheba": x}]}`` → ``{"fees[0].sheba": x}``; empty lists keep a marker."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        for i, value in enumerate(data):
            out.update(flatten(value, f"{prefix}[{i}]"))
    else:
        out[prefix] = data
    return out


def changes(old: dict[str, Any] | None, new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(path, old value, new value) for every field that differs, in the new record's order."""
    before = flatten(old or {})
    after = flatten(new)
    result = []
    for path, value in after.items():
        if path.split(".")[0].split("[")[0] in IGNORED:
            continue
        if before.get(path) != value:
            result.append((path, before.get(path), value))
    for path, value in before.items():
        if path not in after and path.split("[")[0] not in IGNORED:
            result.append((path, value, None))
    return result


def show(value: Any) -> str:
    """A value as the audit table stores it: text as is, other values as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def import_outcome(
    current: Any, incoming: Any, base: int | None = None,
) -> tuple[str, list[tuple[str, Any, Any]]]:
    """What importing ``incoming`` over the stored ``current`` (records with a revision and an
    update time) would do, and the fields it would change: "create", "unchanged", "update",
    or "conflict" when the record was changed here, which is never overwritten silently.

    ``base`` is the revision the record had here after it last went out or came in with a
    bundle: changed here since is a conflict, whatever the revision numbers of the other
    office say. Without such a history the newer revision, then the later update, wins.
    """
    if current is None:
        return "create", []
    diff = changes(to_dict(current), to_dict(incoming))
    if not diff:
        return "unchanged", diff
    if base is not None:
        changed_here = current.revision != base
        older = incoming.updated_at < current.updated_at
        return ("conflict" if changed_here or older else "update"), diff
    if current.revision > incoming.revision or (
            current.updated_at > incoming.updated_at and current.revision >= incoming.revision):
        return "conflict", diff
    return "update", diff
