"""Submission and reply bundles: the layout inside the ASiC-E container, its header, and the
checks that go beyond the container (known versions, a header that matches its contents).

Layout (documented in docs/bundles.md)::

    mimetype
    data/bundle.json            header: who, when, which versions, sequence, counts
    data/<kind>.json            records, one file per record kind (passports.json, plans.json)
    data/reply.json             a centre's decisions (reply bundles only)
    data/pdf/<uuid>.pdf         PAdES-signed PDFs of approved passports
    data/evidence/<sha256>      evidence files, named by their SHA-256
    META-INF/ASiCManifest.xml   digests of every data/ entry
    META-INF/signature001.p7s   CAdES-BES signature over the manifest

This module knows files, not the database: which record kinds exist is passed in by the
services as ``RecordFileSpec``s.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from govsvc_desktop.domain import jsontext
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.asic.writer import (
    DATA_PREFIX,
    AsicError,
    AsicLimits,
    AsicReport,
    EntrySource,
    build_asic,
    verify_asic,
)
from govsvc_desktop.exchange.checks import CheckList
from govsvc_desktop.exchange.signing.certificates import SigningIdentity
from govsvc_desktop.exchange.signing.trust_engine import TrustAnchors

BUNDLE_FORMAT = "govsvc.bundle"
BUNDLE_FORMAT_VERSION = 1
HEADER_ENTRY = "bundle.json"
REPLY_ENTRY = "reply.json"
REPLY_FORMAT = "govsvc.reply"
REPLY_FORMAT_VERSION = 1
PDF_DIR = "pdf/"
EVIDENCE_DIR = "evidence/"
SUBMISSION = "submission"
REPLY = "reply"
KINDS = (SUBMISSION, REPLY)

ARCHIVE = "archive"
CONTAINER = "container"
HEADER = "header"
LAYOUT = "layout"
VERSIONS = "versions"
COUNTS = "counts"

_PDF = re.compile(r"^pdf/[^/]+\.pdf$")
_EVIDENCE = re.compile(r"^evidence/[0-9a-f]{64}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RecordFileSpec:
    """One JSON file of records: ``{"format": ..., "format_version": n, <key>: [...]}``."""

    entry: str
    format: str
    version: int
    key: str


REPLY_SPEC = RecordFileSpec(REPLY_ENTRY, REPLY_FORMAT, REPLY_FORMAT_VERSION, "decisions")


@dataclass
class BundleHeader:
    """``data/bundle.json``: what a receiver needs to know before looking at the records."""

    kind: str
    bundle_id: str
    created_at: str
    agency: str = ""
    province: str = ""
    sender: str = ""
    application: str = ""
    schema: dict[str, Any] = field(default_factory=dict)
    sequence: int = 0
    delta: bool = False
    follows: str | None = None
    in_reply_to: dict[str, Any] | None = None
    records: dict[str, int] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)
    format_version: int = BUNDLE_FORMAT_VERSION

    def to_json(self) -> bytes:
        data = {"format": BUNDLE_FORMAT, **self.__dict__}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _header_problem(data: Any) -> str | None:
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        return f"سرآیند بسته (bundle.json) از قالب «{BUNDLE_FORMAT}» نیست"
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return "نسخهٔ قالب بسته در سرآیند نیست یا نادرست است"
    if version > BUNDLE_FORMAT_VERSION:
        return f"نسخهٔ قالب بسته ({format_int(version)}) را این نسخهٔ برنامه نمی‌شناسد؛ برنامه را به‌روز کنید"
    expected: dict[str, tuple[type, ...]] = {
        "kind": (str,), "bundle_id": (str,), "created_at": (str,), "agency": (str,),
        "province": (str,), "sender": (str,), "application": (str,), "schema": (dict,),
        "sequence": (int,), "delta": (bool,), "follows": (str, type(None)),
        "in_reply_to": (dict, type(None)), "records": (dict,), "files": (dict,),
    }
    unknown = set(data) - set(expected) - {"format", "format_version"}
    if unknown:
        return f"فیلد ناشناخته در سرآیند بسته: {', '.join(sorted(unknown))}"
    for name, types in expected.items():
        if name in ("kind", "bundle_id", "created_at") and name not in data:
            return f"فیلد «{name}» در سرآیند بسته نیست"
        if name in data and not isinstance(data[name], types):
            return f"فیلد «{name}» در سرآیند بسته نوع نادرستی دارد"
    if data["kind"] not in KINDS:
        return f"نوع بسته «{data['kind']}» شناخته نیست"
    if not 0 < len(data["bundle_id"]) <= 36 or len(data.get("province", "")) > 64:
        return "شناسهٔ بسته یا نام استان در سرآیند بیش از اندازه بلند یا خالی است"
    counts = {**data.get("records", {}), **data.get("files", {})}
    if any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in counts.values()):
        return "شمارش‌های سرآیند بسته باید عدد صحیح نامنفی باشند"
    answered = data.get("in_reply_to")
    if data["kind"] == REPLY and not (
            isinstance(answered, dict) and _SHA256.match(str(answered.get("sha256", "")))):
        return "بستهٔ پاسخ نمی‌گوید پاسخ کدام بسته است (in_reply_to)"
    return None


def parse_header(raw: bytes) -> BundleHeader:
    """The header, or AsicError with the Persian reason it cannot be used."""
    try:
        data = jsontext.loads(raw, "سرآیند بسته (bundle.json)")
    except jsontext.JsonRefused as exc:
        raise AsicError(exc.message_fa) from None
    problem = _header_problem(data)
    if problem:
        raise AsicError(problem)
    data.pop("format")
    return BundleHeader(**data)


def write_bundle(
    out_path: str | os.PathLike[str],
    header: BundleHeader,
    signer: SigningIdentity,
    documents: Sequence[tuple[str, bytes]],
    pdfs: Iterable[tuple[str, EntrySource]] = (),
    evidence: Iterable[tuple[str, EntrySource]] = (),
    *,
    limits: AsicLimits | None = None,
    progress: Progress | None = None,
) -> str:
    """Write and sign one bundle; returns the SHA-256 of the finished file (its fingerprint).

    ``documents`` are ``(entry name, JSON bytes)``; ``pdfs`` are ``(uuid, PDF)`` and
    ``evidence`` ``(sha256, file)``. Nothing is left at ``out_path`` unless it is complete.
    """
    entries: list[tuple[str, EntrySource]] = [(HEADER_ENTRY, header.to_json())]
    entries += list(documents)
    entries += [(pdf_entry(uuid), source) for uuid, source in pdfs]
    entries += [(evidence_entry(digest), source) for digest, source in evidence]
    return build_asic(entries, signer, out_path, limits=limits, progress=progress)


def pdf_entry(uuid: str) -> str:
    """Where a passport's signed form lies in a bundle (under ``data/``)."""
    return f"{PDF_DIR}{uuid}.pdf"


def evidence_entry(sha256: str) -> str:
    """Where an evidence file lies in a bundle: named by the SHA-256 of its content."""
    return f"{EVIDENCE_DIR}{sha256}"


@dataclass
class BundleReport(CheckList):
    """Every check on a bundle, container and contents, with what was read once verified."""

    container: AsicReport | None = None
    header: BundleHeader | None = None
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    pdf_names: list[str] = field(default_factory=list)
    evidence_names: list[str] = field(default_factory=list)
    kept: dict[str, bytes] = field(default_factory=dict)

    @property
    def signer(self) -> x509.Certificate | None:
        sig = self.container.signature if self.container else None
        return sig.signer if sig else None

    def records(self, spec: RecordFileSpec) -> list[Any]:
        document = self.documents.get(spec.entry)
        return list(document.get(spec.key, [])) if document else []


def verify_bundle(
    path: str | os.PathLike[str],
    trusted_roots: Iterable[x509.Certificate] | TrustAnchors,
    specs: Sequence[RecordFileSpec],
    *,
    limits: AsicLimits | None = None,
    progress: Progress | None = None,
    keep: Callable[[str], bool] | None = None,
    records: bool = True,
) -> BundleReport:
    """Check the container and the contents; never raises for a bad or hostile file.

    ``specs`` are the record files this version understands; ``keep`` selects further
    entries (beyond the JSON ones) whose verified bytes the caller wants. Without
    ``records`` the record files are checked as the container checks every entry (digest,
    signature) but not read: whether the bundle is genuine and intact, not yet what an import
    would find in it (the record files' own format versions and counts).
    """
    report = BundleReport()
    json_names = {DATA_PREFIX + HEADER_ENTRY, DATA_PREFIX + REPLY_ENTRY}
    if records:
        json_names |= {DATA_PREFIX + s.entry for s in specs}

    def wanted(name: str) -> bool:
        return name in json_names or (keep is not None and keep(name))

    try:
        container = verify_asic(path, trusted_roots, limits, progress=progress, keep=wanted)
    except AsicError as exc:
        report.add(ARCHIVE, False, exc.message_fa)
        return report
    except OSError as exc:
        report.add(ARCHIVE, False, f"پرونده خوانده نشد: {exc.strerror or exc}")
        return report
    report.container = container
    report.checks.extend(container.checks)
    report.kept = {k.removeprefix(DATA_PREFIX): v for k, v in container.kept.items()}
    if container.failed():
        return report
    _check_contents(report, specs, records)
    return report


def _check_contents(report: BundleReport, specs: Sequence[RecordFileSpec], records: bool) -> None:
    names = [e.payload_name for e in report.container.entries] if report.container else []
    raw = report.kept.get(HEADER_ENTRY)
    if raw is None:
        report.add(HEADER, False, "سرآیند بسته (data/bundle.json) در بسته نیست")
        return
    try:
        header = parse_header(raw)
    except AsicError as exc:
        report.add(HEADER, False, exc.message_fa)
        return
    report.header = header
    report.add(HEADER, True, f"سرآیند بسته خوانده شد (نسخهٔ قالب {format_int(header.format_version)})")

    by_entry = {s.entry: s for s in specs}
    if header.kind == REPLY:
        by_entry = {REPLY_ENTRY: REPLY_SPEC}
    unknown: list[str] = []
    for name in names:
        if name == HEADER_ENTRY or name in by_entry:
            continue
        if _PDF.match(name):
            report.pdf_names.append(name)
        elif _EVIDENCE.match(name):
            report.evidence_names.append(name)
        else:
            unknown.append(name)
    report.add(
        LAYOUT,
        not unknown,
        "پرونده‌هایی در بسته هستند که این نسخهٔ برنامه نمی‌شناسد: " + "، ".join(unknown[:10])
        if unknown
        else "چینش پرونده‌های بسته شناخته است",
    )
    _check_declared_versions(report, header, by_entry)
    if records:
        _check_versions(report, by_entry)
    if report.failed():
        return
    _check_counts(report, header, by_entry, records)


def _check_declared_versions(
    report: BundleReport, header: BundleHeader, by_entry: Mapping[str, RecordFileSpec]
) -> None:
    """The record files' format versions as the header declares them (``schema``)."""
    problems = []
    for entry, spec in by_entry.items():
        declared = header.schema.get(spec.format)
        if isinstance(declared, int) and not isinstance(declared, bool) and declared > spec.version:
            problems.append(
                f"نسخهٔ قالب {entry} ({format_int(declared)}) را این نسخهٔ برنامه نمی‌شناسد؛ برنامه را به‌روز کنید"
            )
    report.add(
        VERSIONS,
        not problems,
        "؛ ".join(problems) if problems else "نسخهٔ قالب پرونده‌هایی که سرآیند نام می‌برد شناخته است",
    )


def _check_versions(report: BundleReport, by_entry: Mapping[str, RecordFileSpec]) -> None:
    problems: list[str] = []
    for entry, spec in by_entry.items():
        raw = report.kept.get(entry)
        if raw is None:
            continue
        try:
            document = jsontext.loads(raw, entry)
        except jsontext.JsonRefused as exc:
            problems.append(exc.message_fa)
            continue
        version = document.get("format_version") if isinstance(document, dict) else None
        if not isinstance(document, dict) or document.get("format") != spec.format:
            problems.append(f"{entry} از قالب «{spec.format}» نیست")
        elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
            problems.append(f"نسخهٔ قالب {entry} نادرست است")
        elif version > spec.version:
            problems.append(
                f"نسخهٔ قالب {entry} ({format_int(version)}) را این نسخهٔ برنامه نمی‌شناسد؛ برنامه را به‌روز کنید"
            )
        elif not isinstance(document.get(spec.key), list):
            problems.append(f"فهرست «{spec.key}» در {entry} نیست")
        else:
            report.documents[entry] = document
    report.add(
        VERSIONS,
        not problems,
        "؛ ".join(problems) if problems else "نسخهٔ قالب همهٔ پرونده‌های داده شناخته است",
    )


def _check_counts(
    report: BundleReport, header: BundleHeader, by_entry: Mapping[str, RecordFileSpec],
    records: bool,
) -> None:
    problems: list[str] = []
    for entry, spec in by_entry.items() if records else ():
        name = entry.removesuffix(".json")
        declared = header.records.get(name, 0)
        actual = len(report.records(spec))
        if declared != actual:
            problems.append(f"سرآیند {format_int(declared)} رکورد «{name}» می‌گوید، بسته {format_int(actual)} دارد")
    unknown_kinds = set(header.records) - {e.removesuffix(".json") for e in by_entry}
    problems += [f"نوع رکورد «{k}» را این نسخهٔ برنامه نمی‌شناسد" for k in sorted(unknown_kinds)]
    for label, found in (("pdf", report.pdf_names), ("evidence", report.evidence_names)):
        if header.files.get(label, 0) != len(found):
            problems.append(
                f"سرآیند {format_int(header.files.get(label, 0))} پروندهٔ {label} می‌گوید، بسته {format_int(len(found))} دارد"
            )
    digests = (
        {e.payload_name: e.digest.hex() for e in report.container.entries}
        if report.container
        else {}
    )
    misnamed = [n for n in report.evidence_names if digests.get(n) != n.removeprefix(EVIDENCE_DIR)]
    if misnamed:
        problems.append("نام پروندهٔ مدرک با چکیدهٔ آن نمی‌خواند: " + "، ".join(misnamed[:5]))
    if records:
        uuids = {
            r.get("uuid")
            for spec in by_entry.values()
            for r in report.records(spec)
            if isinstance(r, dict)
        }
        orphans = [n for n in report.pdf_names if n[len(PDF_DIR) : -len(".pdf")] not in uuids]
        if orphans:
            problems.append("PDF رکوردی که در بسته نیست: " + "، ".join(orphans[:5]))
    if header.follows is not None and not _SHA256.match(header.follows):
        problems.append("اثر انگشت بستهٔ پیشین (follows) در سرآیند نادرست است")
    report.add(
        COUNTS,
        not problems,
        "؛ ".join(problems) if problems else "شمارش‌های سرآیند با محتوای بسته می‌خواند",
    )
