"""Seeing a form before it goes to paper: a PDF preview inside the application, with
printing, saving and opening in the system's own viewer."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.print_queue import PrintRequest, cups_available, print_pdf
from govsvc_desktop.ui import display


class PdfPreview(QDialog):
    """Shows PDF bytes page by page; nothing is written until the person asks."""

    def __init__(self, data: bytes, title: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.file_name = file_name
        self.setWindowTitle(title)
        self.resize(820, 960)
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.pages_label = QLabel(self.tr("%1 pages").replace("%1", display.number(self.document.pageCount())))
        for button in (self.print_button, self.save_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_externally)
        self._opened: list[Path] = []

    def page_count(self) -> int:
        return self.document.pageCount()

    def save_to(self, path: Path) -> None:
        atomic_write(path, self.data)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self.file_name, self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else f"{path}.pdf"))

    def open_externally(self) -> Path:
        """The system viewer opens a copy in the temporary folder (the database holds no files)."""
        folder = Path(tempfile.mkdtemp(prefix="govsvc-pdf-"))
        path = folder / self.file_name
        atomic_write(path, self.data)
        self._opened.append(path)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("No PDF viewer is set up; the file is at %1").replace("%1", str(path)))
        return path

    def print_document(self) -> None:
        """The system's print dialog (printer, copies, pages), A4 portrait, then the job."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> str | None:
        """Prints on ``printer``: through the print service, the PDF itself (vector, at its own
        size, so the form keeps its margins); without one, page images through Qt, each
        placed on the whole sheet at the form's own scale. Returns the service's job ID."""
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName() \
                and cups_available():
            pages = ""
            if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
                pages = f"{printer.fromPage()}-{printer.toPage() or self.document.pageCount()}"
            request = PrintRequest(printer.printerName(), printer.docName() or self.file_name,
                                   max(1, printer.copyCount()), pages)
            try:
                return print_pdf(self.data, request)
            except GovsvcError as exc:
                QMessageBox.warning(self, self.windowTitle(), exc.message_fa)
                return None
        self._paint_pages(printer)
        return None

    def _paint_pages(self, printer: QPrinter) -> None:
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be started."))
            return
        try:
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            dpi = printer.resolution()
            for index in range(self.document.pageCount()):
                if index:
                    printer.newPage()
                size = self.document.pagePointSize(index)
                scale = dpi / 72.0  # the form's own size: its margins are the margins on paper
                image = self.document.render(index, QSize(int(size.width() * scale), int(size.height() * scale)))
                painter.drawImage(int(paper.x()), int(paper.y()), image)
        finally:
            painter.end()
