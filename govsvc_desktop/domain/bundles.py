"""What bundles mean for records: history entries, the centre's decisions, planned changes.

Pure data and rules; the files themselves are the exchange layer's business and the
database's the store's. The reply format (``decisions_to_document`` / ``parse_decisions``)
is documented in docs/bundles.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import Problem, ValidationError
from govsvc_desktop.domain.identifiers import canonical_service_id
from govsvc_desktop.domain.persian import to_persian_digits

SENT = "sent"
RECEIVED = "received"
ACCEPTED = "accepted"
RETURNED = "returned"
DECISIONS = (ACCEPTED, RETURNED)
DECISION_LABELS_FA = {ACCEPTED: "پذیرش", RETURNED: "برگشت"}
# Records a reply may answer; a returned proposal is one the centre turned down, a returned
# cycle step one whose validation the centre refused (with its reasons).
ANSWERED_TYPES = ("passport", "proposal", "step")


@dataclass(frozen=True)
class BundleEntry:
    """One bundle in the history: sent from here or received, with its fingerprint."""

    id: int
    sha256: str
    direction: str
    kind: str
    bundle_id: str
    sequence: int
    created_at: str
    recorded_at: str
    delta: bool = False
    follows: str | None = None
    in_reply_to: str | None = None
    agency: str = ""
    province: str = ""
    sender: str = ""
    signer: str = ""
    signer_fingerprint: str = ""
    recorded_by: str = ""
    file_name: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    acknowledged_at: str | None = None
    acknowledged_by: str | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


@dataclass(frozen=True)
class CentreDecision:
    """The centre's answer about one record: accept or return (with a comment), and/or the
    service ID it issued; ``revision`` is the record's revision in the bundle answered."""

    uuid: str
    revision: int
    title: str = ""
    decision: str | None = None
    comment: str = ""
    service_id: str = ""
    record_type: str = "passport"  # or "proposal": a service proposed without an ID

    def describe_fa(self) -> str:
        parts = []
        if self.decision:
            parts.append(DECISION_LABELS_FA[self.decision])
        if self.comment:
            parts.append(f"نظر مرکز: {self.comment}")
        if self.service_id:
            parts.append(f"شناسهٔ خدمت: {to_persian_digits(self.service_id)}")
        return "، ".join(parts)


@dataclass
class PlannedChange:
    """One line of "what this import would do": a record, how it changes, and why."""

    record_type: str
    uuid: str
    title: str
    outcome: str
    fields: list[str] = field(default_factory=list)
    reason_fa: str = ""
    decision: CentreDecision | None = None

    @property
    def is_conflict(self) -> bool:
        return self.outcome == "conflict"


def changed_since(current: Mapping[str, int], known: Mapping[str, int]) -> list[str]:
    """UUIDs whose revision differs from what the centre is known to hold (or are new to it)."""
    return [uuid for uuid, revision in current.items() if known.get(uuid) != revision]


def decision_conflict(
    status: Status, revision: int, expected_revision: int | None, current_service_id: str,
    d: CentreDecision,
) -> str | None:
    """Why the centre's decision cannot be applied to the local record as it is now, or None.

    ``expected_revision`` is the revision the record had once marked sent with the bundle
    answered (None when this database holds no record of that).
    """
    if expected_revision is not None and revision != expected_revision:
        return "این رکورد پس از ارسال، در این رایانه تغییر کرده است"
    if d.decision and status is not Status.SENT:
        return f"وضعیت رکورد در این رایانه «{status.label_fa}» است، نه «ارسال‌شده»"
    if d.service_id and current_service_id and current_service_id != d.service_id:
        return f"رکورد در این رایانه شناسهٔ خدمت دیگری دارد ({current_service_id})"
    return None


def decisions_to_document(
    decisions: Iterable[CentreDecision], in_reply_to: Mapping[str, Any], version: int
) -> dict[str, Any]:
    return {
        "format": "govsvc.reply",
        "format_version": version,
        "in_reply_to": dict(in_reply_to),
        "decisions": [
            {
                "uuid": d.uuid,
                "revision": d.revision,
                "title": d.title,
                "decision": d.decision,
                "comment": d.comment,
                "service_id": d.service_id,
                "record_type": d.record_type,
            }
            for d in decisions
        ],
    }


def _decision_problems(item: Any) -> tuple[list[str], CentreDecision | None]:
    if not isinstance(item, dict):
        return ["باید شیء JSON باشد"], None
    problems: list[str] = []
    uuid, revision = item.get("uuid"), item.get("revision")
    decision, comment = item.get("decision"), item.get("comment", "")
    service_id, title = item.get("service_id", ""), item.get("title", "")
    record_type = item.get("record_type", "passport")
    unknown = set(item) - {"uuid", "revision", "title", "decision", "comment", "service_id",
                           "record_type"}
    if unknown:
        problems.append(f"فیلد ناشناخته: {', '.join(sorted(unknown))}")
    if not isinstance(uuid, str) or not uuid:
        problems.append("uuid ندارد")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        problems.append("revision باید عدد صحیح مثبت باشد")
    if decision is not None and decision not in DECISIONS:
        problems.append(f"تصمیم «{decision}» شناخته نیست")
    if record_type not in ANSWERED_TYPES:
        problems.append(f"نوع رکورد «{record_type}» شناخته نیست")
    elif record_type == "proposal" and decision == ACCEPTED:
        problems.append("خدمت پیشنهادی با صدور شناسه پذیرفته می‌شود، نه با «پذیرش»")
    elif record_type == "step" and (decision is None or service_id):
        problems.append("به گام چرخه فقط با پذیرش یا برگشت اعتبارسنجی پاسخ داده می‌شود")
    if not all(isinstance(v, str) for v in (comment, service_id, title)):
        return [*problems, "comment و service_id و title باید متن باشند"], None
    if decision == RETURNED and not comment.strip():
        problems.append("برگشت بدون نظر مرکز پذیرفته نیست")
    if service_id and canonical_service_id(service_id) is None:
        problems.append(f"شناسهٔ خدمت «{service_id}» درست نیست")
    if decision is None and not service_id:
        problems.append("نه تصمیمی دارد نه شناسهٔ خدمتی")
    if problems:
        return problems, None
    sid = canonical_service_id(service_id) if service_id else ""
    number = revision if isinstance(revision, int) else 0
    return [], CentreDecision(str(uuid), number, title, decision, comment, sid or "",
                              str(record_type))


def parse_decisions(document: Mapping[str, Any]) -> list[CentreDecision]:
    """The decisions of a reply document; every bad item is reported at once."""
    problems: list[Problem] = []
    result: list[CentreDecision] = []
    seen: set[str] = set()
    for i, item in enumerate(document.get("decisions", [])):
        record = f"تصمیم {to_persian_digits(str(i + 1))}"
        found, decision = _decision_problems(item)
        problems += [Problem("decisions", p, record) for p in found]
        if decision is not None:
            if decision.uuid in seen:
                problems.append(Problem("uuid", "یک رکورد دو بار آمده است", record))
            seen.add(decision.uuid)
            result.append(decision)
    if problems:
        raise ValidationError(problems, "پاسخ مرکز خوانده نشد؛ چیزی تغییر نکرد")
    return result
