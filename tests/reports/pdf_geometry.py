"""Where text stands on a PDF page, read back with PyMuPDF: the check that nothing
overprints (no two lines of text cross) and nothing leaves the page."""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

# Tight glyph boxes, not the font's ascent/descent: lines set at their leading touch otherwise.
_FLAGS = pymupdf.TEXT_ACCURATE_BBOXES | pymupdf.TEXT_PRESERVE_WHITESPACE
EDGE = 20.0  # points: printers cannot print the outermost few millimetres of a sheet
OVERLAP = 0.6  # points each way before two boxes count as crossing (antialiasing-sized)


@dataclass(frozen=True)
class TextLine:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def crosses(self, other: TextLine) -> bool:
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > OVERLAP
                and min(self.y1, other.y1) - max(self.y0, other.y0) > OVERLAP)


def text_lines(pdf: bytes) -> tuple[list[list[TextLine]], tuple[float, float]]:
    """Horizontal text lines of every page (the rotated watermark is not text one reads)."""
    pages: list[list[TextLine]] = []
    size = (0.0, 0.0)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for number, page in enumerate(doc, start=1):
            size = (page.rect.width, page.rect.height)
            found = []
            for block in page.get_text("rawdict", flags=_FLAGS)["blocks"]:
                for line in block.get("lines", []):
                    if abs(line["dir"][1]) > 1e-3:
                        continue
                    chars = [ch for span in line["spans"] for ch in span["chars"]
                             if ch["c"].strip() and ch["bbox"][2] > ch["bbox"][0]]
                    if not chars:
                        continue
                    found.append(TextLine(
                        number, "".join(ch["c"] for ch in chars),
                        min(ch["bbox"][0] for ch in chars), min(ch["bbox"][1] for ch in chars),
                        max(ch["bbox"][2] for ch in chars), max(ch["bbox"][3] for ch in chars)))
            pages.append(found)
    return pages, size


def layout_faults(pdf: bytes) -> list[str]:
    """Every pair of crossing lines and every line outside the printable area, described."""
    pages, (width, height) = text_lines(pdf)
    faults = []
    for lines in pages:
        for k, a in enumerate(lines):
            if a.x0 < EDGE or a.y0 < EDGE or a.x1 > width - EDGE or a.y1 > height - EDGE:
                faults.append(f"page {a.page}: «{a.text[:40]}» leaves the page ({a.x0:.0f},{a.y0:.0f},"
                              f"{a.x1:.0f},{a.y1:.0f})")
            for b in lines[k + 1:]:
                if a.crosses(b):
                    faults.append(f"page {a.page}: «{a.text[:40]}» crosses «{b.text[:40]}»")
    return faults


def bold_cells(pdf: bytes) -> list[str]:
    """Text set in bold (labels, headings), one entry per box of text: lines that stand under
    each other and overlap sideways are joined, and boxes are read page by page, top to bottom,
    right to left, the way the form is read."""
    cells: list[tuple[int, float, float, float, float, list[str]]] = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for number, page in enumerate(doc, start=1):
            lines = []
            for block in page.get_text("dict", flags=_FLAGS)["blocks"]:
                for line in block.get("lines", []):
                    spans = [s for s in line["spans"] if "Bold" in s["font"] and s["text"].strip()]
                    if spans and abs(line["dir"][1]) < 1e-3:
                        x0, _, x1, _ = line["bbox"]
                        base = spans[0]["origin"][1]
                        lines.append((base, x0, x1, spans[0]["size"], "".join(s["text"] for s in spans)))
            # lines of one box stand one leading (at most 1.7 x the size) apart; the next box
            # starts at least two paddings further down
            open_cells: list[list] = []
            for base, x0, x1, size, text in sorted(lines):
                for cell in open_cells:
                    if min(x1, cell[3]) > max(x0, cell[2]) and 0 < base - cell[4] <= 1.7 * size:
                        cell[5].append(text)
                        cell[2], cell[3], cell[4] = min(x0, cell[2]), max(x1, cell[3]), base
                        break
                else:
                    open_cells.append([number, base, x0, x1, base, [text]])
            cells += [(c[0], c[1], c[2], c[3], c[4], c[5]) for c in open_cells]
    cells.sort(key=lambda c: (c[0], round(c[1]), -c[3]))
    return [" ".join(c[5]) for c in cells]
