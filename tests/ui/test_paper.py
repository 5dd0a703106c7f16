"""Printing on paper: through Qt's printer to a real print queue (a cupsd started here, with
Debian's cups-pdf as its printer) and back: the printed file has the same pages, the same
text on them as the form, A4, nothing cut at the edges. Also the CLI's `pdf print`."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from govsvc_desktop.bootstrap import App
from govsvc_desktop.ui.passport_editor import PassportEditor
from tests import cups
from tests.fixtures import full_passport


@pytest.fixture(scope="module")
def cups_server() -> Iterator[str]:
    with cups.print_service() as sock:
        yield sock


def _pages(pdf: Path, folder: Path, name: str) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(pdf), str(folder / name)], check=True,
                   capture_output=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"{name}-*.png"))]


def _ink(image: Image.Image) -> tuple[int, int, int, int]:
    box = ImageChops.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
    assert box is not None
    return box


def _same_paper(original: Path, printed: Path, folder: Path) -> None:
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    assert "595 x 842" in info or "595.276 x 841.89" in info  # A4
    made, back = _pages(original, folder, "orig"), _pages(printed, folder, "printed")
    assert len(back) == len(made)
    for a, b in zip(made, back, strict=True):
        assert a.size == b.size
        # the same text and lines where they were (the print service turns the glyphs into
        # bitmap fonts, so edges are smoothed before comparing): at most a sliver differs
        soft = ImageFilter.BoxBlur(1)
        diff = ImageChops.difference(a.filter(soft), b.filter(soft)).point(lambda v: 255 if v > 80 else 0)
        assert sum(1 for v in diff.get_flattened_data() if v) / (a.size[0] * a.size[1]) < 0.01
        # nothing cut: the ink keeps the form's own margins (32 pt ≈ 18 px at 40 dpi)
        ia, ib = _ink(a), _ink(b)
        assert all(abs(x - y) <= 2 for x, y in zip(ia, ib, strict=True)), (ia, ib)
        assert ib[0] >= 10 and ib[1] >= 10 and ib[2] <= b.size[0] - 10 and ib[3] <= b.size[1] - 10


def _approved():  # type: ignore[no-untyped-def]
    """An approved form: no translucent watermark, which PostScript printers flatten."""
    from govsvc_desktop.domain.choices import Status

    p = full_passport()
    p.status = Status.APPROVED
    return p


def test_print_goes_through_qt_to_the_print_queue(
    qtbot: QtBot, gui_app: App, cups_server: str, tmp_path: Path,
) -> None:
    assert cups_server == str(cups.SOCKET)
    gui_app.passports.save(_approved())
    editor = PassportEditor(gui_app, gui_app.passports.get(full_passport().uuid))
    qtbot.addWidget(editor)
    preview = editor.preview_form()
    assert preview is not None
    qtbot.addWidget(preview)
    title = f"govsvc-{uuid.uuid4().hex[:12]}"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPrinterName(cups.QUEUE)
    printer.setDocName(title)
    assert printer.printerName() == cups.QUEUE
    job = preview.print_to(printer)
    assert job and job.startswith(cups.QUEUE)
    original = tmp_path / "form.pdf"
    original.write_bytes(preview.data)
    printed = cups.wait_for_output(title)
    try:
        _same_paper(original, printed, tmp_path)
    finally:
        printed.unlink()


def test_cli_prints_a_form_to_a_named_queue(cups_server: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from govsvc_desktop.bootstrap import build
    from govsvc_desktop.cli import main

    monkeypatch.setenv("CUPS_SERVER", cups_server)  # lp reads it at each call
    db = tmp_path / "db.sqlite3"
    app = build(str(db))
    p = full_passport()
    p.title = f"چاپ {uuid.uuid4().hex[:8]}"
    app.passports.save(p)
    app.close()
    assert main(["--db", str(db), "pdf", "print", p.uuid, "--printer", cups.QUEUE]) == 0
    assert main(["--db", str(db), "pdf", "print", p.uuid, "--printer", "NoSuchQueue"]) == 8
    assert main(["--db", str(db), "pdf", "print", p.uuid, "--printer", cups.QUEUE, "--pages", "x"]) == 8
