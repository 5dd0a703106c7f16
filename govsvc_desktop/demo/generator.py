"""Realistic, deterministic demo data: the same seed always gives the same records.

Used by `govsvc-desktop demo`, the first start of the GUI, test fixtures and benchmarks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import random
import uuid as uuid_mod
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from govsvc_desktop.demo import vocabulary as V
from govsvc_desktop.domain.choices import (
    Audience,
    ChannelKind,
    ElectronicMethod,
    ElectronicScope,
    InquiryKind,
    LawKind,
    Nature,
    RecordKind,
    ServiceScope,
    Status,
    TimeUnit,
)
from govsvc_desktop.domain.identifiers import (
    legal_id_with_check,
    national_id_with_check,
    sheba_with_check,
)
from govsvc_desktop.domain.passport.model import (
    Channel,
    Fee,
    Form,
    Inquiry,
    LegalBasis,
    Licence,
    LinkedTask,
    OrgUnit,
    PartnerAgency,
    ProcessStep,
    RequiredDocument,
    ServicePassport,
    StageElectronic,
)
from govsvc_desktop.store.uow import UnitOfWork

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App

_STATUS_WEIGHTS = (
    (Status.DRAFT, 30), (Status.REVIEWED, 10), (Status.APPROVED, 25), (Status.SENT, 10),
    (Status.ACCEPTED, 20), (Status.RETURNED, 5),
)


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(10**n)).zfill(n)


_POSTAL_CODES = ("7134846971", "1193653471", "5166614351", "9177948974", "8174673441")


def make_passport(rng: random.Random, index: int, today: dt.date) -> ServicePassport:
    """One passport, fully populated in most parts, drawn from ``rng``."""
    agency, parent = rng.choice(V.AGENCIES)
    province, counties = rng.choice(V.PROVINCES)
    county = rng.choice(counties)
    kind = RecordKind.TASK if rng.random() < 0.1 else RecordKind.SERVICE
    obj = rng.choice(V.OBJECTS)
    action = rng.choice(V.ACTIONS)
    title = f"{action} {obj}" if kind is RecordKind.SERVICE else f"نظارت بر {obj}"
    if rng.random() < 0.5:
        title += f" ({county})"
    method = rng.choice(list(ElectronicMethod))
    status = rng.choices([s for s, _ in _STATUS_WEIGHTS], [w for _, w in _STATUS_WEIGHTS])[0]
    approved = status in (Status.APPROVED, Status.SENT, Status.ACCEPTED)
    approved_on = today - dt.timedelta(days=rng.randint(0, 420)) if approved else None
    units = rng.sample(V.UNITS, 3)
    steps = [
        ProcessStep(order=i + 1, title=t, responsible_unit=units[i % 3],
                    duration=float(rng.randint(1, 5)), duration_unit=TimeUnit.WORKING_DAY)
        for i, t in enumerate(rng.sample(
            ["دریافت درخواست", "بررسی مدارک", "بازدید میدانی", "استعلام از دستگاه‌های همکار",
             "طرح در کارگروه استانی", "صدور و تحویل"], rng.randint(3, 6)))
    ]
    n_inq = rng.randint(0, 3)
    has_id = rng.random() < 0.85
    p = ServicePassport(
        uuid=str(uuid_mod.UUID(int=rng.getrandbits(128), version=4)),
        kind=kind,
        service_id=("1" + _digits(rng, 10)) if has_id else "",
        title=title,
        agency_name=f"{agency} استان {province}",
        agency_national_id=legal_id_with_check("1400" + _digits(rng, 6)),
        agency_postal_code=_POSTAL_CODES[index % len(_POSTAL_CODES)],
        parent_agency=parent,
        province=province,
        county=county,
        nature=rng.choice(list(Nature)),
        description=f"{title} برای متقاضیان حقیقی و حقوقی در استان {province} مطابق ضوابط {agency}.",
        recipients=rng.choice(["اشخاص حقیقی", "اشخاص حقوقی", "اشخاص حقیقی و حقوقی", "بهره‌برداران"]),
        stakeholders="متقاضیان، دستگاه‌های همکار، دفاتر پیشخوان",
        sub_services=rng.choice(["", "صدور اولیه، تمدید، المثنی", "حقیقی، حقوقی"]),
        audiences=sorted(rng.sample(list(Audience), rng.randint(1, 2)), key=list(Audience).index),
        scope=ServiceScope.INTER_AGENCY if n_inq else ServiceScope.AGENCY,
        partner_agencies=[PartnerAgency(t, "استعلام") for t in rng.sample(V.INQUIRY_TARGETS, n_inq)],
        architecture_domain=rng.choice(list(_CATEGORY)),
        architecture_layer=rng.choice(["مجوزها", "پشتیبانی", "ثبت"]),
        architecture_category="خدمات عمومی",
        linked_tasks=[LinkedTask("T" + _digits(rng, 6), f"نظارت بر {obj}")],
        legal_bases=[LegalBasis(t, LawKind(k), n, d, a)
                     for t, k, n, d, a in rng.sample(V.LAWS, rng.randint(1, 3))],
        licences=[Licence(f"L-{index:07d}", f"پروانه {obj}")] if rng.random() < 0.3 else [],
        org_units=[OrgUnit(u, "U" + _digits(rng, 5), "P" + _digits(rng, 5), _digits(rng, 8))
                   for u in units[:2]],
        channels=[Channel(ChannelKind.IN_PERSON, rng.randint(1, 30), "ادارات شهرستان")]
        + ([Channel(ChannelKind.COUNTER, rng.randint(5, 400), "دفاتر پیشخوان دولت")]
           if rng.random() < 0.6 else []),
        electronic_method=method,
        electronic_scope=rng.choice(list(ElectronicScope)),
        stages_electronic=StageElectronic(
            method is not ElectronicMethod.NON_ELECTRONIC, method is ElectronicMethod.ONLINE,
            method is ElectronicMethod.ONLINE),
        smart_level=rng.randint(0, 3) if method is ElectronicMethod.ONLINE else 0,
        electronic_target_date=(today + dt.timedelta(days=rng.randint(-200, 500))).isoformat()
        if method in (ElectronicMethod.NON_ELECTRONIC, ElectronicMethod.INFO_WEB) else None,
        delegated_to_counters=rng.random() < 0.4,
        counter_actions="ارائه فرم‌های مورد نیاز، بررسی صحت فرم‌ها، برابر اصل نمودن مدارک، پیگیری استعلام‌ها",
        counter_fee_rials=rng.choice([None, 150_000, 350_000, 1_200_000]),
        in_person_reasons=rng.choice(["", "احراز هویت و بازدید میدانی", "تحویل اصل مدارک"]),
        identity_verification="احراز هویت از طریق کد ملی و پیامک (شاهکار)",
        needs_inter_agency=n_inq > 0,
        tracking_code=True,
        inquiries=[Inquiry(t, f"استعلام {obj}", rng.choice(list(InquiryKind)), rng.random() < 0.5)
                   for t in rng.sample(V.INQUIRY_TARGETS, n_inq)],
        applicant_conditions="مدارک تحصیلی، سن، نظام وظیفه، عدم اشتغال و ...",
        documents=[RequiredDocument(d, rng.random() < 0.3) for d in rng.sample(V.DOCUMENTS, rng.randint(2, 5))],
        forms=[Form(f"کاربرگ درخواست {obj}", rng.random() < 0.5, rng.randint(5, 40))],
        providing_unit=units[0],
        where_to_apply=rng.choice(["دفاتر پیشخوان طرف قرارداد", "اداره شهرستان", "درگاه دستگاه"]),
        where_to_receive=rng.choice(["دفتر پیشخوانی که قبلاً مراجعه کرده", "درگاه دستگاه", "اداره شهرستان"]),
        steps=steps,
        recipients_count=rng.randint(50, 200_000),
        deliveries_per_year=rng.randint(10, 50_000),
        service_time=float(rng.randint(1, 30)),
        service_time_unit=TimeUnit.WORKING_DAY,
        direct_cost_rials=rng.randint(0, 500) * 10_000,
        cost_price_rials=rng.randint(50, 5_000) * 10_000,
        fees=[Fee("تعرفه صدور", "مصوبه هیئت وزیران", rng.randint(1, 300) * 10_000,
                  rng.choice(V.BANKS), _digits(rng, 12), sheba_with_check("0" + _digits(rng, 21)))],
        benefits="کاهش مراجعه حضوری، کاهش زمان و هزینه متقاضی، شفافیت",
        obstacles=rng.choice(["", "نبود یکپارچگی داده‌ها", "کمبود زیرساخت در شهرستان‌ها"]),
        status=status,
        prepared_by=rng.choice(V.PEOPLE),
        preparer_national_id=national_id_with_check(_digits(rng, 9)),
        reviewed_by=rng.choice(V.PEOPLE) if status is not Status.DRAFT else "",
        reviewed_on=(approved_on - dt.timedelta(days=3)).isoformat() if approved_on else None,
        approved_by=rng.choice(V.HEADS) if approved else "",
        approved_on=approved_on.isoformat() if approved_on else None,
        sent_on=(approved_on + dt.timedelta(days=2)).isoformat()
        if approved_on and status in (Status.SENT, Status.ACCEPTED) else None,
        centre_decision_on=(approved_on + dt.timedelta(days=9)).isoformat()
        if approved_on and status is Status.ACCEPTED else None,
        centre_comment="مدارک قانونی ناقص است" if status is Status.RETURNED else "",
    )
    _conform(p)
    if status is Status.RETURNED:
        p.sent_on = (today - dt.timedelta(days=20)).isoformat()
        p.centre_decision_on = (today - dt.timedelta(days=10)).isoformat()
    if status is Status.DRAFT and index % 4 == 1:
        # a draft still being written: one thing approval needs is missing (chosen by the
        # record's number, so the rest of the data set stays as it was)
        gap = _DRAFT_GAPS[index // 4 % len(_DRAFT_GAPS)]
        setattr(p, gap, [] if isinstance(getattr(p, gap), list) else "")
    stamp = dt.datetime.combine(approved_on or today - dt.timedelta(days=rng.randint(0, 90)),
                                dt.time(9, rng.randint(0, 59)), dt.UTC).isoformat(timespec="microseconds")
    p.created_at = p.updated_at = stamp
    p.revision = 1
    return p


_BANNED_COPIES = ("تصویر شناسنامه", "کارت ملی")
# architecture domains and a category of each, from the official list (COFOG)
_CATEGORY = {"امور اقتصادی": "کشاورزی، جنگلداری، ماهیگیری و شکار",
             "حفاظت محیط زیست": "حفاظت از تنوع زیستی و چشم‌انداز",
             "حمایت اجتماعی": "سالمندی", "مسکن و امکانات اجتماعی": "توسعه مسکن"}


def _conform(p: ServicePassport) -> None:
    """Keeps a generated record within the rules of docs/rules.md (drawn values that would
    contradict the definitions are settled without drawing again, so the data set is stable)."""
    if p.electronic_method is ElectronicMethod.OFFLINE:
        p.stages_electronic = StageElectronic(True, True, True)
    if p.claims_electronic:
        for inquiry in p.inquiries:
            inquiry.electronic = True
    p.documents = [d for d in p.documents if d.title not in _BANNED_COPIES]
    if p.documents or any(i.kind is InquiryKind.PROCESS for i in p.inquiries):
        p.smart_level = 0
    if not p.in_person_reasons:
        p.in_person_reasons = "احراز هویت و تحویل اصل مدارک"
    p.architecture_category = _CATEGORY.get(p.architecture_domain, p.architecture_category)


_DRAFT_GAPS = ("description", "where_to_apply", "legal_bases", "providing_unit", "steps")
CHUNK = 1000
PARALLEL_FROM = 5000


def _chunk(seed: int, k: int, count: int, today: dt.date) -> list[ServicePassport]:
    """Records k*CHUNK.. of a data set; each chunk has its own seeded generator, so the data
    is the same whether chunks are made in order here or in parallel elsewhere."""
    rng = random.Random(seed * 1_000_003 + k)
    return [make_passport(rng, k * CHUNK + i, today) for i in range(min(CHUNK, count - k * CHUNK))]


def generate(count: int, seed: int = 1, today: dt.date | None = None) -> Iterator[ServicePassport]:
    day = today or dt.date.today()
    for k in range(-(-count // CHUNK)):
        yield from _chunk(seed, k, count, day)


def _chunk_rows(job: tuple[int, int, int, dt.date]) -> tuple[list[dict[str, Any]], list[dict[str, str]], list[str]]:
    """Database rows of one chunk, made in a worker process (pure CPU work)."""
    from govsvc_desktop.store.passports import licence_rows, row_values

    items = _chunk(*job)
    return [row_values(p) for p in items], licence_rows(items), [p.uuid for p in items]


def populate(
    uow_factory: Callable[[], UnitOfWork], count: int, seed: int = 1,
    progress: Callable[[int, int], bool] | None = None, today: dt.date | None = None,
) -> int:
    """Inserts ``count`` demo passports in one transaction; returns how many were written.

    Large sets are prepared on every core. A cancel (``progress`` answering False) rolls back
    everything.
    """
    day = today or dt.date.today()
    jobs = [(seed, k, count, day) for k in range(-(-count // CHUNK))]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    written = 0
    with contextlib.ExitStack() as stack:
        if count >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=os.cpu_count(), mp_context=multiprocessing.get_context("spawn")))
            results: Iterator[Any] = pool.map(_chunk_rows, jobs)
        else:
            results = map(_chunk_rows, jobs)
        with uow_factory() as uow:
            for rows, licences, uuids in results:
                uow.passports.insert_rows(rows, licences)
                uow.audit.record_many([
                    {"at": now, "actor": "داده نمونه", "username": "demo", "record_type": "passport",
                     "record_uuid": u, "revision": 1, "action": "create", "field_path": "",
                     "old_value": "", "new_value": ""} for u in uuids])
                written += len(rows)
                if progress is not None and not progress(written, count):
                    return 0
            uow.commit()
        with uow_factory() as uow:
            uow.refresh_statistics()
            uow.commit()
    return written


def populate_all(
    app: App, count: int, seed: int = 1, progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Every kind of demo record the application knows, for a database: passports, then an
    improvement plan for one service in five, with a 128 request for one plan in four, then
    the agency's licences, proposals, cycle, chains and event logs."""
    from govsvc_desktop.demo.agency import populate_agency
    from govsvc_desktop.demo.plans import populate_plans

    written = populate(app.uow, count, seed, progress, app.passports.today())
    if written:
        populate_plans(app.uow, max(1, count // 5), seed, app.passports.today())
        populate_agency(app, seed)
    return written
