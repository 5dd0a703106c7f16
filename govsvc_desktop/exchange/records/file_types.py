"""What a file is, told by its content rather than its name: the attachment allow-list is
checked against these signatures, so a renamed program is not taken for a PDF."""

from __future__ import annotations

import io
import zipfile

from govsvc_desktop.domain.passport.attachments import OLE_TYPES

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
}


def sniff(data: bytes, name: str = "") -> str | None:
    """The media type of ``data`` among the allowed ones, or None. Old Office files share one
    container, so for them the name's extension picks Word or Excel."""
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(_OLE):
        return OLE_TYPES[1] if name.lower().endswith(".xls") else OLE_TYPES[0]
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    return None


def _zip_type(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "mimetype" in names and zf.getinfo("mimetype").file_size <= 100:
                return _ODF.get(zf.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, media_type in _OOXML.items():
        if any(n.startswith(prefix) for n in names):
            return media_type
    return None
