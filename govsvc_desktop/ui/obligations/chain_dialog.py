"""An inter-agency service chain (seed 001 Art. 6): its title, the final service, and the
services of each agency in the order the final service needs them."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.domain.agency.cycle import ChainLink, ServiceChain
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.agency import normalise_service_id
from govsvc_desktop.ui.obligations.record_dialog import add_footer
from govsvc_desktop.ui.widgets.tables import selected_row

_ATTRS = ("agency", "service_id", "service_title", "exchange")


class ChainDialog(QDialog):
    def __init__(self, chain: ServiceChain, save: Callable[[ServiceChain], ServiceChain],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inter-agency service chain"))
        self.chain = copy.deepcopy(chain)
        self.save_chain = save
        self.saved: ServiceChain | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(chain.title)
        self.final = QLineEdit(chain.final_service)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Final service:"), self.final)
        layout.addLayout(form)
        self.links = QTableWidget(0, len(_ATTRS))
        self.links.setHorizontalHeaderLabels([self.tr("Agency"), self.tr("Service ID"),
                                              self.tr("Service"), self.tr("Data exchanged")])
        self.links.horizontalHeader().setStretchLastSection(True)
        for link in chain.links:
            self.add_link(link)
        layout.addWidget(self.links, 1)
        bar = QHBoxLayout()
        for text, slot in ((self.tr("Add link"), lambda: self.add_link()),
                           (self.tr("Remove link"), self.remove_link),
                           (self.tr("Move up"), lambda: self.move(-1)),
                           (self.tr("Move down"), lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.problems = add_footer(self, layout, self.save)
        self.resize(720, 420)

    def add_link(self, link: ChainLink | None = None) -> None:
        link = link or ChainLink()
        row = self.links.rowCount()
        self.links.insertRow(row)
        for col, name in enumerate(_ATTRS):
            self.links.setItem(row, col, QTableWidgetItem(getattr(link, name)))

    def remove_link(self) -> None:
        row = selected_row(self.links)
        if row >= 0:
            self.links.removeRow(row)

    def move(self, step: int) -> None:
        row = selected_row(self.links)
        target = row + step
        if row < 0 or not 0 <= target < self.links.rowCount():
            return
        for col in range(len(_ATTRS)):
            a, b = self.links.takeItem(row, col), self.links.takeItem(target, col)
            self.links.setItem(row, col, b)
            self.links.setItem(target, col, a)
        self.links.setCurrentCell(target, 0)

    def _cell(self, row: int, col: int) -> str:
        item = self.links.item(row, col)
        return item.text().strip() if item is not None else ""

    def save(self) -> ServiceChain | None:
        try:
            links = []
            for row in range(self.links.rowCount()):
                values = {name: self._cell(row, col) for col, name in enumerate(_ATTRS)}
                if not any(values.values()):
                    continue
                values["service_id"] = normalise_service_id(values["service_id"],
                                                            f"links[{row}].service_id")
                links.append(ChainLink(**values))
            self.chain.title, self.chain.final_service = self.title.text().strip(), self.final.text().strip()
            self.chain.links = links
            self.saved = self.save_chain(self.chain)
        except GovsvcError as exc:
            self.problems.setText(exc.message_fa)
            return None
        self.accept()
        return self.saved
