"""The official passport form of seed 004, Appendix B «شناسنامه خدمت», as a PDF.

The form's rows come in the order of Appendix B, then the repeated parts as tables and the
service description table («جدول شرح خدمات»). Every page carries the agency, the service ID,
status and validity in its header and «صفحه n از m», the record's UUID and the print date in
its footer; the first page has a QR code with the service ID, the UUID and a digest of the
content. A passport that is not approved is printed under a «پیش‌نویس» watermark.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop import __version__
from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.choices import (
    Audience,
    ChannelKind,
    ElectronicMethod,
    ElectronicScope,
    Nature,
    RecordKind,
    ServiceScope,
)
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.labels import PART_FIELDS as P
from govsvc_desktop.domain.labels import PASSPORT_FIELDS as F
from govsvc_desktop.domain.passport import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.persian import format_int, format_number, localize_digits
from govsvc_desktop.reports import qr
from govsvc_desktop.reports.fonts import fonts_pinned
from govsvc_desktop.reports.form import Column, FormLayout
from govsvc_desktop.reports.text import (
    TextStyle,
    draw_line,
    draw_paragraph,
    make_canvas,
    missing_characters,
)

TITLE = TextStyle(size=15, leading=22, bold=True, align="center")
SMALL = TextStyle(size=8, leading=11)
SMALL_LEFT = TextStyle(size=8, leading=11, align="left")
WATERMARK = TextStyle(size=110, leading=120, bold=True, align="center")
QR_MASK = 2
QR_SIZE = 58.0
YES, NO = "بله", "خیر"


@dataclass(frozen=True)
class PdfOptions:
    """How a form is printed. ``persian_digits`` applies to numbers, dates and IDs the form
    formats; typed text is printed as typed. ``print_date`` defaults to today."""

    persian_digits: bool = True
    print_date: dt.date | None = None


@dataclass
class RenderedPdf:
    data: bytes
    pages: int
    missing: set[str] = field(default_factory=set)


def content_digest(p: ServicePassport) -> str:
    """SHA-256 of the record's JSON (keys sorted): what the QR code vouches for."""
    canonical = json.dumps(to_dict(p), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def qr_payload(p: ServicePassport) -> str:
    return f"GOVSVC-PASSPORT|{p.service_id or '-'}|{p.uuid}|sha256:{content_digest(p)}"


def render_passport(p: ServicePassport, options: PdfOptions | None = None) -> RenderedPdf:
    """The form as PDF bytes, with its page count and the characters the font could not draw."""
    return render_passports([p], options)


def render_passports(passports: Iterable[ServicePassport], options: PdfOptions | None = None) -> RenderedPdf:
    """Several forms in one PDF, one after another, each numbered on its own; they share one
    embedded font subset, so a batch stays small."""
    options = options or PdfOptions()
    buffer = io.BytesIO()
    with fonts_pinned():
        canvas = make_canvas(buffer, pageCompression=1, invariant=1)
        canvas.setCreator(f"govsvc-desktop {__version__}")
        pages = 0
        for p in passports:
            if pages == 0:
                canvas.setTitle(f"شناسنامه خدمت — {p.title}")
                canvas.setAuthor(p.agency_name)
                canvas.setSubject(p.uuid)
            pages += draw_passport(canvas, p, options)
        canvas.save()
    return RenderedPdf(buffer.getvalue(), pages, missing_characters(canvas))


def draw_passport(canvas: Canvas, p: ServicePassport, options: PdfOptions) -> int:
    """Draws one whole form on ``canvas`` from a fresh page; returns its number of pages."""
    layout = _PassportForm(p, options).layout()
    total = len(layout.pages)
    header = _Header(p, options, total)
    for number, ops in enumerate(layout.pages, start=1):
        if p.status not in APPROVED_STATUSES:
            _watermark(canvas, layout)
        header.draw(canvas, layout, number)
        for op in ops:
            op(canvas)
        canvas.showPage()
    return total


def passport_pdf_bytes(p: ServicePassport, options: PdfOptions | None = None) -> bytes:
    return render_passport(p, options).data


def write_passport_pdf(p: ServicePassport, path: str | os.PathLike[str],
                       options: PdfOptions | None = None) -> RenderedPdf:
    """Writes the form atomically (a half-written PDF never replaces a good one)."""
    rendered = render_passport(p, options)
    atomic_write(Path(path), rendered.data)
    return rendered


class _Header:
    """Page furniture: title, agency, service ID, status and validity; footer; QR on page 1."""

    def __init__(self, p: ServicePassport, options: PdfOptions, total: int) -> None:
        self.p = p
        self.digits = options.persian_digits
        self.total = total
        today = options.print_date or dt.date.today()
        self.printed = format_jalali(today, self.digits)
        until = p.valid_until
        self.validity = (f"معتبر تا {format_jalali(until, self.digits)}" if until
                         else p.validity(today).label_fa)
        self.service_id = localize_digits(p.service_id, self.digits) if p.service_id else "بدون شناسه"
        self.qr = qr_payload(p)

    def draw(self, c: Canvas, layout: FormLayout, number: int) -> None:
        x, w = layout.left, layout.width
        top = layout.page_size[1] - layout.margin
        qr_room = QR_SIZE + 6 if number == 1 else 0
        draw_paragraph(c, "شناسنامه خدمت", x + qr_room, top, w - qr_room, TITLE)
        right = TextStyle(size=9, leading=13, bold=True)
        left = TextStyle(size=9, leading=13, align="left")
        half = (w - qr_room) / 2
        draw_paragraph(c, f"نام دستگاه: {self.p.agency_name}", x + qr_room + half, top - 24, half, right)
        draw_paragraph(c, f"وضعیت: {self.p.status.label_fa} — {self.validity}", x + qr_room + half, top - 38,
                       half, TextStyle(size=9, leading=13))
        draw_paragraph(c, f"کد شناسه خدمت: {self.service_id}", x + qr_room, top - 24, half - 6, left)
        draw_paragraph(c, f"{RecordKind(self.p.kind).label_fa}: {self.p.title}", x + qr_room, top - 38, half - 6,
                       TextStyle(size=9, leading=13, align="left"))
        c.saveState()
        c.setStrokeGray(0.4)
        c.setLineWidth(0.8)
        c.line(x, top - layout.top_reserve + 6, x + w, top - layout.top_reserve + 6)
        c.line(x, layout.margin + layout.bottom_reserve - 8, x + w, layout.margin + layout.bottom_reserve - 8)
        c.restoreState()
        if number == 1:
            _qr(c, self.qr, x, top - QR_SIZE + 4)
        page = f"صفحه {format_int(number, self.digits)} از {format_int(self.total, self.digits)}"
        foot = layout.margin + 8
        third = w / 3
        draw_line(c, page, x + 2 * third, foot, third, SMALL)
        draw_line(c, self.p.uuid, x + third, foot, third, TextStyle(size=7, align="center", direction="ltr"))
        draw_line(c, f"تاریخ چاپ: {self.printed}", x, foot, third, SMALL_LEFT)


def _qr(c: Canvas, payload: str, x: float, y: float) -> None:
    """The QR code as a one-bit inline image, one sample per module (no font, so the page
    declares only Vazirmatn; far smaller than a rectangle per module)."""
    code = qr.encode(payload.encode("utf-8"), QR_MASK)
    samples = b"".join(code.packed_rows()).hex()
    c.addLiteral(f"q {QR_SIZE:g} 0 0 {QR_SIZE:g} {x:.2f} {y:.2f} cm BI /W {code.size} "
                 f"/H {code.size} /BPC 1 /CS /G /D [1 0] /F /AHx ID {samples}> EI Q")


def _watermark(c: Canvas, layout: FormLayout) -> None:
    width, height = layout.page_size
    c.saveState()
    c.setFillColorRGB(0.75, 0.75, 0.78)
    c.setFillAlpha(0.35)
    c.translate(width / 2, height / 2)
    c.rotate(40)
    # Marked with an empty ActualText: seen on paper, absent from copied or extracted text.
    c.addLiteral("/Span <</ActualText ()>> BDC")
    draw_line(c, "پیش‌نویس", -width, -40, 2 * width, WATERMARK)
    c.addLiteral("EMC")
    c.restoreState()


class _PassportForm:
    """Lays the passport out on pages; one method per part of Appendix B."""

    def __init__(self, p: ServicePassport, options: PdfOptions) -> None:
        self.p = p
        self.digits = options.persian_digits
        self.f = FormLayout()

    # formatting, one place for the form
    def num(self, value: float | int | None) -> str:
        return format_number(value, self.digits)

    def rials(self, value: int | None) -> str:
        return "" if value is None else f"{format_int(value, self.digits)} ریال"

    def date(self, value: str | None) -> str:
        return format_jalali(value, self.digits)

    def ident(self, value: str) -> str:
        return localize_digits(value, self.digits)

    def yes_no(self, value: bool) -> str:
        return YES if value else NO

    def layout(self) -> FormLayout:
        self.identity()
        self.legal()
        self.delivery()
        self.inquiries()
        self.documents()
        self.steps()
        self.figures()
        self.judgement()
        self.description_table()
        self.life_cycle()
        return self.f

    def identity(self) -> None:
        p, f = self.p, self.f
        f.section("۱. مشخصات خدمت")
        f.fields([(F["agency_name"], p.agency_name)])
        f.field_pairs([
            (F["agency_national_id"], self.ident(p.agency_national_id), F["parent_agency"], p.parent_agency),
            (F["agency_postal_code"], self.ident(p.agency_postal_code), F["province"], p.province),
            (F["county"], p.county, "", ""),
            (F["service_id"], self.ident(p.service_id) or "بدون شناسه", F["kind"], RecordKind(p.kind).label_fa),
        ])
        f.fields([(F["title"], p.title)])
        f.checkboxes(F["nature"], [(n.label_fa, p.nature is n) for n in Nature])
        f.fields([
            (F["description"], p.description),
            (F["recipients"], p.recipients),
            (F["stakeholders"], p.stakeholders),
            (F["sub_services"], p.sub_services),
        ])
        f.checkboxes(F["audiences"], [(a.label_fa, a in p.audiences) for a in Audience])
        f.checkboxes(F["scope"], [(s.label_fa, p.scope is s) for s in ServiceScope])
        f.field_pairs([
            (F["architecture_domain"], p.architecture_domain, F["architecture_layer"], p.architecture_layer),
        ])
        f.fields([(F["architecture_category"], p.architecture_category)])

    def legal(self) -> None:
        p, f = self.p, self.f
        f.section("۲. مبانی قانونی، مجوزها و واحدها")
        row = self.row_number
        f.table([Column(P["order"], 0.7), Column(P["kind"], 1), Column(P["title"], 4), Column(P["number"], 1.3),
                 Column(P["date"], 1.2), Column(P["article"], 1.2)],
                [[row(i), b.kind.label_fa, b.title, b.number, self.date(b.date), b.article]
                 for i, b in enumerate(p.legal_bases)])
        f.gap()
        f.table([Column(P["order"], 0.7), Column(P["code"], 2), Column(F["licences"], 5)],
                 [[row(i), lic.code, lic.title] for i, lic in enumerate(p.licences)])
        f.gap()
        f.table([Column(P["order"], 0.7), Column(F["partner_agencies"], 4), Column(P["role"], 3)],
                 [[row(i), a.name, a.role] for i, a in enumerate(p.partner_agencies)])
        f.gap()
        f.table([Column(P["order"], 0.7), Column(P["task_id"], 2), Column(F["linked_tasks"], 5)],
                 [[row(i), t.task_id, t.title] for i, t in enumerate(p.linked_tasks)])
        f.gap()
        f.table([Column(P["order"], 0.7), Column(F["org_units"], 3), Column(P["unit_id"], 1.4),
                 Column(P["post_id"], 1.4), Column(P["employee_id"], 1.4)],
                 [[row(i), u.name, u.unit_id, u.post_id, u.employee_id] for i, u in enumerate(p.org_units)])

    def delivery(self) -> None:
        p, f = self.p, self.f
        f.section("۳. ارائه خدمت")
        counts = {c.kind: c for c in p.channels}
        options = []
        for kind in ChannelKind:
            channel = counts.get(kind)
            text = kind.label_fa
            if channel is not None and channel.centre_count is not None:
                text += f" ({self.num(channel.centre_count)} مرکز)"
            options.append((text, channel is not None))
        f.checkboxes(F["channels"], options)
        described = [c for c in p.channels if c.description]
        if described:
            f.fields([(c.kind.label_fa, c.description) for c in described])
        f.checkboxes(F["electronic_method"], [(m.label_fa, p.electronic_method is m) for m in ElectronicMethod])
        f.checkboxes(F["electronic_scope"], [(s.label_fa, p.electronic_scope is s) for s in ElectronicScope])
        stages = p.stages_electronic
        f.checkboxes(F["stages_electronic"], [(P["start"], stages.start), (P["production"], stages.production),
                                              (P["delivery"], stages.delivery)])
        f.field_pairs([
            (F["smart_level"], self.num(p.smart_level), F["electronic_target_date"],
             self.date(p.electronic_target_date)),
            (F["exemption_approved"], self.yes_no(p.exemption_approved), F["exemption_reference"],
             p.exemption_reference),
        ])
        f.fields([(F["in_person_reasons"], p.in_person_reasons)])
        f.checkboxes("همکاری بین‌سازمانی", [("نیاز به همکاری بین‌سازمانی (مانند استعلام) دارد", p.needs_inter_agency),
                                           ("رأساً توسط دستگاه قابل ارائه است", not p.needs_inter_agency)])
        f.checkboxes(F["delegated_to_counters"], [(YES, p.delegated_to_counters), (NO, not p.delegated_to_counters)])
        f.fields([
            (F["counter_actions"], p.counter_actions),
            (F["counter_fee_rials"], self.rials(p.counter_fee_rials)),
            (F["identity_verification"], p.identity_verification),
        ])

    def inquiries(self) -> None:
        p, f = self.p, self.f
        f.section("۴. " + F["inquiries"])
        f.table([Column(P["order"], 0.7), Column(P["target_agency"], 3), Column(P["subject"], 3.5),
                 Column(P["kind"], 1), Column(P["electronic"], 1)],
                [[self.row_number(i), q.target_agency, q.subject, q.kind.label_fa, self.yes_no(q.electronic)]
                 for i, q in enumerate(p.inquiries)])

    def documents(self) -> None:
        p, f = self.p, self.f
        f.section("۵. مدارک و کاربرگ‌ها")
        f.table([Column(P["order"], 0.7), Column(F["documents"], 3.5), Column(P["original_required"], 1.3),
                 Column(P["notes"], 3)],
                [[self.row_number(i), d.title, self.yes_no(d.original_required), d.notes]
                 for i, d in enumerate(p.documents)])
        f.gap()
        f.table([Column(P["order"], 0.7), Column(F["forms"], 4), Column(P["electronic"], 1.2),
                 Column(P["data_items"], 1.6)],
                [[self.row_number(i), form.title, self.yes_no(form.electronic), self.num(form.data_items)]
                 for i, form in enumerate(p.forms)])

    def steps(self) -> None:
        p, f = self.p, self.f
        f.section("۶. " + F["steps"])
        f.table([Column(P["order"], 0.7), Column(F["steps"], 4), Column(P["responsible_unit"], 2.5),
                 Column(P["duration"], 1.4)],
                [[self.num(s.order), s.title, s.responsible_unit, self.duration(s.duration, s.duration_unit.label_fa)]
                 for s in p.steps])

    def figures(self) -> None:
        p, f = self.p, self.f
        f.section("۷. آمار، زمان و هزینه")
        f.field_pairs([
            (F["recipients_count"], self.num(p.recipients_count), F["deliveries_per_year"],
             self.num(p.deliveries_per_year)),
            (F["service_time"], self.duration(p.service_time, p.service_time_unit.label_fa),
             F["direct_cost_rials"], self.rials(p.direct_cost_rials)),
            (F["cost_price_rials"], self.rials(p.cost_price_rials), "", ""),
        ])
        for i, fee in enumerate(p.fees):
            f.gap(4)
            f.field_pairs([
                (f"{F['fees']} {self.row_number(i)}", fee.title, P["amount_rials"], self.rials(fee.amount_rials)),
                (P["legal_basis"], fee.legal_basis, P["bank"], fee.bank),
                (P["account_number"], self.ident(fee.account_number), P["sheba"], self.ident(fee.sheba)),
            ])

    def judgement(self) -> None:
        p, f = self.p, self.f
        f.section("۸. مزایا و مشکلات")
        f.fields([(F["benefits"], p.benefits), (F["obstacles"], p.obstacles)])

    def description_table(self) -> None:
        """«جدول شرح خدمات» of Appendix B: ten rows, titles and descriptions."""
        p, f = self.p, self.f
        f.section("۹. جدول شرح خدمات")
        rows = [
            ("شرایط متقاضی", p.applicant_conditions),
            ("مدارک مورد نیاز", "، ".join(d.title for d in p.documents)),
            ("استعلام‌ها", "، ".join(q.target_agency for q in p.inquiries)),
            ("واحد ارائه‌کننده خدمت", p.providing_unit),
            ("محل مراجعه", p.where_to_apply),
            ("محل دریافت پاسخ", p.where_to_receive),
            ("زمان میانگین برای ارائه خدمت", self.duration(p.service_time, p.service_time_unit.label_fa)),
            ("اقدامات دفاتر پیشخوان", p.counter_actions),
            ("تعرفه یا هزینه مربوط به دفاتر پیشخوان", self.rials(p.counter_fee_rials)),
            ("مراحل انجام کار", "\n".join(f"{self.num(s.order)}- {s.title}" for s in p.steps)),
        ]
        f.table([Column("ردیف", 0.7), Column("عناوین", 2.2), Column("توضیحات", 6)],
                [[self.row_number(i), title, text] for i, (title, text) in enumerate(rows)])

    def life_cycle(self) -> None:
        p, f = self.p, self.f
        f.section("۱۰. تهیه، بررسی و تأیید")
        f.field_pairs([
            (F["prepared_by"], p.prepared_by, F["preparer_national_id"], self.ident(p.preparer_national_id)),
            (F["reviewed_by"], p.reviewed_by, F["reviewed_on"], self.date(p.reviewed_on)),
            (F["approved_by"], p.approved_by, F["approved_on"], self.date(p.approved_on)),
            (F["sent_on"], self.date(p.sent_on), F["centre_decision_on"], self.date(p.centre_decision_on)),
            (F["edition"], self.num(p.edition), F["status"], p.status.label_fa),
        ])
        if p.centre_comment:
            f.fields([(F["centre_comment"], p.centre_comment)])
        f.gap(12)
        f.signature_boxes([("تهیه‌کننده", p.prepared_by), ("رئیس دستگاه", p.approved_by)])

    # helpers
    def row_number(self, index: int) -> str:
        return format_int(index + 1, self.digits)

    def duration(self, value: float | None, unit: str) -> str:
        return f"{self.num(value)} {unit}" if value is not None else ""
