"""Who may write what: the one table every write is checked against, whatever its path.

A row says which role may move which kind of record from which state to which, and which of
its content may change on the way. The services' write gate asks ``authorise`` before every
insert, update and delete (editor, command line, JSON, Excel and bundle imports, restored
drafts, renewal, plans and the agency's records); the PostgreSQL grants and triggers of
shared mode are generated from the same rows, so a person writing SQL meets the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from govsvc_desktop.domain.choices import Role, Status
from govsvc_desktop.domain.errors import PermissionDenied
from govsvc_desktop.domain.passport.model import READ_ONLY_FIELDS

NEW = "∅"  # the state of a record that does not exist yet
ANY = "*"  # any state (records without a life cycle)
ALL_CONTENT: frozenset[str] | None = None  # a move that may change any content field

# actions besides the passport life cycle's own (lifecycle.Action)
CREATE = "create"
EDIT = "edit"
DELETE = "delete"
RENEW = "renew"
ISSUE_ID = "issue_id"
IMPORT_APPROVED = "import_approved"  # only with an approval signature that verifies
CENTRE_OVERRIDE = "centre_override"  # the centre's decision taken over a local change

PASSPORT = "passport"
PLAN = "plan"
REQUEST128 = "request128"
AGENCY_KINDS = ("licence", "proposal", "step", "report", "lesson", "chain")

# Fields that record where a passport stands in its life cycle rather than what it says.
# They change only through the life-cycle moves below, never by editing or importing.
# what the life cycle and the program stamp on a passport, as its fields declare it
PASSPORT_LIFECYCLE_FIELDS = frozenset(READ_ONLY_FIELDS) - {"uuid"}
PLAN_LIFECYCLE_FIELDS = frozenset({"status", "approved_by", "approved_on", "approval_signature",
                                   "revision", "created_at", "updated_at"})
# What a plan being carried out may still record: its reports, their verification and actions.
PLAN_EXECUTION_FIELDS = frozenset({"reports", "verifications", "actions"})


def lifecycle_fields(record_type: str) -> frozenset[str]:
    if record_type == PASSPORT:
        return PASSPORT_LIFECYCLE_FIELDS
    if record_type == PLAN:
        return PLAN_LIFECYCLE_FIELDS
    return frozenset({"revision", "created_at", "updated_at", "status"})


@dataclass(frozen=True)
class Rule:
    """One permitted move: ``roles`` may take a ``record_type`` from one of ``sources`` to
    ``target`` (None: the state stays), changing only ``fields`` of its content (None: any;
    empty: none)."""

    record_type: str
    action: str
    sources: frozenset[str]
    target: str | None
    roles: frozenset[Role]
    fields: frozenset[str] | None = frozenset()
    label_fa: str = ""


def _r(record_type: str, action: str, sources: set[str], target: str | None, roles: set[Role],
       fields: frozenset[str] | None = frozenset(), label: str = "") -> Rule:
    return Rule(record_type, action, frozenset(sources), target, frozenset(roles), fields, label)


_P = Role.PREPARER
_R = Role.REVIEWER
_H = Role.HEAD
_A = Role.ADMIN
D, RV, AP, SE, AC, RT = (s.value for s in (Status.DRAFT, Status.REVIEWED, Status.APPROVED,
                                           Status.SENT, Status.ACCEPTED, Status.RETURNED))

_ANSWER_FIELDS = frozenset({"issued_service_id", "issued_on", "proposed_on", "centre_comment"})

RULES: tuple[Rule, ...] = (
    # passports
    _r(PASSPORT, CREATE, {NEW}, D, {_P}, ALL_CONTENT, "ساختن پیش‌نویس"),
    _r(PASSPORT, EDIT, {D, RT}, None, {_P}, ALL_CONTENT, "ویرایش"),
    _r(PASSPORT, EDIT, {RV}, D, {_P, _R}, ALL_CONTENT, "ویرایش (به پیش‌نویس برمی‌گردد)"),
    _r(PASSPORT, "review", {D, RT}, RV, {_R}, label="ثبت بررسی"),
    _r(PASSPORT, "send_back", {RV}, D, {_R}, label="بازگرداندن به پیش‌نویس"),
    _r(PASSPORT, "approve", {RV}, AP, {_H}, label="تأیید رئیس دستگاه (امضا)"),
    _r(PASSPORT, "mark_sent", {AP}, SE, {_P}, label="ثبت ارسال به سامانه"),
    _r(PASSPORT, "accept", {SE}, AC, {_A}, frozenset({"service_id"}),
       "پذیرش مرکز (از پاسخ تأییدشدهٔ مرکز)"),
    _r(PASSPORT, "return", {SE}, RT, {_A}, frozenset({"service_id"}),
       "برگشت از مرکز (از پاسخ تأییدشدهٔ مرکز)"),
    *(_r(PASSPORT, CENTRE_OVERRIDE, {D, RV, AP, AC, RT}, target, {_A}, frozenset({"service_id"}),
         "تصمیم مرکز بر رکوردی که پس از ارسال اینجا تغییر کرده (به انتخاب کاربر)")
      for target in (AC, RT)),
    _r(PASSPORT, ISSUE_ID, {AP, SE, AC, RT}, None, {_A}, frozenset({"service_id"}),
       "شناسهٔ صادرشده از مرکز"),
    _r(PASSPORT, "reopen", {RT}, D, {_P}, label="بازکردن برای اصلاح"),
    _r(PASSPORT, RENEW, {AP, SE, AC}, D, {_P, _H}, label="تمدید (ویرایش تازه)"),
    _r(PASSPORT, IMPORT_APPROVED, {NEW, D, RV, RT, AP}, AP, {_H, _A}, ALL_CONTENT,
       "ورود شناسنامهٔ تأییدشده‌ای که امضای رئیس دستگاه روی آن درست است"),
    _r(PASSPORT, DELETE, {D}, None, {_P, _A}, label="حذف پیش‌نویسی که هرگز تأیید نشده"),
    # improvement plans
    _r(PLAN, CREATE, {NEW}, "draft", {_P}, ALL_CONTENT, "ساختن پیش‌نویس برنامه"),
    _r(PLAN, EDIT, {"draft"}, None, {_P}, ALL_CONTENT, "ویرایش برنامه"),
    _r(PLAN, EDIT, {"approved", "in_progress"}, None, {_P}, PLAN_EXECUTION_FIELDS,
       "ثبت گزارش‌ها، راستی‌آزمایی و پیشرفت اقدام‌ها"),
    _r(PLAN, EDIT, {"done"}, None, {_P}, frozenset({"reports", "verifications"}),
       "گزارش و راستی‌آزمایی برنامهٔ پایان‌یافته"),
    _r(PLAN, "approve", {"draft"}, "approved", {_H}, ALL_CONTENT, "تصویب برنامه"),
    _r(PLAN, "start", {"approved"}, "in_progress", {_H}, PLAN_EXECUTION_FIELDS, "آغاز اجرا"),
    _r(PLAN, "finish", {"in_progress"}, "done", {_H}, PLAN_EXECUTION_FIELDS, "پایان برنامه"),
    _r(PLAN, "cancel", {"draft"}, "cancelled", {_P, _H}, label="لغو پیش‌نویس برنامه"),
    _r(PLAN, "cancel", {"approved", "in_progress"}, "cancelled", {_H}, label="لغو برنامهٔ تصویب‌شده"),
    _r(PLAN, DELETE, {"draft"}, None, {_P, _A}, label="حذف پیش‌نویس برنامه"),
    # 128 requests: no life cycle of their own beyond their status
    _r(REQUEST128, CREATE, {NEW}, ANY, {_P}, ALL_CONTENT, "ثبت درخواست ۱۲۸"),
    _r(REQUEST128, EDIT, {ANY}, ANY, {_P}, ALL_CONTENT, "ویرایش درخواست ۱۲۸"),
    # the agency's own records
    *(_r(kind, CREATE, {NEW}, ANY, {_P}, ALL_CONTENT, "ثبت") for kind in AGENCY_KINDS
      if kind != "proposal"),
    *(_r(kind, EDIT, {ANY}, ANY, {_P}, ALL_CONTENT, "ویرایش") for kind in AGENCY_KINDS
      if kind != "proposal"),
    *(_r(kind, DELETE, {ANY}, None, {_P, _A}, label="حذف") for kind in AGENCY_KINDS
      if kind not in ("proposal", "step")),
    _r("proposal", CREATE, {NEW}, "draft", {_P}, ALL_CONTENT, "ثبت خدمت پیشنهادی"),
    _r("proposal", CREATE, {NEW}, "proposed", {_P}, ALL_CONTENT, "ثبت خدمت پیشنهادی"),
    _r("proposal", EDIT, {"draft", "proposed", "under_review"}, None, {_P}, ALL_CONTENT,
       "ویرایش خدمت پیشنهادی"),
    _r("proposal", "propose", {"draft"}, "proposed", {_P}, ALL_CONTENT, "پیشنهاد به سازمان"),
    _r("proposal", "withdraw", {"proposed"}, "draft", {_P}, ALL_CONTENT, "بازگرداندن به پیش‌نویس"),
    _r("proposal", "mark_sent", {"proposed"}, "under_review", {_P}, label="ارسال به مرکز"),
    *(_r("proposal", "answer", {"draft", "proposed", "under_review", "issued", "rejected"}, answer,
         {_A}, _ANSWER_FIELDS, "پاسخ مرکز: شناسهٔ صادرشده یا رد") for answer in ("issued", "rejected")),
    _r("proposal", EDIT, {"issued", "rejected"}, None, {_P}, frozenset({"passport_uuid"}),
       "پیوند خدمت پیشنهادی به شناسنامه"),
    _r("proposal", DELETE, {"draft", "proposed"}, None, {_P, _A}, label="حذف خدمت پیشنهادی"),
)

_KIND_LABELS = {PASSPORT: "شناسنامه", PLAN: "برنامهٔ بهبود", REQUEST128: "درخواست ۱۲۸",
                "licence": "مجوز", "proposal": "خدمت پیشنهادی", "step": "گام چرخه",
                "report": "گزارش نماینده", "lesson": "درس آموخته", "chain": "زنجیرهٔ خدمات"}


# Moves taken only when named: they carry a condition the table cannot see (a verified
# signature, the centre's reply, an archived edition, a never-approved record).
_EXPLICIT = frozenset({IMPORT_APPROVED, ISSUE_ID, RENEW, DELETE, CENTRE_OVERRIDE})


def holds(roles: frozenset[Role], needed: frozenset[Role]) -> bool:
    """Whether someone with ``roles`` holds one of ``needed``: an administrator does what a
    preparer or reviewer does, but approval stays with the head of the agency."""
    return any(r in roles or (Role.ADMIN in roles and r is not Role.HEAD) for r in needed)


def rules_for(record_type: str) -> list[Rule]:
    return [r for r in RULES if r.record_type == record_type]


def _matches(rule: Rule, source: str, target: str) -> bool:
    if source not in rule.sources and not (ANY in rule.sources and source != NEW):
        return False
    if rule.target is None:
        return target == source
    return rule.target in (target, ANY)


def _content_ok(rule: Rule, changed: frozenset[str]) -> bool:
    return rule.fields is None or changed <= rule.fields


def _state_label(record_type: str, state: str) -> str:
    from govsvc_desktop.domain.agency.proposals import ProposalStatus
    from govsvc_desktop.domain.plans.model import PlanStatus

    if state == NEW:
        return "تازه"
    if state == ANY:
        return "هر وضعیت"
    kinds: dict[str, type[Status] | type[PlanStatus] | type[ProposalStatus]] = {
        PASSPORT: Status, PLAN: PlanStatus, "proposal": ProposalStatus}
    try:
        return kinds[record_type](state).label_fa
    except (KeyError, ValueError):
        return state


def authorise(record_type: str, roles: frozenset[Role], source: str, target: str,
              changed: frozenset[str] = frozenset(), action: str | None = None) -> Rule:
    """The rule that permits this write, or PermissionDenied saying in Persian what is not
    allowed: the move itself, the role, or the fields changed in this state."""
    kind = _KIND_LABELS.get(record_type, record_type)
    moves = [r for r in rules_for(record_type) if _matches(r, source, target)
             and (r.action == action if action is not None else r.action not in _EXPLICIT)]
    if not moves and source == target:
        raise PermissionDenied(
            f"{kind} با وضعیت «{_state_label(record_type, source)}» ویرایش نمی‌شود؛ محتوای "
            "تأییدشده فقط با تمدید (ویرایش تازه) یا بازکردن برای اصلاح تغییر می‌کند")
    if not moves:
        raise PermissionDenied(
            f"بردن {kind} از وضعیت «{_state_label(record_type, source)}» به "
            f"«{_state_label(record_type, target)}» در هیچ مسیری مجاز نیست")
    fitting = [r for r in moves if _content_ok(r, changed)]
    if not fitting:
        fields = "، ".join(sorted(changed - (moves[0].fields or frozenset())))
        raise PermissionDenied(
            f"محتوای {kind} با وضعیت «{_state_label(record_type, source)}» تغییر نمی‌کند "
            f"({fields})؛ برای تغییر، آن را تمدید یا برای اصلاح باز کنید")
    for rule in fitting:
        if holds(roles, rule.roles):
            return rule
    needed = "، ".join(sorted({role.label_fa for r in fitting for role in r.roles}))
    raise PermissionDenied(f"«{fitting[0].label_fa}» برای {kind} فقط از عهدهٔ نقش «{needed}» برمی‌آید")


def content_changes(record_type: str, paths: list[str]) -> frozenset[str]:
    """The content fields (top-level names) among changed field paths, life cycle left out."""
    life = lifecycle_fields(record_type)
    tops = {p.split(".")[0].split("[")[0] for p in paths}
    return frozenset(t for t in tops if t and t not in life)


def table_rows() -> list[tuple[str, str, str, str, str, str]]:
    """The table as documents show it: kind, move, from, to, roles, content that may change."""
    rows = []
    for r in RULES:
        sources = "، ".join(sorted(_state_label(r.record_type, s) for s in r.sources))
        target = "همان" if r.target is None else _state_label(r.record_type, r.target)
        roles = "، ".join(sorted(role.label_fa for role in r.roles))
        fields = "همه" if r.fields is None else ("هیچ" if not r.fields else "، ".join(sorted(r.fields)))
        rows.append((r.record_type, r.label_fa or r.action, sources, target, roles, fields))
    return rows
