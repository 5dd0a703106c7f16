"""The main window: the passport list with its filters and search, and the other pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
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

from .. import __version__, config
from ..bootstrap import App, build
from ..domain.choices import Nature, Status
from ..domain.errors import GovsvcError
from ..domain.persian import format_int
from ..domain.queries import PassportFilter
from ..services.backups import BackupService, RestoreResult
from ..services.drafts import DraftStore
from ..services.excel import ExcelService
from .backup_actions import BackupActions
from .batch_print import BatchPrintDialog
from .excel_import import ExcelImportDialog
from .models import PassportTableModel
from .pages import PAGES, PageSpec
from .passport_editor import PassportEditor
from .settings_dialog import SettingsDialog
from .tasks import Progress, Task

LIVE_REFRESH_MS = 5000


class MainWindow(QMainWindow):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.editors: dict[str, PassportEditor] = {}
        self.setWindowTitle(self.tr("Service passports — govsvc-desktop"))
        self.resize(1200, 760)
        self.model = PassportTableModel(app.passports, app.settings.persian_digits)
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
        self._marker = app.passports.change_marker()
        self._live = QTimer(self, interval=LIVE_REFRESH_MS)
        self._live.timeout.connect(self.refresh_if_changed)
        self._live.start()
        self._update_count()

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
                                         + [(s.label_fa, s) for s in Status])
        self.province_filter = self._combo([(self.tr("All provinces"), "")]
                                           + [(p, p) for p in self.app.passports.choices("province")])
        self.nature_filter = self._combo([(self.tr("Any nature"), None)] + [(n.label_fa, n) for n in Nature])
        self.electronic_filter = self._combo([(self.tr("Electronic or not"), None),
                                              (self.tr("Electronic"), True), (self.tr("Not electronic"), False)])
        self.validity_filter = self._combo([(self.tr("Any validity"), None),
                                            (self.tr("Expired or expiring within 30 days"), 30)])
        for combo in (self.status_filter, self.province_filter, self.nature_filter,
                      self.electronic_filter, self.validity_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
            bar.addWidget(combo, 1)
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
        for column, width in enumerate((120, 340, 300, 120, 100, 90, 100)):
            self.table.setColumnWidth(column, width)
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
        for text, slot, key in (
            (self.tr("New passport"), self.new_passport, QKeySequence.StandardKey.New),
            (self.tr("Open"), self.open_selected, None),
            (self.tr("Delete draft"), self.delete_selected, None),
            (self.tr("Print forms…"), self.print_forms, QKeySequence.StandardKey.Print),
            (self.tr("Import from Excel…"), self.import_excel, None),
            (self.tr("Export to Excel…"), self.export_excel, None),
            (self.tr("Refresh"), self.model.reload, QKeySequence.StandardKey.Refresh),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            if key is not None:
                action.setShortcut(key)
            toolbar.addAction(action)
            menu.addAction(action)
        template = menu.addAction(self.tr("Empty Excel template…"))
        template.triggered.connect(lambda: self.save_excel_template())
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        settings = self.tools_menu.addAction(self.tr("Settings…"))
        settings.triggered.connect(self.edit_settings)
        self.backups = BackupActions(self, BackupService(self.app.db, self.app.settings,
                                                         self.app.passports.clock),
                                     self.tools_menu.addMenu(self.tr("Backups")))
        self.backups.restored.connect(self.reopen)
        self.successor: MainWindow | None = None
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About"), self.about)

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
        self._update_count()

    def _update_count(self) -> None:
        self.status_label.setText(self.tr("{n} passports").format(
            n=format_int(self.model.total, self.app.settings.persian_digits)))

    def refresh_if_changed(self) -> None:
        """Others' saves appear without a restart; the selection and open editors stay as they are."""
        try:
            marker = self.app.passports.change_marker()
        except GovsvcError as exc:
            self.show_offline(exc.message_fa)
            return
        if self.offline:
            self.show_offline("")
        if marker == self._marker:
            return
        self._marker = marker
        selected = self.selected_uuid()
        self.model.reload()
        self._update_count()
        if selected:
            for row in range(self.model.rowCount()):
                if self.model.uuid_at(row) == selected:
                    self.table.selectRow(row)
                    break

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
            self.tr("%1 passports were written to %2.").replace("%1", format_int(count)).replace("%2", target)))
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
        answer = QMessageBox.question(self, self.tr("Delete draft"),
                                      self.tr("Delete this draft for good?"))
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
                self.tr("Unsaved changes to «{title}» were kept when the program last stopped. "
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
            self.app.settings = new
            if self.app.engine.dialect.name == "sqlite":
                self.app.actor = new.actor()
                self.app.passports.actor = self.app.actor
                self.app.attachments.actor = self.app.actor
            self.model.persian_digits = new.persian_digits
            self.model.reload()
            self.backups.service.settings = new
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
            "govsvc-desktop {version}\nService passports and process improvement plans for "
            "executive agencies.\nDatabase: {db}").format(version=__version__, db=self.app.db))

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
        return self.pages[key]

    def _tab_shown(self, index: int) -> None:
        for key, (holder, _spec) in self._holders.items():
            if self.tabs.widget(index) is holder:
                self.page(key)

    def add_page(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)
