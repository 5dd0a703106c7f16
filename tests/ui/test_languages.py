"""The window in each language: English shows no Persian outside records people typed; Persian
shows no number in Latin digits outside identifiers, URLs, file names and key names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.ui import display
from govsvc_desktop.ui.app import install_language
from govsvc_desktop.ui.bundles import certificate_dialogs
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.pages import PAGES
from govsvc_desktop.ui.plans.plans_page import PlansPage
from govsvc_desktop.ui.settings_dialog import SettingsDialog
from govsvc_desktop.ui.widgets.tables import select_row
from tests.ui.walk import latin_numbers, persian_texts

# A language is named in its own script in every language chooser.
# names that stay as they are in any language: the language's own name, and the official
# place names of the country's divisions (reference data the lists offer, like user data)
ENDONYMS = {"فارسی"} | {
    place["name"] for place in json.loads(
        (Path(__file__).parents[2] / "resources" / "reference" / "divisions.json").read_text("utf-8"))["provinces"]}


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "en")
    yield
    install_language(qapp, "fa")


def every_window(window: MainWindow, app: App) -> list[QWidget]:
    """The main window with every page built, a new passport editor, a plan editor, the
    settings, print and certificate dialogs."""
    for spec in PAGES:
        window.tabs.setCurrentWidget(window._holders[spec.key][0])
    window.tabs.setCurrentIndex(0)
    editor = window.new_passport()
    shown: list[QWidget] = [window, editor]
    plans = window.page("plans")
    assert isinstance(plans, PlansPage)
    plan = next(iter(app.plans.find()), None)
    if plan is not None:
        plan_editor = plans.open_plan(plan.uuid)
        assert plan_editor is not None
        for i in range(plan_editor.tabs.count()):
            plan_editor.tabs.setCurrentIndex(i)
        shown.append(plan_editor)
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
    shown.append(SettingsDialog(app.settings, window))
    shown.append(window.import_excel())
    shown.append(plans.edit_request())
    if app.passports.count():
        select_row(window.table, 0)
        printing = window.print_forms()
        assert printing is not None
        shown.append(printing)
    send = window.page("send")
    shown.append(certificate_dialogs.TestCertificateDialog(send.bundles.certificates, window))  # type: ignore[attr-defined]
    return shown


def _persian_outside_data(widgets: list[QWidget]) -> list[tuple[str, str]]:
    return [(where, text) for w in widgets for where, text in persian_texts(w)
            if text.strip() not in ENDONYMS]


def test_english_mode_shows_no_persian(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    app = build(str(tmp_path / "en.sqlite3"),
                config.Settings(user_name="Test User", language="en", agency_name="Test agency", province=""))
    try:
        window = MainWindow(app)
        qtbot.addWidget(window)
        window.show()
        assert not display.persian()
        widgets = every_window(window, app)
        for w in widgets:
            qtbot.addWidget(w)
        found = _persian_outside_data(widgets)
        assert found == [], "\n".join(f"{where}: {text}" for where, text in found[:40])
    finally:
        app.close()


def test_english_mode_shows_domain_labels_in_english(qtbot: QtBot, gui_app: App, english: None) -> None:
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    statuses = [window.status_filter.itemText(i) for i in range(window.status_filter.count())]
    assert "Draft" in statuses and "Approved" in statuses
    editor = window.new_passport()
    qtbot.addWidget(editor)
    assert editor.bindings["nature"].widget.itemText(1) == "Sovereign"  # type: ignore[attr-defined]
    assert display.path("fees[1].sheba") == "Fees and accounts, row 2, IBAN (Sheba)"


def test_persian_mode_shows_no_latin_numbers(qtbot: QtBot, gui_app: App) -> None:
    demo.populate_all(gui_app, 40, seed=3)
    window = MainWindow(gui_app)
    qtbot.addWidget(window)
    window.show()
    widgets = every_window(window, gui_app)
    for w in widgets:
        qtbot.addWidget(w)
    uuid = window.model.uuid_at(0)
    opened = window.open_passport(uuid)
    assert opened is not None
    for i in range(opened.tabs.count()):
        opened.tabs.setCurrentIndex(i)
    found = [hit for w in [*widgets, opened] for hit in latin_numbers(w)]
    assert found == [], "\n".join(f"{where}: {text}" for where, text in found[:40])


def test_every_domain_label_has_an_english_rendering() -> None:
    import importlib
    import pkgutil

    import govsvc_desktop.domain as domain
    from govsvc_desktop.domain.choices import Choice
    from govsvc_desktop.domain.passport.labels import PART_FIELDS, PASSPORT_FIELDS
    from govsvc_desktop.domain.passport.lifecycle import ACTION_LABELS_FA
    from govsvc_desktop.domain.plans.dashboard import KIND_LABELS_FA
    from govsvc_desktop.ui.english import ENGLISH

    labels = {*PASSPORT_FIELDS.values(), *PART_FIELDS.values(), *ACTION_LABELS_FA.values(),
              *KIND_LABELS_FA.values()}
    for info in pkgutil.walk_packages(domain.__path__, domain.__name__ + "."):
        for obj in vars(importlib.import_module(info.name)).values():
            if isinstance(obj, type) and issubclass(obj, Choice) and obj is not Choice:
                labels |= {m.label_fa for m in obj}
    missing = sorted(label for label in labels if label not in ENGLISH)
    assert missing == []
    assert not [e for e in ENGLISH.values() if persian_texts_in(e)]


def persian_texts_in(text: str) -> bool:
    from tests.ui.walk import PERSIAN

    return bool(PERSIAN.search(text))
