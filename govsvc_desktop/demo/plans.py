"""Demo improvement plans with their quarterly reports, and 128 requests, for demo data and
benchmarks. Deterministic for a seed; made from the passports already in the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable

from govsvc_desktop.domain.choices import TimeUnit
from govsvc_desktop.domain.plans.model import (
    CLOSED_REQUEST_STATUSES,
    ActionStatus,
    Approach,
    Evidence,
    ImprovementPlan,
    IndicatorKind,
    IndicatorValue,
    PlanAction,
    PlanStatus,
    ProgressReport,
    QuarterValue,
    Request128,
    RequestStatus,
    Verification,
    VerificationResult,
)
from govsvc_desktop.domain.plans.quarters import next_quarter, quarter_bounds, quarter_of
from govsvc_desktop.store.uow import UnitOfWork

ACTION_TITLES = (
    "حذف استعلام کاغذی و جایگزینی با استعلام برخط",
    "یکپارچه‌سازی کاربرگ‌های درخواست",
    "استقرار پرداخت الکترونیکی تعرفه",
    "آموزش کارکنان دفاتر پیشخوان",
    "حذف مدارک قابل استعلام از فهرست مدارک",
    "راه‌اندازی پیگیری پیامکی درخواست",
    "بازطراحی گردش کار در سامانه",
)
CHALLENGES = ("کمبود اعتبار", "تأخیر در پاسخ استعلام دستگاه همکار", "نبود زیرساخت شبکه در شهرستان")
UNITS = ("اداره فناوری اطلاعات", "دفتر بهبود مدیریت", "معاونت توسعه مدیریت", "اداره امور متقاضیان")
PROVINCES = ("فارس", "اصفهان", "خراسان رضوی", "آذربایجان شرقی", "گیلان")
EVIDENCE = b"%PDF-1.4\n% demo evidence\n"
EVIDENCE_SHA = hashlib.sha256(EVIDENCE).hexdigest()


def make_plan(rng: random.Random, passport: tuple[str, str, str], today: dt.date,
              quarters: int = 8, history_days: int | None = None) -> ImprovementPlan:
    """One plan; it started up to 900 days ago, or ``history_days`` ago (plus up to a quarter)."""
    uuid, service_id, title = passport
    back = rng.randint(0, 900) if history_days is None else history_days + rng.randint(0, 90)
    first = quarter_of(today - dt.timedelta(days=back))
    codes = [first]
    for _ in range(quarters - 1):
        codes.append(next_quarter(codes[-1]))
    start, end = quarter_bounds(codes[0])[0], quarter_bounds(codes[-1])[1]
    plan = ImprovementPlan(uuid=new_uuid_from(rng), passport_uuid=uuid, service_id=service_id,
                           service_title=title, title=f"بهبود فرایند «{title}»",
                           period_start=start.isoformat(), period_end=end.isoformat(),
                           goals="کاهش زمان و هزینه ارائه خدمت و حذف مراجعه حضوری",
                           approaches=rng.sample(list(Approach), rng.randint(2, 4)))
    status = rng.choices(list(PlanStatus), weights=(2, 3, 8, 2, 1))[0]
    plan.status = status
    if status is not PlanStatus.DRAFT:
        plan.council_number = f"{rng.randint(10, 99)}/{rng.randint(100, 999)}"
        plan.council_date = (start - dt.timedelta(days=rng.randint(5, 40))).isoformat()
    if rng.random() < 0.2:
        plan.pilot_province = rng.choice(PROVINCES)
    cut = rng.choice((0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6))
    for ind in plan.indicators:
        if ind.kind is IndicatorKind.SERVICE_TIME:
            ind.before = float(rng.randint(5, 40))
            ind.target = round(ind.before * (1 - cut), 1)
            ind.before_time_unit = ind.target_time_unit = TimeUnit.WORKING_DAY
        elif ind.kind is IndicatorKind.COST:
            ind.before = float(rng.randint(10, 200) * 100_000)
            ind.target = round(ind.before * 0.6)
        else:
            ind.before = float(rng.randint(3, 15))
            ind.target = float(max(0, int(ind.before) - rng.randint(1, 3)))
    if cut < 0.3 and status is not PlanStatus.DRAFT:
        plan.below_target_justification = "الزام قانونی بازدید میدانی اجازه کاهش بیشتر نمی‌دهد"
        plan.standard_time_reference = "نامه ۱۴۰۳/۵۶۷ سازمان اداری و استخدامی: زمان استاندارد فرایند تأیید شد"
    day = start
    for i in range(rng.randint(3, 6)):
        length = rng.randint(30, 150)
        finish = day + dt.timedelta(days=length)
        past = finish < today
        state = (rng.choices([ActionStatus.DONE, ActionStatus.IN_PROGRESS], weights=(8, 2))[0] if past
                 else rng.choice([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS]))
        plan.actions.append(PlanAction(
            action_id=f"a{i + 1}", title=rng.choice(ACTION_TITLES), responsible_unit=rng.choice(UNITS),
            start=day.isoformat(), end=finish.isoformat(), status=state,
            percent_done=100 if state is ActionStatus.DONE else rng.randint(0, 90),
            depends_on=[f"a{i}"] if i and rng.random() < 0.5 else []))
        day = finish - dt.timedelta(days=rng.randint(0, 20))
    if status in (PlanStatus.IN_PROGRESS, PlanStatus.DONE, PlanStatus.APPROVED):
        for k, code in enumerate(codes):
            if quarter_bounds(code)[1] >= today or rng.random() < 0.1:
                continue
            share = (k + 1) / len(codes)
            values = []
            for ind in plan.indicators:
                if ind.before is None or ind.target is None:
                    continue
                value = round(ind.before - (ind.before - ind.target) * share, 1)
                ind.achieved.append(QuarterValue(code, value))
                values.append(IndicatorValue(ind.label, value))
            plan.reports.append(ProgressReport(
                quarter=code, narrative="اقدامات برنامه طبق زمان‌بندی پیش رفت.", values=values,
                evidence=[Evidence("گزارش-شواهد.pdf", EVIDENCE_SHA, len(EVIDENCE), "application/pdf")],
                challenges=rng.choice(CHALLENGES), remedies="پیگیری از طریق کارگروه استانی",
                submitted_on=(quarter_bounds(code)[1] + dt.timedelta(days=rng.randint(1, 15))).isoformat()))
    if status is PlanStatus.DONE:
        plan.verifications.append(Verification(
            verifier="کارشناس سازمان مدیریت و برنامه‌ریزی استان", verifier_org="استانداری",
            date=end.isoformat(), values=[IndicatorValue(i.label, i.target) for i in plan.indicators],
            result=VerificationResult.CONFIRMED))
    return plan


def new_uuid_from(rng: random.Random) -> str:
    import uuid

    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def make_request(rng: random.Random, passport: tuple[str, str, str], plan_uuid: str,
                 today: dt.date, number: int) -> Request128:
    received = today - dt.timedelta(days=rng.randint(0, 120))
    request = Request128(
        uuid=new_uuid_from(rng), reference=f"128-{1404_0000 + number}", received_on=received.isoformat(),
        subject=f"تأخیر در ارائه «{passport[2]}»", description="شکایت مردمی از طولانی شدن فرایند",
        passport_uuid=passport[0], service_title=passport[2],
        deadline=(received + dt.timedelta(days=rng.choice((7, 15, 30)))).isoformat(),
        status=rng.choice(list(RequestStatus)), plan_uuid=plan_uuid)
    if request.status in CLOSED_REQUEST_STATUSES:
        request.response = "فرایند بازبینی شد و مرحله‌های تکراری حذف شد"
    return request


def populate_plans(uow_factory: Callable[[], UnitOfWork], count: int, seed: int = 1,
                   today: dt.date | None = None, requests_every: int = 4,
                   quarters: int = 8, history_days: int | None = None) -> int:
    """Plans for the first ``count`` passports (by title), with reports and evidence, and a 128
    request for every ``requests_every``-th plan; one transaction."""
    from sqlalchemy import select

    from govsvc_desktop.store.tables import passports

    day = today or dt.date.today()
    rng = random.Random(seed * 7919)
    with uow_factory() as uow:
        rows = uow.conn.execute(select(passports.c.uuid, passports.c.service_id, passports.c.title)
                                .order_by(passports.c.title_key, passports.c.uuid).limit(count)).all()
        uow.plans.put_evidence(EVIDENCE_SHA, EVIDENCE)
        batch: list[ImprovementPlan] = []
        requests: list[Request128] = []
        now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        for i, row in enumerate(rows):
            plan = make_plan(rng, (row[0], row[1], row[2]), day, quarters, history_days)
            plan.revision, plan.created_at, plan.updated_at = 1, now, now
            batch.append(plan)
            if requests_every and i % requests_every == 0:
                r = make_request(rng, (row[0], row[1], row[2]), plan.uuid, day, i)
                r.revision, r.created_at, r.updated_at = 1, now, now
                requests.append(r)
            if len(batch) >= 500:
                uow.plans.insert_many(batch)
                batch = []
        uow.plans.insert_many(batch)
        uow.plans.insert_requests(requests)
        uow.commit()
    return len(rows)
