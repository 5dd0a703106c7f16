"""One published service as a page: what a citizen needs to apply, and its CPSV-AP JSON-LD."""

from __future__ import annotations

from govsvc_desktop.domain.agency.catalogue import Catalogue, PublishedService
from govsvc_desktop.domain.choices import ChannelKind
from govsvc_desktop.domain.passport.model import NO_SERVICE_ID, ServicePassport
from govsvc_desktop.domain.persian import format_int, format_number, format_rials
from govsvc_desktop.exchange.catalogue.layout import (
    esc,
    fa,
    facts,
    jalali,
    page,
    paragraphs,
    script_json,
    section,
    table,
)


def electronic_status(p: ServicePassport) -> str:
    """Electronic or not, and for a service not yet electronic its date or exemption."""
    if p.is_electronic:
        method = p.electronic_method.label_fa if p.electronic_method else ""
        scope = f"، {p.electronic_scope.label_fa}" if p.electronic_scope else ""
        return f'<span class="badge yes">الکترونیکی</span> {esc(method)}{esc(scope)}'
    text = '<span class="badge no">غیرالکترونیکی</span> '
    if p.exemption_approved:
        ref = f" ({esc(p.exemption_reference)})" if p.exemption_reference else ""
        return text + f"معاف از الکترونیکی شدن{ref}"
    if p.electronic_target_date:
        return text + f"الکترونیکی می‌شود تا {jalali(p.electronic_target_date)}"
    return text + "زمان الکترونیکی شدن اعلام نشده است"


def service_time(p: ServicePassport) -> str:
    if p.service_time is None:
        return ""
    return f"{esc(format_number(p.service_time))} {esc(p.service_time_unit.label_fa)}"


def _who(p: ServicePassport) -> str:
    return facts([
        ("خدمت‌گیرندگان", esc(p.recipients)),
        ("نوع خدمت", esc("، ".join(a.label_fa for a in p.audiences))),
        ("شرایط متقاضی", esc(p.applicant_conditions)),
        ("احراز هویت", esc(p.identity_verification)),
        ("ذی‌نفعان", esc(p.stakeholders)),
        ("انواع زیرگروه‌های خدمت", esc(p.sub_services)),
    ])


def _documents(p: ServicePassport) -> str:
    parts = []
    if p.documents:
        parts.append(table("مدارکی که متقاضی ارائه می‌کند", ["مدرک", "اصل مدرک", "توضیح"],
                           [[esc(d.title), "لازم است" if d.original_required else "لازم نیست",
                             esc(d.notes)] for d in p.documents]))
    if p.forms:
        parts.append(table("کاربرگ‌هایی که متقاضی پر می‌کند",
                           ["کاربرگ", "الکترونیکی", "تعداد اقلام اطلاعاتی"],
                           [[esc(f.title), "بله" if f.electronic else "خیر",
                             fa(f.data_items) if f.data_items is not None else "—"]
                            for f in p.forms], numeric=[2]))
    return "".join(parts)


def _steps(p: ServicePassport) -> str:
    if not p.steps:
        return ""
    items = []
    for s in sorted(p.steps, key=lambda s: s.order):
        extra = []
        if s.responsible_unit:
            extra.append(f"واحد مسئول: {esc(s.responsible_unit)}")
        if s.duration is not None:
            extra.append(f"مدت: {esc(format_number(s.duration))} {esc(s.duration_unit.label_fa)}")
        tail = f' <span class="meta">({"؛ ".join(extra)})</span>' if extra else ""
        items.append(f"<li>{esc(s.title)}{tail}</li>")
    return f'<ol class="steps">{"".join(items)}</ol>'


def _fees(p: ServicePassport) -> str:
    rows = [[esc(f.title), fa(format_rials(f.amount_rials)) if f.amount_rials is not None else "—",
             esc(f.legal_basis), esc(f.bank),
             f'<span class="sid">{esc(f.sheba or f.account_number)}</span>'
             if (f.sheba or f.account_number) else "—"]
            for f in p.fees]
    if p.delegated_to_counters and p.counter_fee_rials is not None:
        rows.append(["تعرفهٔ دفاتر پیشخوان", fa(format_rials(p.counter_fee_rials)), "", "", "—"])
    parts = []
    if rows:
        parts.append(table("هزینه‌هایی که متقاضی می‌پردازد (ریال)",
                           ["عنوان", "مبلغ", "مبنای قانونی", "بانک", "شماره شبا یا حساب"],
                           rows, numeric=[1]))
    if p.direct_cost_rials is not None:
        parts.append(f'<p class="note">هزینهٔ مستقیم متقاضی برای گرفتن این خدمت: '
                     f"{fa(format_rials(p.direct_cost_rials))}</p>")
    if not parts:
        parts.append("<p>این خدمت هزینه‌ای ندارد یا هزینه‌ای اعلام نشده است.</p>")
    return "".join(parts)


def _channels(p: ServicePassport) -> str:
    items = []
    for ch in p.channels:
        count = (f" ({fa(format_int(ch.centre_count))} "
                 f"{'دفتر' if ch.kind is ChannelKind.COUNTER else 'مرکز'})"
                 if ch.centre_count else "")
        desc = f": {esc(ch.description)}" if ch.description else ""
        items.append(f"<li>{esc(ch.kind.label_fa)}{count}{desc}</li>")
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    counters = esc(p.counter_actions) if p.delegated_to_counters else ""
    return listing + facts([
        ("ارائهٔ الکترونیکی", electronic_status(p)),
        ("محل مراجعه", esc(p.where_to_apply)),
        ("محل دریافت پاسخ", esc(p.where_to_receive)),
        ("واحد ارائه‌کنندهٔ خدمت", esc(p.providing_unit)),
        ("کار دفاتر پیشخوان", counters),
        ("ضرورت مراجعهٔ حضوری", esc(p.in_person_reasons)),
    ])


def _depends(s: PublishedService) -> str:
    p = s.passport
    items = []
    for d in s.depends_on:
        how = "استعلام" if d.via == "inquiry" else "خدمت پیشین در زنجیرهٔ خدمات"
        if d.inquiry_kind:
            how += "، آنی" if d.inquiry_kind == "instant" else "، فرآیندی"
        if d.electronic is not None:
            how += "، الکترونیکی" if d.electronic else "، غیرالکترونیکی"
        sid = f" — شناسه {fa(d.service_id)}" if d.service_id else ""
        items.append(f"<li>{esc(d.title)} از {esc(d.agency)}{sid} <span class=\"meta\">({how})</span></li>")
    partners = "، ".join(f"{a.name}" + (f" ({a.role})" if a.role else "") for a in p.partner_agencies)
    text = f"<ul>{''.join(items)}</ul>" if items else ""
    if partners:
        text += f"<p>دستگاه‌های همکار: {esc(partners)}</p>"
    return text


def _laws(p: ServicePassport) -> str:
    if not p.legal_bases:
        return ""
    return table("قانون‌ها و مقرراتی که خدمت بر آن‌ها استوار است",
                 ["عنوان", "نوع", "شماره", "تاریخ", "ماده / بند"],
                 [[esc(b.title), esc(b.kind.label_fa), fa(b.number), jalali(b.date),
                   fa(b.article)] for b in p.legal_bases])


def _more(p: ServicePassport) -> str:
    parts = []
    if p.licences:
        parts.append(table("مجوزهای درگاه ملی مجوزها که این خدمت صادر می‌کند", ["کد مجوز", "عنوان"],
                           [[f'<span class="sid">{fa(lic.code)}</span>', esc(lic.title)]
                            for lic in p.licences]))
    units = [u for u in p.org_units if u.name.strip()]
    if units:
        parts.append(table("واحدهای سازمانی درگیر در ارائهٔ خدمت", ["واحد", "شناسهٔ واحد"],
                           [[esc(u.name), esc(u.unit_id) or "—"] for u in units]))
    parts.append(facts([
        ("تعداد خدمت‌گیرندگان در سال",
         fa(format_int(p.recipients_count)) if p.recipients_count is not None else ""),
        ("تعداد دفعات ارائه در سال",
         fa(format_int(p.deliveries_per_year)) if p.deliveries_per_year is not None else ""),
    ]))
    return "".join(parts)


def render_service_page(s: PublishedService, c: Catalogue, linked_data: str) -> str:
    """The page; ``linked_data`` is the service's CPSV-AP JSON-LD, embedded in the head."""
    p = s.passport
    key = facts([
        ("شناسهٔ خدمت", f'<span class="sid">{fa(p.service_id)}</span>' if p.service_id else NO_SERVICE_ID),
        ("دستگاه", esc(p.agency_name) + (f" (زیرمجموعهٔ {esc(p.parent_agency)})" if p.parent_agency else "")),
        ("استان و شهرستان", esc("، ".join(x for x in (p.province, p.county) if x))),
        ("ماهیت خدمت", esc(p.nature.label_fa) if p.nature else ""),
        ("ارائهٔ الکترونیکی", electronic_status(p)),
        ("زمان ارائهٔ خدمت", service_time(p)),
        ("اعتبار شناسنامه", f"تأیید در {jalali(p.approved_on)}، معتبر تا "
                            f"{jalali(s.valid_until)}"),
    ])
    body = (
        '<nav aria-label="مسیر"><p class="no-print"><a href="../index.html">فهرست خدمات</a></p></nav>'
        f"<h1>{esc(p.title)}</h1>"
        f'<div class="lead">{paragraphs(p.description)}</div>'
        + section("key", "خلاصه", key)
        + section("who", "چه کسانی می‌توانند درخواست دهند", _who(p))
        + section("documents", "مدارک و کاربرگ‌های لازم", _documents(p))
        + section("steps", "مراحل انجام کار", _steps(p))
        + section("fees", "هزینه‌ها", _fees(p))
        + section("time", "زمان", f"<p>{service_time(p)}</p>" if p.service_time is not None else "")
        + section("where", "کانال‌ها و محل مراجعه", _channels(p))
        + section("depends", "خدمات و دستگاه‌هایی که این خدمت به آن‌ها نیاز دارد", _depends(s))
        + section("laws", "مبانی قانونی و مقررات", _laws(p))
        + section("more", "مجوزها، واحدها و آمار", _more(p))
    )
    head = f'<script type="application/ld+json">{script_json(linked_data)}</script>\n'
    return page(c, title=f"{p.title} — {c.title}", body=body, root="../", head=head)
