"""Services given without a central ID, proposed by a province (seed 000 Art. 9).

Provincial and county units find services they deliver that have no service ID; the
province proposes them to the centre once a year. The centre's answer (an ID, or a refusal)
arrives in a reply bundle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .calendar import date_problems
from .choices import Choice
from .errors import Problem
from .passport import new_uuid


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
        problems.append(Problem("issued_service_id", "شناسهٔ خدمت باید ۸ تا ۱۶ رقم باشد"))
    if p.status is not ProposalStatus.DRAFT and not p.proposed_on:
        problems.append(Problem("proposed_on", "تاریخ پیشنهاد به سازمان لازم است"))
    return problems
