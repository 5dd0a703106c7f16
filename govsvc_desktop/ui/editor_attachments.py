"""The editor's "Attachments" page: files kept with the passport (the scanned signed form,
blank application forms, the text of a regulation), added, opened, renamed and removed."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.calendar import format_jalali_datetime
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.attachments import Attachment, allowed_summary_fa, size_fa
from govsvc_desktop.ui import display


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsPage(QWidget):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = app.attachments
        self.passports = app.passports
        self.uuid = ""
        self.items: list[Attachment] = []
        self.opener: Callable[[Path], None] = open_with_system
        self._open_dir = tempfile.TemporaryDirectory(prefix="govsvc-attachments-")
        layout = QVBoxLayout(self)
        types = allowed_summary_fa() if display.persian() else self.tr("PDF, images (JPEG, PNG, GIF, TIFF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument)")
        self.note = QLabel(self.tr("Allowed: {types}; up to 25 MB each.").format(types=types))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Attachments"))
        self.table.setObjectName("attachments")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Type"), self.tr("Size"),
                                              self.tr("Added"), self.tr("By")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 300)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Add files…"), self.add_files),
            ("open", self.tr("Open"), self.open_selected),
            ("save", self.tr("Save a copy…"), self.save_selected),
            ("rename", self.tr("Rename…"), self.rename_selected),
            ("remove", self.tr("Remove"), self.remove_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch()
        layout.addLayout(row)

    def show_for(self, uuid: str) -> None:
        self.uuid = uuid
        stored = self.passports.uuids_exist([uuid])
        self.items = self.service.list(uuid) if stored else []
        self.buttons["add"].setEnabled(stored)
        self.buttons["add"].setToolTip("" if stored else self.tr("Save the passport first."))
        self.table.setRowCount(len(self.items))
        for r, a in enumerate(self.items):
            for c, text in enumerate((a.name, a.kind_fa, size_fa(a.size),
                                      format_jalali_datetime(a.created_at), a.added_by)):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def selected(self) -> Attachment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _warn(self, exc: GovsvcError) -> None:
        QMessageBox.warning(self, self.tr("Attachments"), exc.message_fa)

    def add_files(self, paths: list[str] | None = None) -> list[Attachment]:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Attach files"), "",
                self.tr("Documents and images (*.pdf *.jpg *.jpeg *.png *.gif *.tif *.tiff *.webp "
                        "*.docx *.xlsx *.pptx *.odt *.ods *.doc *.xls);;All files (*)"))
        added = []
        for path in paths:
            try:
                added.append(self.service.add_file(self.uuid, Path(path)))
            except GovsvcError as exc:
                self._warn(exc)
        self.show_for(self.uuid)
        return added

    def open_selected(self) -> Path | None:
        a = self.selected()
        if a is None:
            return None
        try:
            data = self.service.data(a)
        except GovsvcError as exc:
            self._warn(exc)
            return None
        folder = Path(self._open_dir.name) / a.uuid
        folder.mkdir(exist_ok=True)
        path = folder / a.name
        path.write_bytes(data)
        path.chmod(0o400)
        self.opener(path)
        return path

    def save_selected(self, target: str = "") -> Path | None:
        a = self.selected()
        if a is None:
            return None
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), a.name)
        if not target:
            return None
        from govsvc_desktop.config import atomic_write

        try:
            atomic_write(Path(target), self.service.data(a))
        except (GovsvcError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Attachments"), getattr(exc, "message_fa", str(exc)))
            return None
        return Path(target)

    def rename_selected(self, new_name: str = "") -> Attachment | None:
        a = self.selected()
        if a is None:
            return None
        if not new_name:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename attachment"),
                                                self.tr("New name:"), text=a.name)
            if not ok:
                return None
        try:
            renamed = self.service.rename(a, new_name)
        except GovsvcError as exc:
            self._warn(exc)
            return None
        self.show_for(self.uuid)
        return renamed

    def remove_selected(self) -> Attachment | None:
        a = self.selected()
        if a is None:
            return None
        answer = QMessageBox.question(
            self, self.tr("Remove attachment"),
            self.tr("Take «{name}» off this passport? The history keeps a record of it.")
            .format(name=a.name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            removed = self.service.remove(a)
        except GovsvcError as exc:
            self._warn(exc)
            return None
        self.show_for(self.uuid)
        return removed
