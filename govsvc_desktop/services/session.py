"""Who is working, under which settings, by which clock: one object every service reads.

A change in Settings (name, roles, agency) is applied here once and reaches every service at
the same moment; no service keeps a copy of the person or the settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from govsvc_desktop import config
from govsvc_desktop.domain.passport.lifecycle import Actor
from govsvc_desktop.store.uow import UnitOfWork


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Session:
    """The person and the settings of this run. In shared mode the person is the database
    login, whose name and roles come from the server and do not follow local settings."""

    settings: config.Settings
    actor: Actor
    clock: Callable[[], dt.datetime] = field(default=utc_now)
    shared: bool = False
    listeners: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @classmethod
    def local(cls, settings: config.Settings,
              clock: Callable[[], dt.datetime] = utc_now) -> Session:
        return cls(settings=settings, actor=settings.actor(), clock=clock)

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    @property
    def agency_name(self) -> str:
        return self.settings.agency_name

    def announce_change(self) -> None:
        """Called after every committed write of this program: open lists refresh at once
        instead of waiting for the poll that notices other people's writes. Listeners may be
        called from a worker thread; a window's listener hands over to its own thread."""
        for listener in list(self.listeners):
            listener()

    def apply_settings(self, settings: config.Settings) -> None:
        """New settings take effect for every service; the person changes with them only in
        local mode."""
        self.settings = settings
        if not self.shared:
            self.actor = settings.actor()


class SessionBound:
    """A service that reads the person and the clock from the one Session, never from a copy."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], session: Session) -> None:
        self.uow_factory = uow_factory
        self.session = session

    @property
    def actor(self) -> Actor:
        return self.session.actor

    @property
    def clock(self) -> Callable[[], dt.datetime]:
        return self.session.clock

    def today(self) -> dt.date:
        return self.session.today()
