import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.passport.lifecycle import as_new_draft
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.services.certificates import CertificateService
from govsvc_desktop.ui.approval_dialog import ApprovalDialog
from govsvc_desktop.ui.editor_sections import SECTIONS
from govsvc_desktop.ui.fields import ParsedBinding, PartTableBinding, TextBinding
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.merge_dialog import MergeDialog
from govsvc_desktop.ui.passport_editor import PassportEditor
from tests.approval_support import HEAD_NAME, PASSWORD, store_as_is, trust_head
from tests.fixtures import full_passport
from tests.ui.keyboard import type_text


def _comparable(data: dict) -> dict:  # type: ignore[type-arg]
    for key in ("revision", "created_at", "updated_at"):
        data.pop(key)
    return data


def test_every_field_has_a_place_on_a_page() -> None:
    placed = [name for _, names in SECTIONS for name in names]
    assert sorted(placed) == sorted(to_dict(ServicePassport()))


def test_full_passport_survives_the_editor(qtbot, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    original = full_passport()
    editor = PassportEditor(gui_app, original)
    qtbot.addWidget(editor)
    assert to_dict(editor.current()) == to_dict(original)
    editor.dirty = True
    assert editor.save()
    reopened = PassportEditor(gui_app, gui_app.passports.get(original.uuid))
    qtbot.addWidget(reopened)
    # a new record is a draft whatever stamps it was typed with
    assert _comparable(to_dict(reopened.current())) == _comparable(to_dict(as_new_draft(original)))


def test_form_filled_through_widgets_is_saved(qtbot, window: MainWindow, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    editor = window.new_passport()
    title = editor.bindings["title"].widget
    type_text(title, "صدور کارت بازرگانی")
    date = editor.bindings["electronic_target_date"].widget
    type_text(date, "۱۴۰۵/۰۱/۱۵")
    cost = editor.bindings["direct_cost_rials"].widget
    type_text(cost, "۱۲٬۵۰۰٬۰۰۰")
    laws = editor.bindings["legal_bases"]
    assert isinstance(laws, PartTableBinding)
    laws.add_row()
    type_text(laws.rows[0]["title"].widget, "قانون تسهیل صدور مجوزها")
    type_text(laws.rows[0]["date"].widget, "1400/07/18")
    assert editor.dirty
    assert editor.save()
    saved = gui_app.passports.get(editor.base.uuid)
    assert saved.title == "صدور کارت بازرگانی"
    assert saved.electronic_target_date == "2026-04-04"
    assert saved.direct_cost_rials == 12_500_000
    assert saved.legal_bases[0].title == "قانون تسهیل صدور مجوزها"
    assert saved.legal_bases[0].date == "2021-10-10"
    assert saved.prepared_by == "کاربر آزمون"
    window.refresh_if_changed()
    assert window.model.total == 1


def test_problem_is_shown_at_the_field_and_jumps_there(qtbot, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    p = full_passport()
    editor = PassportEditor(gui_app, p)
    qtbot.addWidget(editor)
    editor.show()
    fees = editor.bindings["fees"]
    assert isinstance(fees, PartTableBinding)
    sheba = fees.rows[0]["sheba"].widget
    sheba.clear()
    type_text(sheba, "IR12345")
    editor.refresh_problems()
    items = [editor.problems.item(i) for i in range(editor.problems.count())]
    target = [i for i in items if i.data(Qt.ItemDataRole.UserRole) == "fees[0].sheba"]
    assert target and "شماره شبا" in target[0].text()
    assert "c62828" in sheba.styleSheet()
    editor.tabs.setCurrentIndex(0)
    editor._jump(target[0])
    assert editor.tabs.currentIndex() == [k for k, _ in SECTIONS].index("figures")
    assert sheba.hasFocus() or editor.focus_field("fees[0].sheba") is sheba


def test_unparseable_date_blocks_saving(qtbot, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    editor = PassportEditor(gui_app, full_passport())
    qtbot.addWidget(editor)
    date = editor.bindings["approved_on"]
    target = editor.bindings["electronic_target_date"]
    assert isinstance(target, ParsedBinding)
    target.widget.clear()
    type_text(target.widget, "۱۴۰۵/۱۳/۴۰")
    assert not editor.save()
    assert gui_app.passports.count() == 0
    assert date.widget.isEnabled() is False


def test_life_cycle_actions_change_the_status(qtbot, gui_app: App) -> None:  # type: ignore[no-untyped-def]
    gui_app.passports.save(full_passport())
    editor = PassportEditor(gui_app, gui_app.passports.get(full_passport().uuid))
    qtbot.addWidget(editor)
    qtbot.mouseClick(editor.lifecycle.buttons["review"], Qt.MouseButton.LeftButton)
    assert editor.base.status is Status.REVIEWED
    creds = trust_head()
    certificates = CertificateService.default()
    certificates.import_pkcs12(creds.pkcs12_path, PASSWORD)

    def sign_in_dialog(p: object) -> object:
        dialog = ApprovalDialog(certificates, "t", editor)
        qtbot.addWidget(dialog)
        assert dialog.choice.count() == 1
        dialog.password.setText(PASSWORD)
        dialog.unlock()
        return dialog.identity

    editor.lifecycle.ask_identity = sign_in_dialog  # type: ignore[method-assign]
    qtbot.mouseClick(editor.lifecycle.buttons["approve"], Qt.MouseButton.LeftButton)
    stored = gui_app.passports.get(full_passport().uuid)
    assert stored.status is Status.APPROVED and stored.approved_by == HEAD_NAME
    assert "renew" in editor.lifecycle.buttons
    assert editor.history.table.rowCount() > 2
    shown = editor.lifecycle.approval.text()
    assert HEAD_NAME in shown and gui_app.passports.approval(stored).fingerprint[:16] in shown
    # a change made after approval (here below the services) shows the approval broken
    stored.benefits += " تغییر پنهانی"
    store_as_is(gui_app, stored)
    editor.lifecycle.show_for(gui_app.passports.get(stored.uuid))
    assert "شکسته" in editor.lifecycle.approval.text() or "broken" in editor.lifecycle.approval.text()


def test_closing_with_unsaved_changes_asks(qtbot, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    editor = PassportEditor(gui_app, full_passport())
    qtbot.addWidget(editor)
    editor.show()
    title = editor.bindings["title"]
    assert isinstance(title, TextBinding)
    type_text(title.widget, " تغییر")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(1) or QMessageBox.StandardButton.Cancel)
    editor.close()
    assert asked and editor.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor.close()
    assert not editor.isVisible()
    assert gui_app.passports.count() == 0


def test_autosaved_draft_is_offered_back(qtbot, window: MainWindow, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    gui_app.passports.save(full_passport())
    editor = window.open_passport(full_passport().uuid)
    assert editor is not None
    type_text(editor.bindings["benefits"].widget, " و شفافیت")
    editor.autosave()
    editor.dirty = False  # as if the program had died here
    editor.hide()
    window.editors.clear()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.offer_drafts()
    restored = window.editors[full_passport().uuid]
    assert restored.current().benefits.endswith("و شفافیت") and restored.dirty


def test_restored_draft_over_a_newer_save_opens_the_merge(qtbot, window: MainWindow, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    gui_app.passports.save(full_passport())
    editor = window.open_passport(full_passport().uuid)
    assert editor is not None
    type_text(editor.bindings["benefits"].widget, " و شفافیت")
    editor.autosave()
    editor.dirty = False  # the program dies here with the draft on disk
    editor.hide()
    window.editors.clear()
    theirs = gui_app.passports.get(full_passport().uuid)
    theirs.obstacles += " — تغییر همکار"
    gui_app.passports.save(theirs)  # someone else saves meanwhile
    opened: list[MergeDialog] = []

    def choose(dialog: MergeDialog) -> int:
        opened.append(dialog)
        assert set(dialog.fields) == {"benefits", "obstacles"}
        dialog.choose("obstacles", theirs=True)
        return 1

    monkeypatch.setattr(MergeDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.offer_drafts()
    assert opened, "the compare-and-merge dialog opens instead of overwriting"
    saved = gui_app.passports.get(full_passport().uuid)
    assert saved.benefits.endswith("و شفافیت") and saved.obstacles.endswith("تغییر همکار")
    assert saved.revision == 3


def test_restored_draft_without_the_merge_never_overwrites(qtbot, window: MainWindow, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    gui_app.passports.save(full_passport())
    editor = window.open_passport(full_passport().uuid)
    assert editor is not None
    type_text(editor.bindings["benefits"].widget, " و شفافیت")
    editor.autosave()
    editor.dirty = False
    editor.hide()
    window.editors.clear()
    theirs = gui_app.passports.get(full_passport().uuid)
    theirs.obstacles += " — تغییر همکار"
    gui_app.passports.save(theirs)
    monkeypatch.setattr(MergeDialog, "exec", lambda self: 0)  # the user closes the dialog
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    window.offer_drafts()
    restored = window.editors[full_passport().uuid]
    assert not restored.save(), "a later save still meets the revision check"
    assert gui_app.passports.get(full_passport().uuid).obstacles.endswith("تغییر همکار")


def test_conflicting_save_is_refused_and_merge_keeps_chosen_fields(qtbot, gui_app: App, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    gui_app.passports.save(full_passport())
    first = PassportEditor(gui_app, gui_app.passports.get(full_passport().uuid))
    second = PassportEditor(gui_app, gui_app.passports.get(full_passport().uuid))
    qtbot.addWidget(first), qtbot.addWidget(second)
    type_text(first.bindings["obstacles"].widget, " الف")
    assert first.save()
    type_text(second.bindings["benefits"].widget, " ب")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert not second.save()
    assert shown and "تغییر داده است" in shown[0]
    assert gui_app.passports.get(full_passport().uuid).obstacles.endswith(" الف")
    dialog = MergeDialog(to_dict(second.current()), to_dict(gui_app.passports.get(full_passport().uuid)))
    qtbot.addWidget(dialog)
    assert set(dialog.fields) == {"benefits", "obstacles"}
    dialog.choose("obstacles", theirs=True)
    merged = dialog.merged()
    assert merged["benefits"].endswith(" ب") and merged["obstacles"].endswith(" الف")
