"""The composition root: builds the engine, migrates, and hands out services.

GUI and CLI both start here; nothing is built at import time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from . import config
from .domain.lifecycle import Actor
from .services.agency import AgencyService
from .services.compliance import ComplianceService
from .services.deadlines import DeadlineService
from .services.event_logs import EventLogService
from .services.passports import PassportService, utc_now
from .services.plans import PlanService
from .services.reference import ReferenceService
from .services.service_lists import ServiceListService
from .store import migrate
from .store.engine import login_parts, make_engine, with_login
from .store.uow import UnitOfWork


@dataclass
class App:
    """Everything a front end needs, wired to one database."""

    db: str
    engine: Engine
    settings: config.Settings
    actor: Actor
    passports: PassportService
    plans: PlanService
    agency: AgencyService
    compliance: ComplianceService
    events: EventLogService
    lists: ServiceListService
    reference: ReferenceService
    deadlines: DeadlineService
    backup: Path | None = None

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def build(
    db: str | None = None, settings: config.Settings | None = None,
    clock: Callable[[], dt.datetime] = utc_now, upgrade: bool = True,
) -> App:
    """Opens (and upgrades) the database and builds the services for the configured user."""
    db = db or config.default_db()
    settings = settings or config.load_settings()
    engine = make_engine(db)
    backup = migrate.upgrade(engine) if upgrade else None
    actor = settings.actor()
    if engine.dialect.name == "postgresql":
        actor = shared_mode_actor(engine)
    def factory() -> UnitOfWork:
        return UnitOfWork(engine)
    passports = PassportService(factory, actor, clock)
    reference = ReferenceService(factory, actor, clock)
    passports.reference_lists = reference.lists
    if upgrade:
        reference.upgrade_if_needed()
    return App(
        db=db, engine=engine, settings=settings, actor=actor,
        passports=passports, plans=PlanService(factory, actor, clock),
        agency=AgencyService(factory, actor, clock),
        compliance=ComplianceService(factory, settings.agency_name, clock),
        events=EventLogService(passports),
        lists=ServiceListService(passports, lambda: settings.agency_name),
        reference=reference, deadlines=DeadlineService(factory, actor, clock), backup=backup,
    )


def login_needed(db: str | None = None) -> tuple[str, str, bool]:
    """(server, user name, password still needed): a server URL given without a password asks
    the person to log in with their own account."""
    return login_parts(db or config.default_db())


def with_person_login(db: str | None, username: str, password: str) -> str:
    return with_login(db or config.default_db(), username, password)


def shared_mode_actor(engine: Engine) -> Actor:
    """In shared mode the person is the database login: their roles come from the server."""
    from .store import pg_security
    from .store.engine import describe_error

    try:
        with engine.connect() as conn:
            user, roles, _ = pg_security.current_roles(conn)
            name = pg_security.display_name(conn, user)
    except Exception as exc:  # connection failures become a Persian StorageError
        raise describe_error(exc, engine.url.render_as_string(hide_password=True)) from exc
    return Actor(name=name, roles=roles, username=user)
