"""`catalogue export` from the command line: the site, the report of what was left out on
stderr, filters, and the documented exit codes for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.catalogue_support import EXPIRED_TITLE, FULL, catalogue_app
from tests.cli.test_cli_passports import run


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "c.sqlite3"
    catalogue_app(path, count=40, seed=4).close()
    return str(path)


def test_export_prints_the_report_and_writes_the_site(db: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    code, out, err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(site),
                         "--title", "خدمات آب", "--base-url", "https://portal.example.ir/")
    assert code == 0
    assert "منتشر شد" in out and str(site) in out
    assert EXPIRED_TITLE in err and "منتشر نشد" in err and "تأییدنشده" in err
    graph = json.loads((site / "catalogue.jsonld").read_text("utf-8"))["@graph"]
    dataset = graph[0]
    assert dataset["@type"] == "dcat:Dataset" and dataset["dct:title"] == "خدمات آب"
    assert dataset["dcat:landingPage"]["@id"] == "https://portal.example.ir/index.html"
    pages = list((site / "services").iterdir())
    assert len(pages) == len(dataset["dct:hasPart"]) > 1


def test_filters_select_what_is_published(db: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(tmp_path / "s"),
                           "--uuid", FULL)
    assert code == 0
    assert [p.name for p in (tmp_path / "s" / "services").iterdir()] == ["11031164001.html"]
    code, _out, _err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(tmp_path / "e"),
                           "--electronic", "yes", "--nature", "حاکمیتی")
    assert code == 0
    data = (tmp_path / "e" / "assets" / "search-data.js").read_text("utf-8")
    rows = json.loads(data.split("=", 1)[1].rstrip().rstrip(";"))["services"]
    assert rows and all(r[10] == 1 and r[9] == 0 for r in rows)


def test_bad_input_has_its_exit_code(db: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("x")
    code, _out, err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(tmp_path / "busy"))
    assert code == 4 and "خالی نیست" in err
    code, _out, err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(tmp_path / "x"),
                          "--base-url", "portal")
    assert code == 2 and "http" in err
    code, _out, err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(tmp_path / "x"),
                          "--nature", "نامعلوم")
    assert code == 2 and "ماهیت" in err
    code, _out, err = run(capsys, "--db", db, "catalogue", "export", "--dir", str(tmp_path / "x"),
                          "--status", "draft")
    assert code == 2 and "تأییدشده و معتبری" in err
    assert not (tmp_path / "x").exists()
