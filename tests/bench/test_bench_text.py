"""Drawing one form page of 65 mixed Persian strings: the shaped, bidi-ordered text layer
next to bare ReportLab ``drawString`` of the same strings (unshaped, visually wrong)."""

from __future__ import annotations

import io

from pytest_benchmark.fixture import BenchmarkFixture
from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.reports import text as T
from govsvc_desktop.reports.fonts import reportlab_font_name

LABELS = [
    "عنوان خدمت",
    "شناسه خدمت",
    "نام دستگاه اجرایی",
    "تاریخ ثبت: ۱۴۰۳/۰۴/۰۲",
    "مبلغ ۱۲٬۵۰۰٬۰۰۰ ریال",
    "شماره ملی",
    "کد پستی",
    "نشانی پستی دستگاه",
    "تلفن 021-88776655",
    "ایمیل: info@example.gov.ir",
    "ماده 4-2 قانون شماره ۱۲۳ (مصوب ۱۳۹۳)",
    "سامانه ICT و خدمات G2C",
    "عنوان «گذرنامه خدمت» ثبت شد",
    "می‌خواهم نیم‌فاصله را درست بنویسم",
    "پیشرفت ۳۰٪ (حداقل 30%) است",
    "واحد/اداره کل/معاونت توسعه",
    "كارت ملي يك كاربر",
    "خدمات الکترونیکی – نسخه ۲ — نهایی",
    "نوع خدمت: دولت به شهروند (G2C)",
    "مدت انجام: ۳ روز کاری",
    "مدارک لازم",
    "هزینه خدمت (ریال)",
]
STRINGS = (LABELS * 3)[:65]
STYLE = T.TextStyle(size=9)


def draw_shaped(c: Canvas) -> None:
    y = 800.0
    for s in STRINGS:
        T.draw_line(c, s, 40, y, 500, STYLE)
        y -= 12


def draw_bare(c: Canvas) -> None:
    c.setFont(reportlab_font_name(), 9)
    y = 800.0
    for s in STRINGS:
        c.drawString(40, y, s)
        y -= 12


def _fresh_canvas() -> tuple[tuple[Canvas], dict[str, object]]:
    return (Canvas(io.BytesIO()),), {}


def test_shaped_text_layer(benchmark: BenchmarkFixture) -> None:
    draw_shaped(Canvas(io.BytesIO()))
    benchmark.pedantic(draw_shaped, setup=_fresh_canvas, rounds=200)


def test_bare_reportlab_drawstring(benchmark: BenchmarkFixture) -> None:
    draw_bare(Canvas(io.BytesIO()))
    benchmark.pedantic(draw_bare, setup=_fresh_canvas, rounds=200)
