"""Printing many forms: one PDF or a folder of PDFs, in worker processes, with cancel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from govsvc_desktop.bootstrap import App
from govsvc_desktop.cli import main
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.printing import passport_form, pdf_file_name
from tests.reports.test_passport_pdf import norm


def pages_of(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def test_batch_of_50_gives_50_forms_with_their_page_counts(app: App, tmp_path: Path) -> None:
    demo.populate(app.uow, 50, seed=7)
    # the form as printing makes it: with the approval (signed or not) where there is one
    expected = {u: passport_form(app.passports.get(u)).pages for u in app.passports.uuids()}
    seen: list[tuple[int, int]] = []
    result = app.printing.print_passports(PassportFilter(), out_dir=tmp_path / "forms",
                             workers=2, progress=lambda done, total: seen.append((done, total)) or True)
    assert result.forms == 50 and len(result.files) == 50 and not result.cancelled
    for path in result.files:
        uuid = path.stem.split("_")[-1]
        assert pages_of(path) == expected[uuid]
    assert result.pages == sum(expected.values())
    assert seen[-1] == (50, 50)

    one = tmp_path / "all.pdf"
    combined = app.printing.print_passports(PassportFilter(), out_file=one, workers=2)
    assert combined.files == [one] and pages_of(one) == sum(expected.values())
    text = subprocess.run(["pdftotext", str(one), "-"], capture_output=True, text=True, check=True).stdout
    assert norm(text).count("صفحه ۱ از") == 50


def test_cancel_leaves_no_combined_file(app: App, tmp_path: Path) -> None:
    demo.populate(app.uow, 30, seed=3)
    out = tmp_path / "out" / "cancelled.pdf"
    out.parent.mkdir()
    result = app.printing.print_passports(PassportFilter(), out_file=out,
                             progress=lambda done, total: False)
    assert result.cancelled and not out.exists()
    assert list(out.parent.iterdir()) == []


def test_filter_selects_and_empty_selection_is_an_error(app: App, tmp_path: Path) -> None:
    demo.populate(app.uow, 40, seed=5)
    approved = app.passports.uuids(PassportFilter(statuses=(Status.APPROVED,)))
    result = app.printing.print_passports(PassportFilter(statuses=(Status.APPROVED,)),
                             out_dir=tmp_path / "approved")
    assert sorted(p.stem.split("_")[-1] for p in result.files) == sorted(approved)
    with pytest.raises(GovsvcError, match="هیچ شناسنامه"):
        app.printing.print_passports(PassportFilter(search="واژه‌ای که نیست"), out_file=tmp_path / "x.pdf")
    with pytest.raises(GovsvcError, match="نه هر دو"):
        app.printing.print_passports(PassportFilter(), out_file=tmp_path / "x.pdf", out_dir=tmp_path)


def test_file_names_are_safe(app: App) -> None:
    demo.populate(app.uow, 5)
    for u in app.passports.uuids():
        name = pdf_file_name(app.passports.get(u))
        assert name.endswith(f"{u}.pdf") and "/" not in name


def test_cli_prints_one_and_many(app: App, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo.populate(app.uow, 12, seed=2)
    some = app.passports.page(PassportFilter(has_service_id=True), limit=1)[0]
    out = tmp_path / "one.pdf"
    assert main(["--db", app.db, "pdf", "passport", some.service_id, "-o", str(out)]) == 0
    assert pages_of(out) >= 2 and "نوشته شد" in capsys.readouterr().out
    assert main(["--db", app.db, "pdf", "passports", "-o", str(tmp_path / "all.pdf")]) == 0
    assert "۱۲ شناسنامه" in capsys.readouterr().out
    assert main(["--db", app.db, "pdf", "passport", "00000000", "-o", str(out)]) == 3
    assert capsys.readouterr().err.strip()
