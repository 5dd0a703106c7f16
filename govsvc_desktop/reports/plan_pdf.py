"""PDFs of improvement plans: the plan itself, and the quarterly progress report of one or
many plans (seed 002 Art. 2), laid out with the same form layout and Persian text layer as the
passport form."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.passport.model import service_id_text
from govsvc_desktop.domain.persian import format_int, format_number, format_percent, localize_digits
from govsvc_desktop.domain.plans.model import ImprovementPlan, Indicator
from govsvc_desktop.domain.plans.quarters import quarter_label_fa
from govsvc_desktop.domain.plans.validation import PLAN_FIELDS as F
from govsvc_desktop.domain.plans.validation import time_rule_message
from govsvc_desktop.reports.document import DocumentInfo, new_document
from govsvc_desktop.reports.fonts import fonts_pinned
from govsvc_desktop.reports.form import Column, FormLayout
from govsvc_desktop.reports.passport_pdf import (
    HEADER_GAP,
    SMALL,
    SMALL_LEFT,
    TITLE,
    PdfOptions,
    RenderedPdf,
)
from govsvc_desktop.reports.text import (
    TextStyle,
    draw_line,
    draw_paragraph,
    missing_characters,
    paragraph_height,
)


def report_layout(heading: str) -> FormLayout:
    """A layout whose header room is what ``heading`` needs (no empty band under it)."""
    probe = FormLayout()
    return FormLayout(top_reserve=paragraph_height(heading, probe.width, TITLE) + HEADER_GAP)


class _PlanPages:
    def __init__(self, options: PdfOptions, heading: str) -> None:
        self.digits = options.persian_digits
        self.f = report_layout(heading)

    def num(self, value: float | int | None) -> str:
        return format_number(value, self.digits)

    def date(self, value: str | None) -> str:
        return format_jalali(value, self.digits)

    def value_with_unit(self, ind: Indicator, value: float | None, before: bool) -> str:
        if value is None:
            return ""
        if ind.time_unit_applies:
            unit = (ind.before_time_unit if before else ind.target_time_unit).label_fa
            return f"{self.num(value)} {unit}"
        return self.num(value)

    @staticmethod
    def unit(ind: Indicator | None) -> str:
        if ind is None:
            return ""
        return ind.target_time_unit.label_fa if ind.time_unit_applies else ind.unit

    def identity(self, plan: ImprovementPlan) -> None:
        f = self.f
        f.section("مشخصات برنامه")
        f.fields([(F["title"], plan.title)])
        f.field_pairs([
            ("عنوان خدمت", plan.service_title, "کد شناسه خدمت",
             service_id_text(plan.service_id, self.digits)),
            (F["period_start"], self.date(plan.period_start), F["period_end"], self.date(plan.period_end)),
            (F["council_number"], localize_digits(plan.council_number, self.digits),
             F["council_date"], self.date(plan.council_date)),
            (F["status"], plan.status.label_fa, F["pilot_province"], plan.pilot_province or "—"),
        ])
        f.fields([(F["goals"], plan.goals), (F["approaches"], "، ".join(a.label_fa for a in plan.approaches))])

    def indicators(self, plan: ImprovementPlan) -> None:
        f = self.f
        f.section("شاخص‌های بهبود")
        rows = []
        for ind in plan.indicators:
            cut = ind.planned_cut
            rows.append([ind.label, ind.unit, self.value_with_unit(ind, ind.before, True),
                         self.value_with_unit(ind, ind.target, False),
                         format_percent(cut, self.digits),
                         "، ".join(f"{quarter_label_fa(q.quarter)}: {self.num(q.value)}"
                                   for q in ind.achieved if q.value is not None)])
        f.table([Column("شاخص", 3), Column("واحد", 1), Column("پیش از بهبود", 1.4),
                 Column("هدف", 1.4), Column("کاهش", 1), Column("محقق‌شده", 4)], rows)
        message = time_rule_message(plan)
        if message:
            f.paragraph("توجه: " + message)
            if plan.below_target_justification:
                f.fields([(F["below_target_justification"], plan.below_target_justification)])

    def actions(self, plan: ImprovementPlan) -> None:
        f = self.f
        f.section("اقدامات بهبود")
        titles = {a.action_id: a.title for a in plan.actions}
        f.table([Column("اقدام", 3), Column("واحد مسئول", 2), Column("آغاز", 1.2), Column("پایان", 1.2),
                 Column("وضعیت", 1.2), Column("پیشرفت", 0.9), Column("پیش‌نیاز", 2)],
                [[a.title, a.responsible_unit, self.date(a.start), self.date(a.end), a.status.label_fa,
                  format_percent(a.percent_done / 100, self.digits),
                  "، ".join(titles.get(d, d) for d in a.depends_on)] for a in plan.actions])

    def report(self, plan: ImprovementPlan, quarter: str) -> None:
        f = self.f
        r = plan.report_for(quarter)
        f.section(f"گزارش {quarter_label_fa(quarter)}")
        if r is None:
            f.paragraph("گزارش این سه‌ماهه هنوز ثبت نشده است.")
            return
        f.fields([("شرح پیشرفت", r.narrative), ("چالش‌ها", r.challenges), ("راهکارها", r.remedies),
                  (F["submitted_on"], self.date(r.submitted_on))])
        units = {ind.label: ind for ind in plan.indicators}
        f.table([Column("شاخص", 3), Column("واحد سنجش", 1.5), Column("مقدار این سه‌ماهه", 2)],
                [[v.indicator, self.unit(units.get(v.indicator)), self.num(v.value)] for v in r.values])
        if r.evidence:
            f.table([Column("پرونده شاهد", 3), Column("اندازه (بایت)", 1.2),
                     Column("چکیده SHA-256", 5, TextStyle(size=7, leading=10, direction="ltr"))],
                    [[e.file_name, format_int(e.size, self.digits), e.sha256] for e in r.evidence])

    def verifications(self, plan: ImprovementPlan) -> None:
        if not plan.verifications:
            return
        self.f.section("راستی‌آزمایی استانی")
        self.f.table([Column("راستی‌آزما", 2.5), Column("تاریخ", 1.2), Column("نتیجه", 1.2), Column("نظر", 3)],
                     [[f"{v.verifier} ({v.verifier_org})" if v.verifier_org else v.verifier,
                       self.date(v.date), v.result.label_fa, v.comment] for v in plan.verifications])


def render_documents(pages: list[tuple[str, str, FormLayout]], options: PdfOptions, title: str,
                     author: str = "", subject: str = "") -> RenderedPdf:
    """Draws laid-out documents with a title, «صفحه n از m», the record's UUID and print date."""
    buffer = io.BytesIO()
    with fonts_pinned():
        canvas = new_document(buffer, DocumentInfo(title, author, subject or title), options.created)
        total_pages = 0
        printed = format_jalali(options.print_date or dt.date.today(), options.persian_digits)
        for heading, ident, layout in pages:
            total = len(layout.pages)
            for number, ops in enumerate(layout.pages, start=1):
                _furniture(canvas, layout, heading, ident, number, total, printed, options.persian_digits)
                for op in ops:
                    op(canvas)
                canvas.showPage()
            total_pages += total
        canvas.save()
    return RenderedPdf(buffer.getvalue(), total_pages, missing_characters(canvas))


def _furniture(c: Canvas, layout: FormLayout, heading: str, ident: str, number: int, total: int,
               printed: str, digits: bool) -> None:
    x, w = layout.left, layout.width
    top = layout.page_size[1] - layout.margin
    draw_paragraph(c, heading, x, top, w, TITLE)
    rule = top - layout.reserve(number) + HEADER_GAP / 2
    c.addLiteral(f"q .4 G .8 w {x:.2f} {rule:.2f} m {x + w:.2f} {rule:.2f} l S Q")
    foot = layout.margin + 8
    third = w / 3
    draw_line(c, f"صفحه {format_int(number, digits)} از {format_int(total, digits)}", x + 2 * third,
              foot, third, SMALL)
    draw_line(c, ident, x + third, foot, third, TextStyle(size=7, align="center", direction="ltr"))
    draw_line(c, f"تاریخ چاپ: {printed}", x, foot, third, SMALL_LEFT)


def render_plan(plan: ImprovementPlan, options: PdfOptions | None = None) -> RenderedPdf:
    """The whole plan: identity, indicators with the 30% flag, actions, reports, verification."""
    options = options or PdfOptions()
    heading = "برنامه بهبود فرایند"
    pages = _PlanPages(options, heading)
    pages.identity(plan)
    pages.indicators(plan)
    pages.actions(plan)
    for report in sorted(plan.reports, key=lambda r: r.quarter):
        pages.report(plan, report.quarter)
    pages.verifications(plan)
    return render_documents([(heading, plan.uuid, pages.f)], options, plan.title,
                            subject=f"{heading} {plan.service_id or ''} {plan.uuid}".replace("  ", " "))


def render_quarter_report(plans: Sequence[ImprovementPlan], quarter: str,
                          options: PdfOptions | None = None) -> RenderedPdf:
    """The progress report of ``quarter`` for each plan, one after another."""
    options = options or PdfOptions()
    documents = []
    heading = f"گزارش پیشرفت {quarter_label_fa(quarter)}"
    for plan in plans:
        pages = _PlanPages(options, heading)
        pages.identity(plan)
        pages.report(plan, quarter)
        documents.append((heading, plan.uuid, pages.f))
    return render_documents(documents, options, f"گزارش پیشرفت {quarter_label_fa(quarter)}")
