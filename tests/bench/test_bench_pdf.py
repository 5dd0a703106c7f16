"""Speed of the passport form (issue targets, recorded in extra_info, never asserted):
one form at least 10x faster than WeasyPrint rendering an HTML version of the same content and
at most 1.2x bare ReportLab drawing the same strings unshaped (every line the form draws, at
the same place in the same font); a passport of about 100 pages under 1 s with nothing cached
but the fonts; 1,000 forms in one batch under 60 s on two cores."""

from __future__ import annotations

import html
import io
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.reports import pdffont
from govsvc_desktop.reports import text as text_module
from govsvc_desktop.reports.fonts import font_path
from govsvc_desktop.reports.passport_pdf import PdfOptions, render_passport
from tests.bench.conftest import demo_database
from tests.bench.long_passport import long_passport
from tests.fixtures import full_passport
from tests.reports.test_passport_pdf import typed_texts

OPTIONS = PdfOptions()


@dataclass(frozen=True)
class _Drawn:
    """One line of text as the form draws it: where, on which page, in which font."""

    page: int
    x: float
    y: float
    text: str
    bold: bool
    size: float


def _form_lines() -> list[_Drawn]:
    """Every line of text the passport form draws, recorded while it draws them."""
    drawn: list[_Drawn] = []
    original = text_module._emit

    def record(canvas, line, x, y, style, font):  # type: ignore[no-untyped-def]
        drawn.append(_Drawn(canvas.getPageNumber(), x, y, line.text, style.bold, style.size))
        original(canvas, line, x, y, style, font)

    text_module._emit = record
    try:
        render_passport(full_passport(), OPTIONS)
    finally:
        text_module._emit = original
    return drawn


def _bare_font(bold: bool) -> str:
    name = "VazirBare-Bold" if bold else "VazirBare"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font_path(bold))))
    return name


def _bare_reportlab(lines: list[_Drawn]) -> bytes:
    """The same lines, at the same places on the same pages in the same fonts, drawn with
    ReportLab's own drawString: no bidi, no shaping, no boxes."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pageCompression=1, invariant=1)
    page = 1
    for line in lines:
        if line.page != page:
            c.showPage()
            page = line.page
        c.setFont(_bare_font(line.bold), line.size)
        c.drawString(line.x, line.y, line.text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _html() -> str:
    """The passport's labels and values as an RTL HTML table: the same content for WeasyPrint."""
    p = full_passport()
    labels = list(PASSPORT_FIELDS.values())
    pairs = [(labels[i % len(labels)], v) for i, v in enumerate(typed_texts(p))]
    rows = "".join(f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
                   for label, value in pairs + [(label, "") for label in labels])
    font = font_path().as_uri()
    return f"""<html dir="rtl" lang="fa"><head><style>
    @font-face {{ font-family: Vazirmatn; src: url({font}); }}
    body {{ font-family: Vazirmatn; font-size: 9pt; }} table {{ border-collapse: collapse; width: 100%; }}
    th, td {{ border: 0.5pt solid #888; padding: 3pt; text-align: right; }} th {{ background: #eef; width: 30%; }}
    @page {{ size: A4; margin: 32pt; }}
    </style></head><body><h1>شناسنامه خدمت</h1><table>{rows}</table></body></html>"""


def _best(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    return _best_of_each([fn], rounds)[0]


def _best_of_each(fns, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The fastest of ``rounds`` runs of each function, taken in turns, so that a busy
    moment of the machine slows both sides of a ratio alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def test_one_form(benchmark: BenchmarkFixture) -> None:
    p = full_passport()
    render_passport(p, OPTIONS)  # fonts loaded and shaped labels cached, as in a running application
    rendered = benchmark(render_passport, p, OPTIONS)
    assert rendered.pages >= 3
    lines = _form_lines()
    ours, bare = _best_of_each([lambda: render_passport(p, OPTIONS), lambda: _bare_reportlab(lines)], 50)
    benchmark.extra_info["form_s"] = round(ours, 4)
    benchmark.extra_info["bare_reportlab_s"] = round(bare, 4)
    benchmark.extra_info["ratio_to_bare_reportlab"] = round(ours / bare, 2)
    try:
        from weasyprint import HTML
    except (ImportError, OSError):  # pragma: no cover - WeasyPrint needs Pango from system-deps
        pytest.fail("WeasyPrint (and Debian's Pango) is needed for this comparison: make setup")
    document = _html()
    weasy = _best(lambda: HTML(string=document).write_pdf(), 3)
    benchmark.extra_info["weasyprint_s"] = round(weasy, 4)
    benchmark.extra_info["weasyprint_over_ours"] = round(weasy / ours, 1)


def _forget_shaping() -> None:
    """Empty the text layer's caches, as in a fresh process that has loaded its fonts."""
    for cached in (text_module._shape, text_module._layout, text_module._word, text_module._advance,
                   text_module._word_levels):
        cached.cache_clear()
    pdffont._SUBSETS.clear()


def test_long_passport(benchmark: BenchmarkFixture) -> None:
    """5,000-character description, 200 documents and 100 steps: about a hundred pages."""
    p = long_passport()
    render_passport(full_passport(), OPTIONS)  # fonts loaded

    def cold() -> int:
        _forget_shaping()
        return render_passport(p, OPTIONS).pages

    pages = benchmark.pedantic(cold, rounds=3, iterations=1)
    benchmark.extra_info["pages"] = pages
    benchmark.extra_info["characters"] = len(p.description) + sum(
        len(d.title) + len(d.notes) for d in p.documents) + sum(len(s.title) for s in p.steps)
    benchmark.extra_info["warm_s"] = round(_best(lambda: render_passport(p, OPTIONS), 3), 4)


def test_batch_of_1000(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    db = demo_database(1000)
    app = build(str(db), upgrade=False)
    out = tmp_path / "thousand.pdf"

    def batch() -> None:
        result = app.printing.print_passports(PassportFilter(), out_file=out, workers=2)
        assert result.forms == 1000

    benchmark.pedantic(batch, rounds=1, iterations=1)
    benchmark.extra_info["megabytes"] = round(out.stat().st_size / 1e6, 1)
    app.close()
