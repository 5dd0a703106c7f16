"""A form that cannot overprint: random passports with every field at the limits validation
allows, and the demo batch, read back with PyMuPDF; no two lines of text cross and nothing
leaves the printable area. Also the marks of state and fields left empty."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.passport.model import (
    Fee,
    ProcessStep,
    RequiredDocument,
    ServicePassport,
)
from govsvc_desktop.domain.passport.validation import MAX_SHORT_TEXT, blocking, validate
from govsvc_desktop.reports.form import CONTINUED
from govsvc_desktop.reports.passport_pdf import PdfOptions, render_passport, render_passports
from tests.fixtures import full_passport
from tests.reports.pdf_geometry import layout_faults, text_lines
from tests.reports.test_passport_pdf import norm

TODAY = dt.date(2026, 11, 25)
OPTIONS = PdfOptions(print_date=TODAY)
WORDS = ["اداره", "کل", "حفاظت", "محیط", "زیست", "استان", "کهگیلویه", "و", "بویراحمد", "ICT", "۱۲۳",
         "(مصوب ۱۳۹۳)", "می‌خواهم", "G2C", "«گیومه»", "4-2", "رأساً", "www.example.ir/path"]
SHORT = ("title", "agency_name", "province", "county")
LONG = ("description", "recipients", "stakeholders", "sub_services", "in_person_reasons",
        "identity_verification", "benefits", "obstacles", "applicant_conditions", "counter_actions",
        "providing_unit", "where_to_apply", "where_to_receive", "parent_agency", "prepared_by",
        "reviewed_by", "approved_by", "centre_comment", "exemption_reference")


def text_of(rng: random.Random, length: int) -> str:
    """Text exactly ``length`` characters long: words, now and then one that never breaks."""
    parts: list[str] = []
    size = 0
    while size < length:
        word = "بی‌فاصله" * rng.randint(1, 40) if rng.random() < 0.1 else rng.choice(WORDS)
        parts.append(word)
        size += len(word) + 1
    return " ".join(parts)[:length].rstrip() or "خ"


@st.composite
def passports_at_limits(draw: st.DrawFn) -> ServicePassport:
    """Hypothesis draws the shape (status, counts, which field is longest, a seed); the texts
    come from the seed, so that examples stay small for hypothesis to handle."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    p = full_passport()
    for name in SHORT:
        setattr(p, name, text_of(rng, MAX_SHORT_TEXT))
    # the longest value validation allows (20,000) in one field, long ones in the others
    for name in LONG:
        setattr(p, name, text_of(rng, draw(st.sampled_from([60, 900, 3000]))))
    setattr(p, draw(st.sampled_from(LONG)), text_of(rng, 20_000))
    p.status = draw(st.sampled_from(list(Status)))
    p.documents = [RequiredDocument(text_of(rng, 300), True, text_of(rng, 500))
                   for _ in range(draw(st.integers(0, 30)))]
    p.steps = [ProcessStep(i + 1, text_of(rng, 400), text_of(rng, 200), 999_999.5)
               for i in range(draw(st.integers(1, 30)))]
    p.fees = [dataclasses.replace(p.fees[0], title=text_of(rng, 300), bank=text_of(rng, 200),
                                  amount_rials=10**15) for _ in range(draw(st.integers(0, 5)))] or [Fee()]
    p.recipients_count = p.deliveries_per_year = 10**12
    return p


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(passports_at_limits())
def test_random_passports_at_the_limits_never_overprint(p: ServicePassport) -> None:
    assert blocking(validate(p)) == []  # what validation allows, nothing more
    pdf = render_passport(p, OPTIONS).data
    assert layout_faults(pdf) == []


def test_the_demo_batch_never_overprints() -> None:
    passports = list(demo.generate(50, today=TODAY))
    rendered = render_passports(passports, OPTIONS)
    assert rendered.pages >= 150
    assert layout_faults(rendered.data) == []


def test_a_long_agency_name_grows_the_header_instead_of_overprinting() -> None:
    p = full_passport()
    p.agency_name = "اداره کل حفاظت محیط زیست استان کهگیلویه و بویراحمد " * 9
    pdf = render_passport(p, OPTIONS).data
    assert layout_faults(pdf) == []
    pages, _ = text_lines(pdf)
    status = [line for line in pages[0] if "وضعیت" in line.text]
    agency = [line for line in pages[0] if "بویراحمد" in line.text]
    above = [a for a in agency if a.y1 < min(s.y0 for s in status)]
    assert status and len(above) >= 3  # the name wrapped in the header, above the status


def test_a_field_continued_on_a_new_page_repeats_its_label() -> None:
    p = full_passport()
    p.description = " ".join(f"بند {i} از شرح آزمایشی خدمت" for i in range(900))
    pages, _ = text_lines(render_passport(p, OPTIONS).data)
    continued = [k for k, lines in enumerate(pages)
                 if any("شرح" in ln.text and CONTINUED.strip("()") in ln.text for ln in lines)]
    with_text = [k for k, lines in enumerate(pages) if any("آزمایشی" in ln.text for ln in lines)]
    assert len(with_text) >= 3
    assert continued == with_text[1:]


def test_long_names_grow_the_signature_boxes() -> None:
    p = full_passport()
    p.approved_by = "دکتر " + "محمدحسین صادقی‌نژاد اصفهانی " * 8
    pdf = render_passport(p, OPTIONS).data
    assert layout_faults(pdf) == []
    pages, _ = text_lines(pdf)
    last = pages[-1]
    signs = [ln for ln in last if ln.text.strip() == "امضا"]
    names = [ln for ln in last if "اصفهانی" in ln.text]
    assert len(signs) == 3 and names
    assert max(n.y1 for n in names) < min(s.y0 for s in signs)


def _first_page(p: ServicePassport, today: dt.date = TODAY) -> str:
    pages, _ = text_lines(render_passport(p, PdfOptions(print_date=today)).data)
    return norm(" ".join(ln.text for ln in pages[0]))


def _header(p: ServicePassport, today: dt.date = TODAY) -> str:
    import pymupdf

    with pymupdf.open(stream=render_passport(p, PdfOptions(print_date=today)).data, filetype="pdf") as doc:
        return norm(doc[0].get_text())


def test_marks_of_state() -> None:
    approved = full_passport()
    approved.status = Status.APPROVED
    approved.approved_on = "2026-01-12"  # valid for one Jalali year
    assert "معتبر تا" in _header(approved, dt.date(2026, 6, 1))
    expiring = _header(approved, dt.date(2026, 12, 20))
    assert "رو به انقضا" in expiring and "روز مانده" in expiring
    expired = _header(approved, dt.date(2027, 2, 1))
    assert "منقضی" in expired and "پایان یافته" in expired
    returned = copy.deepcopy(approved)
    returned.status = Status.RETURNED
    assert "برگشت‌خورده از مرکز".replace("\u200c", "") in _header(returned).replace("\u200c", "")
    draft = copy.deepcopy(approved)
    draft.status = Status.DRAFT
    assert "تأییدنشده" in _header(draft) and "معتبر تا" not in _header(draft)


def test_who_prepared_reviewed_and_approved_with_dates() -> None:
    p = full_passport()
    text = _header(p)
    for name in (p.prepared_by, p.reviewed_by, p.approved_by):
        assert name in norm(" ".join(_all_text(p)))
    assert text


def _all_text(p: ServicePassport) -> list[str]:
    import pymupdf

    with pymupdf.open(stream=render_passport(p, OPTIONS).data, filetype="pdf") as doc:
        return [norm(page.get_text()) for page in doc]


def test_an_empty_draft_prints_no_answer_nobody_gave() -> None:
    """No ticked box and no «خیر» or «۰» unless the record says so."""
    import pymupdf

    empty = ServicePassport(title="خدمت تازه")
    with pymupdf.open(stream=render_passport(empty, OPTIONS).data, filetype="pdf") as doc:
        text = " ".join(norm(page.get_text()) for page in doc)
        ticks = sum(len(page.get_drawings()) for page in doc)
    assert re.search(r"(?<![۰-۹/])۰(?![۰-۹/])", text) is None  # no smart level «۰»
    assert "خیر" not in text and "بله" not in text
    filled = full_passport()
    filled.status = Status.DRAFT
    with pymupdf.open(stream=render_passport(filled, OPTIONS).data, filetype="pdf") as doc:
        filled_ticks = sum(len(page.get_drawings()) for page in doc)
    assert filled_ticks > ticks
    assert _ticked(empty) == 0
    assert _ticked(filled) >= 8


def _ticked(p: ServicePassport) -> int:
    """Ticks are drawn as two strokes inside a box: count the paths with three points."""
    import pymupdf

    count = 0
    with pymupdf.open(stream=render_passport(p, OPTIONS).data, filetype="pdf") as doc:
        for page in doc:
            for path in page.get_drawings():
                lines = [item for item in path["items"] if item[0] == "l"]
                if len(lines) == 2 and path.get("width", 0) and path["width"] > 1:
                    count += 1
    return count


def test_identifiers_never_mix_two_kinds_of_digit() -> None:
    p = full_passport()
    p.org_units[0].employee_id = "12345678"
    text = " ".join(_all_text(p))
    assert "۱۲۳۴۵۶۷۸" in text and "12345678" not in text
    sheba = p.fees[0].sheba
    assert sheba in text  # a Sheba is printed as banks print it, «IR» and Latin digits
    assert "IR۰" not in text and not any(f"IR{d}" in text for d in "۰۱۲۳۴۵۶۷۸۹")
    assert "4-2" in text or "2-4" in text  # typed text keeps the digits it was typed with
