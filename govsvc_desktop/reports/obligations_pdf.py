"""PDFs of the agency's obligations: the electronic / non-electronic / counter-office service
lists ready to publish (seed 003 Art. 4 and 14), and the nine-step cycle with the
representative's report, lessons learned and service chains (seed 001)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govsvc_desktop.domain.agency.cycle import (
    CycleStep,
    LessonLearned,
    RepresentativeReport,
    ServiceChain,
)
from govsvc_desktop.domain.agency.service_lists import ListedService, ServiceLists
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.passport.model import service_id_text
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.reports.form import Column
from govsvc_desktop.reports.passport_pdf import PdfOptions, RenderedPdf
from govsvc_desktop.reports.plan_pdf import render_documents, report_layout


def _sid(value: str, digits: bool) -> str:
    return service_id_text(value, digits)


def _rows(items: Sequence[ListedService], digits: bool, extra: str, agency: bool) -> list[list[str]]:
    rows = []
    for n, item in enumerate(items, start=1):
        if extra == "date":
            last = format_jalali(item.date, digits) if item.date else item.detail
            if item.late:
                last += " (گذشته)"
        elif extra == "fee":
            last = format_int(item.fee_rials, digits) if item.fee_rials is not None else "—"
        else:
            last = item.detail
        row = [format_int(n, digits), _sid(item.service_id, digits), item.title, item.unit, last]
        if extra == "fee":
            row.insert(4, item.detail)
        if agency:
            row.insert(3, item.agency)
        rows.append(row)
    return rows


def render_service_lists(lists: ServiceLists, options: PdfOptions | None = None) -> RenderedPdf:
    """The three lists, ready to publish. Services of several agencies get an agency column and
    the lists name the agencies, rather than a «دستگاه: —» that names none."""
    options = options or PdfOptions()
    d = options.persian_digits
    title = "فهرست خدمات الکترونیکی و الکترونیکی‌نشدهٔ دستگاه"
    f = report_layout(title)
    agencies = lists.agencies or ([lists.agency] if lists.agency else [])
    several = len(agencies) > 1
    if several:
        who = f"دستگاه‌ها ({format_int(len(agencies), d)}): {'، '.join(agencies)}"
    else:
        who = f"دستگاه: {lists.agency or (agencies[0] if agencies else 'هیچ خدمتی فهرست نشده است')}"
    f.paragraph(f"{who}؛ تاریخ فهرست: {format_jalali(lists.today, d)}. "
                "فقط خدماتی که شناسنامهٔ تأییدشده و معتبر دارند در این فهرست‌ها آمده‌اند"
                + (f" ({format_int(lists.left_out, d)} خدمت دیگر هنوز شناسنامهٔ معتبر ندارد)."
                   if lists.left_out else "."))
    head = [Column("ردیف", 0.6), Column("شناسهٔ خدمت", 1.6), Column("عنوان خدمت", 4)]
    if several:
        head.append(Column("دستگاه", 2.4))
    head.append(Column("واحد ارائه‌دهنده", 2))
    f.section(f"فهرست خدمات الکترونیکی ({format_int(len(lists.electronic), d)})")
    f.table([*head, Column("روش و گسترهٔ ارائه", 2.4)], _rows(lists.electronic, d, "detail", several))
    f.section(f"فهرست خدمات الکترونیکی‌نشده ({format_int(len(lists.non_electronic), d)})")
    f.table([*head, Column("زمان الکترونیکی شدن یا معافیت", 2.4)],
            _rows(lists.non_electronic, d, "date", several))
    f.section(f"خدمات واگذارشده به دفاتر پیشخوان ({format_int(len(lists.delegated), d)})")
    f.table([*head, Column("اقدامات و دفاتر ارائه‌دهنده", 2.4), Column("کارمزد (ریال)", 1.2)],
            _rows(lists.delegated, d, "fee", several))
    return render_documents([(title, "", f)], options, title, author="، ".join(agencies))


def render_cycle(
    steps: Sequence[CycleStep], reports: Sequence[RepresentativeReport],
    lessons: Sequence[LessonLearned], chains: Sequence[ServiceChain], today: dt.date,
    agency: str = "", options: PdfOptions | None = None,
) -> RenderedPdf:
    """The cycle's state with what is overdue, the latest representative report, lessons and
    chains: what the representative sends periodically (Art. 19)."""
    options = options or PdfOptions()
    d = options.persian_digits
    title = "گزارش چرخهٔ هوشمندسازی خدمات دستگاه"
    f = report_layout(title)
    overdue = [s for s in steps if s.is_overdue(today)]
    f.paragraph(f"دستگاه: {agency or '—'}؛ وضعیت در {format_jalali(today, d)}. "
                f"{format_int(sum(s.status.value == 'approved' for s in steps), d)} گام از ۹ گام "
                f"تأیید شده و {format_int(len(overdue), d)} گام از موعد گذشته است.")
    f.section("گام‌های چرخهٔ هوشمندسازی")
    rows = []
    for s in steps:
        status = s.status.label_fa + (" — از موعد گذشته" if s.is_overdue(today) else "")
        evidence = "، ".join(e.title or e.file_name for e in s.evidence)
        rows.append([format_int(s.step.number, d), f"{s.step.label_fa} ({s.step.article})", status,
                     format_jalali(s.deadline, d), format_jalali(s.approval_date, d), evidence])
    f.table([Column("گام", 0.5), Column("عنوان", 3), Column("وضعیت", 2), Column("موعد", 1.2),
             Column("تأییدیه", 1.2), Column("شواهد", 2.5)], rows)
    if reports:
        latest = max(reports, key=lambda r: (r.reported_on or "", r.updated_at))
        f.section(f"گزارش دوره‌ای نمایندهٔ دستگاه — {latest.period}")
        f.fields([("نماینده", latest.representative),
                  ("تاریخ گزارش", format_jalali(latest.reported_on, d)),
                  ("میزان تحقق چرخه", latest.progress), ("چالش‌ها", latest.challenges),
                  ("ریسک‌های محتمل", latest.risks), ("راهکارهای رفع", latest.remedies)])
    if lessons:
        f.section("درس‌آموخته‌ها")
        f.table([Column("عنوان", 2), Column("گام", 1.5), Column("تاریخ", 1), Column("درس", 5)],
                [[x.title, x.step.label_fa if x.step else "—", format_jalali(x.recorded_on, d),
                  x.lesson] for x in lessons])
    if chains:
        f.section("زنجیره‌های خدمات بین‌دستگاهی")
        for chain in chains:
            f.paragraph(f"{chain.title} — خدمت نهایی: {chain.final_service or '—'}")
            f.table([Column("ترتیب", 0.6), Column("دستگاه", 2.5), Column("شناسهٔ خدمت", 1.6),
                     Column("خدمت", 3), Column("تبادل داده", 2.5)],
                    [[format_int(i, d), link.agency, _sid(link.service_id, d), link.service_title,
                      link.exchange] for i, link in enumerate(chain.links, start=1)])
    return render_documents([(title, agency, f)], options, title, author=agency)
