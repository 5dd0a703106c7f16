"""What the head of the agency signs when approving: the approval statement.

The statement is canonical JSON (keys sorted, no spaces, UTF-8) of the record's content — every
field but the life-cycle ones — with the approver's name and the approval date, Gregorian and
Jalali. The same bytes are rebuilt from the record whenever the approval is checked, so any
change to the content, the name or the date after signing shows the approval as broken.
The approval's hash (SHA-256 of the statement) is what the printed form's QR code carries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.rules import PLAN, PLAN_EXECUTION_FIELDS, lifecycle_fields

STATEMENT_FORMAT = "govsvc.approval"
STATEMENT_VERSION = 1


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def content_of(record_type: str, record: Any) -> dict[str, Any]:
    """The record's content as signed: every field except those of its life cycle (and, for
    a plan, what its execution records afterwards: reports, verification, action progress)."""
    life = lifecycle_fields(record_type) | {"approval_signature"}
    if record_type == PLAN:
        life |= PLAN_EXECUTION_FIELDS
    return {k: v for k, v in to_dict(record).items() if k not in life}


def statement(record_type: str, record: Any, approved_by: str, approved_on: str) -> bytes:
    """The bytes the head signs for ``record`` approved by ``approved_by`` on ``approved_on``."""
    day = dt.date.fromisoformat(approved_on)
    return canonical_json({
        "format": STATEMENT_FORMAT,
        "format_version": STATEMENT_VERSION,
        "record_type": record_type,
        "uuid": record.uuid,
        "approved_by": approved_by,
        "approved_on": approved_on,
        "approved_on_jalali": format_jalali(day, persian_digits=False),
        "content": content_of(record_type, record),
    })


def approval_hash(statement_bytes: bytes) -> str:
    return hashlib.sha256(statement_bytes).hexdigest()


@dataclass(frozen=True)
class ApprovalCheck:
    """How a record's approval stands: signed or not, intact, by a trusted certificate."""

    signed: bool
    intact: bool = False
    trusted: bool = False
    signer: str = ""
    fingerprint: str = ""
    approval_hash: str = ""
    reason_fa: str = ""

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.trusted

    def summary_fa(self) -> str:
        if not self.signed:
            return "تأیید امضای رئیس دستگاه را ندارد"
        if self.ok:
            return f"امضای تأیید معتبر است (امضاکننده: {self.signer})"
        return f"امضای تأیید شکسته است: {self.reason_fa}"
