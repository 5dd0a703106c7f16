"""Publishing the catalogue: only approved, valid services; nothing personal; an expired
passport left out with a line in the report; a cancel or a foreign folder never costs a file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.agency.catalogue import LeftOut
from govsvc_desktop.domain.choices import RecordKind, Validity
from govsvc_desktop.domain.errors import Cancelled, ConflictError, GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter
from tests.catalogue_support import (
    DRAFT,
    DRAFT_TITLE,
    EXPIRED,
    EXPIRED_TITLE,
    FULL,
    catalogue_app,
    personal_values,
    site_text,
)


@pytest.fixture
def capp(tmp_path: Path) -> Iterator[App]:
    app = catalogue_app(tmp_path / "c.sqlite3")
    yield app
    app.close()


def test_only_approved_valid_services_are_published(capp: App, tmp_path: Path) -> None:
    today = capp.passports.today()
    expected = {p.uuid for p in capp.passports.iter_passports()
                if p.kind is RecordKind.SERVICE
                and p.validity(today) in (Validity.VALID, Validity.EXPIRING)}
    report = capp.catalogue.export(tmp_path / "site")
    site = tmp_path / "site"
    graph = json.loads((site / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    published = {n["gsv:recordId"]["@value"] for n in graph if "gsv:recordId" in n}
    assert published == expected and FULL in published
    assert DRAFT not in published and EXPIRED not in published
    assert report.published == len(expected) == len(list((site / "services").iterdir()))
    texts = site_text(site)
    assert not [name for name, text in texts.items() if DRAFT_TITLE in text or EXPIRED_TITLE in text]
    assert not [name for name, text in texts.items() if DRAFT in text or EXPIRED in text]
    expired_lines = [line for line in report.lines_fa() if EXPIRED_TITLE in line]
    assert len(expired_lines) == 1
    assert "منتشر نشد" in expired_lines[0]
    assert report.count(LeftOut.EXPIRED) >= 1 and report.count(LeftOut.NOT_APPROVED) >= 1
    assert report.count(LeftOut.TASK) == sum(1 for p in capp.passports.iter_passports()
                                             if p.kind is RecordKind.TASK)


def test_no_personal_field_reaches_the_site(capp: App, tmp_path: Path) -> None:
    values = personal_values(capp)
    assert {"مریم احمدی", "علی رضایی", "دکتر محمد صادقی", "98765432", "P55501"} <= values
    capp.catalogue.export(tmp_path / "site")
    texts = site_text(tmp_path / "site")
    leaks = {(name, v) for name, text in texts.items() for v in values if v in text}
    assert not leaks
    full_page = next(t for n, t in texts.items() if n.startswith("services/11031164001"))
    for withheld in ("بدون ملاحظه", "کاهش مراجعه حضوری", "واژه‌ای‌بسیاربلندکه"):  # centre comment, benefits, obstacles
        assert withheld not in full_page
    assert "اداره منابع آب شهرستان" in full_page and "U10023" in full_page  # unit named, no people


def test_a_cancel_keeps_the_earlier_catalogue(capp: App, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = capp.catalogue.export(site)
    before = sorted(p.name for p in (site / "services").iterdir())
    with pytest.raises(Cancelled):
        capp.catalogue.export(site, progress=lambda done, total: False)
    assert sorted(p.name for p in (site / "services").iterdir()) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    again = capp.catalogue.export(site, PassportFilter(uuids=(FULL,)))
    assert again.published == 1 < first.published
    assert [p.name for p in (site / "services").iterdir()] == ["11031164001.html"]


def test_a_folder_holding_other_files_is_never_overwritten(capp: App, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("کار من", "utf-8")
    with pytest.raises(ConflictError) as caught:
        capp.catalogue.export(folder)
    assert "خالی نیست" in caught.value.message_fa and caught.value.exit_code == 4
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    with pytest.raises(GovsvcError, match="http"):
        capp.catalogue.export(tmp_path / "x", base_url="portal.example")


def test_nothing_to_publish_is_said_and_writes_nothing(capp: App, tmp_path: Path) -> None:
    with pytest.raises(GovsvcError, match="تأییدشده و معتبری"):
        capp.catalogue.export(tmp_path / "site", PassportFilter(uuids=(DRAFT, EXPIRED)))
    assert not (tmp_path / "site").exists()


def test_dependencies_come_from_inquiries_and_service_chains(capp: App, tmp_path: Path) -> None:
    from govsvc_desktop.services.agency import CHAINS

    capp.catalogue.export(tmp_path / "site")
    site = tmp_path / "site"
    full = (site / "services" / "11031164001.html").read_text("utf-8")
    assert "استعلام کاربری زمین از جهاد کشاورزی" in full and "فرآیندی" in full
    chain = capp.agency.find(CHAINS)[0]
    last = chain.links[-1]
    pages = [p for p in (site / "services").iterdir() if p.name.startswith(last.service_id)]
    if pages:  # the chain's final service is published: it names the services before it
        text = pages[0].read_text("utf-8")
        assert all(link.service_title in text for link in chain.links[:-1])
    graph = json.loads((site / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    required = {r["@id"] for n in graph for r in n.get("dct:requires", [])}
    services = {n["@id"]: n for n in graph if n.get("@type") == "cpsv:PublicService"}
    assert required and required <= set(services)
    assert all(services[i]["cv:hasCompetentAuthority"] for i in required)


def test_pages_name_their_service_and_dates_are_jalali(capp: App, tmp_path: Path) -> None:
    report = capp.catalogue.export(tmp_path / "site", title="خدمات آب فارس")
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert re.search(r'<html lang="fa" dir="rtl">', index)
    assert "خدمات آب فارس" in index and report.made_on in index
    assert re.fullmatch(r"[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", report.made_on)
    lists = (tmp_path / "site" / "lists.html").read_text("utf-8")
    assert "معاف از الکترونیکی شدن" in lists and "خدمات الکترونیکی" in lists


def test_text_that_looks_like_markup_stays_text(capp: App, tmp_path: Path) -> None:
    import dataclasses

    from tests.catalogue_support import FULL as full_uuid

    hostile = '</script><script>alert("x")</script> & <b>«گواهی»</b>'
    p = dataclasses.replace(capp.passports.get(full_uuid), uuid="0c0c0c0c-1111-4222-8333-666666666666",
                            service_id="99000000003", title=hostile, description=hostile)
    with capp.uow() as uow:
        uow.passports.insert(p)
        uow.commit()
    capp.catalogue.export(tmp_path / "site", PassportFilter(uuids=(p.uuid,)))
    html = (tmp_path / "site" / "services" / "99000000003.html").read_text("utf-8")
    assert "<script>alert" not in html and html.count("</script>") == 1
    embedded = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    graph = json.loads(embedded)["@graph"]
    assert graph[0]["dct:title"] == hostile
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)" in html
    data = (tmp_path / "site" / "assets" / "search-data.js").read_text("utf-8")
    assert json.loads(data.split("=", 1)[1].rstrip().rstrip(";"))["services"][0][1] == hostile
