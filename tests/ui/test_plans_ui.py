"""Improvement plans in the window: the page lists what needs attention, the editor enforces
the 30% rule through the service, reports take evidence, charts and the time line draw."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.plans.model import ActionStatus, PlanAction, PlanStatus
from govsvc_desktop.ui.main_window import MainWindow
from govsvc_desktop.ui.plans.charts import ActionTimeline
from govsvc_desktop.ui.plans.plan_editor import PlanEditor
from govsvc_desktop.ui.plans.plans_page import PlansPage
from govsvc_desktop.ui.widgets.tables import select_row


def _page(window: MainWindow) -> PlansPage:
    page = window.page("plans")
    assert isinstance(page, PlansPage)
    return page


def test_page_shows_the_dashboard_and_plans_of_demo_data(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    demo.populate_all(gui_app, 30, seed=2)
    page = _page(window)
    page.refresh()
    board = gui_app.plans.dashboard()
    assert page.attention.rowCount() == len(board.items)
    assert page.plans.rowCount() == gui_app.plans.count() == 6
    assert page.requests.rowCount() == len(gui_app.plans.requests())
    assert "گزارش سه‌ماهه نرسیده" in page.summary.text()


def test_editor_flags_the_thirty_percent_rule_and_saves_a_report_with_evidence(
        qtbot: QtBot, window: MainWindow, gui_app: App, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_dialogs(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[2:]}")

    monkeypatch.setattr(QMessageBox, "information", no_dialogs)
    monkeypatch.setattr(QMessageBox, "warning", no_dialogs)
    demo.populate(gui_app.uow, 3, seed=1)
    window.model.reload()
    select_row(window.table, 0)
    page = _page(window)
    editor = page.new_plan()
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.indicators.rowCount() == 6
    editor.start_edit.setText("1404/01/01")
    editor.start_edit.editingFinished.emit()
    editor.end_edit.setText("1404/12/29")
    editor.end_edit.editingFinished.emit()
    editor.goals_edit.setPlainText("کاهش زمان صدور")
    editor.indicators.item(0, 2).setText("10")
    editor.indicators.item(0, 3).setText("8")
    assert "۲۰٪" in editor.rule_label.text()
    editor.indicators.item(0, 3).setText("7")
    assert "دست‌کم ۳۰" in editor.rule_label.text() or "30" in editor.rule_label.text()
    assert editor.indicators.item(0, 6).text() == "۳۰٪"
    select_row(editor.indicators, 0)
    assert [label for label, _ in editor.chart.bars] == ["پیش از بهبود", "هدف"]

    editor.status_combo.setCurrentIndex(editor.status_combo.findData(PlanStatus.APPROVED.value))
    assert editor.save() is None
    assert "شورای راهبری" in editor.problems_label.text()
    editor.status_combo.setCurrentIndex(editor.status_combo.findData(PlanStatus.DRAFT.value))

    report = editor.add_report("1404-Q1")
    assert report is not None and editor.report_list.count() == 1
    editor.narrative.setPlainText("استعلام برخط راه‌اندازی شد")
    editor.report_values.item(0, 1).setText("۹")
    evidence = tmp_path / "صورتجلسه.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    editor.add_evidence(str(evidence))
    saved = editor.save()
    assert saved is not None, editor.problems_label.text()
    stored = gui_app.plans.get(saved.uuid)
    (r,) = stored.reports
    assert r.narrative == "استعلام برخط راه‌اندازی شد" and r.evidence[0].file_name == "صورتجلسه.pdf"
    assert stored.time_indicator is not None and stored.time_indicator.achieved[0].value == 9
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    editor.evidence_list.setCurrentRow(0)
    path = editor.open_evidence()
    assert path is not None and path.read_bytes() == b"%PDF-1.4 minutes" and opened == [str(path)]
    page.refresh()
    assert page.plans.rowCount() == 1


def test_timeline_runs_right_to_left(qtbot: QtBot) -> None:
    timeline = ActionTimeline()
    qtbot.addWidget(timeline)
    timeline.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    timeline.resize(600, 100)
    timeline.set_actions([
        PlanAction(action_id="a", title="نخست", start="2025-04-01", end="2025-05-01",
                   status=ActionStatus.DONE),
        PlanAction(action_id="b", title="دوم", start="2025-06-01", end="2025-08-01"),
    ], dt.date(2025, 7, 1))
    first, second = timeline.bar_rect(0), timeline.bar_rect(1)
    assert first.left() > second.right(), "the earlier action is drawn further right"
    image = timeline.grab()
    assert not image.isNull()


def test_editor_opens_an_existing_plan_with_its_tabs(qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    demo.populate_all(gui_app, 20, seed=4)
    plan = next(p for p in gui_app.plans.find() if p.reports and p.actions)
    page = _page(window)
    editor = page.open_plan(plan.uuid)
    assert isinstance(editor, PlanEditor)
    qtbot.addWidget(editor)
    assert editor.actions.rowCount() == len(plan.actions)
    assert editor.report_list.count() == len(plan.reports)
    assert editor.timeline.actions
    unchanged = editor.save()
    assert unchanged is not None and unchanged.revision == plan.revision


def test_a_128_request_is_recorded_and_followed_up_from_the_page(
        qtbot: QtBot, window: MainWindow, gui_app: App) -> None:
    page = _page(window)
    dialog = page.edit_request()
    qtbot.addWidget(dialog)
    assert dialog.save() is None and "شماره پیگیری" in dialog.problems.text()
    dialog.reference.setText("128-7731")
    dialog.subject.setText("تأخیر در صدور پروانه")
    dialog.received.setText("1400/01/10")
    dialog.received.editingFinished.emit()
    dialog.deadline.setText("1400/01/20")
    dialog.deadline.editingFinished.emit()
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save() is not None
    assert page.requests.rowCount() == 1
    assert [i.kind for i in gui_app.plans.dashboard().items] == ["overdue_request"]
    follow_up = page.edit_request(page.requests.item(0, 0).data(Qt.ItemDataRole.UserRole))
    qtbot.addWidget(follow_up)
    assert follow_up.reference.text() == "128-7731"
    follow_up.status.setCurrentIndex(follow_up.status.findData("resolved"))
    follow_up.response.setPlainText("فرایند اصلاح شد")
    assert follow_up.save() is not None
    assert gui_app.plans.dashboard().items == []
    assert page.requests.item(0, 4).text() == "رسیدگی‌شده"
