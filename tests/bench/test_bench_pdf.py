"""Speed of the passport form (issue targets, recorded in extra_info, never asserted):
one form at least 10x faster than WeasyPrint rendering an HTML version of the same content and
at most 1.5x bare ReportLab drawing the same strings unshaped; 1,000 forms in one batch under
60 s on two cores."""

from __future__ import annotations

import html
import io
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.labels import PASSPORT_FIELDS
from govsvc_desktop.domain.queries import PassportFilter
from govsvc_desktop.reports.fonts import font_path
from govsvc_desktop.reports.passport_pdf import PdfOptions, render_passport
from govsvc_desktop.services.printing import print_passports
from tests.bench.conftest import demo_database
from tests.fixtures import full_passport
from tests.reports.test_passport_pdf import typed_texts

OPTIONS = PdfOptions()


def _strings() -> list[tuple[str, str]]:
    p = full_passport()
    values = typed_texts(p)
    labels = list(PASSPORT_FIELDS.values())
    return [(labels[i % len(labels)], v) for i, v in enumerate(values)] + [(label, "") for label in labels]


def _bare_reportlab() -> bytes:
    """The same labels and values drawn with ReportLab's own drawString: no bidi, no shaping."""
    if "VazirBare" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VazirBare", str(font_path())))
    buffer = io.BytesIO()
    c = Canvas(buffer)
    y = 800.0
    for label, value in _strings():
        c.setFont("VazirBare", 9)
        c.drawRightString(560, y, label)
        c.drawRightString(400, y, value)
        y -= 14
        if y < 40:
            c.showPage()
            y = 800.0
    c.save()
    return buffer.getvalue()


def _html() -> str:
    rows = "".join(f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
                   for label, value in _strings())
    font = font_path().as_uri()
    return f"""<html dir="rtl" lang="fa"><head><style>
    @font-face {{ font-family: Vazirmatn; src: url({font}); }}
    body {{ font-family: Vazirmatn; font-size: 9pt; }} table {{ border-collapse: collapse; width: 100%; }}
    th, td {{ border: 0.5pt solid #888; padding: 3pt; text-align: right; }} th {{ background: #eef; width: 30%; }}
    @page {{ size: A4; margin: 32pt; }}
    </style></head><body><h1>شناسنامه خدمت</h1><table>{rows}</table></body></html>"""


def _best(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_one_form(benchmark: BenchmarkFixture) -> None:
    p = full_passport()
    render_passport(p, OPTIONS)  # fonts loaded and shaped labels cached, as in a running application
    rendered = benchmark(render_passport, p, OPTIONS)
    assert rendered.pages >= 3
    ours = benchmark.stats.stats.min
    bare = _best(_bare_reportlab, 20)
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


def test_batch_of_1000(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    db = demo_database(1000)
    app = build(str(db), upgrade=False)
    out = tmp_path / "thousand.pdf"

    def batch() -> None:
        result = print_passports(app.passports, app.db, PassportFilter(), out_file=out, workers=2)
        assert result.forms == 1000

    benchmark.pedantic(batch, rounds=1, iterations=1)
    benchmark.extra_info["megabytes"] = round(out.stat().st_size / 1e6, 1)
    app.close()
