"""The official passport form of seed 004, Appendix B «شناسنامه خدمت», as a PDF.

The form's twenty rows come in the published order with the published labels
(``appendix_b``), then its description table («جدول شرح خدمات»), then a supplement with
everything else the passport keeps, sections other parts of the application supply, and the
signatures of whoever prepared, reviewed and approved it. Every page carries the agency, the
title, the service ID and the record's state in its header and «صفحه n از m», the record's UUID
and the print date in its footer; the first page has a QR code with the service ID, the UUID and
a digest of the content. A form that is not an approved, valid one is printed under a watermark
(«پیش‌نویس», «برگشت‌خورده» or «منقضی»), and its header says why in red.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.approval import ApprovalCheck
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.choices import (
    Audience,
    ChannelKind,
    ElectronicMethod,
    ElectronicScope,
    Nature,
    RecordKind,
    ServiceScope,
    Status,
    Validity,
)
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.passport.labels import PART_FIELDS as P
from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS as F
from govsvc_desktop.domain.passport.model import (
    APPROVED_STATUSES,
    NO_SERVICE_ID,
    ServicePassport,
    service_id_text,
)
from govsvc_desktop.domain.persian import (
    format_int,
    format_number,
    localize_digits,
    to_ascii_digits,
)
from govsvc_desktop.reports import appendix_b, qr
from govsvc_desktop.reports.document import DocumentInfo, new_document
from govsvc_desktop.reports.fonts import fonts_pinned
from govsvc_desktop.reports.form import LABEL, Column, FormLayout
from govsvc_desktop.reports.text import (
    TextStyle,
    draw_line,
    draw_paragraph,
    elide,
    missing_characters,
    paragraph_height,
    text_width,
)

TITLE = TextStyle(size=15, leading=22, bold=True, align="center")
TITLE_SMALL = TextStyle(size=11, leading=16, bold=True, align="center")
HEAD_BOLD = TextStyle(size=9, leading=13, bold=True)
HEAD_TEXT = TextStyle(size=9, leading=13)
MARK = TextStyle(size=9, leading=13, bold=True)
MARK_PAD = 2.0
HEADER_GAP = 10.0
SMALL = TextStyle(size=8, leading=11)
SMALL_LEFT = TextStyle(size=8, leading=11, align="left")
WATERMARK = TextStyle(size=110, leading=120, bold=True, align="center")
FORM_HEADING = f"{appendix_b.FORM_TITLE} ({appendix_b.APPENDIX})"
LABEL_W = 170.0
QR_MASK = 2
QR_SIZE = 58.0
YES, NO = "بله", "خیر"


@dataclass(frozen=True)
class ExtraSection:
    """A section another part of the application adds to the form (say, the list of
    attachments or the details of an approval signature): label/value ``fields`` and/or a
    table of ``columns`` and ``rows``. Printed after the supplement, before the signatures."""

    title: str
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()

    def weights(self) -> tuple[float, ...]:
        return self.widths or tuple(1.0 for _ in self.columns)


@dataclass(frozen=True)
class PdfOptions:
    """How a form is printed. ``persian_digits`` applies to numbers, dates and IDs the form
    formats; typed text is printed as typed. ``print_date`` defaults to today; ``created``
    (the document's creation time) to now. ``sections`` come from the record's other parts."""

    persian_digits: bool = True
    print_date: dt.date | None = None
    created: dt.datetime | None = None
    sections: tuple[ExtraSection, ...] = ()
    attachments: tuple[str, ...] = ()  # names of the files kept with the passport
    # the approval signatures of the passports printed, by UUID, as the services read them
    approvals: Mapping[str, ApprovalCheck] = field(default_factory=dict)


@dataclass
class RenderedPdf:
    data: bytes
    pages: int
    missing: set[str] = field(default_factory=set)


def content_digest(p: ServicePassport) -> str:
    """SHA-256 of the record's JSON (keys sorted): what the QR code vouches for."""
    canonical = json.dumps(to_dict(p), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def qr_payload(p: ServicePassport, approval_hash: str = "") -> str:
    """What the QR code carries: the service ID, the UUID, the content digest and, for a
    passport whose approval signature is intact, the approval's hash."""
    tail = f"|approval:{approval_hash}" if approval_hash else ""
    return f"GOVSVC-PASSPORT|{p.service_id or '-'}|{p.uuid}|sha256:{content_digest(p)}{tail}"


def render_passport(p: ServicePassport, options: PdfOptions | None = None) -> RenderedPdf:
    """The form as PDF bytes, with its page count and the characters the font could not draw."""
    return render_passports([p], options)


def document_info(passports: Sequence[ServicePassport]) -> DocumentInfo:
    """Title, author (the agency) and subject of a PDF holding these forms."""
    if len(passports) == 1:
        p = passports[0]
        return DocumentInfo(f"{appendix_b.FORM_TITLE} — {p.title}", p.agency_name,
                            f"{appendix_b.FORM_TITLE} ({appendix_b.APPENDIX}) {p.display_id} {p.uuid}")
    agencies = sorted({p.agency_name for p in passports if p.agency_name})
    return DocumentInfo(f"{appendix_b.FORM_TITLE} — {format_int(len(passports))} فرم",
                        "، ".join(agencies), f"{appendix_b.FORM_TITLE} ({appendix_b.APPENDIX})")


def render_passports(passports: Iterable[ServicePassport], options: PdfOptions | None = None,
                     attachments: Mapping[str, Sequence[str]] | None = None) -> RenderedPdf:
    """Several forms in one PDF, one after another, each numbered on its own; they share one
    embedded font subset, so a batch stays small. ``attachments`` lists each passport's files
    by its UUID."""
    options = options or PdfOptions()
    records = list(passports)
    buffer = io.BytesIO()
    with fonts_pinned():
        canvas = new_document(buffer, document_info(records), options.created)
        pages = 0
        for p in records:
            files = tuple(attachments.get(p.uuid, ())) if attachments else options.attachments
            pages += draw_passport(canvas, p, replace(options, attachments=files))
        canvas.save()
    return RenderedPdf(buffer.getvalue(), pages, missing_characters(canvas))


def draw_passport(canvas: Canvas, p: ServicePassport, options: PdfOptions) -> int:
    """Draws one whole form on ``canvas`` from a fresh page; returns its number of pages."""
    header = _Header(p, options, 0)
    probe = FormLayout()
    form = _PassportForm(p, options, header.first_height(probe))
    layout = form.layout()
    header.total = len(layout.pages)
    word = watermark_word(p, options.print_date or dt.date.today())
    for number, ops in enumerate(layout.pages, start=1):
        if word:
            _watermark(canvas, layout, word)
        header.draw(canvas, layout, number)
        for op in ops:
            op(canvas)
        canvas.showPage()
    return header.total


def passport_pdf_bytes(p: ServicePassport, options: PdfOptions | None = None) -> bytes:
    return render_passport(p, options).data


def write_passport_pdf(p: ServicePassport, path: str | os.PathLike[str],
                       options: PdfOptions | None = None) -> RenderedPdf:
    """Writes the form atomically (a half-written PDF never replaces a good one)."""
    rendered = render_passport(p, options)
    atomic_write(Path(path), rendered.data)
    return rendered


class _Header:
    """Page furniture. Page one: the title beside the QR code, the agency and the title in full
    (they grow with their text), the service ID and the marks of state. Further pages: one
    line each, shortened to fit. Every page: «صفحه n از m», the UUID and the print date."""

    def __init__(self, p: ServicePassport, options: PdfOptions, total: int) -> None:
        self.p = p
        self.digits = options.persian_digits
        self.total = total
        today = options.print_date or dt.date.today()
        self.printed = format_jalali(today, self.digits)
        self.marks = state_marks(p, today, self.digits)
        self.service_id = service_id_text(p.service_id, self.digits)
        check = options.approvals.get(p.uuid)
        self.qr = qr_payload(p, check.approval_hash if check is not None and check.intact else "")
        self.kind = RecordKind(p.kind).label_fa

    def first_lines(self, width: float) -> list[tuple[str, TextStyle]]:
        return [
            (f"{appendix_b.AGENCY}: {self.p.agency_name}", HEAD_BOLD),
            (f"{self.kind}: {self.p.title}", HEAD_TEXT),
            (f"{appendix_b.SERVICE_ID}: {self.service_id}", HEAD_TEXT),
        ]

    def first_height(self, layout: FormLayout) -> float:
        """Room the first page's header needs: measured, so a long name never overprints."""
        inner = layout.width - QR_SIZE - 6
        text = TITLE.line_height + sum(paragraph_height(t, inner, st) for t, st in self.first_lines(inner))
        marks = sum(paragraph_height(m.text, inner - 2 * MARK_PAD, MARK) + 2 * MARK_PAD + 2 for m in self.marks)
        return max(QR_SIZE, text + marks) + HEADER_GAP

    @staticmethod
    def later_height() -> float:
        return TITLE_SMALL.line_height + 2 * HEAD_TEXT.line_height + HEADER_GAP

    def draw(self, c: Canvas, layout: FormLayout, number: int) -> None:
        x, w = layout.left, layout.width
        top = layout.page_size[1] - layout.margin
        if number == 1:
            inner = w - QR_SIZE - 6
            y = top - draw_paragraph(c, FORM_HEADING, x, top, inner, TITLE)
            for text, style in self.first_lines(inner):
                y -= draw_paragraph(c, text, x, y, inner, style)
            for mark in self.marks:
                y -= _mark(c, mark, x, y, inner) + 2
            _qr(c, self.qr, x + w - QR_SIZE, top - QR_SIZE)
        else:
            y = top - draw_paragraph(c, FORM_HEADING, x, top, w, TITLE_SMALL)
            marks = " — ".join(m.text for m in self.marks)
            for text in (f"{self.p.agency_name} — {self.kind}: {self.p.title}",
                         f"{appendix_b.SERVICE_ID}: {self.service_id} — {marks}"):
                y -= draw_paragraph(c, elide(text, w, HEAD_TEXT), x, y, w, HEAD_TEXT)
        rule = top - layout.reserve(number) + HEADER_GAP / 2
        c.addLiteral(f"q .4 G .8 w {x:.2f} {rule:.2f} m {x + w:.2f} {rule:.2f} l S "
                     f"{x:.2f} {layout.bottom - 8:.2f} m {x + w:.2f} {layout.bottom - 8:.2f} l S Q")
        page = f"صفحه {format_int(number, self.digits)} از {format_int(self.total, self.digits)}"
        foot = layout.margin + 8
        third = w / 3
        draw_line(c, page, x + 2 * third, foot, third, SMALL)
        draw_line(c, self.p.uuid, x + third, foot, third, TextStyle(size=7, align="center", direction="ltr"))
        draw_line(c, f"تاریخ چاپ: {self.printed}", x, foot, third, SMALL_LEFT)


@dataclass(frozen=True)
class StateMark:
    """A line of the header that says how the record stands; ``alert`` prints it in red."""

    text: str
    alert: bool = False


def state_marks(p: ServicePassport, today: dt.date, digits: bool = True) -> list[StateMark]:
    """Status and validity as the header prints them: expired, expiring within 30 days,
    returned by the centre, not yet approved."""

    def date(value: dt.date | str | None) -> str:
        return format_jalali(value, digits)

    status = f"{F['status']}: {p.status.label_fa}"
    if p.status is Status.RETURNED:
        when = f" در {date(p.centre_decision_on)}" if p.centre_decision_on else ""
        return [StateMark(f"{status} — برگشت‌خورده از مرکز{when}؛ نیاز به اصلاح و تأیید دوباره", True)]
    validity = p.validity(today)
    until = p.valid_until
    if until is None or validity is Validity.NOT_APPROVED:
        return [StateMark(f"{status} — {Validity.NOT_APPROVED.label_fa}؛ سند رسمی نیست", p.status is Status.DRAFT)]
    if validity is Validity.EXPIRED:
        return [StateMark(f"{status} — {Validity.EXPIRED.label_fa}: اعتبار در {date(until)} پایان یافته است؛ "
                          "باید تمدید یا به‌روزرسانی شود", True)]
    if validity is Validity.EXPIRING:
        left = format_int((until - today).days, digits)
        return [StateMark(f"{status} — {Validity.EXPIRING.label_fa}: معتبر تا {date(until)} "
                          f"({left} روز مانده)", True)]
    return [StateMark(f"{status} — معتبر تا {date(until)}")]


def watermark_word(p: ServicePassport, today: dt.date) -> str | None:
    """The word printed across every page of a form that is not a valid approved one."""
    if p.status is Status.RETURNED:
        return "برگشت‌خورده"
    if p.status not in APPROVED_STATUSES:
        return "پیش‌نویس"
    if p.validity(today) is Validity.EXPIRED:
        return "منقضی"
    return None


def _mark(c: Canvas, mark: StateMark, x: float, y_top: float, width: float) -> float:
    """A framed line of state (red when it needs attention); returns its height."""
    inner = width - 2 * MARK_PAD
    height = paragraph_height(mark.text, inner, MARK) + 2 * MARK_PAD
    colour = "0.75 0.05 0.05" if mark.alert else "0.25 0.3 0.4"
    c.addLiteral(f"q {colour} RG 1 w {x + width - _mark_width(mark, width):.2f} {y_top - height:.2f} "
                 f"{_mark_width(mark, width):.2f} {height:.2f} re S Q")
    c.saveState()
    if mark.alert:
        c.setFillColorRGB(0.65, 0.0, 0.0)
    draw_paragraph(c, mark.text, x + MARK_PAD, y_top - MARK_PAD, inner, MARK)
    c.restoreState()
    return height


def _mark_width(mark: StateMark, width: float) -> float:
    return min(width, text_width(mark.text, MARK) + 2 * MARK_PAD + 2)


def _qr(c: Canvas, payload: str, x: float, y: float) -> None:
    """The QR code as a one-bit inline image, one sample per module (no font, so the page
    declares only Vazirmatn; far smaller than a rectangle per module)."""
    code = qr.encode(payload.encode("utf-8"), QR_MASK)
    samples = b"".join(code.packed_rows()).hex()
    c.addLiteral(f"q {QR_SIZE:g} 0 0 {QR_SIZE:g} {x:.2f} {y:.2f} cm BI /W {code.size} "
                 f"/H {code.size} /BPC 1 /CS /G /D [1 0] /F /AHx ID {samples}> EI Q")


def _watermark(c: Canvas, layout: FormLayout, word: str) -> None:
    width, height = layout.page_size
    c.saveState()
    c.setFillColorRGB(0.75, 0.75, 0.78)
    c.setFillAlpha(0.35)
    c.translate(width / 2, height / 2)
    c.rotate(40)
    # Marked with an empty ActualText: seen on paper, absent from copied or extracted text.
    c.addLiteral("/Span <</ActualText ()>> BDC")
    draw_line(c, word, -width, -40, 2 * width, WATERMARK)
    c.addLiteral("EMC")
    c.restoreState()


class _PassportForm:
    """Lays the passport out: Appendix B row by row, its description table, then the
    supplement (what the application keeps beyond the form) and the signatures."""

    def __init__(self, p: ServicePassport, options: PdfOptions, first_reserve: float) -> None:
        self.p = p
        self.options = options
        self.digits = options.persian_digits
        self.f = FormLayout(top_reserve=_Header.later_height(), first_top_reserve=first_reserve)
        # A yes/no stored as «no» is the default of an unanswered question until someone has
        # reviewed the record: a draft prints it unanswered rather than as a ticked «no».
        self.answered = p.status is not Status.DRAFT
        self.attached = options.attachments
        self.approval = options.approvals.get(p.uuid)

    # formatting, one place for the form
    def num(self, value: float | int | None) -> str:
        return format_number(value, self.digits)

    def rials(self, value: int | None) -> str:
        return "" if value is None else f"{format_int(value, self.digits)} ریال"

    def date(self, value: str | None) -> str:
        return format_jalali(value, self.digits)

    def ident(self, value: str) -> str:
        """Identifiers made only of digits follow the digits setting; one with Latin letters
        (a Sheba, «U10023») is printed as typed, so no identifier mixes two kinds of digit."""
        if re.search(r"[A-Za-z]", value):
            return to_ascii_digits(value)
        return localize_digits(value, self.digits)

    def yes_no(self, value: bool) -> str:
        return YES if value else NO

    def answer(self, value: bool) -> bool | None:
        return True if value else (False if self.answered else None)

    def layout(self) -> FormLayout:
        self.appendix_b()
        self.description_table()
        self.supplement()
        self.extra_sections()
        self.attachments()
        self.life_cycle()
        return self.f

    def appendix_b(self) -> None:
        """The form's twenty rows, as published."""
        p, f, a = self.p, self.f, appendix_b
        f.section(f"{appendix_b.FORM_TITLE} ({appendix_b.APPENDIX})")
        f.fields([(a.AGENCY, p.agency_name)], LABEL_W)
        f.field_pairs([(a.TITLE, p.title, a.SERVICE_ID, self.ident(p.service_id) or NO_SERVICE_ID)])
        natures = (Nature.SOVEREIGN, Nature.ENTERPRISE, Nature.SUPPORTIVE)
        f.checkboxes(a.NATURE, [(label, p.nature is n) for label, n in zip(a.NATURE_OPTIONS, natures, strict=True)],
                     LABEL_W)
        f.fields([(a.DESCRIPTION, p.description), (a.RECIPIENTS, p.recipients),
                  (a.SUB_SERVICES, p.sub_services)], LABEL_W)
        f.checkboxes(a.CHANNELS, self.channels(), LABEL_W)
        methods = (ElectronicMethod.NON_ELECTRONIC, ElectronicMethod.INFO_WEB, ElectronicMethod.ONLINE,
                   ElectronicMethod.OFFLINE)
        f.checkboxes(a.METHOD, [(label, p.electronic_method is m)
                                for label, m in zip(a.METHOD_OPTIONS, methods, strict=True)], LABEL_W)
        f.fields([(a.IN_PERSON, p.in_person_reasons), (a.RECIPIENTS_COUNT, self.num(p.recipients_count))],
                 LABEL_W)
        scopes = (ElectronicScope.NATIONAL, ElectronicScope.PROVINCIAL, ElectronicScope.CITY)
        f.checkboxes(a.SCOPE, [(label, p.electronic_scope is s)
                               for label, s in zip(a.SCOPE_OPTIONS, scopes, strict=True)], LABEL_W)
        audiences = (Audience.G2G, Audience.G2C, Audience.G2B, Audience.B2C)
        f.checkboxes(a.AUDIENCE, [(label, x in p.audiences)
                                  for label, x in zip(a.AUDIENCE_OPTIONS, audiences, strict=True)], LABEL_W)
        f.fields([(a.FREQUENCY, self.num(p.deliveries_per_year)),
                  (a.DURATION, self.duration(p.service_time, p.service_time_unit.label_fa))], LABEL_W)
        f.field_pairs([(a.DIRECT_COST, self.rials(p.direct_cost_rials), a.COST_PRICE,
                        self.rials(p.cost_price_rials))])
        f.fields([(a.ACCOUNT, self.accounts())], LABEL_W)
        needs = self.answer(p.needs_inter_agency)
        f.checkboxes(a.INTER_AGENCY, [(a.INTER_AGENCY_OPTIONS[0], needs is True),
                                      (a.INTER_AGENCY_OPTIONS[1], needs is False)], LABEL_W)
        f.fields([(a.IDENTITY, p.identity_verification), (a.BENEFITS, p.benefits),
                  (a.OBSTACLES, p.obstacles)], LABEL_W)

    def channels(self) -> list[tuple[str, bool]]:
        by_kind = {c.kind: c for c in self.p.channels}
        out = []
        for kind, label, unit in ((ChannelKind.IN_PERSON, appendix_b.CHANNEL_AGENCY, appendix_b.CHANNEL_AGENCY_UNIT),
                                  (ChannelKind.COUNTER, appendix_b.CHANNEL_COUNTER, appendix_b.CHANNEL_COUNTER_UNIT),
                                  (ChannelKind.OTHER, appendix_b.CHANNEL_OTHER, "")):
            channel = by_kind.get(kind)
            text = label
            if channel is not None and channel.centre_count is not None and unit:
                text += f" ({self.num(channel.centre_count)} {unit})"
            out.append((text, channel is not None))
        return out

    def accounts(self) -> str:
        """Row «مبلغ شماره حساب بانک»: each fee's amount, bank, account and Sheba on a line."""
        lines = []
        for fee in self.p.fees:
            parts = [fee.title, self.rials(fee.amount_rials), fee.legal_basis, fee.bank,
                     f"{P['account_number']} {self.ident(fee.account_number)}" if fee.account_number else "",
                     f"{P['sheba']} {self.ident(fee.sheba)}" if fee.sheba else ""]
            lines.append("، ".join(x for x in parts if x))
        return "\n".join(lines)

    def description_table(self) -> None:
        """«جدول شرح خدمات» of Appendix B: ten rows, titles and descriptions."""
        p, f = self.p, self.f
        f.section(appendix_b.DESCRIPTION_TABLE)
        texts = [
            p.applicant_conditions,
            "، ".join(d.title for d in p.documents),
            "، ".join(q.target_agency for q in p.inquiries),
            p.providing_unit,
            p.where_to_apply,
            p.where_to_receive,
            self.duration(p.service_time, p.service_time_unit.label_fa),
            p.counter_actions,
            self.rials(p.counter_fee_rials),
            "\n".join(f"{self.num(s.order)}- {s.title}" for s in p.steps),
        ]
        columns = appendix_b.DESCRIPTION_COLUMNS
        f.table([Column(columns[0], 0.7), Column(columns[1], 2.2, LABEL), Column(columns[2], 6)],
                [[self.row_number(i), title, text]
                 for i, (title, text) in enumerate(zip(appendix_b.DESCRIPTION_ROWS, texts, strict=True))])

    def supplement(self) -> None:
        """Everything else the passport holds (seed 000 def. 22, seed 003 Art. 2, seed 001)."""
        p, f = self.p, self.f
        f.section("پیوست فرم: سایر مشخصات شناسنامه")
        f.field_pairs([
            (F["agency_national_id"], self.ident(p.agency_national_id), F["parent_agency"], p.parent_agency),
            (F["province"], p.province, F["county"], p.county),
            (F["agency_postal_code"], self.ident(p.agency_postal_code), F["tracking_code"],
             "" if self.answer(p.tracking_code) is None else self.yes_no(p.tracking_code)),
            (F["kind"], RecordKind(p.kind).label_fa, F["stakeholders"], p.stakeholders),
            (F["architecture_domain"], p.architecture_domain, F["architecture_layer"], p.architecture_layer),
        ])
        f.fields([(F["architecture_category"], p.architecture_category)])
        f.checkboxes(F["scope"], [(s.label_fa, p.scope is s and (self.answered or s is ServiceScope.INTER_AGENCY))
                                  for s in ServiceScope])
        described = [c for c in p.channels if c.description]
        if described:
            f.fields([(c.kind.label_fa, c.description) for c in described])
        stages = p.stages_electronic
        f.checkboxes(F["stages_electronic"], [(P["start"], stages.start), (P["production"], stages.production),
                                              (P["delivery"], stages.delivery)])
        exempt = self.answer(p.exemption_approved)
        delegated = self.answer(p.delegated_to_counters)
        f.field_pairs([
            (F["smart_level"], self.num(p.smart_level) if p.smart_level else "", F["electronic_target_date"],
             self.date(p.electronic_target_date)),
            (F["exemption_approved"], "" if exempt is None else self.yes_no(exempt), F["exemption_reference"],
             p.exemption_reference),
            (F["delegated_to_counters"], "" if delegated is None else self.yes_no(delegated),
             F["counter_fee_rials"], self.rials(p.counter_fee_rials)),
        ])
        row = self.row_number
        tables = [
            ([Column(P["order"], 0.7), Column(P["kind"], 1), Column(F["legal_bases"], 4), Column(P["number"], 1.3),
              Column(P["date"], 1.2), Column(P["article"], 1.2)],
             [[row(i), b.kind.label_fa, b.title, b.number, self.date(b.date), b.article]
              for i, b in enumerate(p.legal_bases)]),
            ([Column(P["order"], 0.7), Column(P["code"], 2), Column(F["licences"], 5)],
             [[row(i), self.ident(lic.code), lic.title] for i, lic in enumerate(p.licences)]),
            ([Column(P["order"], 0.7), Column(F["partner_agencies"], 4), Column(P["role"], 3)],
             [[row(i), x.name, x.role] for i, x in enumerate(p.partner_agencies)]),
            ([Column(P["order"], 0.7), Column(P["task_id"], 2), Column(F["linked_tasks"], 5)],
             [[row(i), self.ident(t.task_id), t.title] for i, t in enumerate(p.linked_tasks)]),
            ([Column(P["order"], 0.7), Column(F["org_units"], 3), Column(P["unit_id"], 1.4),
              Column(P["post_id"], 1.4), Column(P["employee_id"], 1.4)],
             [[row(i), u.name, self.ident(u.unit_id), self.ident(u.post_id), self.ident(u.employee_id)]
              for i, u in enumerate(p.org_units)]),
            ([Column(P["order"], 0.7), Column(P["target_agency"], 3), Column(F["inquiries"], 3.5),
              Column(P["kind"], 1), Column(P["electronic"], 1)],
             [[row(i), q.target_agency, q.subject, q.kind.label_fa, self.yes_no(q.electronic)]
              for i, q in enumerate(p.inquiries)]),
            ([Column(P["order"], 0.7), Column(F["documents"], 3.5), Column(P["original_required"], 1.3),
              Column(P["notes"], 3)],
             [[row(i), d.title, self.yes_no(d.original_required), d.notes] for i, d in enumerate(p.documents)]),
            ([Column(P["order"], 0.7), Column(F["forms"], 4), Column(P["electronic"], 1.2),
              Column(P["data_items"], 1.6)],
             [[row(i), x.title, self.yes_no(x.electronic), self.num(x.data_items)] for i, x in enumerate(p.forms)]),
            ([Column(P["order"], 0.7), Column(F["steps"], 4), Column(P["responsible_unit"], 2.5),
              Column(P["duration"], 1.4)],
             [[self.num(s.order), s.title, s.responsible_unit, self.duration(s.duration, s.duration_unit.label_fa)]
              for s in p.steps]),
        ]
        for columns, rows in tables:
            f.gap()
            f.table(columns, rows)

    def extra_sections(self) -> None:
        """Sections other parts of the application supply (attachments, approval signature)."""
        for section in self.options.sections:
            self.f.section(section.title)
            if section.fields:
                self.f.fields(list(section.fields))
            if section.columns:
                self.f.table([Column(c, w) for c, w in zip(section.columns, section.weights(), strict=True)],
                             [list(r) for r in section.rows])

    def attachments(self) -> None:
        """The files kept with the passport, by name (only when there are any)."""
        if not self.attached:
            return
        f = self.f
        f.section("پیوست‌ها")
        f.table([Column("ردیف", 0.7), Column("پرونده", 8.2)],
                [[self.row_number(i), name] for i, name in enumerate(self.attached)])

    def life_cycle(self) -> None:
        p, f = self.p, self.f
        f.section("تهیه، بررسی و تأیید")
        f.field_pairs([
            (F["prepared_by"], p.prepared_by, F["preparer_national_id"], self.ident(p.preparer_national_id)),
            (F["reviewed_by"], p.reviewed_by, F["reviewed_on"], self.date(p.reviewed_on)),
            (F["approved_by"], p.approved_by, F["approved_on"], self.date(p.approved_on)),
            (F["sent_on"], self.date(p.sent_on), F["centre_decision_on"], self.date(p.centre_decision_on)),
            (F["edition"], self.num(p.edition), F["status"], p.status.label_fa),
        ])
        if p.centre_comment:
            f.fields([(F["centre_comment"], p.centre_comment)])
        if self.approval is not None and (self.approval.signed or p.status in APPROVED_STATUSES):
            f.fields(self.approval_rows(self.approval))
        f.gap(12)
        prepared = self.date(p.created_at) if p.prepared_by and p.created_at else ""
        f.signature_boxes([
            ("تهیه‌کننده", _signer(p.prepared_by, "تاریخ تهیه", prepared)),
            ("بررسی‌کننده", _signer(p.reviewed_by, F["reviewed_on"], self.date(p.reviewed_on))),
            ("تأییدکننده (رئیس دستگاه)", _signer(p.approved_by, F["approved_on"], self.date(p.approved_on))),
        ])

    def approval_rows(self, check: ApprovalCheck) -> list[tuple[str, str]]:
        """Signer, date and certificate fingerprint of the head's signature, or why it is
        broken: a printed approval says whether it still holds."""
        label = F["approval_signature"]
        if not check.signed:
            return [(label, "بدون امضای دیجیتال رئیس دستگاه")]
        if not check.intact:
            return [(label, f"تأیید شکسته است: {check.reason_fa}")]
        return [(label, f"امضای دیجیتال {check.signer}، {self.date(self.p.approved_on)}"),
                ("اثر انگشت گواهی امضا", check.fingerprint[:32]),
                ("چکیدهٔ تأیید (در کد QR)", check.approval_hash[:32])]

    # helpers
    def row_number(self, index: int) -> str:
        return format_int(index + 1, self.digits)

    def duration(self, value: float | None, unit: str) -> str:
        return f"{self.num(value)} {unit}" if value is not None else ""


def _signer(name: str, date_label: str, date: str) -> list[str]:
    return [name, f"{date_label}: {date}" if date else ""]
