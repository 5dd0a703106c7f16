"""The PAdES signature written as a PDF incremental update directly, for the simple PDFs this
application makes (one revision, a classic cross-reference table, the first page a plain
dictionary without annotations, no form yet).

A bundle carries a thousand signed forms; reading and rewriting each through a general PDF
library costs several times the key operation. For such a PDF the update is five objects
appended after the original bytes: the catalog with a form, the first page with the
signature widget, the form, the widget and the signature dictionary whose /Contents holds
the CMS. Any other PDF returns None here and goes through pyHanko.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"xref\s+0\s+(\d+)\s+")
_REF = rb"\s+(\d+)\s+0\s+R"
_BYTE_RANGE_WIDTH = 10
# A PAdES signature (ETSI.CAdES.detached) belongs to PDF 1.7 with ETSI's extension (ETSI EN
# 319 142-1, 5.1): the catalog says so, whatever version the original file's header gave.
PADES_DECLARATION = (b" /Version /1.7 /Extensions << /ESIC << /Type /DeveloperExtensions "
                     b"/BaseVersion /1.7 /ExtensionLevel 1 >> >>")


@dataclass(frozen=True)
class SignatureFields:
    """What the signature dictionary says besides the CMS."""

    field_name: str  # ASCII letters and digits
    name: str = ""
    reason: str = ""
    location: str = ""


@dataclass(frozen=True)
class _SimplePdf:
    size: int
    xref_at: int
    root: int
    catalog: bytes
    page: int
    page_dict: bytes
    trailer_extra: bytes  # /Info and /ID of the original trailer


def _object(pdf: bytes, offsets: list[int], number: int) -> bytes | None:
    """The dictionary of object ``number`` as written, or None if it is not a plain one."""
    if not 0 < number < len(offsets):
        return None
    start = offsets[number]
    head = re.compile(rb"%d\s+0\s+obj\s*" % number).match(pdf, start)
    if head is None:
        return None
    end = pdf.find(b"endobj", head.end())
    if end < 0:
        return None
    body = pdf[head.end():end].strip()
    if not (body.startswith(b"<<") and body.endswith(b">>")) or b"stream" in body:
        return None
    return body


def _ref(dictionary: bytes, key: bytes) -> int | None:
    found = re.search(rb"/" + key + _REF, dictionary)
    return int(found.group(1)) if found else None


def _parse(pdf: bytes) -> _SimplePdf | None:
    tail = _STARTXREF.search(pdf, max(0, len(pdf) - 64))
    if tail is None or pdf.count(b"%%EOF") != 1 or b"/Encrypt" in pdf[-2048:]:
        return None
    xref_at = int(tail.group(1))
    section = _SUBSECTION.match(pdf, xref_at)
    if section is None:
        return None
    size = int(section.group(1))
    table_at = section.end()
    table = pdf[table_at:table_at + 20 * size]
    offsets = [int(table[i * 20:i * 20 + 10]) for i in range(size)]
    trailer_at = table_at + 20 * size
    trailer = re.match(rb"\s*trailer\s*(<<.*?>>)\s*startxref", pdf[trailer_at:], re.S)
    if trailer is None or b"/Prev" in trailer.group(1):
        return None
    root = _ref(trailer.group(1), b"Root")
    catalog = _object(pdf, offsets, root) if root else None
    if catalog is None or b"/AcroForm" in catalog or b"/Extensions" in catalog or root is None:
        return None
    pages = _ref(catalog, b"Pages")
    pages_dict = _object(pdf, offsets, pages) if pages else None
    kids = re.search(rb"/Kids\s*\[\s*(\d+)\s+0\s+R", pages_dict) if pages_dict else None
    page = int(kids.group(1)) if kids else 0
    page_dict = _object(pdf, offsets, page) if page else None
    if page_dict is None or b"/Annots" in page_dict or b"/Pages" in page_dict:
        return None
    extra = b""
    info = _ref(trailer.group(1), b"Info")
    if info:
        extra += b" /Info %d 0 R" % info
    ident = re.search(rb"/ID\s*(\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\])", trailer.group(1))
    if ident:
        extra += b" /ID " + ident.group(1)
    return _SimplePdf(size, xref_at, root, catalog, page, page_dict, extra)


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte-order mark, written in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _pdf_date(at: dt.datetime) -> bytes:
    return at.astimezone(dt.UTC).strftime("(D:%Y%m%d%H%M%S+00'00')").encode("ascii")


def sign_simple_pdf(
    pdf: bytes, sign_digest: Callable[[bytes], bytes], reserved_hex: int,
    fields: SignatureFields, now: dt.datetime | None = None,
) -> bytes | None:
    """``pdf`` with a PAdES signature whose CMS ``sign_digest`` makes from the SHA-256 of the
    signed byte ranges; None when the PDF is not one this writer handles."""
    parsed = _parse(pdf)
    if parsed is None:
        return None
    form, widget, signature = parsed.size, parsed.size + 1, parsed.size + 2
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}

    def write(number: int, body: bytes) -> None:
        offsets[number] = len(out)
        out.extend(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    catalog = re.sub(rb"/Version\s*/[0-9.]+", b"", parsed.catalog[:-2]).rstrip()
    write(parsed.root, catalog + b" /AcroForm %d 0 R%s >>" % (form, PADES_DECLARATION))
    write(parsed.page, parsed.page_dict[:-2].rstrip() + b" /Annots [%d 0 R] >>" % widget)
    write(form, b"<< /Fields [%d 0 R] /SigFlags 3 >>" % widget)
    write(widget, b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /F 132 /Rect [0 0 0 0] "
                  b"/P %d 0 R /V %d 0 R >>" % (fields.field_name.encode("ascii"), parsed.page,
                                               signature))
    offsets[signature] = len(out)
    out.extend(b"%d 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
               b"/ByteRange [" % signature)
    range_at = len(out)
    out.extend(b" ".join([b"0".rjust(_BYTE_RANGE_WIDTH)] * 4) + b"] /Contents ")
    contents_at = len(out)
    out.extend(b"<" + b"0" * reserved_hex + b">")
    contents_end = len(out)
    extra = b" /M " + _pdf_date(now or dt.datetime.now(dt.UTC))
    for key, value in ((b"Name", fields.name), (b"Reason", fields.reason),
                       (b"Location", fields.location)):
        if value:
            extra += b" /%s %s" % (key, _text(value))
    out.extend(extra + b" >>\nendobj\n")
    xref_at = len(out)
    lines = [b"xref\n"]
    for number in sorted(offsets):
        lines.append(b"%d 1\n%010d 00000 n \n" % (number, offsets[number]))
    out.extend(b"".join(lines))
    out.extend(b"trailer\n<< /Size %d /Root %d 0 R%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        signature + 1, parsed.root, parsed.trailer_extra, parsed.xref_at, xref_at))
    byte_range = (0, contents_at, contents_end, len(out) - contents_end)
    out[range_at:range_at + 4 * _BYTE_RANGE_WIDTH + 3] = b" ".join(
        str(n).encode("ascii").rjust(_BYTE_RANGE_WIDTH) for n in byte_range)
    digest = hashlib.sha256()
    digest.update(memoryview(out)[:contents_at])
    digest.update(memoryview(out)[contents_end:])
    cms = sign_digest(digest.digest()).hex().upper().encode("ascii")
    if len(cms) > reserved_hex:
        raise ValueError("the signature is larger than the space reserved for it")
    out[contents_at + 1:contents_at + 1 + len(cms)] = cms
    return bytes(out)
