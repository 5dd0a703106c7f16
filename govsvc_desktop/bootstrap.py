"""The composition root: builds the engine, migrates, and hands out services.

GUI, CLI and worker processes all start here, and nothing else builds a service; nothing is
built at import time. Every service reads the one ``Session`` (person, settings, clock).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from govsvc_desktop import config
from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.privacy import mask
from govsvc_desktop.services.agency import AgencyService
from govsvc_desktop.services.attachments import AttachmentService
from govsvc_desktop.services.compliance import ComplianceService
from govsvc_desktop.services.deadlines import DeadlineService
from govsvc_desktop.services.event_logs import EventLogService
from govsvc_desktop.services.passports import PassportService
from govsvc_desktop.services.plans import PlanService
from govsvc_desktop.services.reference import ReferenceService
from govsvc_desktop.services.service_lists import ServiceListService
from govsvc_desktop.services.session import Session, utc_now
from govsvc_desktop.store import migrate
from govsvc_desktop.store.engine import login_parts, make_engine, opening_of, with_login
from govsvc_desktop.store.opening import start_full_check
from govsvc_desktop.store.uow import UnitOfWork

if TYPE_CHECKING:
    from govsvc_desktop.services.backups import BackupService
    from govsvc_desktop.services.bundles.context import RenderPdf
    from govsvc_desktop.services.bundles.service import BundleService
    from govsvc_desktop.services.catalogue import CatalogueService
    from govsvc_desktop.services.certificates import CertificateService
    from govsvc_desktop.services.database import DatabaseService
    from govsvc_desktop.services.printing import PrintService
    from govsvc_desktop.services.users import UserService


@dataclass
class App:
    """Everything a front end needs, wired to one database."""

    db: str
    engine: Engine
    session: Session
    passports: PassportService
    plans: PlanService
    agency: AgencyService
    compliance: ComplianceService
    events: EventLogService
    lists: ServiceListService
    attachments: AttachmentService
    reference: ReferenceService
    deadlines: DeadlineService
    backup: Path | None = None
    notice: str = ""  # read-only or damaged database: what the person must know (Persian)

    @property
    def actor(self) -> Actor:
        return self.session.actor

    @property
    def settings(self) -> config.Settings:
        return self.session.settings

    @property
    def shared(self) -> bool:
        """A PostgreSQL office server rather than a file of this computer."""
        return self.session.shared

    @cached_property
    def certificates(self) -> CertificateService:
        return certificate_service(self.session.clock)

    @cached_property
    def bundles(self) -> BundleService:
        return bundle_service(self)

    @cached_property
    def printing(self) -> PrintService:
        from govsvc_desktop.services.printing import PrintService

        return PrintService(self.passports, self.db, worker_services)

    @cached_property
    def catalogue(self) -> CatalogueService:
        from govsvc_desktop.services.catalogue import CatalogueService

        return CatalogueService(self.passports, self.agency)

    @cached_property
    def backups(self) -> BackupService:
        return backup_service(self.db, self.session)

    @cached_property
    def users(self) -> UserService:
        from govsvc_desktop.services.users import UserService

        return UserService(self.uow, self.session)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, on_commit=self.session.announce_change)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def db_shown(self) -> str:
        """The database as it may be shown or logged: a server URL without its password."""
        return mask(self.db)

    def start_background_checks(self) -> None:
        """The daily full integrity check of a SQLite file, in a thread of its own."""
        opened = opening_of(self.engine)
        if opened is not None and not opened.read_only:
            start_full_check(opened.path)


def build(
    db: str | None = None, settings: config.Settings | None = None,
    clock: Callable[[], dt.datetime] = utc_now, upgrade: bool = True,
) -> App:
    """Opens (and upgrades) the database and builds the services for the configured user."""
    db = db or config.default_db()
    settings = settings or config.load_settings()
    engine = make_engine(db)
    opened = opening_of(engine)
    if opened is not None and opened.read_only:
        backup = None
        if upgrade and migrate.check(engine)[0] != migrate.head_revision():
            raise StorageError(opened.notice_fa + " طرح این پایگاه داده هم قدیمی است و بی اجازهٔ "
                               "نوشتن به‌روز نمی‌شود؛ پس برنامه آن را باز نکرد.")
    else:
        backup = migrate.upgrade(engine) if upgrade else None
    if engine.dialect.name == "postgresql":
        session = Session(settings, shared_mode_actor(engine), clock, shared=True)
    else:
        session = Session.local(settings, clock)
    app = _wire(db, engine, session, backup)
    app.notice = opened.notice_fa if opened else ""
    if upgrade and not (opened is not None and opened.read_only):
        app.reference.upgrade_if_needed()  # free-text places matched to the official lists once
    return app


def _wire(db: str, engine: Engine, session: Session, backup: Path | None = None) -> App:
    def factory() -> UnitOfWork:
        return UnitOfWork(engine, on_commit=session.announce_change)
    passports = PassportService(factory, session)
    reference = ReferenceService(factory, session)
    passports.reference_lists = reference.lists
    return App(
        db=db, engine=engine, session=session,
        passports=passports, plans=PlanService(factory, session),
        agency=AgencyService(factory, session),
        compliance=ComplianceService(factory, session),
        events=EventLogService(passports),
        lists=ServiceListService(passports),
        attachments=AttachmentService(factory, session),
        reference=reference, deadlines=DeadlineService(factory, session),
        backup=backup,
    )


def for_worker(db: str) -> App:
    """A worker process's own services on the same database: read as it is (no migration, no
    login lookup), for work such as drawing forms in parallel."""
    engine = make_engine(db)
    return _wire(db, engine, Session.local(config.load_settings()))


def worker_services(db: str) -> App:
    """The entry a form-drawing worker process starts from (named, so it pickles)."""
    return for_worker(db)


def backup_service(db: str, session: Session | None = None) -> BackupService:
    """Backups of ``db`` (no need to open it: a restore replaces it); settings from the
    session when the program runs, else as saved."""
    from govsvc_desktop.services.backups import BackupService

    return BackupService(db, session or config.load_settings(),
                         session.clock if session else utc_now)


def database_service(db: str | None = None) -> DatabaseService:
    """Upgrade, check and copy a database by its location (it may not open as the program
    opens it: an old schema, a damaged file)."""
    from govsvc_desktop.services.database import DatabaseService

    return DatabaseService(db or config.default_db())


def certificate_service(clock: Callable[[], dt.datetime] = utc_now) -> CertificateService:
    """Signing identities and trusted CAs of this computer's user (no database needed)."""
    from govsvc_desktop.services.certificates import CertificateService

    return CertificateService.default(clock)


def bundle_service(app: App, render_pdf: RenderPdf | None = None,
                   certificates: CertificateService | None = None) -> BundleService:
    """Bundles wired to an application; approved passports travel with the official form."""
    from govsvc_desktop.services.bundles.service import BundleService, default_pdf_renderer

    return BundleService(app.uow, app.passports, certificates or app.certificates,
                         render_pdf=render_pdf or default_pdf_renderer())


def login_needed(db: str | None = None) -> tuple[str, str, bool]:
    """(server, user name, password still needed): a server URL given without a password asks
    the person to log in with their own account."""
    return login_parts(db or config.default_db())


def with_person_login(db: str | None, username: str, password: str) -> str:
    return with_login(db or config.default_db(), username, password)


def shared_mode_actor(engine: Engine) -> Actor:
    """In shared mode the person is the database login: their roles come from the server."""
    from govsvc_desktop.store import pg_security
    from govsvc_desktop.store.engine import reraise, where

    try:
        with engine.connect() as conn:
            user, roles, _ = pg_security.current_roles(conn)
            name = pg_security.display_name(conn, user)
    except SQLAlchemyError as exc:  # a refused login or an unreachable server, in Persian
        reraise(exc, where(engine))
    return Actor(name=name, roles=roles, username=user)
