"""The pages of the main window besides the passport list, in tab order.

Each capability adds its page here, so the main window does not need to know about it.
Titles are English sources translated in the "Pages" context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from govsvc_desktop.bootstrap import App


class PageHost(Protocol):
    """What a page needs of the window that holds it (the window itself, in practice)."""

    app: App
    tabs: QTabWidget

    def page(self, key: str) -> QWidget: ...

    def selected_uuid(self) -> str | None: ...

    def open_passport(self, uuid: str) -> object: ...


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable[[PageHost], QWidget]

    def translated_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)


def _send(window: PageHost) -> QWidget:
    from govsvc_desktop.ui.bundles.send_page import SendPage

    return SendPage(window.app)


def _receive(window: PageHost) -> QWidget:
    from govsvc_desktop.ui.bundles.receive_page import ReceivePage

    return ReceivePage(window.app)


def _plans(window: PageHost) -> QWidget:
    from govsvc_desktop.ui.plans.plans_page import PlansPage

    return PlansPage(window.app, window.selected_uuid)


def _obligations(window: PageHost) -> QWidget:
    from govsvc_desktop.ui.obligations.obligations_page import ObligationsPage

    def open_plan(uuid: str) -> object:
        window.tabs.setCurrentWidget(window.page("plans").parentWidget())
        return window.page("plans").open_plan(uuid)  # type: ignore[attr-defined]

    def selected_service_id() -> str:
        uuid = window.selected_uuid()
        return window.app.passports.get(uuid).service_id if uuid else ""

    return ObligationsPage(window.app, window.open_passport, open_plan, selected_service_id)


PAGES: list[PageSpec] = [
    PageSpec("plans", QT_TRANSLATE_NOOP("Pages", "Improvement"), _plans),
    PageSpec("obligations", QT_TRANSLATE_NOOP("Pages", "Obligations"), _obligations),
    PageSpec("send", QT_TRANSLATE_NOOP("Pages", "Send"), _send),
    PageSpec("receive", QT_TRANSLATE_NOOP("Pages", "Receive"), _receive),
]
