"""Item models over service results. The passport list fetches a page at a time, so the
window opens at once on 100,000 records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from govsvc_desktop.domain.passport.queries import PassportFilter, PassportSummary
from govsvc_desktop.services.passports import PassportService
from govsvc_desktop.ui import display
from govsvc_desktop.ui.tasks import DbWorker

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class PassportTableModel(QAbstractTableModel):
    """Rows come from ``PassportService.page``; sorting is done by the database."""

    COLUMNS = ("service_id", "title", "agency_name", "province", "status", "validity", "valid_until")
    SORTABLE = {"service_id": "service_id", "title": "title", "agency_name": "agency_name",
                "province": "province", "status": "status", "valid_until": "valid_until",
                "validity": "valid_until"}

    loaded = Signal()

    def __init__(self, service: PassportService, persian_digits: bool = True,
                 runner: DbWorker | None = None) -> None:
        super().__init__()
        self.service = service
        self.runner = runner
        self.persian_digits = persian_digits
        self.filter = PassportFilter()
        self.sort_key = "title"
        self.descending = False
        self.rows: list[PassportSummary] = []
        self.total = 0
        if runner is None:
            self.reload()

    def headers(self) -> list[str]:
        return [self.tr("Service ID"), self.tr("Title"), self.tr("Agency"), self.tr("Province"),
                self.tr("Status"), self.tr("Validity"), self.tr("Valid until")]

    def set_filter(self, f: PassportFilter) -> None:
        self.filter = f
        self.reload()

    def reload(self) -> None:
        """Reads the first page again (on the database thread when there is one); ``loaded``
        follows once the rows are in."""
        service, f, key, descending = self.service, self.filter, self.sort_key, self.descending

        def read() -> tuple[int, list[PassportSummary]]:
            return service.count(f), service.page(f, key, descending, 0, PAGE)

        if self.runner is None:
            self._apply(read())
        else:
            self.runner.run(read, self._apply, label=self.tr("Loading passports…"))

    def _apply(self, read: tuple[int, list[PassportSummary]]) -> None:
        self.beginResetModel()
        self.total, self.rows = read
        self.endResetModel()
        self.loaded.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = self.service.page(self.filter, self.sort_key, self.descending, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "service_id":
                return display.digits(row.service_id) if row.service_id else self.tr("no ID")
            if column == "status":
                return display.choice(row.status)
            if column == "validity":
                return display.choice(row.validity)
            if column == "valid_until":
                return display.date(row.valid_until)
            return getattr(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.uuid
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if display.persian() else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.sort_key = self.SORTABLE[self.COLUMNS[column]]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def uuid_at(self, row: int) -> str:
        return self.rows[row].uuid
