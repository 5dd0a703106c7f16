"""The official passport form, judged from the PDF itself: pdftotext, pdffonts, pdfinfo and
rendered pages, the way /work/shared/notes/pdf-text-extraction.md describes."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
import subprocess
import unicodedata
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.reports.passport_pdf import (
    PdfOptions,
    content_digest,
    qr_payload,
    render_passport,
    write_passport_pdf,
)
from tests.fixtures import HARD_STRINGS, full_passport

REFERENCE = Path(__file__).parent / "reference"
PRINTED = dt.date(2026, 11, 25)
_CONTROLS = re.compile("[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NOT_TEXT = {"uuid", "created_at", "updated_at", "date", "reviewed_on", "approved_on", "sent_on",
            "centre_decision_on", "electronic_target_date"}


def norm(s: str) -> str:
    return " ".join(_CONTROLS.sub("", unicodedata.normalize("NFKC", s)).split())


def squeeze(s: str) -> str:
    return "".join(norm(s).split())


def pdftotext(path: Path, *extra: str) -> str:
    return subprocess.run(["pdftotext", *extra, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def typed_texts(record: Any) -> list[str]:
    """Every free-text value of a record and its parts, as the user typed it."""
    found: list[str] = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name in NOT_TEXT or isinstance(value, Enum):
            continue
        if isinstance(value, str) and value.strip():
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                if dataclasses.is_dataclass(item):
                    found += typed_texts(item)
    return found


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[ServicePassport, Path]:
    p = full_passport()
    p.obstacles = " ".join(HARD_STRINGS)
    path = tmp_path_factory.mktemp("pdf") / "full.pdf"
    write_passport_pdf(p, path, PdfOptions(persian_digits=False, print_date=PRINTED))
    return p, path


def test_every_typed_value_reads_back_from_the_pdf(full_pdf: tuple[ServicePassport, Path]) -> None:
    p, path = full_pdf
    text = pdftotext(path)
    flat = norm(text)
    squeezed = squeeze(text)
    values = typed_texts(p)
    assert len(values) > 40
    assert all(any(hard in value for value in values) for hard in HARD_STRINGS)
    missing = [v for v in values if norm(v) not in flat and squeeze(v) not in squeezed]
    assert missing == []
    for hard in HARD_STRINGS:
        assert norm(hard) in flat or squeeze(hard) in squeezed, hard


def test_short_values_read_back_exactly_in_reading_order(full_pdf: tuple[ServicePassport, Path]) -> None:
    """Values that fit on one line read back as typed, character for character."""
    p, path = full_pdf
    flat = norm(pdftotext(path))
    for value in (p.title, p.agency_name, p.recipients, HARD_STRINGS[2], p.legal_bases[0].title,
                  p.fees[0].sheba, p.service_id, p.uuid):
        assert norm(value) in flat, value


def test_header_footer_and_labels(full_pdf: tuple[ServicePassport, Path]) -> None:
    p, path = full_pdf
    pages = pdftotext(path).split("\f")
    real = [pg for pg in pages if pg.strip()]
    for number, page in enumerate(real, start=1):
        flat = norm(page)
        assert "شناسنامه خدمت" in flat and norm(p.agency_name) in flat
        assert f"صفحه {number} از {len(real)}" in flat
        assert p.uuid in flat and "تاریخ چاپ: 1405/09/04" in flat
    flat = norm(pdftotext(path))
    for label in ("ماهیت خدمت / وظیفه", "جدول شرح خدمات", "شرایط متقاضی", "محل دریافت پاسخ",
                  "رئیس دستگاه", "امضا", "کانال های کنونی ارائه خدمت"):
        assert norm(label) in flat, label


def test_persian_digits_setting(tmp_path: Path) -> None:
    p = full_passport()
    rendered = render_passport(p, PdfOptions(print_date=PRINTED))
    path = tmp_path / "fa.pdf"
    path.write_bytes(rendered.data)
    flat = norm(pdftotext(path))
    assert "۱۱۰۳۱۱۶۴۰۰۱" in flat and "تاریخ چاپ: ۱۴۰۵/۰۹/۰۴" in flat and "صفحه ۱ از" in flat
    assert "۳۵۰٬۰۰۰ ریال" in flat
    assert HARD_STRINGS[2] in flat  # typed text keeps its own digits


def test_vazirmatn_is_embedded_as_subset_and_nothing_else(full_pdf: tuple[ServicePassport, Path]) -> None:
    _, path = full_pdf
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        name = row.split()[0]
        assert re.fullmatch(r"[A-Z]{6}\+Vazirmatn.*", name), row
        assert " yes yes " in f" {' '.join(row.split()[-5:-2])} ", row  # embedded, subset


def test_draft_has_watermark_and_approved_has_none(tmp_path: Path) -> None:
    draft = full_passport()
    approved = copy.deepcopy(draft)
    approved.status = Status.APPROVED
    approved.approved_on = "2026-10-01"
    pages = {}
    for name, p in (("draft", draft), ("approved", approved)):
        write_passport_pdf(p, tmp_path / f"{name}.pdf", PdfOptions(print_date=PRINTED))
        subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "3", "-l", "3", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        image = Image.open(tmp_path / f"{name}-3.png").convert("L")
        w, h = image.size
        pages[name] = image.crop((0, int(h * 0.2), w, int(h * 0.9)))  # below the header
    diff = ImageChops.difference(pages["draft"], pages["approved"]).point(lambda v: 255 if v > 20 else 0)
    assert sum(1 for v in diff.get_flattened_data() if v) > 1000  # the grey word across the page
    draft_first = norm(pdftotext(tmp_path / "draft.pdf").split("\f")[0])
    approved_first = norm(pdftotext(tmp_path / "approved.pdf").split("\f")[0])
    assert "وضعیت: پیشنویس" in draft_first and "معتبر تا ۱۴۰۶/۰۷/۰۸" in approved_first
    # the watermark is not text: it never gets into what a reader copies
    draft_pages = [pg for pg in pdftotext(tmp_path / "draft.pdf").split("\f") if pg.strip()]
    # once in each page header and once in the status row, never from the watermark
    assert norm(pdftotext(tmp_path / "draft.pdf")).count("پیشنویس") == len(draft_pages) + 1


def test_qr_code_carries_id_uuid_and_content_digest() -> None:
    p = full_passport()
    payload = qr_payload(p)
    assert payload == f"GOVSVC-PASSPORT|{p.service_id}|{p.uuid}|sha256:{content_digest(p)}"
    changed = copy.deepcopy(p)
    changed.title += " ویرایش"
    assert content_digest(changed) != content_digest(p)
    no_id = copy.deepcopy(p)
    no_id.service_id = ""
    assert qr_payload(no_id).startswith("GOVSVC-PASSPORT|-|")


def test_long_text_flows_onto_further_pages_and_tables_repeat_their_header(tmp_path: Path) -> None:
    p = full_passport()
    p.description = " ".join(f"بند {i} از شرح بسیار بلند خدمت که باید به صفحه بعد برود." for i in range(400))
    p.steps = [dataclasses.replace(p.steps[0], order=i + 1, title=f"مرحله شماره {i + 1} رسیدگی",
                                   responsible_unit=f"واحد رسیدگی {i + 1}") for i in range(90)]
    path = tmp_path / "long.pdf"
    rendered = write_passport_pdf(p, path, PdfOptions(persian_digits=False, print_date=PRINTED))
    short = render_passport(full_passport(), PdfOptions(print_date=PRINTED))
    assert rendered.pages > short.pages + 3
    text = pdftotext(path)
    flat = norm(text)
    for i in (0, 137, 399):
        assert f"بند {i} از شرح" in flat
    for i in (1, 45, 90):
        assert f"مرحله شماره {i} رسیدگی" in flat
    step_pages = [pg for pg in text.split("\f") if "واحد رسیدگی" in pg]
    assert len(step_pages) >= 2
    assert all("واحد مسئول" in pg for pg in step_pages)


def test_characters_the_font_lacks_are_replaced_visibly_and_reported(tmp_path: Path) -> None:
    p = full_passport()
    p.benefits = "خدمت بهتر 😀 و ⾀ بی‌نشانه"
    rendered = render_passport(p, PdfOptions(print_date=PRINTED))
    assert {"😀", "⾀"} <= rendered.missing
    path = tmp_path / "missing.pdf"
    path.write_bytes(rendered.data)
    assert "خدمت بهتر" in norm(pdftotext(path))


def test_pages_look_like_the_reference(tmp_path: Path) -> None:
    """A layout change shows up here; look at the new image before replacing the reference."""
    path = tmp_path / "ref.pdf"
    write_passport_pdf(full_passport(), path, PdfOptions(print_date=PRINTED))
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "2", str(path), str(tmp_path / "page")],
                   check=True)
    for number in (1, 2):
        made = Image.open(tmp_path / f"page-{number}.png").convert("L")
        reference_path = REFERENCE / f"passport_page{number}_50dpi.png"
        if not reference_path.exists():  # first run on a new layout: keep it for review
            made.save(reference_path)
        reference = Image.open(reference_path).convert("L")
        assert made.size == reference.size
        diff = ImageChops.difference(made, reference).point(lambda v: 255 if v > 60 else 0)
        changed = sum(1 for v in diff.get_flattened_data() if v) / (made.size[0] * made.size[1])
        assert changed < 0.01, f"page {number}: {changed:.2%} of pixels differ"
