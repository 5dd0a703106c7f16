"""Copyable and consistent: every PDF the application makes is read back with pypdf, PyMuPDF
and pdftotext, and none of them finds a character the document did not mean to print; numbers
are written one way in every PDF; every PDF says what it is, who made it and when."""

from __future__ import annotations

import datetime as dt
import random
import re
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader

from govsvc_desktop.demo import generator as demo
from govsvc_desktop.demo import plans as demo_plans
from govsvc_desktop.domain.agency.service_lists import build_service_lists
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.plans import model as plan_mod
from govsvc_desktop.reports import text as text_module
from govsvc_desktop.reports.obligations_pdf import render_service_lists
from govsvc_desktop.reports.passport_pdf import PdfOptions, render_passport, render_passports
from govsvc_desktop.reports.plan_pdf import render_plan, render_quarter_report
from tests.fixtures import HARD_STRINGS, full_passport

TODAY = dt.date(2026, 11, 25)
OPTIONS = PdfOptions(print_date=TODAY)
# What extractors add by themselves: white space and invisible direction marks and joiners.
_INVISIBLE = set("\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def _drawn(make: Callable[[], bytes]) -> tuple[bytes, str]:
    """The PDF and every string its pages drew, taken where the text layer draws them."""
    seen: list[str] = []
    original = text_module._emit

    def record(canvas, line, x, y, style, font):  # type: ignore[no-untyped-def]
        seen.append(line.text)
        original(canvas, line, x, y, style, font)

    text_module._emit = record
    try:
        data = make()
    finally:
        text_module._emit = original
    return data, "".join(seen)


def _extracted(data: bytes, tmp: Path) -> Iterator[tuple[str, str]]:
    path = tmp / "read.pdf"
    path.write_bytes(data)
    yield "pdftotext", subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                      text=True).stdout
    yield "pypdf", "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    with pymupdf.open(path) as doc:
        yield "PyMuPDF", "".join(page.get_text() for page in doc)


def _foreign(source: str, extracted: str) -> set[str]:
    allowed = set(unicodedata.normalize("NFKC", source)) | set(source)
    return {ch for ch in unicodedata.normalize("NFKC", extracted)
            if not ch.isspace() and ch not in _INVISIBLE and ch not in allowed}


def _documents() -> list[tuple[str, Callable[[], bytes]]]:
    tricky = full_passport()
    tricky.benefits = "رأساً توسط دستگاه، مُحَمَّد و اقتصاداً؛ " + " ".join(HARD_STRINGS)
    batch = list(demo.generate(12, today=TODAY))
    approved = [p for p in batch if p.status in (Status.APPROVED, Status.SENT, Status.ACCEPTED)]
    lists = build_service_lists(batch + approved, TODAY)
    plan = demo_plans.make_plan(random.Random(4), (tricky.uuid, tricky.service_id, tricky.title), TODAY)
    return [
        ("form", lambda: render_passport(tricky, OPTIONS).data),
        ("demo forms", lambda: render_passports(batch, OPTIONS).data),
        ("lists", lambda: render_service_lists(lists, OPTIONS).data),
        ("plan", lambda: render_plan(plan, OPTIONS).data),
        ("quarter", lambda: render_quarter_report([plan], "1404-Q2", OPTIONS).data),
    ]


@pytest.mark.parametrize("name,make", _documents(), ids=[n for n, _ in _documents()])
def test_no_extractor_finds_a_character_that_was_not_printed(
    name: str, make: Callable[[], bytes], tmp_path: Path,
) -> None:
    data, source = _drawn(make)
    assert source
    for tool, text in _extracted(data, tmp_path):
        assert _foreign(source, text) == set(), f"{name}: {tool}"


def test_tanwin_copies_as_itself(tmp_path: Path) -> None:
    p = full_passport()
    p.benefits = "رأساً توسط دستگاه"
    for tool, text in _extracted(render_passport(p, OPTIONS).data, tmp_path):
        assert "Ú" not in text, tool
        assert "ً" in text, tool
    path = tmp_path / "t.pdf"
    path.write_bytes(render_passport(p, OPTIONS).data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "رأساً توسط دستگاه" in out


def _text(data: bytes, tmp: Path) -> str:
    path = tmp / "n.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_numbers_are_written_one_way_in_every_pdf(tmp_path: Path) -> None:
    """Persian digits, «٬» for thousands, «٫» for decimals and «٪» for percent everywhere the
    application formats a number (typed text and Latin identifiers keep their own)."""
    batch = list(demo.generate(30, today=TODAY))
    lists = build_service_lists(batch, TODAY, only_valid=False)
    plan = plan_mod.ImprovementPlan(title="بهبود فرایند", service_title="خدمت")
    plan.indicators[0].before, plan.indicators[0].target = 10.0, 7.47
    texts = [_text(render_service_lists(lists, OPTIONS).data, tmp_path),
             _text(render_plan(plan, OPTIONS).data, tmp_path)]
    for text in texts:
        body = "\n".join(line for line in text.splitlines()
                         if not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}|SHA|sha256", line))
        assert not re.search(r"[0-9]", body), body[:400]
        assert not re.search(r"[۰-۹][.,][۰-۹]", body)
        assert "درصد" not in body
    assert "۲۵٫۳٪" in texts[1]  # 10 → 7.47 is a 25.3% cut
    assert "دفتر" in texts[0] or lists.delegated == []


def test_every_pdf_says_what_it_is_who_made_it_and_when(tmp_path: Path) -> None:
    p = full_passport()
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    path = tmp_path / "form.pdf"
    path.write_bytes(render_passport(p, OPTIONS).data)
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    assert p.title in (meta.title or "") and meta.author == p.agency_name
    assert p.uuid in (meta.subject or "")
    for when in (meta.creation_date, meta.modification_date):
        assert when is not None and abs((when - before).total_seconds()) < 120
    assert reader.trailer["/Root"]["/Lang"] == "fa-IR"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "2000" not in re.search(r"CreationDate:.*", info).group(0)  # type: ignore[union-attr]
    lists = tmp_path / "lists.pdf"
    lists.write_bytes(render_service_lists(build_service_lists([], TODAY, "اداره کل نمونه"), OPTIONS).data)
    lists_meta = PdfReader(lists).metadata
    assert lists_meta is not None and lists_meta.author == "اداره کل نمونه" and lists_meta.title
