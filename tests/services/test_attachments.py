"""Files on passports: checked by content, kept by SHA-256, renamed and removed with the
history; they travel in bundles, arrive unchanged and a tampered or mislabelled one is
refused; the printed form lists them."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from PIL import Image

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import ValidationError
from govsvc_desktop.domain.passport.attachments import MAX_BYTES, Attachment
from govsvc_desktop.reports.passport_pdf import PdfOptions, write_passport_pdf
from govsvc_desktop.services.bundles.attachments import ATTACHMENTS
from govsvc_desktop.services.certificates import CertificateService
from govsvc_desktop.services.passports import iso_now
from tests.bundle_support import Pki, flip, rewrite, seed, service, small_pdf
from tests.reports.test_passport_pdf import norm

SIGNED_FORM = small_pdf("scanned signed form")


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "کاربرگ درخواست"
    book.save(buffer)
    return buffer.getvalue()


def _rows(app: App, uuid: str) -> list[dict[str, object]]:
    with app.uow() as uow:
        return sorted((to_dict(a) for a in uow.attachments.of_passports([uuid])),
                      key=lambda d: str(d["uuid"]))


def test_add_open_rename_remove_with_history(app: App) -> None:
    uuid = seed(app, approved=1, drafts=0, proposed=0)["approved"][0]
    before = app.passports.get(uuid)
    form = app.attachments.add(uuid, "فرم امضاشده.pdf", SIGNED_FORM)
    app.attachments.add(uuid, "نمونه کاربرگ.xlsx", _xlsx())
    app.attachments.add(uuid, "نقشه.png", _png())
    assert form.sha256 == hashlib.sha256(SIGNED_FORM).hexdigest()
    assert form.media_type == "application/pdf" and form.size == len(SIGNED_FORM)
    assert [a.name for a in app.attachments.list(uuid)] == [
        "فرم امضاشده.pdf", "نمونه کاربرگ.xlsx", "نقشه.png"]
    assert app.attachments.data(form) == SIGNED_FORM
    # the approved record itself does not change
    after = app.passports.get(uuid)
    assert (after.revision, after.status) == (before.revision, before.status)

    renamed = app.attachments.rename(form, "فرم امضاشدهٔ ۱۴۰۵.pdf")
    assert renamed.revision == 2
    app.attachments.remove(app.attachments.find(uuid, "نقشه.png"))
    assert [a.name for a in app.attachments.list(uuid)] == ["فرم امضاشدهٔ ۱۴۰۵.pdf",
                                                           "نمونه کاربرگ.xlsx"]
    actions = [(e.action, e.old_value, e.new_value) for e in app.passports.history(uuid)
               if e.field_path == "attachments"]
    assert ("rename_attachment", "فرم امضاشده.pdf", "فرم امضاشدهٔ ۱۴۰۵.pdf") in actions
    assert any(a == "detach" and old == "نقشه.png" for a, old, _ in actions)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("برنامه.pdf", b"MZ\x90\x00 a Windows program", "از نوع‌های پذیرفته نیست"),
    ("نامه.pdf", b"\xff\xd8\xff\xe0 a jpeg named pdf", "پسوند"),
    ("خالی.pdf", b"", "خالی"),
    ("بزرگ.pdf", b"%PDF-" + b"0" * MAX_BYTES, "بیشترین اندازه"),
    ("archive.zip", b"PK\x03\x04 not an office file", "از نوع‌های پذیرفته نیست"),
    ("a/b.pdf", SIGNED_FORM, "نویسهٔ ناپذیرفتنی"),
])
def test_files_outside_the_allow_list_are_refused(app: App, name: str, data: bytes,
                                                  expected: str) -> None:
    uuid = seed(app, approved=0, drafts=1, proposed=0)["drafts"][0]
    with pytest.raises(ValidationError) as caught:
        app.attachments.add(uuid, name, data)
    assert expected in caught.value.message_fa
    assert app.attachments.list(uuid) == []


def test_attachments_survive_export_and_import_into_an_empty_database(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    made = seed(app, approved=2, drafts=1, proposed=0)
    for uuid in made["approved"] + made["drafts"]:
        app.attachments.add(uuid, "فرم امضاشده.pdf", SIGNED_FORM)
        app.attachments.add(uuid, f"نقشه {uuid[-2:]}.png", _png())
    gone = app.attachments.find(made["drafts"][0], "فرم امضاشده.pdf")
    app.attachments.remove(gone)
    out = tmp_path / "office.asice"
    service(app, certs).export(out, pki.agency.identity)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert "data/attachments.json" in names
        stored = zf.getinfo(f"data/evidence/{hashlib.sha256(SIGNED_FORM).hexdigest()}")
        assert stored.compress_type == zipfile.ZIP_STORED  # a PDF is not deflated again

    centre = service(other_app, certs)
    plan = centre.prepare_import(out)
    assert plan.ok, plan.summary_fa()
    centre.apply_import(plan)
    for uuid in made["approved"] + made["drafts"]:
        assert _rows(other_app, uuid) == _rows(app, uuid)
        for a in other_app.attachments.list(uuid):
            assert other_app.attachments.data(a) == app.attachments.data(a)
    assert [a.name for a in other_app.attachments.list(made["drafts"][0])] == [
        f"نقشه {made['drafts'][0][-2:]}.png"]


def test_a_tampered_attachment_is_refused(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    uuid = seed(app, approved=1, drafts=0, proposed=0)["approved"][0]
    app.attachments.add(uuid, "فرم امضاشده.pdf", SIGNED_FORM)
    out = tmp_path / "office.asice"
    service(app, certs).export(out, pki.agency.identity)
    digest = hashlib.sha256(SIGNED_FORM).hexdigest()
    tampered = rewrite(out, tmp_path / "tampered.asice", lambda name, data: (
        name, flip(data, 40) if name.endswith(digest) else data))
    centre = service(other_app, certs)
    before = _rows(other_app, uuid)
    plan = centre.prepare_import(tampered)
    assert not plan.ok
    assert any(not c.passed for c in plan.checks)
    with pytest.raises(Exception, match="پذیرفته نشد"):
        centre.apply_import(plan)
    assert _rows(other_app, uuid) == before == []


def test_a_signed_bundle_whose_file_is_not_what_its_record_says_is_refused(
    app: App, other_app: App, certs: CertificateService, pki: Pki, tmp_path: Path,
) -> None:
    uuid = seed(app, approved=1, drafts=0, proposed=0)["approved"][0]
    program = b"MZ\x90\x00 this is a program, not a scanned form"
    digest = hashlib.sha256(program).hexdigest()
    now = iso_now(app.passports.clock)
    with app.uow() as uow:  # written around the checks, as a hostile sender would
        uow.plans.put_evidence(digest, program)
        uow.attachments.insert(Attachment(passport_uuid=uuid, name="فرم.pdf", sha256=digest,
                                          size=len(program), media_type="application/pdf",
                                          revision=1, created_at=now, updated_at=now))
        uow.commit()
    out = tmp_path / "office.asice"
    service(app, certs).export(out, pki.agency.identity)
    plan = service(other_app, certs).prepare_import(out)
    assert not plan.ok
    assert any("فرم.pdf" in p for p in plan.problems), plan.problems


def test_the_printed_form_lists_the_attachments(app: App, tmp_path: Path) -> None:
    uuid = seed(app, approved=0, drafts=1, proposed=0)["drafts"][0]
    app.attachments.add(uuid, "فرم امضاشده.pdf", SIGNED_FORM)
    app.attachments.add(uuid, "نمونه کاربرگ.xlsx", _xlsx())
    names = tuple(a.name for a in app.attachments.list(uuid))
    path = tmp_path / "form.pdf"
    write_passport_pdf(app.passports.get(uuid), path, PdfOptions(attachments=names))
    text = norm(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                               text=True, check=True).stdout)
    words = set(re.sub(r"[^\w]+", " ", text).split())
    assert {"پیوستها", "فرم", "امضاشده", "pdf", "نمونه", "کاربرگ", "xlsx"} <= words
    plain = tmp_path / "plain.pdf"
    write_passport_pdf(app.passports.get(uuid), plain, PdfOptions())
    assert "پیوستها" not in norm(subprocess.run(["pdftotext", "-raw", str(plain), "-"],
                                                capture_output=True, text=True).stdout)


def test_the_kind_is_registered_after_passports() -> None:
    from govsvc_desktop.services.bundles.registry import record_kinds

    names = [k.name for k in record_kinds()]
    assert names.index(ATTACHMENTS.name) == names.index("passports") + 1


def test_deleting_a_draft_takes_its_attachments_with_it(app: App) -> None:
    uuid = seed(app, approved=0, drafts=1, proposed=0)["drafts"][0]
    app.attachments.add(uuid, "فرم.pdf", SIGNED_FORM)
    app.passports.delete(uuid)
    assert _rows(app, uuid) == []
