"""The passport life cycle: draft → reviewed → approved → sent → accepted or returned.

Which step is allowed from which status, who may take it and what it records. The services
call ``transition`` and save the result; nothing else changes a status.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from .choices import Role, Status
from .errors import GovsvcError, PermissionDenied, ValidationError
from .passport import APPROVED_STATUSES, ServicePassport
from .validation import validate


@dataclass(frozen=True)
class Actor:
    """The person doing the work, as recorded in the audit."""

    name: str
    roles: frozenset[Role] = field(default_factory=lambda: frozenset(Role))
    username: str = "local"

    def can(self, role: Role) -> bool:
        return role in self.roles or Role.ADMIN in self.roles and role is not Role.HEAD


class Action:
    SUBMIT_REVIEW = "review"
    SEND_BACK = "send_back"
    APPROVE = "approve"
    MARK_SENT = "mark_sent"
    ACCEPT = "accept"
    RETURN = "return"
    REOPEN = "reopen"


ACTION_LABELS_FA = {
    Action.SUBMIT_REVIEW: "ثبت بررسی",
    Action.SEND_BACK: "بازگرداندن به پیش‌نویس",
    Action.APPROVE: "تأیید رئیس دستگاه",
    Action.MARK_SENT: "ثبت ارسال به سامانه",
    Action.ACCEPT: "پذیرش مرکز",
    Action.RETURN: "برگشت از مرکز",
    Action.REOPEN: "بازکردن برای اصلاح",
}

# action: (allowed from, resulting status, role needed)
_RULES: dict[str, tuple[frozenset[Status], Status, Role]] = {
    Action.SUBMIT_REVIEW: (frozenset({Status.DRAFT, Status.RETURNED}), Status.REVIEWED, Role.REVIEWER),
    Action.SEND_BACK: (frozenset({Status.REVIEWED}), Status.DRAFT, Role.REVIEWER),
    Action.APPROVE: (frozenset({Status.REVIEWED}), Status.APPROVED, Role.HEAD),
    Action.MARK_SENT: (frozenset({Status.APPROVED}), Status.SENT, Role.PREPARER),
    Action.ACCEPT: (frozenset({Status.SENT}), Status.ACCEPTED, Role.ADMIN),
    Action.RETURN: (frozenset({Status.SENT}), Status.RETURNED, Role.ADMIN),
    Action.REOPEN: (frozenset({Status.RETURNED}), Status.DRAFT, Role.PREPARER),
}

EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.REVIEWED, Status.RETURNED})


def allowed_actions(p: ServicePassport, actor: Actor) -> list[str]:
    """Actions the actor may take on the passport now, in the order a menu shows them."""
    return [a for a, (sources, _, role) in _RULES.items() if p.status in sources and actor.can(role)]


def target_status(status: Status, action: str, actor: Actor) -> Status:
    """The status ``action`` leads to from ``status``; a Persian error when it is not allowed
    from there or not for this actor."""
    if action not in _RULES:
        raise GovsvcError(f"عملیات ناشناخته: {action}")
    sources, target, role = _RULES[action]
    if status not in sources:
        allowed = "، ".join(s.label_fa for s in sources)
        raise GovsvcError(
            f"«{ACTION_LABELS_FA[action]}» برای رکوردی با وضعیت «{status.label_fa}» ممکن نیست؛ "
            f"وضعیت باید یکی از این‌ها باشد: {allowed}"
        )
    if not actor.can(role):
        raise PermissionDenied(
            f"«{ACTION_LABELS_FA[action]}» فقط از عهده نقش «{role.label_fa}» برمی‌آید"
        )
    return target


def stamped_fields(action: str, actor: Actor, on: dt.date, comment: str = "") -> dict[str, str]:
    """What an action records on the passport besides its status: who and when."""
    iso = on.isoformat()
    if action == Action.SUBMIT_REVIEW:
        return {"reviewed_by": actor.name, "reviewed_on": iso, "review_comment": ""}
    if action == Action.SEND_BACK:
        if not comment.strip():
            raise GovsvcError("برای بازگرداندن به پیش‌نویس، نظر بررسی‌کننده لازم است")
        return {"review_comment": comment.strip()}
    if action == Action.APPROVE:
        return {"approved_by": actor.name, "approved_on": iso}
    if action == Action.MARK_SENT:
        return {"sent_on": iso}
    if action in (Action.ACCEPT, Action.RETURN):
        if action == Action.RETURN and not comment.strip():
            raise GovsvcError("برای برگشت دادن رکورد، نظر مرکز لازم است")
        return {"centre_decision_on": iso, "centre_comment": comment}
    return {}


def transition(
    p: ServicePassport,
    action: str,
    actor: Actor,
    on: dt.date,
    comment: str = "",
) -> ServicePassport:
    """A copy of the passport after ``action``; raises a Persian error when it is not allowed.

    Approval requires every validation rule to pass, not only the ones a draft must meet
    (warnings excepted: docs/rules.md).
    """
    target = target_status(p.status, action, actor)
    stamps = stamped_fields(action, actor, on, comment)
    result = copy.deepcopy(p)
    result.status = target
    for name, value in stamps.items():
        setattr(result, name, value)
    if action == Action.APPROVE:
        problems = [pr for pr in validate(result) if pr.blocks_approval]
        if problems:
            raise ValidationError(problems, "پیش از تأیید، این موارد باید اصلاح شوند")
    return result


def renew(p: ServicePassport) -> ServicePassport:
    """The next edition of an approved passport, as a draft to update and approve again.

    The caller archives the current edition first so the old one stays readable.
    """
    if p.status not in APPROVED_STATUSES:
        raise GovsvcError("فقط شناسنامه تأییدشده را می‌توان تمدید کرد")
    result = copy.deepcopy(p)
    result.edition = p.edition + 1
    result.status = Status.DRAFT
    for name in ("reviewed_on", "approved_on", "sent_on", "centre_decision_on"):
        setattr(result, name, None)
    result.reviewed_by = result.approved_by = result.centre_comment = result.review_comment = ""
    return result
