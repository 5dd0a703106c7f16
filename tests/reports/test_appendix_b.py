"""The printed form against Appendix B of seed 004: the same rows, in the same order, with the
same labels, read back from the PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from govsvc_desktop.reports import appendix_b
from govsvc_desktop.reports.passport_pdf import render_passport
from tests.fixtures import full_passport
from tests.reports.pdf_geometry import bold_cells
from tests.reports.test_passport_pdf import norm, squeeze

SEED = Path("/work/shared/seeds/004_39cd198102266f07.txt")
SEED_COPY = Path(__file__).parent / "reference" / "appendix_b_seed004.txt"


def seed_text() -> str:
    """Appendix B as the seed gives it (a copy is kept beside the tests for machines without
    the seeds folder; both must agree)."""
    text = SEED_COPY.read_text(encoding="utf-8")
    if SEED.exists():
        full = SEED.read_text(encoding="utf-8")
        start = full.index("### پیوست ب")
        assert full[start:full.index("### پیشخوان خدمات دولتی")].strip() == text.strip()
    return text


def _read(cell: str) -> str:
    for garbled, printed in appendix_b.OCR_READINGS.items():
        cell = cell.replace(garbled, printed)
    return cell.strip()


def seed_labels() -> list[str]:
    """Row labels of the form, then the titles of the description table, in the seed's order:
    every table cell without a checkbox; in the description table, the second cell."""
    form, table = seed_text().split("### جدول شرح خدمات")
    labels = []
    for line in form.splitlines()[1:]:
        labels += [_read(c) for c in line.split("\t") if c.strip() and "<input" not in c]
    for line in table.splitlines():
        cells = line.split("\t")
        if len(cells) == 3 and re.fullmatch(r"[۰-۹]+", cells[0].strip()):
            labels.append(_read(cells[1]))
    return labels


def test_the_module_holds_the_seeds_labels_in_order() -> None:
    labels = seed_labels()
    assert len(labels) == 32  # 20 rows (two of them with two fields) and the 10 table rows
    assert labels == appendix_b.row_labels()


def test_the_printed_form_reads_the_seeds_labels_in_order(tmp_path: Path) -> None:
    """The labels (set in bold) read from the page in reading order are the seed's list: no
    label missing, none added between them, none out of order. PyMuPDF finds the boxes and
    their order but does not reorder right-to-left text, so a box is compared by the letters
    it holds; pdftotext, which does, finds every label word for word."""
    data = render_passport(full_passport()).data
    cells = [_letters(c) for c in bold_cells(data)]
    wanted = [_letters(label) for label in seed_labels()]
    heading = _letters(f"{appendix_b.FORM_TITLE} ({appendix_b.APPENDIX})")
    body = [c for c in cells[cells.index(heading, 1) + 1:] if c != heading]  # not the page headings
    end = body.index(_letters(appendix_b.DESCRIPTION_TABLE))
    form, table = body[:end], body[end + 1:]
    head = [_letters(c) for c in appendix_b.DESCRIPTION_COLUMNS]
    assert table[:3] == head
    rows = [c for c in table[3:] if c not in head]  # the header repeats on a new page
    assert form + rows[:len(appendix_b.DESCRIPTION_ROWS)] == wanted
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    words = set(_bare(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                     text=True).stdout).split())
    assert [label for label in seed_labels() if not set(_bare(label).split()) <= words] == []


def _bare(text: str) -> str:
    """Words without punctuation (poppler moves neutrals at the edges of runs)."""
    return re.sub(r"[^\w\s]", " ", norm(text))


def _letters(text: str) -> str:
    return "".join(sorted(squeeze(text)))


def test_nothing_is_printed_between_the_rows_but_their_values(tmp_path: Path) -> None:
    """The rows the issue found out of place stay out of the form: «نوع خدمت» is not in section
    one, the recipients count comes after the reasons for coming in person."""
    path = tmp_path / "form.pdf"
    path.write_bytes(render_passport(full_passport()).data)
    text = squeeze(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                  text=True).stdout)
    assert text.index(squeeze(appendix_b.IN_PERSON)) < text.index(squeeze(appendix_b.RECIPIENTS_COUNT))
    assert text.index(squeeze(appendix_b.METHOD)) < text.index(squeeze(appendix_b.IN_PERSON))
    assert squeeze("تعداد دفعات ارائه در یک سال") not in text
    assert squeeze("(۱۴۰ دفتر)") in text and squeeze("(۱۲ مرکز)") in text
