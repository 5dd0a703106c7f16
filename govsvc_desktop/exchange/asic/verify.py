"""Checking a bundle end to end: container layout, manifest, digests and the signature.

Hostile or unreadable archives raise; everything else becomes a named check with a Persian
message in an ``AsicReport``, so the user sees every problem at once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from cryptography import x509

from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.asic.format import (
    ASIC_NS,
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
    SIGNATURE,
    SIGNATURE_NAME,
    UNLISTED_ENTRIES,
    AsicError,
    AsicLimits,
    HostileArchiveError,
    ManifestEntry,
    Progress,
    listing,
    name_problem,
)
from govsvc_desktop.exchange.asic.reader import AsicArchive, open_asic
from govsvc_desktop.exchange.checks import CheckList, VerificationReport
from govsvc_desktop.exchange.signing.cms import verify_detached
from govsvc_desktop.exchange.signing.trust_engine import TrustAnchors


@dataclass
class AsicReport(CheckList):
    """Every check made on a container, in Persian; the bundle may be imported only if ``ok``."""

    entries: list[ManifestEntry] = field(default_factory=list)
    signature: VerificationReport | None = None
    missing: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    unexpected_meta: list[str] = field(default_factory=list)
    kept: dict[str, bytes] = field(default_factory=dict)


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
        if not name.startswith(DATA_PREFIX) or name_problem(name):
            raise AsicError(f"نشانی پرونده در فهرست بسته پذیرفتنی نیست: {name}")
        method = ref.find(f"{{{DS_NS}}}DigestMethod")
        value = ref.find(f"{{{DS_NS}}}DigestValue")
        algorithm = DIGEST_URIS.get(method.get("Algorithm", "") if method is not None else "")
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
    trusted_roots: Iterable[x509.Certificate] | TrustAnchors,
    limits: AsicLimits | None = None,
    *,
    progress: Progress | None = None,
    keep: Callable[[str], bool] | None = None,
) -> AsicReport:
    """Check a bundle end to end; hostile or unreadable archives raise, everything else is reported.

    Entries for which ``keep(name)`` is true are kept in ``report.kept`` as they were hashed
    (only when their digest matched), so a caller reads what was verified, not the file again.
    """
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
                    MANIFEST_CHECK, True, f"فهرست بسته {format_int(len(report.entries))} پرونده را نام می‌برد"
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
            f"پرونده‌های ناشناخته در META-INF: {listing(report.unexpected_meta)}"
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
            f"پرونده‌هایی در بسته هستند که امضا نشده‌اند: {listing(report.unlisted)}"
            if report.unlisted
            else "همهٔ پرونده‌های بسته در فهرست امضاشده آمده‌اند",
        )

        if report.entries:
            _check_entries(archive, report, progress, keep)

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


def _check_entries(
    archive: AsicArchive,
    report: AsicReport,
    progress: Progress | None,
    keep: Callable[[str], bool] | None,
) -> None:
    present = set(archive.names)
    report.missing = [e.name for e in report.entries if e.name not in present]
    report.add(
        ENTRIES_PRESENT,
        not report.missing,
        f"پرونده‌های نام‌برده در فهرست در بسته نیستند: {listing(report.missing)}"
        if report.missing
        else "همهٔ پرونده‌های فهرست در بسته هستند",
    )
    total = len(report.entries)
    for done, entry in enumerate(report.entries, start=1):
        if entry.name in present:
            kept: list[bytes] | None = [] if keep is not None and keep(entry.name) else None
            try:
                h = hashlib.new(entry.algorithm)
                for chunk in archive.chunks(entry.name):
                    h.update(chunk)
                    if kept is not None:
                        kept.append(chunk)
                good = hmac.compare_digest(h.digest(), entry.digest)
            except HostileArchiveError:
                raise
            except AsicError:
                good = False
            if not good:
                report.mismatched.append(entry.name)
            elif kept is not None:
                report.kept[entry.name] = b"".join(kept)
        if progress:
            progress(done, total)
    report.add(
        DIGESTS,
        not report.mismatched,
        f"پرونده‌هایی که پس از امضا تغییر کرده یا آسیب دیده‌اند: {listing(report.mismatched)}"
        if report.mismatched
        else "چکیدهٔ همهٔ پرونده‌ها با فهرست می‌خواند",
    )
