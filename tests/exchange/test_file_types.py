"""Attachment types are told by content: each allowed kind is recognised, and a file whose
content is something else is not, whatever its name says."""

from __future__ import annotations

import io
import zipfile

import pytest

from govsvc_desktop.domain.passport.attachments import ALLOWED, Attachment, validate_attachment
from govsvc_desktop.exchange.records.file_types import sniff


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


OOXML = {"[Content_Types].xml": b"<Types/>"}


@pytest.mark.parametrize(("data", "name", "expected"), [
    (b"%PDF-1.7\n", "a.pdf", "application/pdf"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a.jpg", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n....", "a.png", "image/png"),
    (b"GIF89a....", "a.gif", "image/gif"),
    (b"II*\x00....", "a.tif", "image/tiff"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a.webp", "image/webp"),
    (_zip({**OOXML, "word/document.xml": b"<w/>"}), "a.docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (_zip({**OOXML, "xl/workbook.xml": b"<x/>"}), "a.xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (_zip({**OOXML, "ppt/presentation.xml": b"<p/>"}), "a.pptx",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "a.odt",
     "application/vnd.oasis.opendocument.text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "a.doc", "application/msword"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "a.xls", "application/vnd.ms-excel"),
    (b"MZ\x90\x00", "a.pdf", None),
    (b"#!/bin/sh\nrm -rf /\n", "a.docx", None),
    (_zip({"payload.exe": b"MZ"}), "a.docx", None),
    (_zip({**OOXML, "other/x.xml": b""}), "a.docx", None),
    (b"PK\x03\x04 broken", "a.xlsx", None),
])
def test_sniff(data: bytes, name: str, expected: str | None) -> None:
    assert sniff(data, name) == expected
    if expected is not None:
        assert expected in ALLOWED


def test_a_record_must_name_an_allowed_type_and_a_matching_name() -> None:
    good = Attachment(passport_uuid="p", name="فرم.pdf", sha256="a" * 64, size=10,
                      media_type="application/pdf")
    assert validate_attachment(good) == []
    bad = Attachment(passport_uuid="p", name="فرم.exe", sha256="xyz", size=0,
                     media_type="application/x-msdownload")
    fields = {p.field_path for p in validate_attachment(bad)}
    assert fields == {"sha256", "size", "media_type"}
    renamed = Attachment(passport_uuid="p", name="فرم.png", sha256="a" * 64, size=10,
                         media_type="application/pdf")
    assert [p.field_path for p in validate_attachment(renamed)] == ["name"]
