"""A database for catalogue tests: demo data of every kind, plus three records that matter —
a fully filled approved passport, a draft and an expired passport, each with its people's
names and IDs — and the personal values that must never reach a published site."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.demo import vocabulary as V
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.passport.model import ServicePassport
from tests.fixtures import full_passport

AGENCY = "شرکت آب منطقه‌ای استان فارس"
FULL = "6f1c2b9e-3d4a-4c8e-9f10-2a3b4c5d6e7f"
DRAFT = "0a0a0a0a-1111-4222-8333-444444444444"
EXPIRED = "0b0b0b0b-1111-4222-8333-555555555555"
DRAFT_TITLE = "ثبت درخواست آزمایشی که هنوز پیش‌نویس است"
EXPIRED_TITLE = "صدور گواهی آزمایشی که اعتبارش گذشته است"


def special_passports(today: dt.date) -> list[ServicePassport]:
    full = dataclasses.replace(full_passport(FULL), status=Status.ACCEPTED,
                               approved_on=(today - dt.timedelta(days=30)).isoformat())
    draft = dataclasses.replace(full_passport(DRAFT), service_id="99000000001",
                                title=DRAFT_TITLE, status=Status.DRAFT, approved_on=None)
    expired = dataclasses.replace(full_passport(EXPIRED), service_id="99000000002",
                                  title=EXPIRED_TITLE, status=Status.APPROVED,
                                  approved_on=(today - dt.timedelta(days=400)).isoformat())
    return [full, draft, expired]


def catalogue_app(path: Path, count: int = 60, seed: int = 3) -> App:
    app = build(str(path), settings=config.Settings(user_name="آزمون‌گر", agency_name=AGENCY))
    demo.populate_all(app, count, seed)
    with app.uow() as uow:
        for p in special_passports(app.passports.today()):
            p.revision = 1
            uow.passports.insert(p)
        uow.commit()
    return app


def personal_values(app: App) -> set[str]:
    """Every person's name and ID the database holds (the site must hold none of them)."""
    found: set[str] = set(V.PEOPLE) | set(V.HEADS)
    for p in app.passports.iter_passports():
        found |= {p.prepared_by, p.preparer_national_id, p.reviewed_by, p.approved_by}
        for unit in p.org_units:
            found |= {unit.employee_id, unit.post_id}
    return {v for v in found if v.strip()}


def site_text(folder: Path) -> dict[str, str]:
    return {str(f.relative_to(folder)): f.read_text("utf-8") for f in sorted(folder.rglob("*"))
            if f.is_file() and f.suffix in (".html", ".js", ".jsonld", ".css")}
