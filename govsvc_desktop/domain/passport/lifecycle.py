"""The passport life cycle: draft → reviewed → approved → sent → accepted or returned.

Which step is allowed from which status and who may take it come from the one table in
``rules``; this module says what each step records. The services call ``transition`` and
write the result through their write gate; nothing else changes a status.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.choices import Role, Status
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied, ValidationError
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.passport.validation import validate


@dataclass(frozen=True)
class Actor:
    """The person doing the work, as recorded in the audit; they hold only the roles given."""

    name: str
    roles: frozenset[Role] = frozenset()
    username: str = "local"

    def can(self, role: Role) -> bool:
        return rules.holds(self.roles, frozenset({role}))


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

def _from_table() -> dict[str, tuple[frozenset[Status], Status, frozenset[Role]]]:
    """action: (allowed from, resulting status, roles), as the rules table says."""
    table = {}
    for action in ACTION_LABELS_FA:
        rule = next(r for r in rules.rules_for(rules.PASSPORT) if r.action == action)
        assert rule.target is not None
        table[action] = (frozenset(Status(s) for s in rule.sources), Status(rule.target), rule.roles)
    return table


_RULES = _from_table()

EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.REVIEWED, Status.RETURNED})


def allowed_actions(p: ServicePassport, actor: Actor) -> list[str]:
    """Actions the actor may take on the passport now, in the order a menu shows them."""
    return [a for a, (sources, _, roles) in _RULES.items()
            if p.status in sources and rules.holds(actor.roles, roles)]


def target_status(status: Status, action: str, actor: Actor) -> Status:
    """The status ``action`` leads to from ``status``; a Persian error when it is not allowed
    from there or not for this actor."""
    if action not in _RULES:
        raise GovsvcError(f"عملیات ناشناخته: {action}")
    sources, target, roles = _RULES[action]
    if status not in sources:
        allowed = "، ".join(s.label_fa for s in sources)
        raise GovsvcError(
            f"«{ACTION_LABELS_FA[action]}» برای رکوردی با وضعیت «{status.label_fa}» ممکن نیست؛ "
            f"وضعیت باید یکی از این‌ها باشد: {allowed}"
        )
    if not rules.holds(actor.roles, roles):
        needed = "، ".join(sorted(r.label_fa for r in roles))
        raise PermissionDenied(f"«{ACTION_LABELS_FA[action]}» فقط از عهده نقش «{needed}» برمی‌آید")
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
    result.approval_signature = ""
    return result


# Life-cycle stamps: where a passport stands, set only by the steps above (revision and
# times are the write gate's).
STAMP_FIELDS = tuple(sorted(rules.PASSPORT_LIFECYCLE_FIELDS - {"revision", "created_at", "updated_at"}))


def as_edit(current: ServicePassport, edited: ServicePassport) -> ServicePassport:
    """``edited`` as an edit of ``current`` may save it: the content as edited, the life-cycle
    stamps as stored; a reviewed record whose content changes goes back to draft."""
    result = copy.deepcopy(edited)
    for name in STAMP_FIELDS:
        setattr(result, name, copy.deepcopy(getattr(current, name)))
    if current.status is Status.REVIEWED and rules.content_changes(
            rules.PASSPORT, _changed_paths(current, result)):
        result.status = Status.DRAFT
    return result


def as_new_draft(p: ServicePassport) -> ServicePassport:
    """A record arriving without a history here: a draft, whatever stamps it came with."""
    result = copy.deepcopy(p)
    result.status = Status.DRAFT
    result.reviewed_by = result.approved_by = result.centre_comment = result.approval_signature = ""
    result.reviewed_on = result.approved_on = result.sent_on = result.centre_decision_on = None
    return result


def _changed_paths(a: ServicePassport, b: ServicePassport) -> list[str]:
    from govsvc_desktop.domain.codec import to_dict

    left, right = to_dict(a), to_dict(b)
    return [k for k in set(left) | set(right) if left.get(k) != right.get(k)]
