"""The frame every page of the published catalogue shares: Persian and right to left, a skip
link, banner, navigation, main and footer landmarks, the catalogue's date in Jalali."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from html import escape

from govsvc_desktop.domain.agency.catalogue import Catalogue
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.persian import to_persian_digits

SITE_CSS = "assets/site.css"


_SPECIAL = re.compile("[&<>\"']")


def esc(text: object) -> str:
    value = str(text)
    return escape(value, quote=True) if _SPECIAL.search(value) else value


def fa(text: object) -> str:
    """Escaped, with Persian digits (numbers, identifiers and dates as readers expect)."""
    return esc(to_persian_digits(str(text)))


def script_json(text: str) -> str:
    """JSON for a ``<script>`` element: every ``<`` written as ``\\u003c`` (the same JSON), so
    nothing in it can end the element or start a comment."""
    return text.replace("<", "\\u003c")


@functools.lru_cache(maxsize=16_384)
def jalali(value: str | dt.date | None) -> str:
    """A date as Jalali with Persian digits, escaped (a catalogue repeats the same few dates)."""
    return esc(format_jalali(value))


def page(c: Catalogue, *, title: str, body: str, root: str = "", head: str = "",
         scripts: Sequence[str] = (), current: str = "") -> str:
    """A whole HTML document; ``root`` is the way back to the site's top folder."""
    nav = [("index.html", "فهرست و جست‌وجوی خدمات"),
           ("lists.html", "خدمات الکترونیکی و غیرالکترونیکی"),
           ("catalogue.jsonld", "دادهٔ پیوندی (JSON-LD)")]
    mark = ' aria-current="page"'
    links = "".join(
        f'<li><a href="{root}{href}"{mark if href == current else ""}>{esc(label)}</a></li>'
        for href, label in nav)
    script_tags = "".join(f'<script src="{root}{src}" defer></script>' for src in scripts)
    return (
        '<!DOCTYPE html>\n<html lang="fa" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{root}{SITE_CSS}">\n<link rel="icon" href="data:,">\n'
        f"{head}{script_tags}\n</head>\n<body>\n"
        '<a class="skip" href="#main">پرش به محتوای اصلی</a>\n'
        f'<header class="site"><div class="wrap"><p class="name">{esc(c.title)}</p>'
        f'<p>{esc(c.publisher)}</p>'
        f'<nav class="site" aria-label="پیوندهای اصلی"><ul>{links}</ul></nav></div></header>\n'
        f'<main id="main" tabindex="-1">\n{body}\n</main>\n'
        '<footer class="site"><div class="wrap">'
        f"<p>تاریخ تهیهٔ این فهرست: <time datetime=\"{c.made_on.isoformat()}\">"
        f"{esc(c.made_on_jalali)}</time>. فقط شناسنامه‌هایی که رئیس دستگاه تأیید کرده و هنوز "
        "معتبرند منتشر شده‌اند.</p>"
        "<p>قلم وزیرمتن با پروانهٔ SIL Open Font License 1.1 "
        f'(<a href="{root}assets/fonts/OFL.txt">متن پروانه</a>).</p>'
        "</div></footer>\n</body>\n</html>\n"
    )


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]],
          numeric: Sequence[int] = ()) -> str:
    """A table with a caption and column headers; cells are HTML already escaped."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)) + "</tr>"
        for row in rows)
    return (f'<div class="table-wrap" role="region" aria-label="{esc(caption)}" tabindex="0">'
            f"<table><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>")


def facts(items: Iterable[tuple[str, str]]) -> str:
    """A definition list of label → value (values are HTML already escaped); empty ones skipped."""
    inner = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items if v)
    return f'<dl class="facts">{inner}</dl>' if inner else ""


def section(ident: str, heading: str, content: str) -> str:
    if not content:
        return ""
    return (f'<section aria-labelledby="{ident}"><h2 id="{ident}">{esc(heading)}</h2>'
            f"{content}</section>")


def paragraphs(text: str) -> str:
    return "".join(f"<p>{esc(line)}</p>" for line in text.splitlines() if line.strip())
