"""Right-to-left printed forms on A4: section bars, label/value rows, checkbox groups and
tables whose header row repeats on every page they run onto.

Layout happens first and drawing later: every page is a list of drawing operations, so the
footer can say «صفحه n از m» and nothing is drawn twice. Every block measures its content
before it is placed, so nothing overprints: a cell taller than the space left is split between
lines and continues on the next page under its label marked «(ادامه)»; text is never clipped.
Columns are given right to left, the way a Persian reader reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.reports.text import (
    TextStyle,
    Wrapped,
    draw_paragraph,
    elide,
    paragraph_height,
    text_width,
    wrap,
    wrap_lines,
)

Op = Callable[[Canvas], None]
CONTINUED = "(ادامه)"

BODY = TextStyle(size=9, leading=14)
LABEL = TextStyle(size=9, leading=14, bold=True)
HEAD = TextStyle(size=9, leading=14, bold=True, align="center")
SECTION = TextStyle(size=11, leading=18, bold=True)
PAD = 3.0
BOX = 8.0
LINE_GREY = 0.55
LABEL_FILL = (0.93, 0.94, 0.96)
HEAD_FILL = (0.85, 0.88, 0.93)
SECTION_FILL = (0.23, 0.33, 0.48)


@dataclass(frozen=True)
class Cell:
    """Text in a table cell; ``fill`` shades its background. A label cell gives ``again``:
    what it says when its row continues on a new page."""

    text: str
    style: TextStyle = BODY
    fill: tuple[float, float, float] | None = None
    again: str | None = None


def continued(label: str) -> str:
    return f"{label} {CONTINUED}"


def label_cell(label: str) -> Cell:
    return Cell(label, LABEL, LABEL_FILL, continued(label))


@dataclass(frozen=True)
class Column:
    header: str
    weight: float
    style: TextStyle = BODY


@dataclass
class FormLayout:
    """Pages of a form being laid out; ``top_reserve``/``bottom_reserve`` leave room for the
    header and footer the caller draws when rendering (``first_top_reserve`` for page one,
    whose header is measured from its content)."""

    page_size: tuple[float, float] = A4
    margin: float = 32.0
    top_reserve: float = 64.0
    bottom_reserve: float = 30.0
    first_top_reserve: float | None = None
    pages: list[list[Op]] = field(default_factory=list)
    y: float = 0.0

    def __post_init__(self) -> None:
        self.new_page()

    # geometry
    @property
    def left(self) -> float:
        return self.margin

    @property
    def width(self) -> float:
        return self.page_size[0] - 2 * self.margin

    def reserve(self, page: int) -> float:
        """Room above the body on page ``page`` (1-based)."""
        if page == 1 and self.first_top_reserve is not None:
            return self.first_top_reserve
        return self.top_reserve

    @property
    def top(self) -> float:
        return self.page_size[1] - self.margin - self.reserve(len(self.pages) or 1)

    @property
    def bottom(self) -> float:
        return self.margin + self.bottom_reserve

    @property
    def room(self) -> float:
        return self.y - self.bottom

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    @property
    def at_top(self) -> bool:
        return self.y >= self.top - 0.01

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits (a fresh page never moves again)."""
        if height > self.room and self.y < self.top:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def gap(self, height: float = 6.0) -> None:
        self.y -= min(height, self.room)

    # blocks
    def section(self, title: str) -> None:
        """A dark bar with the section's title, kept with at least two rows after it."""
        height = SECTION.line_height + 2 * PAD
        self.ensure(height + 3 * (BODY.line_height + 2 * PAD))
        x, y, w = self.left, self.y, self.width

        def draw(c: Canvas) -> None:
            c.saveState()
            c.setFillColorRGB(*SECTION_FILL)
            c.rect(x, y - height, w, height, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            draw_paragraph(c, title, x + 2 * PAD, y - PAD, w - 4 * PAD, SECTION)
            c.restoreState()

        self.add(draw)
        self.y -= height + 2

    def paragraph(self, text: str, style: TextStyle = BODY) -> None:
        """Free text across the whole width, flowing onto further pages."""
        self._rows([[Cell(text, style)]], [self.width], header=None, border=False)

    def fields(self, rows: Sequence[tuple[str, str]], label_width: float = 150.0) -> None:
        """Label/value rows: shaded label on the right, value beside it. A value that needs
        more than one line goes under its label across the whole width instead, so that it
        reads (and copies) as one block rather than interleaved with the label."""
        widths = [label_width, self.width - label_width]
        for label, value in rows:
            if len(wrap_lines(value, widths[1] - 2 * PAD, BODY)) > 1:
                self.ensure(paragraph_height(label, self.width - 2 * PAD, LABEL) + 2 * PAD
                            + 2 * BODY.line_height + 2 * PAD)
                self._rows([[label_cell(label)]], [self.width], header=None)
                self._rows([[Cell(value)]], [self.width], header=None,
                           repeat=[label_cell(continued(label))])
            else:
                self._rows([[label_cell(label), Cell(value)]], widths, header=None)

    def field_pairs(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """Two label/value pairs side by side on each row; a pair whose value needs more than
        one line gets a row of its own."""
        label = 100.0
        value = self.width / 2 - label
        for a, b, c, d in rows:
            if any(len(wrap_lines(v, value - 2 * PAD, BODY)) > 1 for v in (b, d)) or not c:
                self.fields([(a, b)] + ([(c, d)] if c else []))
            else:
                self._rows([[label_cell(a), Cell(b), label_cell(c), Cell(d)]],
                           [label, value, label, value], header=None)

    def checkboxes(self, label: str, options: Sequence[tuple[str, bool]], label_width: float = 150.0) -> None:
        """A labelled group of boxes, ticked where the data says so, wrapping right to left."""
        value_width = self.width - label_width
        placed = _place_boxes(options, value_width - 2 * PAD)
        lines = max((line + len(texts) for line, _, texts, _ in placed), default=1)
        content = lines * BODY.line_height
        label_h = paragraph_height(label, label_width - 2 * PAD, LABEL)
        height = max(content, label_h) + 2 * PAD
        self.ensure(height)
        x, y, w = self.left, self.y, self.width

        def draw(c: Canvas) -> None:
            label_x = x + w - label_width
            _cell_box(c, label_x, y, label_width, height, LABEL_FILL)
            _cell_box(c, x, y, value_width, height, None)
            draw_paragraph(c, label, label_x + PAD, y - PAD, label_width - 2 * PAD, LABEL)
            right = x + value_width - PAD
            for line, offset, texts, checked in placed:
                base_top = y - PAD - line * BODY.line_height
                box_right = right - offset
                box_y = base_top - (BODY.line_height + BOX) / 2
                _tick_box(c, box_right - BOX, box_y, checked)
                for k, text in enumerate(texts):
                    tw = text_width(text, BODY)
                    draw_paragraph(c, text, box_right - BOX - 3 - tw - 1, base_top - k * BODY.line_height,
                                   tw + 2, TextStyle(size=BODY.size, leading=BODY.leading, align="right"))

        self.add(draw)
        self.y -= height

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], empty: str = "—") -> None:
        """A table with a header row that repeats on every page the table runs onto."""
        total = sum(col.weight for col in columns)
        widths = [self.width * col.weight / total for col in columns]
        header = [Cell(col.header, HEAD, HEAD_FILL) for col in columns]
        body = [[Cell(value, col.style) for value, col in zip(row, columns, strict=True)] for row in rows]
        if not body:
            body = [[Cell(empty if i == 0 else "") for i in range(len(columns))]]
        self._rows(body, widths, header=header)

    def signature_boxes(self, boxes: Sequence[tuple[str, Sequence[str]]], room: float = 40.0) -> None:
        """Boxes for handwritten signatures: a title and lines (name, date...) in each, then
        ``room`` to sign in above «امضا». Every box is as tall as the fullest one needs."""
        width = self.width / len(boxes)
        inner = width - 8 - 2 * PAD
        sign = TextStyle(size=8, leading=12, align="left")
        boxes = [(title, [_clip(line, inner, BODY) for line in lines]) for title, lines in boxes]
        heights = [paragraph_height(title, inner, LABEL)
                   + sum(paragraph_height(line, inner, BODY) for line in lines) for title, lines in boxes]
        height = max(heights) + room + sign.line_height + 2 * PAD
        self.ensure(height)
        x, y = self.left, self.y

        def draw(c: Canvas) -> None:
            for i, (title, lines) in enumerate(boxes):
                bx = x + self.width - (i + 1) * width
                _cell_box(c, bx + 4, y, width - 8, height, None)
                top = y - PAD - draw_paragraph(c, title, bx + 4 + PAD, y - PAD, inner, LABEL)
                for line in lines:
                    top -= draw_paragraph(c, line, bx + 4 + PAD, top, inner, BODY)
                draw_paragraph(c, "امضا", bx + 4 + PAD, y - height + PAD + sign.line_height, inner, sign)

        self.add(draw)
        self.y -= height

    # rows with page breaks
    def _rows(self, rows: list[list[Cell]], widths: list[float], header: list[Cell] | None,
              border: bool = True, repeat: list[Cell] | None = None) -> None:
        """Rows under ``header`` (drawn first and on every further page); ``repeat`` is a
        full-width label drawn only at the top of further pages, for a value that continues."""
        head_h = _row_height(header, widths) if header else 0.0
        rep_w = [self.width]
        rep_h = _row_height(repeat, rep_w) if repeat else 0.0

        def wrapped(cells: list[Cell], ws: list[float]) -> list[Wrapped]:
            return [wrap(c.text, w - 2 * PAD, c.style) for c, w in zip(cells, ws, strict=True)]

        def next_page() -> None:
            self.new_page()
            if repeat:
                self._draw_row(repeat, rep_w, wrapped(repeat, rep_w), rep_h, border)
            if header:
                self._draw_row(header, widths, wrapped(header, widths), head_h, border)

        if header:
            self.ensure(head_h + BODY.line_height + 2 * PAD)
            self._draw_row(header, widths, wrapped(header, widths), head_h, border)
        for row in rows:
            lines = wrapped(row, widths)
            leads = [cell.style.line_height for cell in row]
            start = [0] * len(row)
            while True:
                left = [len(ls) - s for ls, s in zip(lines, start, strict=True)]
                need = max(n * lead for n, lead in zip(left, leads, strict=True)) + 2 * PAD
                if need <= self.room:
                    self._draw_row(row, widths, [ls.part(s) for ls, s in zip(lines, start, strict=True)], need,
                                   border)
                    break
                fits = [int((self.room - 2 * PAD) // lead) for lead in leads]
                fresh = self.y >= self.top - head_h - rep_h - 1
                if min(fits) < 2 and not fresh:
                    next_page()
                    continue
                chunk = [ls.part(s, s + max(f, 1)) for ls, s, f in zip(lines, start, fits, strict=True)]
                height = max(len(ch) * lead for ch, lead in zip(chunk, leads, strict=True)) + 2 * PAD
                self._draw_row(row, widths, chunk, height, border)
                start = [s + len(ch) for s, ch in zip(start, chunk, strict=True)]
                next_page()
                for k, (cell, w) in enumerate(zip(row, widths, strict=True)):
                    if cell.again is not None and start[k] >= len(lines[k]):
                        lines[k] = lines[k] + wrap(cell.again, w - 2 * PAD, cell.style)

    def _draw_row(self, row: list[Cell], widths: list[float], lines: list[Wrapped], height: float,
                  border: bool) -> None:
        x_right, y = self.left + self.width, self.y

        def draw(c: Canvas) -> None:
            right = x_right
            for cell, w, ls in zip(row, widths, lines, strict=True):
                if border:
                    _cell_box(c, right - w, y, w, height, cell.fill)
                if len(ls):
                    ls.draw(c, right - w + PAD, y - PAD)
                right -= w

        self.add(draw)
        self.y -= height


def _clip(text: str, width: float, style: TextStyle, most: int = 3) -> str:
    """At most ``most`` lines of ``text``, the last shortened with «…»: a signature box holds a
    name, and the full text stands in the rows above it."""
    lines = wrap_lines(text, width, style)
    if len(lines) <= most:
        return text
    return "\n".join(lines[:most - 1] + [elide(" ".join(lines[most - 1:]), width, style)])


def _row_height(row: list[Cell] | None, widths: list[float]) -> float:
    if not row:
        return 0.0
    return max(paragraph_height(c.text, w - 2 * PAD, c.style) for c, w in zip(row, widths, strict=True)) + 2 * PAD


# Boxes are written as PDF operators directly, each inside q/Q: a form draws hundreds of them,
# and the canvas's own state calls cost more than the rest of a cell.


def _cell_box(c: Canvas, x: float, y_top: float, w: float, h: float,
              fill: tuple[float, float, float] | None) -> None:
    colour = f"{fill[0]:.3f} {fill[1]:.3f} {fill[2]:.3f} rg " if fill else ""
    c.addLiteral(f"q .5 w {LINE_GREY:.3f} G {colour}{x:.2f} {y_top - h:.2f} {w:.2f} {h:.2f} re "
                 f"{'B' if fill else 'S'} Q")


def _tick_box(c: Canvas, x: float, y: float, checked: bool) -> None:
    """A square, ticked with two strokes (a drawing, so it adds nothing to copied text)."""
    tick = (f" 1.2 w {x + 1.6:.2f} {y + BOX * 0.5:.2f} m {x + BOX * 0.42:.2f} {y + 1.6:.2f} l "
            f"{x + BOX - 1.2:.2f} {y + BOX - 1.2:.2f} l S") if checked else ""
    c.addLiteral(f"q 0 G .7 w {x:.2f} {y:.2f} {BOX:.2f} {BOX:.2f} re S{tick} Q")


def _place_boxes(options: Sequence[tuple[str, bool]], width: float) -> list[tuple[int, float, list[str], bool]]:
    """(line, offset from the right edge, text lines, checked) of each box, wrapping right to
    left; an option wider than the whole line is wrapped on lines of its own."""
    placed: list[tuple[int, float, list[str], bool]] = []
    line, offset = 0, 0.0
    text_room = width - BOX - 3 - 2
    for text, checked in options:
        texts = wrap_lines(text, text_room, BODY)
        need = BOX + 3 + max(text_width(t, BODY) for t in texts) + 14
        if offset and (offset + need > width or len(texts) > 1):
            line, offset = line + 1, 0.0
        placed.append((line, offset, texts, checked))
        if len(texts) > 1:
            line, offset = line + len(texts), 0.0
        else:
            offset += need
    return placed
