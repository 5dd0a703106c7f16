"""ASiC-E containers (ETSI EN 319 162-1) with a CAdES signature over an ASiC manifest.

Bundles travel on USB sticks between offices and the centre, so they are read as hostile:
an archive is inspected from its central directory before a single entry is decompressed,
and every read is bounded by the size that was inspected. Building streams file by file
into a temporary file that replaces the target only when complete and synced.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import mimetypes
import os
import stat
import struct
import tempfile
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import quote, unquote
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as SafeET
from cryptography import x509

from govsvc_desktop.domain.errors import GovsvcError, StorageError
from govsvc_desktop.exchange.certificates import (
    SigningIdentity,
    check_usable_for_signing,
    fsync_directory,
)
from govsvc_desktop.exchange.signing import (
    CheckList,
    VerificationReport,
    sign_detached,
    verify_detached,
)

MIMETYPE = "application/vnd.etsi.asic-e+zip"
MIMETYPE_NAME = "mimetype"
MANIFEST_NAME = "META-INF/ASiCManifest.xml"
SIGNATURE_NAME = "META-INF/signature001.p7s"
DATA_PREFIX = "data/"
ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"
_DIGEST_URIS = {
    SHA256_URI: "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}
_PRECOMPRESSED = {".pdf", ".png", ".jpg", ".jpeg", ".zip", ".xlsx", ".docx", ".gz", ".p7s", ".webp"}
_CHUNK = 1 << 20

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


@dataclass
class AsicReport(CheckList):
    """Every check made on a container, in Persian; the bundle may be imported only if ``ok``."""

    entries: list[ManifestEntry] = field(default_factory=list)
    signature: VerificationReport | None = None
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    unexpected_meta: list[str] = field(default_factory=list)


def _listing(names: Sequence[str], limit: int = 10) -> str:
    shown = "، ".join(names[:limit])
    return shown + (f" و {len(names) - limit} مورد دیگر" if len(names) > limit else "")


# --- names ------------------------------------------------------------------------------


def _name_problem(name: str) -> str | None:
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


def _collision_key(name: str) -> str:
    return unicodedata.normalize("NFC", name.rstrip("/")).casefold()


# --- building ---------------------------------------------------------------------------


def _normalise_entries(
    entries: Mapping[str, EntrySource] | Iterable[tuple[str, EntrySource]],
) -> list[tuple[str, EntrySource]]:
    pairs = list(entries.items() if isinstance(entries, Mapping) else entries)
    seen: set[str] = set()
    for name, _ in pairs:
        problem = _name_problem(name)
        if problem or name.endswith("/"):
            raise AsicError(f"نام پرونده برای بسته پذیرفتنی نیست ({problem or 'پوشه'}): {name}")
        key = _collision_key(name)
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
        raise AsicError(f"شمار پرونده‌ها ({len(pairs)}) از حد مجاز یک بسته بیشتر است")
    total = 0
    for name, source in pairs:
        try:
            total += len(source) if isinstance(source, bytes) else os.stat(source).st_size
        except OSError:
            raise AsicError(f"پرونده برای گذاشتن در بسته خوانده نشد: {name}") from None
    if total > limits.max_total_bytes:
        raise AsicError("حجم پرونده‌ها از حد مجاز یک بسته بیشتر است؛ آن‌ها را در چند بسته بفرستید")


def _looks_like_bomb(info: zipfile.ZipInfo, limits: AsicLimits) -> bool:
    return info.file_size > limits.ratio_floor_bytes and (
        info.file_size > info.compress_size * limits.max_ratio
    )


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
            while chunk := src.read(_CHUNK):
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
    algorithms = {v: k for k, v in _DIGEST_URIS.items()}
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
    check_usable_for_signing(signer.certificate)
    target = Path(out_path)
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise _write_failed(exc, target) from exc
    tmp = Path(tmp_name)
    stamp = time.localtime()[:6]
    try:
        with os.fdopen(fd, "w+b") as fh:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                zf.writestr(_zip_info(MIMETYPE_NAME, stamp, stored=True), MIMETYPE.encode("ascii"))
                refs: list[ManifestEntry] = []
                for done, (name, source) in enumerate(pairs, start=1):
                    full = DATA_PREFIX + name
                    stored = Path(name).suffix.lower() in _PRECOMPRESSED
                    info = _zip_info(full, stamp, stored)
                    digest = _write_entry(zf, info, source)
                    if _looks_like_bomb(info, limits):
                        raise AsicError(
                            f"پرونده بیش از اندازه تکراری است و گیرنده آن را نمی‌پذیرد: {name}"
                        )
                    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
                    refs.append(ManifestEntry(full, mime, "sha256", digest))
                    if progress:
                        progress(done, len(pairs))
                manifest = manifest_xml(refs)
                zf.writestr(_zip_info(MANIFEST_NAME, stamp, stored=False), manifest)
                zf.writestr(
                    _zip_info(SIGNATURE_NAME, stamp, stored=True), sign_detached(manifest, signer)
                )
            fh.flush()
            os.fsync(fh.fileno())
            fh.seek(0)
            file_hash = hashlib.file_digest(fh, "sha256").hexdigest()
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_failed(exc, target) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)
    return file_hash


# --- reading ----------------------------------------------------------------------------


class AsicArchive:
    """An opened bundle that passed the hostile-archive inspection; all reads are bounded."""

    def __init__(self, path: str | os.PathLike[str], limits: AsicLimits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or AsicLimits()
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise AsicError(f"پرونده یک بستهٔ ZIP سالم نیست: {self.path.name}") from None
        try:
            _inspect(self._zip, self.limits)
        except BaseException:
            self._zip.close()
            raise
        self.all_infos = self._zip.infolist()
        self.infos = [i for i in self.all_infos if not i.is_dir()]
        self._by_name = {i.filename: i for i in self.infos}

    def __enter__(self) -> AsicArchive:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    @property
    def names(self) -> list[str]:
        return [i.filename for i in self.infos]

    def chunks(self, name: str) -> Iterator[bytes]:
        """The entry's bytes, refusing to yield more than the size declared and inspected."""
        info = self._by_name.get(name)
        if info is None:
            raise AsicError(f"پرونده در بسته نیست: {name}")
        seen = 0
        try:
            with self._zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    seen += len(chunk)
                    if seen > info.file_size:
                        raise HostileArchiveError(f"پرونده بزرگ‌تر از اندازهٔ اعلام‌شده است: {name}")
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise AsicError(f"پرونده درون بسته آسیب دیده است: {name}") from None
        if seen != info.file_size:
            raise AsicError(f"پرونده درون بسته ناقص است: {name}")

    def read(self, name: str, max_bytes: int | None = None) -> bytes:
        info = self._by_name.get(name)
        if info is not None and max_bytes is not None and info.file_size > max_bytes:
            raise HostileArchiveError(f"پرونده بیش از اندازهٔ مجاز بزرگ است: {name}")
        return b"".join(self.chunks(name))

    def digest(self, name: str, algorithm: str) -> bytes:
        h = hashlib.new(algorithm)
        for chunk in self.chunks(name):
            h.update(chunk)
        return h.digest()

    def iter_payload(
        self, expected: Iterable[ManifestEntry] | None = None
    ) -> Iterator[tuple[str, bytes]]:
        """``(name under data/, bytes)`` one entry at a time, in archive order.

        With ``expected`` (a verified report's entries) each entry's digest is checked again
        as it is read, so a file swapped on the stick after verification is caught.
        """
        wanted = {e.name: e for e in expected} if expected is not None else None
        for info in self.infos:
            if not info.filename.startswith(DATA_PREFIX):
                continue
            ref = wanted.get(info.filename) if wanted is not None else None
            if wanted is not None and ref is None:
                raise AsicError(f"پرونده در فهرست امضاشده نیست: {info.filename}")
            data = self.read(info.filename)
            if ref and not hmac.compare_digest(
                hashlib.new(ref.algorithm, data).digest(), ref.digest
            ):
                raise AsicError(f"پرونده پس از بررسی تغییر کرده است: {info.filename}")
            yield info.filename.removeprefix(DATA_PREFIX), data


def _inspect(zf: zipfile.ZipFile, limits: AsicLimits) -> None:
    """Refuse the archive as a whole if any entry could harm whoever extracts or reads it."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise HostileArchiveError(f"شمار پرونده‌های بسته ({len(infos)}) از حد مجاز بیشتر است")
    total = 0
    keys: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        problem = _name_problem(name) or (
            "نویسهٔ تهی در نام" if "\x00" in info.orig_filename else None
        )
        if problem:
            raise HostileArchiveError(f"نام خطرناک در بسته ({problem}): {name!r}")
        key = _collision_key(name)
        if key in keys:
            raise HostileArchiveError(f"نام تکراری در بسته: {name}")
        keys[key] = info
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise HostileArchiveError(f"پیوند نمادین یا پروندهٔ ویژه در بسته: {name}")
        if info.flag_bits & 0x41:
            raise HostileArchiveError(f"پروندهٔ رمزگذاری‌شده در بسته: {name}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise HostileArchiveError(f"روش فشرده‌سازی پشتیبانی‌نشده: {name}")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise HostileArchiveError(f"اندازه‌های اعلام‌شده با هم نمی‌خوانند: {name}")
        if info.file_size and not info.compress_size:
            raise HostileArchiveError(f"اندازهٔ فشرده‌نشده ناسازگار است: {name}")
        if _looks_like_bomb(info, limits):
            raise HostileArchiveError(f"نسبت فشرده‌سازی پرونده مشکوک است (بمب ZIP): {name}")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise HostileArchiveError("حجم بازشدهٔ بسته از حد مجاز بیشتر است")
    for key, info in keys.items():
        parts = key.split("/")
        parents = (keys.get("/".join(parts[:i])) for i in range(1, len(parts)))
        if any(p is not None and not p.is_dir() for p in parents):
            raise HostileArchiveError(f"نام یک پرونده، پوشهٔ پروندهٔ دیگری است: {info.filename}")
    _check_overlaps(zf, infos)


def _check_overlaps(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Entries sharing bytes are how the smallest zip bombs work; each must own its range."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    end_of_data = getattr(zf, "start_dir", None)
    for current, following in zip(ordered, [*ordered[1:], None], strict=True):
        encoding = "utf-8" if current.flag_bits & 0x800 else "cp437"
        try:
            name_len = len(current.orig_filename.encode(encoding))
        except UnicodeEncodeError:
            name_len = len(current.orig_filename.encode("utf-8"))
        end = current.header_offset + 30 + name_len + current.compress_size
        limit = following.header_offset if following is not None else end_of_data
        if limit is not None and end > limit:
            raise HostileArchiveError(f"پرونده‌های بسته روی هم افتاده‌اند: {current.filename}")


def open_asic(path: str | os.PathLike[str], limits: AsicLimits | None = None) -> AsicArchive:
    """Open and inspect a bundle; raises ``HostileArchiveError`` before any entry is read."""
    return AsicArchive(path, limits)


def read_entry(path: str | os.PathLike[str], name: str, limits: AsicLimits | None = None) -> bytes:
    """One entry by its exact archive name, after the whole archive passed inspection."""
    with open_asic(path, limits) as archive:
        return archive.read(name)


def iter_payload_entries(
    path: str | os.PathLike[str],
    limits: AsicLimits | None = None,
    expected: Iterable[ManifestEntry] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """The payloads under ``data/`` for the importer, one at a time (see ``iter_payload``)."""
    with open_asic(path, limits) as archive:
        yield from archive.iter_payload(expected)


# --- verification -----------------------------------------------------------------------


def parse_manifest(data: bytes) -> list[ManifestEntry]:
    """Read an ASiCManifest that must point at our signature; raises AsicError if it does not."""
    try:
        root: Element = SafeET.fromstring(data)
    except Exception:
        raise AsicError("فهرست بسته (ASiCManifest) XML سالم نیست") from None
    if root.tag != f"{{{ASIC_NS}}}ASiCManifest":
        raise AsicError("ریشهٔ فهرست بسته ASiCManifest نیست")
    sig_refs = root.findall(f"{{{ASIC_NS}}}SigReference")
    if len(sig_refs) != 1 or unquote(sig_refs[0].get("URI", "")) != SIGNATURE_NAME:
        raise AsicError(f"فهرست بسته باید دقیقاً یک SigReference به {SIGNATURE_NAME} داشته باشد")
    entries: list[ManifestEntry] = []
    for ref in root.findall(f"{{{ASIC_NS}}}DataObjectReference"):
        name = unquote(ref.get("URI", ""))
        if not name.startswith(DATA_PREFIX) or _name_problem(name):
            raise AsicError(f"نشانی پرونده در فهرست بسته پذیرفتنی نیست: {name}")
        method = ref.find(f"{{{DS_NS}}}DigestMethod")
        value = ref.find(f"{{{DS_NS}}}DigestValue")
        algorithm = _DIGEST_URIS.get(method.get("Algorithm", "") if method is not None else "")
        if algorithm is None or value is None or not value.text:
            raise AsicError(f"روش یا مقدار چکیده در فهرست بسته نادرست است: {name}")
        try:
            digest = base64.b64decode(value.text.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise AsicError(f"مقدار چکیده در فهرست بسته base64 نیست: {name}") from None
        entries.append(ManifestEntry(name, ref.get("MimeType", ""), algorithm, digest))
    if not entries:
        raise AsicError("فهرست بسته هیچ پرونده‌ای را نام نمی‌برد")
    if len({e.name for e in entries}) != len(entries):
        raise AsicError("فهرست بسته یک پرونده را چند بار نام برده است")
    return entries


def _read_part(archive: AsicArchive, name: str, cap: int) -> tuple[bytes | None, str]:
    """A container part, or None and why not; damage is reported, hostility still raises."""
    if name not in archive.names:
        return None, f"پروندهٔ {name} در بسته نیست"
    try:
        return archive.read(name, cap), ""
    except HostileArchiveError:
        raise
    except AsicError as exc:
        return None, exc.message_fa


def _check_mimetype(archive: AsicArchive, report: AsicReport) -> None:
    first = archive.all_infos[0] if archive.all_infos else None
    problem = None
    if first is None or first.filename != MIMETYPE_NAME or first.header_offset != 0:
        problem = "نخستین پروندهٔ بسته «mimetype» نیست"
    elif first.compress_type != zipfile.ZIP_STORED or first.extra:
        problem = "پروندهٔ mimetype باید بدون فشرده‌سازی و بدون فیلد اضافه باشد"
    else:
        with open(archive.path, "rb") as fh:
            header = fh.read(30 + len(MIMETYPE_NAME))
        fields = struct.unpack("<4s5H3L2H", header[:30])
        if (
            fields[0] != b"PK\x03\x04"
            or fields[3] != 0
            or fields[9:] != (len(MIMETYPE_NAME), 0)
            or header[30:] != MIMETYPE_NAME.encode("ascii")
        ):
            problem = "سرآیند محلی mimetype فشرده است یا فیلد اضافه دارد"
        elif _read_part(archive, MIMETYPE_NAME, 256)[0] != MIMETYPE.encode("ascii"):
            problem = f"محتوای mimetype دقیقاً «{MIMETYPE}» نیست"
    report.add(
        MIMETYPE_CHECK, problem is None, problem or "پروندهٔ mimetype درست و در آغاز بسته است"
    )


def verify_asic(
    path: str | os.PathLike[str],
    trusted_roots: Iterable[x509.Certificate],
    limits: AsicLimits | None = None,
    *,
    progress: Progress | None = None,
) -> AsicReport:
    """Check a bundle end to end; hostile or unreadable archives raise, everything else is reported."""
    report = AsicReport()
    with open_asic(path, limits) as archive:
        meta_cap = archive.limits.max_metadata_bytes
        _check_mimetype(archive, report)
        names = archive.names
        manifest, manifest_problem = _read_part(archive, MANIFEST_NAME, meta_cap)
        signature, signature_problem = _read_part(archive, SIGNATURE_NAME, meta_cap)

        if manifest is None:
            report.add(MANIFEST_CHECK, False, manifest_problem)
        else:
            try:
                report.entries = parse_manifest(manifest)
                report.add(
                    MANIFEST_CHECK, True, f"فهرست بسته {len(report.entries)} پرونده را نام می‌برد"
                )
            except AsicError as exc:
                report.add(MANIFEST_CHECK, False, exc.message_fa)

        known_meta = {MANIFEST_NAME, SIGNATURE_NAME}
        report.unexpected_meta = [
            n for n in names if n.startswith("META-INF/") and n not in known_meta
        ]
        report.add(
            META_INF,
            not report.unexpected_meta,
            f"پرونده‌های ناشناخته در META-INF: {_listing(report.unexpected_meta)}"
            if report.unexpected_meta
            else "در META-INF پروندهٔ ناشناخته‌ای نیست",
        )

        listed = {e.name for e in report.entries}
        report.unlisted = [
            n
            for n in names
            if n not in listed and n != MIMETYPE_NAME and not n.startswith("META-INF/")
        ]
        report.add(
            UNLISTED_ENTRIES,
            not report.unlisted,
            f"پرونده‌هایی در بسته هستند که امضا نشده‌اند: {_listing(report.unlisted)}"
            if report.unlisted
            else "همهٔ پرونده‌های بسته در فهرست امضاشده آمده‌اند",
        )

        if report.entries:
            _check_entries(archive, report, progress)

        if signature is None or manifest is None:
            report.add(SIGNATURE, False, signature_problem or manifest_problem)
        else:
            result = verify_detached(signature, manifest, trusted_roots)
            report.signature = result
            report.add(
                SIGNATURE,
                result.ok,
                "امضای فهرست بسته معتبر است"
                if result.ok
                else "امضای فهرست بسته معتبر نیست: "
                + "؛ ".join(c.message_fa for c in result.failed()),
            )
    return report


def _check_entries(archive: AsicArchive, report: AsicReport, progress: Progress | None) -> None:
    present = set(archive.names)
    report.missing = [e.name for e in report.entries if e.name not in present]
    report.add(
        ENTRIES_PRESENT,
        not report.missing,
        f"پرونده‌های نام‌برده در فهرست در بسته نیستند: {_listing(report.missing)}"
        if report.missing
        else "همهٔ پرونده‌های فهرست در بسته هستند",
    )
    total = len(report.entries)
    for done, entry in enumerate(report.entries, start=1):
        if entry.name in present:
            try:
                actual = archive.digest(entry.name, entry.algorithm)
                good = hmac.compare_digest(actual, entry.digest)
            except HostileArchiveError:
                raise
            except AsicError:
                good = False
            if not good:
                report.mismatched.append(entry.name)
        if progress:
            progress(done, total)
    report.add(
        DIGESTS,
        not report.mismatched,
        f"پرونده‌هایی که پس از امضا تغییر کرده یا آسیب دیده‌اند: {_listing(report.mismatched)}"
        if report.mismatched
        else "چکیدهٔ همهٔ پرونده‌ها با فهرست می‌خواند",
    )
