"""The published website in a real browser (Debian's Chromium, headless, through Selenium):
search folds Persian like the program, filters narrow the list, a service page shows its
documents and fees, nothing reaches the network, no console errors, and what WCAG 2.1 AA
asks of structure, labels, contrast and keyboard use holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from govsvc_desktop.domain.persian import index_text, search_key
from tests.browser import chromium, console_errors, requested_urls
from tests.catalogue_support import catalogue_app
from tests.fixtures import HARD_STRINGS

TITLE = "صدور پروانه بهره‌برداری از چاه کشاورزی"
TRICKY = list(HARD_STRINGS) + [
    "كتاب‌هاي عربي ك ي ى ئ", "  فاصله\u200c\u200cها \t و\nسطرها  ", "٠١٢٣٤٥٦٧٨٩ و ۰۱۲۳۴۵۶۷۸۹",
    "مُحَمَّد ـــ کشیده", "ة ۀ أ إ آ ٱ ؤ", "STRASSE Straße ΣΊΣΥΦΟΣ", "ﻻ ﷲ ﬁ ①", "\u200fراست\u200e‎؟؛،",
    "a/b\\c-d_e–f—g", "ب ه ر ه برداري", "", "   ",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    app = catalogue_app(folder / "c.sqlite3", count=120, seed=7)
    try:
        app.catalogue.export(folder / "site")
    finally:
        app.close()
    return folder / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def open_index(driver: Any, site: Path) -> None:
    driver.get((site / "index.html").as_uri())
    WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.ID, "count").text.strip() != "")


def results(driver: Any) -> list[str]:
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#results h3 a")]


def matches(driver: Any) -> list[str]:
    """Titles of every match of what the form holds (the list shows the first fifty)."""
    return list(driver.execute_script(
        "var data = window.GOVSVC_CATALOGUE.services;"
        "return GovsvcSearch.search(document.getElementById('q').value, {"
        "audience: document.getElementById('f-audience').value,"
        "nature: document.getElementById('f-nature').value,"
        "electronic: document.getElementById('f-electronic').value,"
        "province: document.getElementById('f-province').value})"
        ".map(function (i) { return data[i][1]; })"))


def count(driver: Any) -> int:
    return len(matches(driver))


def type_query(driver: Any, text: str) -> None:
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(text)


def test_the_browser_folds_persian_exactly_like_the_program(browser: Any, site: Path) -> None:
    open_index(browser, site)
    keys = browser.execute_script("return arguments[0].map(GovsvcFold.searchKey)", TRICKY)
    assert keys == [search_key(t) for t in TRICKY]
    indexed = browser.execute_script(
        "return arguments[0].map(function (t) { return GovsvcFold.indexText([t, 'می خواهم']); })", TRICKY)
    assert indexed == [index_text(t, "می خواهم") for t in TRICKY]


def test_a_word_typed_with_arabic_yeh_and_kaf_finds_the_service(browser: Any, site: Path) -> None:
    open_index(browser, site)
    total = count(browser)
    assert browser.find_element(By.ID, "count").text.startswith(f"{total:,}".translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")).replace(",", "٬"))
    type_query(browser, "چاه كشاورزي")  # Arabic kaf and yeh, as an Arabic keyboard types them
    WebDriverWait(browser, 15).until(lambda d: TITLE in matches(d) and results(d))
    assert 0 < count(browser) < total
    assert all("چاه کشاورزی" in t for t in results(browser))
    type_query(browser, "بهره برداري")  # a space where the title has a ZWNJ
    WebDriverWait(browser, 15).until(lambda d: TITLE in matches(d))
    type_query(browser, "۱۱۰۳۱۱۶۴۰۰۱")  # the service ID in Persian digits
    WebDriverWait(browser, 15).until(lambda d: results(d) == [TITLE])
    type_query(browser, "واژه‌ای که هیچ خدمتی ندارد")
    WebDriverWait(browser, 15).until(lambda d: results(d) == [])
    assert browser.find_element(By.ID, "count").text.startswith("۰")
    assert console_errors(browser) == []


def test_filters_narrow_the_list(browser: Any, site: Path) -> None:
    open_index(browser, site)
    total = count(browser)
    Select(browser.find_element(By.ID, "f-electronic")).select_by_value("yes")
    electronic = count(browser)
    assert 0 < electronic < total
    tags = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#results .tags")]
    assert tags and all(t.startswith("الکترونیکی") for t in tags)
    Select(browser.find_element(By.ID, "f-nature")).select_by_value("sovereign")
    both = count(browser)
    assert 0 < both < electronic
    assert all("حاکمیتی" in t.text for t in browser.find_elements(By.CSS_SELECTOR, "#results .tags"))
    Select(browser.find_element(By.ID, "f-audience")).select_by_value("G2B")
    assert count(browser) <= both
    browser.find_element(By.ID, "reset").click()
    WebDriverWait(browser, 15).until(lambda d: count(d) == total)
    Select(browser.find_element(By.ID, "f-province")).select_by_value("فارس")
    metas = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#results .meta")]
    assert metas and all("فارس" in m for m in metas) and count(browser) < total


def test_a_service_page_shows_documents_fees_and_its_id(browser: Any, site: Path) -> None:
    open_index(browser, site)
    type_query(browser, "11031164001")
    WebDriverWait(browser, 15).until(lambda d: results(d) == [TITLE])
    browser.find_element(By.LINK_TEXT, TITLE).click()
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == TITLE)
    body = browser.find_element(By.TAG_NAME, "main").text
    for expected in ("نقشه محل چاه", "سند مالکیت", "۲٬۵۰۰٬۰۰۰ ریال", "۳۵۰٬۰۰۰ ریال",
                     "۱۱۰۳۱۱۶۴۰۰۱", "قانون توزیع عادلانه آب", "دفاتر پیشخوان طرف قرارداد",
                     "دفتر پیشخوانی که قبلاً مراجعه کرده", "۱۵ روز کاری", "دریافت درخواست",
                     "معاف از الکترونیکی شدن", "کشاورزان و بهره‌برداران"):
        assert expected in body, expected
    assert console_errors(browser) == []
    browser.back()
    WebDriverWait(browser, 15).until(lambda d: results(d) == [TITLE])  # the search is kept


def test_no_network_and_no_console_errors_on_any_kind_of_page(browser: Any, site: Path) -> None:
    for page in ("index.html", "lists.html", "services/11031164001.html"):
        requested_urls(browser)
        browser.get((site / page).as_uri())
        urls = requested_urls(browser)
        assert len(urls) >= 3 and all(u.startswith(("file://", "data:")) for u in urls), urls
        assert console_errors(browser) == []
        fonts = browser.execute_script(
            "return document.fonts.ready.then(function () {"
            " return Array.from(document.fonts).filter(function (f) {"
            " return f.status === 'loaded'; }).map(function (f) { return f.family; }); })")
        assert any("Vazirmatn" in f for f in fonts)


def _contrast(driver: Any, selector: str) -> float:
    return float(driver.execute_script("""
        function lum(c) {
          var v = c.match(/[0-9.]+/g).slice(0, 3).map(function (x) {
            x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
          return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
        }
        function bg(el) {
          while (el) { var c = getComputedStyle(el).backgroundColor;
            if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { return c; } el = el.parentElement; }
          return 'rgb(255, 255, 255)';
        }
        var el = document.querySelector(arguments[0]);
        var a = lum(getComputedStyle(el).color), b = lum(bg(el));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);""", selector))


def test_accessible_structure_labels_contrast_and_keyboard(browser: Any, site: Path) -> None:
    open_index(browser, site)
    html = browser.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("fa", "rtl")
    for landmark in ("header", "nav", "main", "footer", "form[role=search]"):
        assert browser.find_elements(By.CSS_SELECTOR, landmark), landmark
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    unlabelled = browser.execute_script(
        "return Array.from(document.querySelectorAll('input, select')).filter(function (e) {"
        " return !e.labels || e.labels.length === 0 || !e.labels[0].textContent.trim(); }).length")
    assert unlabelled == 0
    assert browser.find_element(By.ID, "count").get_attribute("aria-live") == "polite"
    for selector in ("body", "main a", "label", "#count", "header.site .name", "button[type=submit]",
                     "#results .meta", "#results .tags"):
        assert _contrast(browser, selector) >= 4.5, selector
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class") == "skip"
    skip.send_keys(Keys.ENTER)
    order = []
    for _ in range(12):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        order.append(active.get_attribute("id"))
        style = browser.execute_script(
            "var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", active)
        assert style[0] != "none" and style[1] != "0px", (order, style)
    assert order[:5] == ["q", "f-audience", "f-nature", "f-electronic", "f-province"]
    browser.find_element(By.ID, "q").send_keys("۱۱۰۳۱۱۶۴۰۰۱", Keys.ENTER)
    WebDriverWait(browser, 15).until(lambda d: results(d) == [TITLE])


def test_readable_on_a_phone_and_printable(site: Path) -> None:
    with chromium(width=390, height=844) as phone:
        for page in ("index.html", "services/11031164001.html", "lists.html"):
            phone.get((site / page).as_uri())
            overflow = phone.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, page
        phone.get((site / "index.html").as_uri())
        phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        hidden = phone.execute_script(
            "return ['form.search', 'nav.site'].map(function (s) {"
            " return getComputedStyle(document.querySelector(s)).display; })")
        assert hidden == ["none", "none"]
