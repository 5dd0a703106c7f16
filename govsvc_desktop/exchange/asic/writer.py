"""ASiC-E containers (ETSI EN 319 162-1) with a CAdES signature over an ASiC manifest.

This module writes bundles and is the one place callers import container names from:
reading (``asic_reader``) and verifying (``asic_verify``) are re-exported here. Building
streams file by file into a temporary file that replaces the target only when complete and
synced, so a cancelled or failed export never leaves a partial bundle behind.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import os
import stat
import tempfile
import time
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from govsvc_desktop.config import fsync_directory
from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.asic.format import (
    ASIC_NS,
    CHUNK,
    DATA_PREFIX,
    DIGEST_URIS,
    DIGESTS,
    DS_NS,
    ENTRIES_PRESENT,
    MANIFEST_CHECK,
    MANIFEST_NAME,
    META_INF,
    MIMETYPE,
    MIMETYPE_CHECK,
    MIMETYPE_NAME,
    SHA256_URI,
    SIGNATURE,
    SIGNATURE_NAME,
    UNLISTED_ENTRIES,
    AsicError,
    AsicLimits,
    EntrySource,
    HostileArchiveError,
    ManifestEntry,
    Progress,
    collision_key,
    looks_like_bomb,
    name_problem,
)
from govsvc_desktop.exchange.asic.reader import (
    AsicArchive,
    iter_payload_entries,
    open_asic,
    read_entry,
)
from govsvc_desktop.exchange.asic.verify import AsicReport, parse_manifest, verify_asic
from govsvc_desktop.exchange.signing.certificates import SigningIdentity, check_usable_for_signing
from govsvc_desktop.exchange.signing.cms import sign_detached

__all__ = [
    "DATA_PREFIX",
    "DIGESTS",
    "ENTRIES_PRESENT",
    "MANIFEST_CHECK",
    "MANIFEST_NAME",
    "META_INF",
    "MIMETYPE",
    "MIMETYPE_CHECK",
    "MIMETYPE_NAME",
    "SHA256_URI",
    "SIGNATURE",
    "SIGNATURE_NAME",
    "UNLISTED_ENTRIES",
    "AsicArchive",
    "AsicError",
    "AsicLimits",
    "AsicReport",
    "AsicWriter",
    "EntrySource",
    "HostileArchiveError",
    "ManifestEntry",
    "Progress",
    "build_asic",
    "iter_payload_entries",
    "manifest_xml",
    "open_asic",
    "parse_manifest",
    "precompressed",
    "read_entry",
    "verify_asic",
]

_PRECOMPRESSED = {".pdf", ".png", ".jpg", ".jpeg", ".zip", ".xlsx", ".docx", ".gz", ".p7s", ".webp"}




_COMPRESSED_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"PK\x03\x04", b"GIF8", b"\x1f\x8b")


def precompressed(data: bytes) -> bool:
    """Content that deflating would not shrink (PDF, PNG, JPEG, ZIP-based office files, GIF,
    gzip, WebP), told by its first bytes: files named by their digest have no extension."""
    return data.startswith(_COMPRESSED_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _normalise_entries(
    entries: Mapping[str, EntrySource] | Iterable[tuple[str, EntrySource]],
) -> list[tuple[str, EntrySource]]:
    pairs = list(entries.items() if isinstance(entries, Mapping) else entries)
    seen: set[str] = set()
    for name, _ in pairs:
        problem = name_problem(name)
        if problem or name.endswith("/"):
            raise AsicError(f"نام پرونده برای بسته پذیرفتنی نیست ({problem or 'پوشه'}): {name}")
        key = collision_key(name)
        if key in seen:
            raise AsicError(f"نام پرونده در بسته تکراری است: {name}")
        seen.add(key)
    if not pairs:
        raise AsicError("بسته دست‌کم یک پرونده لازم دارد")
    return pairs


def _zip_info(
    name: str, stamp: tuple[int, int, int, int, int, int], stored: bool
) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _write_failed(exc: OSError, target: Path) -> StorageError:
    return StorageError(f"نوشتن بسته ممکن نشد ({exc.strerror or exc}): {target}")


def _check_build_limits(pairs: list[tuple[str, EntrySource]], limits: AsicLimits) -> None:
    if len(pairs) + 3 > limits.max_entries:
        raise AsicError(f"شمار پرونده‌ها ({format_int(len(pairs))}) از حد مجاز یک بسته بیشتر است")
    total = 0
    for name, source in pairs:
        try:
            total += len(source) if isinstance(source, bytes) else os.stat(source).st_size
        except OSError:
            raise AsicError(f"پرونده برای گذاشتن در بسته خوانده نشد: {name}") from None
    if total > limits.max_total_bytes:
        raise AsicError("حجم پرونده‌ها از حد مجاز یک بسته بیشتر است؛ آن‌ها را در چند بسته بفرستید")


def _write_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: EntrySource) -> bytes:
    """Copy one payload into the archive, hashing on the way; returns its SHA-256."""
    digest = hashlib.sha256()
    if isinstance(source, bytes):
        info.file_size = len(source)
        with zf.open(info, "w") as out:
            out.write(source)
        digest.update(source)
        return digest.digest()
    try:
        src = open(source, "rb")
    except OSError:
        raise AsicError(f"پرونده برای گذاشتن در بسته خوانده نشد: {os.fspath(source)}") from None
    with src:
        info.file_size = os.fstat(src.fileno()).st_size
        with zf.open(info, "w") as out:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
    return digest.digest()


def manifest_xml(entries: Sequence[ManifestEntry]) -> bytes:
    """The ASiCManifest that the signature covers; URIs are percent-encoded archive names."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<asic:ASiCManifest xmlns:asic="{ASIC_NS}" xmlns:ns2="{DS_NS}">',
        f'  <asic:SigReference URI="{SIGNATURE_NAME}" MimeType="application/pkcs7-signature"/>',
    ]
    algorithms = {v: k for k, v in DIGEST_URIS.items()}
    for entry in entries:
        lines += [
            f"  <asic:DataObjectReference URI={quoteattr(quote(entry.name, safe='/'))}"
            f" MimeType={quoteattr(entry.mime_type)}>",
            f'    <ns2:DigestMethod Algorithm="{algorithms[entry.algorithm]}"/>',
            f"    <ns2:DigestValue>{escape(base64.b64encode(entry.digest).decode())}</ns2:DigestValue>",
            "  </asic:DataObjectReference>",
        ]
    lines.append("</asic:ASiCManifest>\n")
    return "\n".join(lines).encode("utf-8")


class AsicWriter:
    """A signed ASiC-E bundle written entry by entry into a temporary file beside the target,
    which replaces the target only in ``finish``, complete and synced; ``discard`` (or leaving
    the ``with`` block without finishing) removes it, so nothing partial is ever left.

    Entries may be added in several steps, from one thread at a time: the caller can deflate a
    large record file in a worker thread while it prepares what comes next.
    """

    def __init__(self, signer: SigningIdentity, out_path: str | os.PathLike[str],
                 limits: AsicLimits | None = None) -> None:
        check_usable_for_signing(signer.certificate)
        self.signer = signer
        self.target = Path(out_path)
        self.limits = limits or AsicLimits()
        self._names: set[str] = set()
        self._bytes = 0
        self._refs: list[ManifestEntry] = []
        self._stamp = time.localtime()[:6]
        try:
            fd, tmp_name = tempfile.mkstemp(
                dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".part"
            )
        except OSError as exc:
            raise _write_failed(exc, self.target) from exc
        self._tmp = Path(tmp_name)
        try:
            self._fh = os.fdopen(fd, "w+b")
            self._zf = zipfile.ZipFile(self._fh, "w", allowZip64=True)
            self._zf.writestr(_zip_info(MIMETYPE_NAME, self._stamp, stored=True),
                              MIMETYPE.encode("ascii"))
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):
                raise _write_failed(exc, self.target) from exc
            raise

    def __enter__(self) -> AsicWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def add(self, name: str, source: EntrySource, stored: bool | None = None) -> None:
        """One payload under ``data/``; refused (AsicError) if its name is unusable or taken,
        or if the bundle would pass what the receiving side accepts. ``stored`` says whether
        to leave it uncompressed (by default: when its name says it is compressed already)."""
        problem = name_problem(name)
        if problem or name.endswith("/"):
            raise AsicError(f"نام پرونده برای بسته پذیرفتنی نیست ({problem or 'پوشه'}): {name}")
        key = collision_key(name)
        if key in self._names:
            raise AsicError(f"نام پرونده در بسته تکراری است: {name}")
        self._names.add(key)
        if len(self._names) + 3 > self.limits.max_entries:
            raise AsicError(f"شمار پرونده‌ها ({format_int(len(self._names))}) از حد مجاز یک بسته بیشتر است")
        try:
            self._bytes += len(source) if isinstance(source, bytes) else os.stat(source).st_size
        except OSError:
            raise AsicError(f"پرونده برای گذاشتن در بسته خوانده نشد: {name}") from None
        if self._bytes > self.limits.max_total_bytes:
            raise AsicError("حجم پرونده‌ها از حد مجاز یک بسته بیشتر است؛ آن‌ها را در چند بسته بفرستید")
        full = DATA_PREFIX + name
        if stored is None:
            stored = Path(name).suffix.lower() in _PRECOMPRESSED
        info = _zip_info(full, self._stamp, stored)
        try:
            digest = _write_entry(self._zf, info, source)
        except OSError as exc:
            raise _write_failed(exc, self.target) from exc
        if looks_like_bomb(info, self.limits):
            raise AsicError(f"پرونده بیش از اندازه تکراری است و گیرنده آن را نمی‌پذیرد: {name}")
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self._refs.append(ManifestEntry(full, mime, "sha256", digest))

    def finish(self) -> str:
        """Signs the manifest, closes and syncs the file and puts it in place; returns the
        SHA-256 (hex) of the finished file."""
        if not self._refs:
            raise AsicError("بسته دست‌کم یک پرونده لازم دارد")
        try:
            manifest = manifest_xml(self._refs)
            self._zf.writestr(_zip_info(MANIFEST_NAME, self._stamp, stored=False), manifest)
            self._zf.writestr(_zip_info(SIGNATURE_NAME, self._stamp, stored=True),
                              sign_detached(manifest, self.signer))
            self._zf.close()
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.seek(0)
            file_hash = hashlib.file_digest(self._fh, "sha256").hexdigest()
            self._fh.close()
            os.chmod(self._tmp, 0o644)
            os.replace(self._tmp, self.target)
        except OSError as exc:
            self.discard()
            raise _write_failed(exc, self.target) from exc
        except BaseException:
            self.discard()
            raise
        fsync_directory(self.target.parent)
        return file_hash

    def discard(self) -> None:
        """Removes the unfinished file (nothing once ``finish`` has put it in place)."""
        for closing in (getattr(self, "_zf", None), getattr(self, "_fh", None)):
            try:
                if closing is not None:
                    closing.close()
            except (OSError, ValueError):
                pass
        self._tmp.unlink(missing_ok=True)


def build_asic(
    entries: Mapping[str, EntrySource] | Iterable[tuple[str, EntrySource]],
    signer: SigningIdentity,
    out_path: str | os.PathLike[str],
    *,
    limits: AsicLimits | None = None,
    progress: Progress | None = None,
) -> str:
    """Write a signed ASiC-E bundle; returns the SHA-256 (hex) of the finished file.

    Payloads go under ``data/`` in the given order; a ``progress(done, total)`` callback may
    raise to cancel, in which case nothing is left under ``out_path``. A bundle the receiving
    side would refuse under ``limits`` is refused here, before the stick travels.
    """
    pairs = _normalise_entries(entries)
    limits = limits or AsicLimits()
    _check_build_limits(pairs, limits)
    with AsicWriter(signer, out_path, limits) as writer:
        for done, (name, source) in enumerate(pairs, start=1):
            writer.add(name, source)
            if progress:
                progress(done, len(pairs))
        return writer.finish()
