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
from .services.passports import PassportService, utc_now
from .store import migrate
from .store.engine import make_engine
from .store.uow import UnitOfWork


@dataclass
class App:
    """Everything a front end needs, wired to one database."""

    db: str
    engine: Engine
    settings: config.Settings
    actor: Actor
    passports: PassportService
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
    def factory() -> UnitOfWork:
        return UnitOfWork(engine)
    return App(
        db=db, engine=engine, settings=settings, actor=actor,
        passports=PassportService(factory, actor, clock), backup=backup,
    )
