"""Services given without a central ID, proposed by a province (seed 000 Art. 9).

Provincial and county units find services they deliver that have no service ID; the
province proposes them to the centre once a year. The centre's answer (an ID, or a refusal)
arrives in a reply bundle.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from govsvc_desktop.domain.calendar import date_problems
from govsvc_desktop.domain.choices import Choice
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.model import new_uuid


class ProposalStatus(Choice):
    DRAFT = ("draft", "پیش‌نویس")
    PROPOSED = ("proposed", "پیشنهادشده به سازمان")
    UNDER_REVIEW = ("under_review", "در حال بررسی")
    ISSUED = ("issued", "شناسه صادر شد")
    REJECTED = ("rejected", "رد شد")


class DeliveryMode(Choice):
    ELECTRONIC = ("electronic", "الکترونیکی")
    IN_PERSON = ("in_person", "حضوری")
    BOTH = ("both", "الکترونیکی و حضوری")


@dataclass
class ServiceProposal:
    """A service being given without an ID, as a province proposes it."""

    uuid: str = field(default_factory=new_uuid)
    title: str = ""
    province: str = ""
    county: str = ""
    unit: str = ""
    delivery: DeliveryMode = DeliveryMode.IN_PERSON
    process: str = ""
    legal_basis: str = ""
    status: ProposalStatus = ProposalStatus.DRAFT
    proposed_on: str | None = None
    issued_service_id: str = ""
    issued_on: str | None = None
    centre_comment: str = ""
    passport_uuid: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""


# Persian names of the fields, for lists of what an import changes.
PROPOSAL_FIELDS = {
    "title": "عنوان خدمت", "province": "استان", "county": "شهرستان", "unit": "واحد ارائه‌دهنده",
    "delivery": "شیوهٔ ارائه", "process": "فرایند ارائه", "legal_basis": "مبنای قانونی",
    "status": "وضعیت", "proposed_on": "تاریخ پیشنهاد", "issued_service_id": "شناسهٔ صادرشده",
    "issued_on": "تاریخ صدور شناسه", "centre_comment": "نظر مرکز",
    "passport_uuid": "شناسنامهٔ خدمت",
}


def validate_proposal(p: ServiceProposal) -> list[Problem]:
    problems: list[Problem] = []
    if not p.title.strip():
        problems.append(Problem("title", "عنوان خدمت پیشنهادی خالی است"))
    if not p.province.strip():
        problems.append(Problem("province", "استان پیشنهاددهنده مشخص نیست"))
    problems += date_problems("proposed_on", p.proposed_on) + date_problems("issued_on", p.issued_on)
    if p.status is ProposalStatus.ISSUED and not p.issued_service_id:
        problems.append(Problem("issued_service_id", "برای وضعیت «شناسه صادر شد» شناسهٔ خدمت لازم است"))
    if p.issued_service_id and not (p.issued_service_id.isdigit()
                                    and 8 <= len(p.issued_service_id) <= 16):
        problems.append(Problem("issued_service_id", "شناسهٔ خدمت باید فقط رقم باشد"))
    if p.status is not ProposalStatus.DRAFT and not p.proposed_on:
        problems.append(Problem("proposed_on", "تاریخ پیشنهاد به سازمان لازم است"))
    return problems


# Proposals the centre has received and not answered yet: what a reply may answer.
AWAITING_CENTRE = frozenset({ProposalStatus.PROPOSED, ProposalStatus.UNDER_REVIEW})


def sent_to_centre(p: ServiceProposal) -> ServiceProposal:
    """The proposal once a bundle carrying it was written: the centre now reviews it."""
    if p.status is not ProposalStatus.PROPOSED:
        return p
    return replace(p, status=ProposalStatus.UNDER_REVIEW)


def centre_answer(p: ServiceProposal, on: str, service_id: str = "", refused: bool = False,
                  comment: str = "") -> ServiceProposal:
    """The proposal once the centre answered: the service ID it issued (dated ``on``), or its
    refusal; a comment, when given, replaces the centre's earlier one."""
    result = replace(p)
    if service_id:
        result.issued_service_id, result.issued_on = service_id, on
        result.status = ProposalStatus.ISSUED
    elif refused:
        result.status = ProposalStatus.REJECTED
    result.proposed_on = result.proposed_on or on
    result.centre_comment = comment.strip() or result.centre_comment
    return result


def answer_conflict(p: ServiceProposal, sent_revision: int | None, service_id: str) -> str | None:
    """Why the centre's answer cannot be applied to the proposal as it is here, or None."""
    if sent_revision is not None and p.revision != sent_revision:
        return "این خدمت پیشنهادی پس از ارسال، در این رایانه تغییر کرده است"
    if p.status not in AWAITING_CENTRE:
        return f"وضعیت خدمت پیشنهادی در این رایانه «{p.status.label_fa}» است، نه «در حال بررسی»"
    if service_id and p.issued_service_id and p.issued_service_id != service_id:
        return f"برای این خدمت شناسهٔ دیگری ثبت شده است ({p.issued_service_id})"
    return None
