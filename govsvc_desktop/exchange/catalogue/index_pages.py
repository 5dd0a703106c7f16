"""The catalogue's index (offline search and filters), its search data, and the lists of
electronic and non-electronic services with their dates or exemptions (seed 003 Art. 4)."""

from __future__ import annotations

import json

from govsvc_desktop.domain.agency.catalogue import Catalogue
from govsvc_desktop.domain.agency.service_lists import ListedService, build_service_lists
from govsvc_desktop.domain.choices import Audience, Nature
from govsvc_desktop.domain.passport.model import NO_SERVICE_ID
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.catalogue.layout import esc, fa, jalali, page, section, table

NATURES = [n.value for n in Nature]
AUDIENCES = [a.value for a in Audience]


def search_data(c: Catalogue) -> str:
    """search-data.js: one short row per service; agencies and places listed once."""
    agencies: dict[str, int] = {}
    places: dict[str, int] = {}
    provinces: dict[str, int] = {}
    rows = []
    for s in c.services:
        p = s.passport
        place = "، ".join(x for x in (p.county, p.province) if x)
        mask = 0
        for a in p.audiences:
            mask |= 1 << AUDIENCES.index(a.value)
        rows.append([
            s.page, p.title, p.service_id,
            agencies.setdefault(p.agency_name, len(agencies)),
            places.setdefault(place, len(places)),
            p.description, p.recipients, p.sub_services, mask,
            NATURES.index(p.nature.value) if p.nature else -1,
            1 if p.is_electronic else 0,
            provinces.setdefault(p.province, len(provinces)),
        ])
    data = {
        "agencies": list(agencies), "places": list(places), "provinces": list(provinces),
        "audiences": AUDIENCES, "natures": NATURES,
        "natureLabels": [n.label_fa for n in Nature],
        "labels": {"sid": "شناسه", "electronic": "الکترونیکی", "nonElectronic": "غیرالکترونیکی",
                   "count": "{n} خدمت یافت شد", "more": "نمایش {n} خدمت دیگر"},
        "services": rows,
    }
    return ("window.GOVSVC_CATALOGUE = "
            + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n")


def _select(ident: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options)
    return (f'<div class="field"><label for="{ident}">{esc(label)}</label>'
            f'<select id="{ident}" name="{ident}">{opts}</select></div>')


def render_index(c: Catalogue) -> str:
    provinces = sorted({s.passport.province for s in c.services if s.passport.province})
    electronic = sum(1 for s in c.services if s.passport.is_electronic)
    form = (
        '<div id="search-area" hidden>'
        '<form id="search" class="search" role="search" aria-label="جست‌وجوی خدمات">'
        '<div class="field"><label for="q">جست‌وجو در عنوان، شرح، شناسه یا دستگاه</label>'
        '<input id="q" name="q" type="search" '
        'aria-describedby="q-help"></div>'
        '<p id="q-help" class="note">با صفحه‌کلید فارسی یا عربی بنویسید؛ ی و ک، نیم‌فاصله و '
        "رقم‌های فارسی و انگلیسی یکسان شمرده می‌شوند.</p>"
        '<fieldset class="filters-set"><legend>پالایش فهرست</legend><div class="filters">'
        + _select("f-audience", "گیرندهٔ خدمت", [("", "همه")] + [(a.value, a.label_fa) for a in Audience])
        + _select("f-nature", "ماهیت خدمت", [("", "همه")] + [(n.value, n.label_fa) for n in Nature])
        + _select("f-electronic", "ارائهٔ الکترونیکی",
                  [("", "همه"), ("yes", "الکترونیکی"), ("no", "غیرالکترونیکی")])
        + _select("f-province", "استان", [("", "همه")] + [(p, p) for p in provinces])
        + '</div></fieldset><div class="actions"><button type="submit">جست‌وجو</button>'
        '<button type="reset" id="reset" class="secondary">پاک کردن</button></div></form>'
        '<p id="count" role="status" aria-live="polite"></p>'
        '<ol id="results" class="results" aria-labelledby="results-heading"></ol>'
        '<button type="button" id="more" class="secondary" hidden></button></div>'
    )
    body = (
        f"<h1>{esc(c.title)}</h1>"
        f'<p class="lead">{fa(format_int(len(c.services)))} خدمت {esc(c.publisher)}، '
        f"{fa(format_int(electronic))} خدمت الکترونیکی. هر خدمت صفحه‌ای دارد با شرح، "
        "شرایط، مدارک، مراحل، هزینه‌ها، زمان، محل مراجعه و مبانی قانونی آن.</p>"
        '<h2 id="results-heading">جست‌وجو و فهرست خدمات</h2>'
        "<noscript><p>جست‌وجو به جاوااسکریپت نیاز دارد؛ فهرست کامل خدمات در "
        '<a href="lists.html">فهرست خدمات الکترونیکی و غیرالکترونیکی</a> هست.</p></noscript>'
        + form
    )
    return page(c, title=c.title, body=body, current="index.html",
                scripts=["assets/fold.js", "assets/search-data.js", "assets/search.js"])


def render_lists(c: Catalogue) -> str:
    lists = build_service_lists([s.passport for s in c.services], c.made_on, c.publisher)
    pages = {(s.passport.service_id, s.passport.title): s.page for s in c.services}

    def title(i: ListedService) -> str:
        target = pages.get((i.service_id, i.title))
        return f'<a href="services/{esc(target)}">{esc(i.title)}</a>' if target else esc(i.title)

    def sid(i: ListedService) -> str:
        return f'<span class="sid">{fa(i.service_id)}</span>' if i.service_id else NO_SERVICE_ID

    electronic = table("خدمات الکترونیکی", ["شناسهٔ خدمت", "عنوان", "واحد ارائه‌کننده", "شیوهٔ ارائه"],
                       [[sid(i), title(i), esc(i.unit), esc(i.detail)] for i in lists.electronic])
    non = table("خدمات غیرالکترونیکی با تاریخ الکترونیکی شدن یا معافیت",
                ["شناسهٔ خدمت", "عنوان", "واحد ارائه‌کننده", "تاریخ الکترونیکی شدن یا معافیت"],
                [[sid(i), title(i), esc(i.unit),
                  (jalali(i.date) + (" (گذشته)" if i.late else "")) if i.date
                  else esc(i.detail)] for i in lists.non_electronic])
    delegated = table("خدمات واگذارشده به دفاتر پیشخوان",
                      ["شناسهٔ خدمت", "عنوان", "کار دفاتر", "تعرفهٔ دفتر (ریال)"],
                      [[sid(i), title(i), esc(i.detail),
                        fa(format_int(i.fee_rials)) if i.fee_rials is not None else "—"]
                       for i in lists.delegated], numeric=[3])
    body = (
        "<h1>فهرست خدمات الکترونیکی و غیرالکترونیکی</h1>"
        f'<p class="lead">بر پایهٔ مادهٔ ۴ آیین‌نامهٔ توسعهٔ خدمات الکترونیکی: '
        f"{fa(format_int(len(lists.electronic)))} خدمت الکترونیکی و "
        f"{fa(format_int(len(lists.non_electronic)))} خدمت غیرالکترونیکی، هر یک با تاریخ "
        "الکترونیکی شدن یا معافیت تأییدشده.</p>"
        + section("electronic", "خدمات الکترونیکی", electronic)
        + section("non-electronic", "خدمات غیرالکترونیکی", non)
        + section("delegated", "واگذارشده به دفاتر پیشخوان", delegated if lists.delegated else "")
    )
    return page(c, title=f"فهرست خدمات الکترونیکی و غیرالکترونیکی — {c.title}", body=body,
                current="lists.html")
