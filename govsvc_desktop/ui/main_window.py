"""The main window: the passport list with its filters and search, and the other pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop import __version__, config
from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.domain.choices import Nature, Status
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.backups import RestoreResult
from govsvc_desktop.services.drafts import DraftStore
from govsvc_desktop.services.excel import ExcelService
from govsvc_desktop.ui import display
from govsvc_desktop.ui.backup_actions import BackupActions
from govsvc_desktop.ui.batch_print import BatchPrintDialog
from govsvc_desktop.ui.excel_import import ExcelImportDialog
from govsvc_desktop.ui.keyboard import leave_tables_with_tab, name_combo, name_tabs, shortcut
from govsvc_desktop.ui.models import PassportTableModel
from govsvc_desktop.ui.pages import PAGES, PageSpec
from govsvc_desktop.ui.passport_editor import PassportEditor
from govsvc_desktop.ui.settings_dialog import SettingsDialog
from govsvc_desktop.ui.tasks import DbWorker, Progress, Task
from govsvc_desktop.ui.widgets.tables import fit_columns, remember_widths, select_rows, show_focus

LIVE_REFRESH_MS = 5000


def _listen(app: App, signal: SignalInstance) -> None:
    """Every committed write of this program emits ``signal`` (queued to the window's thread)
    until the window is gone."""
    def listener() -> None:
        try:
            signal.emit()
        except RuntimeError:  # the window was deleted
            app.session.listeners.remove(listener)

    app.session.listeners.append(listener)


class MainWindow(QMainWindow):
    """The passport list and the other pages. Writes made anywhere in this program refresh
    the list at once (``changed_here``); other people's writes appear at the next poll."""

    changed_here = Signal()

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        display.use_persian_digits(app.settings.persian_digits)
        self.editors: dict[str, PassportEditor] = {}
        self.setWindowTitle(self.tr("Service passports"))
        self.resize(1200, 760)
        self.db = DbWorker(self)
        self.model = PassportTableModel(app.passports, app.settings.persian_digits, self.db)
        self._reselect: list[str] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_page(), self.tr("Service passports"))
        self.pages: dict[str, QWidget] = {}
        self._holders: dict[str, tuple[QWidget, PageSpec]] = {}
        for spec in PAGES:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[spec.key] = (holder, spec)
            self.tabs.addTab(holder, spec.translated_title())
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        name_tabs(self.tabs, self.tr("Pages"))
        self._actions()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.offline_label = QLabel()
        self.offline_label.setObjectName("offline")
        self.offline_label.setStyleSheet("color: white; background: #b00020; padding: 2px 6px")
        self.offline_label.setVisible(False)
        self.statusBar().addWidget(self.offline_label)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filter)
        self._marker: tuple[str, int] | None = None
        self.changed_here.connect(self.refresh_if_changed, Qt.ConnectionType.QueuedConnection)
        _listen(app, self.changed_here)
        self._live = QTimer(self, interval=LIVE_REFRESH_MS)
        self._live.timeout.connect(self.refresh_if_changed)
        self._live.start()
        self.model.loaded.connect(self._list_loaded)
        self.refresh_if_changed()

    # building
    def _list_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search title, service ID, agency, description…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search, 3)
        self.status_filter = self._combo([(self.tr("All statuses"), None)]
                                         + [(display.choice(s), s) for s in Status])
        self.province_filter = self._combo([(self.tr("All provinces"), "")]
                                           + [(p, p) for p in self.app.passports.choices("province")])
        self.nature_filter = self._combo([(self.tr("Any nature"), None)]
                                         + [(display.choice(n), n) for n in Nature])
        self.electronic_filter = self._combo([(self.tr("Electronic or not"), None),
                                              (self.tr("Electronic"), True), (self.tr("Not electronic"), False)])
        self.validity_filter = self._combo([(self.tr("Any validity"), None),
                                            (self.tr("Expired or expiring within 30 days"), 30)])
        for combo, name in ((self.status_filter, self.tr("Filter by status")),
                            (self.province_filter, self.tr("Filter by province")),
                            (self.nature_filter, self.tr("Filter by nature")),
                            (self.electronic_filter, self.tr("Filter by electronic delivery")),
                            (self.validity_filter, self.tr("Filter by validity"))):
            combo.currentIndexChanged.connect(self.apply_filter)
            bar.addWidget(combo, 1)
            name_combo(combo, name, page)
        self.search.setAccessibleName(self.tr("Search passports"))
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.setTabKeyNavigation(False)
        self.table.setObjectName("passports")
        self.table.setAccessibleName(self.tr("Service passports"))
        self.table.setAccessibleDescription(self.tr("Enter opens the passport"))
        remember_widths(self.table, "passports")
        show_focus(self.table)
        self.model.modelReset.connect(lambda: fit_columns(self.table, 0.35))
        fit_columns(self.table, 0.35)
        layout.addWidget(self.table)
        return page

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _actions(self) -> None:
        toolbar = self.addToolBar(self.tr("Passports"))
        toolbar.setObjectName("main_toolbar")
        menu = self.menuBar().addMenu(self.tr("&Passports"))
        for text, slot, keys in (
            (self.tr("&New passport"), self.new_passport, (QKeySequence.StandardKey.New,)),
            (self.tr("&Open"), self.open_selected, (QKeySequence.StandardKey.Open,)),
            (self.tr("&Delete draft"), self.delete_selected, (QKeySequence.StandardKey.Delete,)),
            (self.tr("&Print forms…"), self.print_forms, (QKeySequence.StandardKey.Print,)),
            (self.tr("&Import from Excel…"), self.import_excel, ("Ctrl+I",)),
            (self.tr("&Export to Excel…"), self.export_excel, ("Ctrl+E",)),
            (self.tr("&Refresh"), self.model.reload, (QKeySequence.StandardKey.Refresh,)),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            shortcut(action, *keys)
            toolbar.addAction(action)
            menu.addAction(action)
        template = menu.addAction(self.tr("Empty Excel &template…"))
        template.triggered.connect(lambda: self.save_excel_template())
        shortcut(template, "Ctrl+Shift+T")
        menu.addSeparator()
        self.find_action = menu.addAction(self.tr("&Find…"), self.focus_search)
        shortcut(self.find_action, QKeySequence.StandardKey.Find)
        menu.addSeparator()
        self.exit_action = menu.addAction(self.tr("E&xit"), self.close)
        shortcut(self.exit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        settings = self.tools_menu.addAction(self.tr("&Settings…"))
        settings.triggered.connect(self.edit_settings)
        shortcut(settings, QKeySequence.StandardKey.Preferences, "Ctrl+,")
        self.tools_menu.addSeparator()
        self.backups = BackupActions(self, self.app.backups, self.tools_menu)
        self.backups.restored.connect(self.reopen)
        self.successor: MainWindow | None = None
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About"), self.about)
        shortcut(about, QKeySequence.StandardKey.HelpContents, "F1")

    def focus_search(self) -> QWidget:
        """Ctrl+F: the search box of the page in view (the passport list's by default)."""
        page = self.tabs.currentWidget()
        boxes = [w for w in page.findChildren(QLineEdit) if w.objectName() == "search" and w.isVisible()] \
            if page is not None else []
        box = boxes[0] if boxes else self.search
        if box is self.search:
            self.tabs.setCurrentIndex(0)
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return box

    # list
    def current_filter(self) -> PassportFilter:
        status = self.status_filter.currentData()
        days = self.validity_filter.currentData()
        limit = (self.app.passports.today() + dt.timedelta(days=int(days) + 1)).isoformat() if days else None
        return PassportFilter(
            search=self.search.text().strip(),
            statuses=(Status(status),) if status is not None else (),
            province=self.province_filter.currentData() or "",
            nature=Nature(nature) if (nature := self.nature_filter.currentData()) is not None else None,
            electronic=self.electronic_filter.currentData(),
            valid_until_before=limit,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _update_count(self) -> None:
        self.status_label.setText(self.tr("{n} passports").format(n=display.number(self.model.total)))

    def refresh_if_changed(self) -> None:
        """Others' saves appear without a restart; the selection and open editors stay as they
        are. The question is asked on the database thread."""
        self.db.run(self.app.passports.change_marker, self._marker_read,
                    failure=lambda exc: self.show_offline(exc.message_fa))

    def _marker_read(self, marker: tuple[str, int]) -> None:
        if self.offline:
            self.show_offline("")
        if marker == self._marker:
            return
        self._marker = marker
        self._reselect = self.selected_uuids()
        self.model.reload()

    def _list_loaded(self) -> None:
        self._update_count()
        selected, self._reselect = set(self._reselect), []
        if selected:
            select_rows(self.table, [row for row in range(self.model.rowCount())
                                     if self.model.uuid_at(row) in selected])

    @property
    def offline(self) -> bool:
        return bool(self.offline_label.text())

    def show_offline(self, message: str) -> None:
        """Kept in sight until the database answers again; open editors keep their drafts."""
        self.offline_label.setText(message and self.tr("Database unreachable: %1 — your edits are kept "
                                                       "as drafts on this computer.").replace("%1", message))
        self.offline_label.setVisible(bool(message))

    def selected_uuids(self) -> list[str]:
        return [self.model.uuid_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def print_filter(self) -> PassportFilter:
        """What «print» means here: the selected rows, or everything the list shows."""
        selected = self.selected_uuids()
        return PassportFilter(uuids=tuple(selected)) if selected else self.current_filter()

    def print_forms(self) -> BatchPrintDialog | None:
        f = self.print_filter()
        count = self.app.passports.count(f)
        if not count:
            QMessageBox.information(self, self.windowTitle(), self.tr("There is nothing to print."))
            return None
        dialog = BatchPrintDialog(self.app, f, count, self)
        dialog.open()
        return dialog

    # Excel
    def import_excel(self) -> ExcelImportDialog:
        dialog = ExcelImportDialog(ExcelService(self.app.passports, self.app.plans), self)
        dialog.imported.connect(lambda _result: self.model.reload())
        dialog.open_record.connect(self.open_passport)
        dialog.open()
        return dialog

    def _ask_workbook_path(self, title: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, self.tr("Excel workbooks (*.xlsx)"))
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    def export_excel(self, target: str = "") -> Task | None:
        """The selection, or everything the list shows, to a workbook in the background."""
        f = self.print_filter()
        if not self.app.passports.count(f):
            QMessageBox.information(self, self.windowTitle(), self.tr("There is nothing to export."))
            return None
        target = target or self._ask_workbook_path(self.tr("Export to Excel"), "passports.xlsx")
        if not target:
            return None
        service = ExcelService(self.app.passports, self.app.plans)
        task = Task(self, self.tr("Exporting to Excel…"),
                    lambda progress: service.export(Path(target), f, progress))
        task.done.connect(lambda count: QMessageBox.information(
            self, self.windowTitle(),
            self.tr("%1 passports were written to %2.").replace("%1", display.number(count))
            .replace("%2", display.ltr(target))))
        task.error.connect(lambda exc: QMessageBox.warning(self, self.windowTitle(), exc.message_fa))
        return task.start()

    def save_excel_template(self, target: str = "") -> Path | None:
        target = target or self._ask_workbook_path(self.tr("Empty Excel template"), "template.xlsx")
        if not target:
            return None
        try:
            ExcelService(self.app.passports, self.app.plans).template(Path(target))
        except (GovsvcError, OSError) as exc:
            QMessageBox.warning(self, self.windowTitle(), getattr(exc, "message_fa", str(exc)))
            return None
        return Path(target)

    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.uuid_at(rows[0].row()) if rows else None

    # editors
    def _open_index(self, index: QModelIndex) -> None:
        self.open_passport(self.model.uuid_at(index.row()))

    def open_selected(self) -> None:
        uuid = self.selected_uuid()
        if uuid:
            self.open_passport(uuid)

    def open_passport(self, uuid: str) -> PassportEditor | None:
        editor = self.editors.get(uuid)
        if editor is not None and editor.isVisible():
            editor.raise_()
            editor.activateWindow()
            return editor
        try:
            passport = self.app.passports.get(uuid)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Open"), exc.message_fa)
            return None
        return self._show_editor(passport)

    def _show_editor(self, passport) -> PassportEditor:  # type: ignore[no-untyped-def]
        editor = PassportEditor(self.app, passport, self)
        editor.saved.connect(lambda _uuid: self.refresh_if_changed())
        self.editors[passport.uuid] = editor
        editor.show()
        return editor

    def new_passport(self) -> PassportEditor:
        s = self.app.settings
        return self._show_editor(self.app.passports.new_passport(s.agency_name, s.province))

    def delete_selected(self) -> None:
        uuid = self.selected_uuid()
        if not uuid:
            return
        rows = self.table.selectionModel().selectedRows()
        title = self.model.rows[rows[0].row()].title if rows else ""
        answer = QMessageBox.question(
            self, self.tr("Delete draft"),
            self.tr("Delete the draft “{title}” for good? This cannot be undone.").format(
                title=title or self.tr("New passport")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.app.passports.delete(uuid)
        except GovsvcError as exc:
            QMessageBox.warning(self, self.tr("Delete draft"), exc.message_fa)
        self.refresh_if_changed()

    def offer_drafts(self) -> None:
        """Unsaved edits left by a crash are offered back, one by one."""
        store = DraftStore(config.autosave_dir())
        for draft in store.load_all():
            answer = QMessageBox.question(
                self, self.tr("Unsaved draft found"),
                self.tr("Unsaved changes to “{title}” were kept when the program last stopped. "
                        "Restore them?").format(title=draft.passport.title),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                store.discard(draft.passport.uuid)
                continue
            try:
                stored = self.app.passports.get(draft.passport.uuid)
            except GovsvcError:
                stored = draft.passport
                stored.revision = 0
            editor = self._show_editor(stored)
            editor.restore_draft(draft.passport)

    # settings and about
    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.app.settings, self)
        if dialog.exec():
            new = dialog.result_settings()
            config.save_settings(new)
            self.app.session.apply_settings(new)
            self.model.persian_digits = new.persian_digits
            display.use_persian_digits(new.persian_digits)
            self.model.reload()
            self.backups.show_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The automatic backup, when one is due (not when the window makes way for the
        restored data)."""
        self._live.stop()
        self.backups.timer.stop()
        if self.successor is None:
            self.hide()  # the copy of a large database takes seconds: not behind a frozen window
            self.backups.on_close()
        super().closeEvent(event)

    def reopen(self, result: RestoreResult) -> MainWindow:
        """After a restore: a new window on the restored data (upgraded if it is older)."""
        for editor in list(self.editors.values()):
            editor.close()
        settings = self.app.settings
        self.app.close()
        self.successor = MainWindow(build(self.app.db, settings))
        self.successor.show()
        self.close()
        aside = str(result.kept_aside or "")
        QMessageBox.information(self.successor, self.tr("Restore from a backup"), self.tr(
            "The backup was restored. The data you were working on is kept in {path}.")
            .format(path=aside))
        return self.successor

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr(
            "Service passports, version {version}\nService passports and process improvement plans for "
            "executive agencies.\nDatabase: {db}").format(version=display.digits(__version__),
                                                         db=display.ltr(self.app.db_shown)))

    def fill_demo_data(self, job: Callable[[Progress], object]) -> Task:
        """Fills an empty database on first start, in the background."""
        self.first_start_task = Task(self, self.tr("Preparing demo data…"), job)
        self.first_start_task.done.connect(lambda _n: self._after_demo())
        return self.first_start_task.start()

    def _after_demo(self) -> None:
        self.province_filter.blockSignals(True)
        for province in self.app.passports.choices("province"):
            if self.province_filter.findData(province) < 0:
                self.province_filter.addItem(province, province)
        self.province_filter.blockSignals(False)
        self.apply_filter()

    def page(self, key: str) -> QWidget:
        """The page of ``key``, built the first time it is needed: the window opens without
        waiting for pages nobody has looked at yet."""
        if key not in self.pages:
            holder, spec = self._holders[key]
            self.pages[key] = spec.factory(self)
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(self.pages[key])
            self.pages[key].show()
            leave_tables_with_tab(self.pages[key])
        return self.pages[key]

    def _tab_shown(self, index: int) -> None:
        for key, (holder, _spec) in self._holders.items():
            if self.tabs.widget(index) is holder:
                self.page(key)

    def add_page(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)
