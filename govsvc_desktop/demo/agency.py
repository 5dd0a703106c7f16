"""Demo records of the agency's obligations: the licence list mapped to services (with the
mistakes a real list has), proposals from provinces, the nine steps part done, the
representative's reports, lessons, service chains, and event logs of electronic services.
Deterministic for a seed, like the passports they refer to."""

from __future__ import annotations

import csv
import datetime as dt
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from govsvc_desktop.domain.agency.cycle import (
    DIRECTIVE_DATE,
    ChainLink,
    CycleStepKey,
    LessonLearned,
    RepresentativeReport,
    ServiceChain,
    StepEvidence,
    StepStatus,
    default_steps,
)
from govsvc_desktop.domain.agency.licences import LicenceEntry
from govsvc_desktop.domain.agency.proposals import DeliveryMode, ProposalStatus, ServiceProposal
from govsvc_desktop.domain.calendar import add_jalali_months
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.services.agency import CHAINS, LESSONS, PROPOSALS, REPORTS, STEPS, AgencyService
from govsvc_desktop.services.session import Session
from govsvc_desktop.store.tables import passports

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App

PROVINCES = ("تهران", "اصفهان", "خراسان رضوی", "فارس", "آذربایجان شرقی", "سیستان و بلوچستان",
             "کرمان", "گیلان")
PROPOSED_TITLES = ("صدور گواهی عدم سوء پیشینه محلی", "ثبت درخواست انشعاب موقت کشاورزی",
                   "صدور معرفی‌نامه برای بیمه روستایی", "تأیید صلاحیت عشایر برای سهمیه سوخت",
                   "ثبت شکایت از کیفیت آب شرب روستا", "صدور برگ تردد دام",
                   "تمدید مجوز کارگاه خانگی صنایع دستی")
ACTIVITIES = ("ثبت درخواست", "بررسی مدارک", "استعلام ثبت احوال", "استعلام مالیاتی",
              "بازدید کارشناس", "تأیید رئیس واحد", "پرداخت هزینه", "صدور و ارسال پاسخ")
PEOPLE = ("کارشناس ۱", "کارشناس ۲", "کارشناس ۳", "رئیس اداره", "سامانه")


def populate_agency(app: App, seed: int = 1, log_events: int = 3_000) -> None:
    """Adds the agency-wide demo records through the services (so they are checked and
    audited), and an event log for two electronic services."""
    today = app.passports.today()
    with app.uow() as uow:
        rows = uow.conn.execute(select(passports.c.service_id, passports.c.title,
                                       passports.c.is_electronic)
                                .where(passports.c.service_id != "", passports.c.kind == "service")
                                .order_by(passports.c.service_id)).all()
    if not rows:
        return
    # the generator writes as itself, holding every role, as ``demo.populate`` does
    generator = Session(app.settings, Actor("داده نمونه", frozenset(Role), "demo"), app.session.clock)
    agency = AgencyService(app.uow, generator)
    entries = []
    for i in range(max(6, len(rows) // 10)):
        sid, title, _ = rows[(i * 7) % len(rows)]
        mapped = "" if i % 9 == 4 else sid
        entries.append(LicenceEntry(code=f"LP-{10_000 + i}", title=f"مجوز {title}",
                                    issuer="درگاه ملی مجوزها", service_id=mapped))
    agency.import_licences(entries)
    for i, title in enumerate(PROPOSED_TITLES):
        status = list(ProposalStatus)[i % len(ProposalStatus)]
        proposal = ServiceProposal(
            title=title, province=PROVINCES[i % len(PROVINCES)], county="", unit="اداره شهرستان",
            delivery=list(DeliveryMode)[i % 3], process="درخواست حضوری، بررسی و پاسخ کتبی",
            status=ProposalStatus.DRAFT if status is ProposalStatus.DRAFT else ProposalStatus.PROPOSED,
            proposed_on=None if status is ProposalStatus.DRAFT else (today - dt.timedelta(days=40 + i)).isoformat())
        saved = agency.save(PROPOSALS, proposal)
        if status in (ProposalStatus.UNDER_REVIEW, ProposalStatus.ISSUED):
            saved.status = ProposalStatus.UNDER_REVIEW
            saved = agency.save(PROPOSALS, saved)
        if status is ProposalStatus.REJECTED:
            saved.status = ProposalStatus.REJECTED
            saved = agency.save(PROPOSALS, saved)
        if status is ProposalStatus.ISSUED:
            agency.issue_service_id(saved.uuid, f"{90_000_000 + i * 101}")
    for step in default_steps():
        n = step.step.number
        if n <= 2:
            step.status, step.approval_date = StepStatus.APPROVED, add_jalali_months(DIRECTIVE_DATE, n).isoformat()
            step.approval_reference = f"۱۴۰۳/ت/{n}۱۲"
            step.evidence = [StepEvidence(title="صورتجلسهٔ تأیید سازمان", reference=f"نامه {n}۳۴۵")]
        elif n <= 4:
            step.status = StepStatus.IN_PROGRESS
            step.deadline = add_jalali_months(DIRECTIVE_DATE, 4 + n).isoformat()
        step.responsible = "دفتر تحول اداری"
        agency.save(STEPS, step)
    agency.save(REPORTS, RepresentativeReport(
        period="نیمهٔ دوم ۱۴۰۳", reported_on=add_jalali_months(DIRECTIVE_DATE, 3).isoformat(),
        representative="معاون توسعه مدیریت", progress="گام‌های ۱ و ۲ تأیید شد؛ گام ۳ در حال انجام است.",
        challenges="کمبود نیروی متخصص فرایندکاوی در استان‌ها", risks="تأخیر در یکپارچگی استعلام‌ها",
        remedies="آموزش متمرکز و خرید خدمت از شرکت‌های دانش‌بنیان"))
    agency.save(LESSONS, LessonLearned(
        title="نگاشت وظایف پیش از بازطراحی", step=CycleStepKey.LINK_TASKS,
        recorded_on=add_jalali_months(DIRECTIVE_DATE, 2).isoformat(),
        lesson="بازطراحی خدمات بدون فهرست کامل وظایف قانونی دوباره‌کاری می‌آورد."))
    links = [ChainLink("ثبت احوال", "", "استعلام هویت"), ChainLink("سازمان امور مالیاتی", "", "گواهی مالیاتی")]
    links.append(ChainLink(app.settings.agency_name or "این دستگاه", rows[0][0], rows[0][1]))
    agency.save(CHAINS, ServiceChain(title="زنجیرهٔ صدور مجوز کسب‌وکار", final_service=rows[0][1],
                                     links=links))
    electronic = [r for r in rows if r[2]][:2]
    with tempfile.TemporaryDirectory() as tmp:
        for k, (sid, _title, _) in enumerate(electronic):
            path = Path(tmp) / f"log-{sid}.csv"
            write_event_csv(path, log_events, seed + k, today)
            app.events.import_csv(sid, path)


def generate_events(count: int, seed: int = 1, end: dt.date | None = None) -> Iterator[tuple[str, str, str, str]]:
    """(case, activity, ISO time with offset, resource) rows: cases of 3-8 activities over
    hours to weeks, ending before ``end``."""
    rng = random.Random(seed)
    end_time = dt.datetime.combine(end or dt.date.today(), dt.time(8),
                                   tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30)))
    written = case = 0
    while written < count:
        case += 1
        steps = min(rng.randint(3, 8), count - written)
        moment = end_time - dt.timedelta(days=rng.randint(1, 360), minutes=rng.randint(0, 600))
        for k in range(steps):
            activity = ACTIVITIES[0] if k == 0 else (
                ACTIVITIES[-1] if k == steps - 1 else ACTIVITIES[rng.randint(1, len(ACTIVITIES) - 2)])
            yield (f"CASE-{seed}-{case:07d}", activity, moment.isoformat(timespec="seconds"),
                   PEOPLE[rng.randrange(len(PEOPLE))])
            moment += dt.timedelta(minutes=rng.randint(5, 60 * 24 * 3))
        written += steps


def write_event_csv(path: Path, count: int, seed: int = 1, end: dt.date | None = None) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["case", "activity", "timestamp", "resource"])
        writer.writerows(generate_events(count, seed, end))
