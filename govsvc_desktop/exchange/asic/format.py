"""The ASiC-E container's names, limits and errors, shared by the writer, reader and verifier.

Bundles travel on USB sticks between offices and the centre, so everything read from one is
treated as hostile; the limits here are what a bundle may demand of the reader, and the name
rules are what makes a stored name safe to use as a path anywhere.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int

MIMETYPE = "application/vnd.etsi.asic-e+zip"
MIMETYPE_NAME = "mimetype"
MANIFEST_NAME = "META-INF/ASiCManifest.xml"
SIGNATURE_NAME = "META-INF/signature001.p7s"
DATA_PREFIX = "data/"
ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"
DIGEST_URIS = {
    SHA256_URI: "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}
CHUNK = 1 << 20

MIMETYPE_CHECK = "mimetype"
MANIFEST_CHECK = "manifest"
ENTRIES_PRESENT = "entries_present"
DIGESTS = "digests"
UNLISTED_ENTRIES = "unlisted_entries"
META_INF = "meta_inf"
SIGNATURE = "signature"

EntrySource = bytes | str | os.PathLike[str]
Progress = Callable[[int, int], None]


class AsicError(GovsvcError):
    """The file is not a usable bundle: not a ZIP, damaged, or missing a needed part."""


class HostileArchiveError(AsicError):
    """The archive is built to harm the reader (path tricks, bombs, links) and is refused whole."""


@dataclass(frozen=True)
class AsicLimits:
    """What a bundle may demand of the reader; checked before anything is decompressed."""

    max_total_bytes: int = 2 * 1024**3
    max_entries: int = 100_000
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 1 << 20  # smaller entries cannot be bombs, so ratio is not checked
    max_metadata_bytes: int = 64 << 20


@dataclass(frozen=True)
class ManifestEntry:
    """One ``DataObjectReference``: an archive name and its expected digest."""

    name: str
    mime_type: str
    algorithm: str
    digest: bytes

    @property
    def payload_name(self) -> str:
        return self.name.removeprefix(DATA_PREFIX)


def listing(names: Sequence[str], limit: int = 10) -> str:
    shown = "، ".join(names[:limit])
    return shown + (f" و {format_int(len(names) - limit)} مورد دیگر" if len(names) > limit else "")


def name_problem(name: str) -> str | None:
    """Why a stored name is unsafe to use as a path anywhere, or None."""
    if not name or name.startswith("/"):
        return "مسیر مطلق"
    if "\\" in name:
        return "نویسهٔ «\\» در نام"
    if len(name) > 1 and name[1] == ":":
        return "مسیر مطلق ویندوز"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
        return "نویسهٔ کنترلی در نام"
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "بخش «..» یا «.» یا خالی در مسیر"
    return None


def collision_key(name: str) -> str:
    return unicodedata.normalize("NFC", name.rstrip("/")).casefold()


def looks_like_bomb(info: zipfile.ZipInfo, limits: AsicLimits) -> bool:
    return info.file_size > limits.ratio_floor_bytes and (
        info.file_size > info.compress_size * limits.max_ratio
    )
