"""ASiC-E bundles: structure, tamper detection and hostile archives, with real signatures."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
import struct
import subprocess
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from govsvc_desktop.domain.errors import StorageError
from govsvc_desktop.exchange.asic import writer as asic
from govsvc_desktop.exchange.asic.writer import (
    AsicError,
    AsicLimits,
    HostileArchiveError,
    build_asic,
    iter_payload_entries,
    open_asic,
    parse_manifest,
    read_entry,
    verify_asic,
)
from govsvc_desktop.exchange.signing.certificates import CertificateValidityError
from govsvc_desktop.exchange.signing.demo_pki import (
    TestCredentials,
    issue_test_certificate,
    make_test_centre_signer,
    make_test_signer,
)

PASSWORD = "رمز-آزمایشی-۱۲۳"
BINARY = bytes(range(256)) * 1200 + os.urandom(4096)
PAYLOAD: dict[str, bytes] = {
    "passport.json": json.dumps(
        {"عنوان": "صدور پروانهٔ کسب", "کد": "۱۲۳"}, ensure_ascii=False
    ).encode(),
    "plan/برنامه.json": json.dumps({"indicators": [1, 2, 3]}).encode(),
    "audit.json": b'{"rows": []}',
}
Transform = Callable[[str, bytes], tuple[str, bytes] | None]


def _is_persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestCredentials:
    return make_test_signer(tmp_path_factory.mktemp("pki") / "signer.p12", PASSWORD)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, pki: TestCredentials) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    binary = folder / "scan.bin"
    binary.write_bytes(BINARY)
    out = folder / "submission.asice"
    build_asic([*PAYLOAD.items(), ("attachments/scan.bin", binary)], pki.identity, out)
    return out


def _rewrite(
    src: Path,
    dst: Path,
    transform: Transform | None = None,
    extra: list[tuple[str, bytes]] | None = None,
) -> Path:
    """Copy a container entry by entry, letting ``transform`` change, rename or drop entries."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            result = transform(info.filename, data) if transform else (info.filename, data)
            if result is None:
                continue
            name, data = result
            out = zipfile.ZipInfo(name, date_time=info.date_time)
            out.compress_type = info.compress_type
            out.external_attr = info.external_attr
            zout.writestr(out, data)
        for name, data in extra or []:
            zout.writestr(name, data)
    return dst


def _flip_in(target: str) -> Transform:
    def transform(name: str, data: bytes) -> tuple[str, bytes]:
        if name == target:
            at = len(data) // 2
            data = data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1 :]
        return name, data

    return transform


def _failed(report: asic.AsicReport) -> set[str]:
    return {c.name for c in report.failed()}


# --- building ----------------------------------------------------------------------------------


def test_mimetype_is_first_stored_without_extra(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b"" and first.header_offset == 0
        assert zf.read(first) == b"application/vnd.etsi.asic-e+zip"
    raw = bundle.read_bytes()
    assert raw[:4] == b"PK\x03\x04"
    name_len, extra_len = struct.unpack("<2H", raw[26:30])
    assert (name_len, extra_len) == (8, 0)
    assert raw[30:38] == b"mimetype"
    assert raw[38:69] == b"application/vnd.etsi.asic-e+zip"


def test_unzip_lists_mimetype_first_and_stored(bundle: Path) -> None:
    out = subprocess.run(
        ["unzip", "-v", str(bundle)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    rows = [
        line.split()
        for line in out
        if line.strip().endswith(("mimetype", ".json", ".bin", ".xml", ".p7s"))
    ]
    assert rows[0][-1] == "mimetype" and rows[0][1] == "Stored"
    subprocess.run(["unzip", "-tq", str(bundle)], check=True, capture_output=True)


def test_layout_and_manifest_digests(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        manifest = zf.read("META-INF/ASiCManifest.xml")
        contents = {n: zf.read(n) for n in names}
    assert names[-2:] == ["META-INF/ASiCManifest.xml", "META-INF/signature001.p7s"]
    payload = [n for n in names[1:-2]]
    assert payload == [
        "data/passport.json",
        "data/plan/برنامه.json",
        "data/audit.json",
        "data/attachments/scan.bin",
    ]
    text = manifest.decode("utf-8")
    assert (
        '<asic:ASiCManifest xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" '
        'xmlns:ns2="http://www.w3.org/2000/09/xmldsig#">'
    ) in text
    assert (
        '<asic:SigReference URI="META-INF/signature001.p7s" '
        'MimeType="application/pkcs7-signature"/>'
    ) in text
    assert (
        text.count('<ns2:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>') == 4
    )
    entries = parse_manifest(manifest)
    assert [e.name for e in entries] == payload
    for entry in entries:
        assert entry.digest == hashlib.sha256(contents[entry.name]).digest()
        assert base64.b64encode(entry.digest).decode() in text
    assert contents["data/attachments/scan.bin"] == BINARY


def test_returned_hash_is_the_file_hash(tmp_path: Path, pki: TestCredentials) -> None:
    out = tmp_path / "b.asice"
    digest = build_asic(PAYLOAD, pki.identity, out)
    assert digest == hashlib.sha256(out.read_bytes()).hexdigest()
    assert not [p for p in tmp_path.iterdir() if p.name != "b.asice"]


def test_openssl_verifies_the_manifest_signature(
    tmp_path: Path, bundle: Path, pki: TestCredentials
) -> None:
    (tmp_path / "manifest.xml").write_bytes(read_entry(bundle, "META-INF/ASiCManifest.xml"))
    (tmp_path / "sig.p7s").write_bytes(read_entry(bundle, "META-INF/signature001.p7s"))
    (tmp_path / "ca.pem").write_bytes(pki.ca_certificate.public_bytes(serialization.Encoding.PEM))
    result = subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "sig.p7s",
            "-content",
            "manifest.xml",
            "-CAfile",
            "ca.pem",
            "-purpose",
            "any",
            "-cades",
            "-out",
            "/dev/null",
        ],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_verify_and_read_back(bundle: Path, pki: TestCredentials) -> None:
    seen: list[tuple[int, int]] = []
    report = verify_asic(bundle, [pki.ca_certificate], progress=lambda d, t: seen.append((d, t)))
    assert report.ok, report.summary_fa()
    assert seen[-1] == (4, 4)
    assert all(_is_persian(c.message_fa) for c in report.checks)
    assert report.signature is not None and report.signature.signer == pki.identity.certificate
    got = dict(iter_payload_entries(bundle, expected=report.entries))
    assert got == {**PAYLOAD, "attachments/scan.bin": BINARY}
    assert read_entry(bundle, "data/passport.json") == PAYLOAD["passport.json"]
    with pytest.raises(AsicError):
        read_entry(bundle, "data/absent.json")


def test_untrusted_signer_fails_signature_check(tmp_path: Path, bundle: Path) -> None:
    centre = make_test_centre_signer(tmp_path / "centre.p12", PASSWORD)
    report = verify_asic(bundle, [centre.ca_certificate])
    assert _failed(report) == {asic.SIGNATURE}
    assert report.signature is not None
    assert [c.name for c in report.signature.failed()] == ["chain"]


def test_bad_names_refused_when_building(tmp_path: Path, pki: TestCredentials) -> None:
    for entries in (
        {"../x.json": b"{}"},
        {"/abs.json": b"{}"},
        {"a\\b.json": b"{}"},
        [("a.json", b"1"), ("A.json", b"2")],
        {},
    ):
        with pytest.raises(AsicError) as excinfo:
            build_asic(entries, pki.identity, tmp_path / "x.asice")
        assert _is_persian(excinfo.value.message_fa)
    assert list(tmp_path.iterdir()) == []


def test_expired_signer_writes_nothing(tmp_path: Path, pki: TestCredentials) -> None:
    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    expired = issue_test_certificate(
        pki.ca_certificate,
        pki.ca_key,
        "علی رضایی",
        "سازمان آزمایشی",
        not_before=now - dt.timedelta(days=90),
        not_after=now - dt.timedelta(days=1),
    )
    with pytest.raises(CertificateValidityError):
        build_asic(PAYLOAD, expired, tmp_path / "x.asice")
    assert list(tmp_path.iterdir()) == []


def test_cancelled_build_leaves_previous_bundle_untouched(
    tmp_path: Path, pki: TestCredentials
) -> None:
    out = tmp_path / "b.asice"
    build_asic(PAYLOAD, pki.identity, out)
    before = out.read_bytes()

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_asic({f"f{i}.json": b"{}" for i in range(5)}, pki.identity, out, progress=cancel)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["b.asice"]


def test_bundles_the_receiver_would_refuse_are_not_built(
    tmp_path: Path, pki: TestCredentials
) -> None:
    out = tmp_path / "x.asice"
    with pytest.raises(AsicError) as excinfo:
        build_asic({"zeros.json": bytes(3 << 20)}, pki.identity, out)
    assert "zeros.json" in excinfo.value.message_fa
    with pytest.raises(AsicError):
        build_asic(PAYLOAD, pki.identity, out, limits=AsicLimits(max_total_bytes=10))
    with pytest.raises(AsicError):
        build_asic(PAYLOAD, pki.identity, out, limits=AsicLimits(max_entries=4))
    with pytest.raises(AsicError):
        build_asic({"gone.pdf": tmp_path / "gone.pdf"}, pki.identity, out)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_a_storage_error(tmp_path: Path, pki: TestCredentials) -> None:
    with pytest.raises(StorageError):
        build_asic(PAYLOAD, pki.identity, tmp_path / "no-such-dir" / "x.asice")


def test_large_file_is_streamed(tmp_path: Path, pki: TestCredentials) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        for _ in range(24):
            fh.write(os.urandom(1 << 20))
    out = tmp_path / "big.asice"
    build_asic({"big.pdf": big}, pki.identity, out)
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("data/big.pdf").compress_type == zipfile.ZIP_STORED
    report = verify_asic(out, [pki.ca_certificate])
    assert report.ok, report.summary_fa()
    assert report.entries[0].mime_type == "application/pdf"


# --- tampering -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["data/passport.json", "data/plan/برنامه.json", "data/audit.json", "data/attachments/scan.bin"],
)
def test_changed_payload_byte_fails_digest(
    tmp_path: Path, bundle: Path, pki: TestCredentials, name: str
) -> None:
    report = verify_asic(
        _rewrite(bundle, tmp_path / "t.asice", _flip_in(name)), [pki.ca_certificate]
    )
    assert _failed(report) == {asic.DIGESTS}
    assert report.mismatched == [name]
    with pytest.raises(AsicError):
        list(
            iter_payload_entries(
                tmp_path / "t.asice",
                expected=parse_manifest(read_entry(bundle, "META-INF/ASiCManifest.xml")),
            )
        )


def test_changed_manifest_byte_fails_signature(
    tmp_path: Path, bundle: Path, pki: TestCredentials
) -> None:
    def transform(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "META-INF/ASiCManifest.xml":
            data = data.replace(b"application/json", b"application/jsoN", 1)
        return name, data

    report = verify_asic(_rewrite(bundle, tmp_path / "t.asice", transform), [pki.ca_certificate])
    assert _failed(report) == {asic.SIGNATURE}
    assert report.signature is not None
    assert [c.name for c in report.signature.failed()] == ["message_digest"]


def test_changed_signature_byte_fails_signature(
    tmp_path: Path, bundle: Path, pki: TestCredentials
) -> None:
    def transform(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "META-INF/signature001.p7s":
            data = data[:-10] + bytes([data[-10] ^ 1]) + data[-9:]
        return name, data

    report = verify_asic(_rewrite(bundle, tmp_path / "t.asice", transform), [pki.ca_certificate])
    assert _failed(report) == {asic.SIGNATURE}


def test_added_entry_is_unlisted(tmp_path: Path, bundle: Path, pki: TestCredentials) -> None:
    path = _rewrite(bundle, tmp_path / "t.asice", extra=[("data/smuggled.json", b"{}")])
    report = verify_asic(path, [pki.ca_certificate])
    assert _failed(report) == {asic.UNLISTED_ENTRIES}
    assert report.unlisted == ["data/smuggled.json"]
    with pytest.raises(AsicError):
        list(iter_payload_entries(path, expected=report.entries))


def test_renamed_entry_is_missing_and_unlisted(
    tmp_path: Path, bundle: Path, pki: TestCredentials
) -> None:
    def transform(name: str, data: bytes) -> tuple[str, bytes]:
        return ("data/renamed.json" if name == "data/audit.json" else name), data

    report = verify_asic(_rewrite(bundle, tmp_path / "t.asice", transform), [pki.ca_certificate])
    assert _failed(report) == {asic.ENTRIES_PRESENT, asic.UNLISTED_ENTRIES}
    assert report.missing == ["data/audit.json"] and report.unlisted == ["data/renamed.json"]


def test_unexpected_meta_inf_file(tmp_path: Path, bundle: Path, pki: TestCredentials) -> None:
    path = _rewrite(bundle, tmp_path / "t.asice", extra=[("META-INF/signatures2.xml", b"<x/>")])
    report = verify_asic(path, [pki.ca_certificate])
    assert _failed(report) == {asic.META_INF}
    assert report.unexpected_meta == ["META-INF/signatures2.xml"]


def test_missing_signature(tmp_path: Path, bundle: Path, pki: TestCredentials) -> None:
    def drop(name: str, data: bytes) -> tuple[str, bytes] | None:
        return None if name.endswith(".p7s") else (name, data)

    report = verify_asic(_rewrite(bundle, tmp_path / "t.asice", drop), [pki.ca_certificate])
    assert _failed(report) == {asic.SIGNATURE}


@pytest.mark.parametrize("case", ["compressed", "not_first", "wrong_content"])
def test_bad_mimetype(tmp_path: Path, bundle: Path, pki: TestCredentials, case: str) -> None:
    with zipfile.ZipFile(bundle) as zin:
        items = [(i, zin.read(i)) for i in zin.infolist()]
    if case == "not_first":
        items = items[1:] + items[:1]
    path = tmp_path / "t.asice"
    with zipfile.ZipFile(path, "w") as zout:
        for info, data in items:
            out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            out.compress_type = info.compress_type
            if info.filename == "mimetype":
                if case == "compressed":
                    out.compress_type = zipfile.ZIP_DEFLATED
                if case == "wrong_content":
                    data = b"application/zip"
            zout.writestr(out, data)
    report = verify_asic(path, [pki.ca_certificate])
    assert _failed(report) == {asic.MIMETYPE_CHECK}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("data/attachments/scan.bin", {asic.DIGESTS}),
        ("mimetype", {asic.MIMETYPE_CHECK}),
        ("META-INF/signature001.p7s", {asic.SIGNATURE}),
        ("META-INF/ASiCManifest.xml", {asic.MANIFEST_CHECK, asic.UNLISTED_ENTRIES, asic.SIGNATURE}),
    ],
)
def test_damaged_bytes_on_disk_are_reported(
    tmp_path: Path, bundle: Path, pki: TestCredentials, name: str, expected: set[str]
) -> None:
    raw = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as zf:
        info = zf.getinfo(name)
    at = info.header_offset + 30 + len(info.filename.encode()) + info.compress_size // 2
    raw[at] ^= 0xFF
    path = tmp_path / "t.asice"
    path.write_bytes(bytes(raw))
    report = verify_asic(path, [pki.ca_certificate])
    assert _failed(report) == expected
    assert all(_is_persian(c.message_fa) for c in report.failed())


def test_not_a_zip(tmp_path: Path, pki: TestCredentials) -> None:
    path = tmp_path / "x.asice"
    path.write_bytes(b"this is not a zip file" * 10)
    with pytest.raises(AsicError) as excinfo:
        verify_asic(path, [pki.ca_certificate])
    assert not isinstance(excinfo.value, HostileArchiveError)
    assert _is_persian(excinfo.value.message_fa)


# --- hostile archives --------------------------------------------------------------------------


def _zip_with(
    path: Path,
    entries: list[tuple[zipfile.ZipInfo | str, bytes]],
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w", compression=compression) as zf:
            zf.writestr(
                "mimetype", b"application/vnd.etsi.asic-e+zip", compress_type=zipfile.ZIP_STORED
            )
            for name, data in entries:
                zf.writestr(name, data)
    return path


def _symlink() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("data/link")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _patch_central(path: Path, name: bytes, offset: int, fmt: str, value: int) -> Path:
    raw = bytearray(path.read_bytes())
    at = raw.index(b"PK\x01\x02")
    while raw[at + 46 : at + 46 + len(name)] != name:
        at = raw.index(b"PK\x01\x02", at + 4)
    struct.pack_into(fmt, raw, at + offset, value)
    path.write_bytes(bytes(raw))
    return path


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zip_slip": (lambda p: _zip_with(p, [("../evil.json", b"{}")]), ".."),
    "zip_slip_inside": (lambda p: _zip_with(p, [("data/../../evil.json", b"{}")]), ".."),
    "absolute": (lambda p: _zip_with(p, [("/etc/x", b"{}")]), "مسیر مطلق"),
    "windows_drive": (lambda p: _zip_with(p, [("C:/x", b"{}")]), "مسیر مطلق ویندوز"),
    "backslash": (lambda p: _zip_with(p, [("C:\\x", b"{}")]), "\\"),
    "backslash_slip": (lambda p: _zip_with(p, [("data\\..\\..\\x", b"{}")]), "\\"),
    "symlink": (lambda p: _zip_with(p, [(_symlink(), b"/etc/passwd")]), "پیوند نمادین"),
    "duplicate": (lambda p: _zip_with(p, [("data/a.json", b"1"), ("data/a.json", b"2")]), "تکراری"),
    "case_duplicate": (
        lambda p: _zip_with(p, [("data/A.json", b"1"), ("data/a.json", b"2")]),
        "تکراری",
    ),
    "file_and_dir": (lambda p: _zip_with(p, [("data/a", b"1"), ("data/a/b", b"2")]), "پوشه"),
    "ratio_bomb": (lambda p: _zip_with(p, [("data/zeros.bin", bytes(8 << 20))]), "بمب ZIP"),
    "encrypted": (
        lambda p: _patch_central(
            _zip_with(p, [("data/a.json", b"{}")]), b"data/a.json", 8, "<H", 0x1
        ),
        "رمزگذاری",
    ),
    "unknown_method": (
        lambda p: _patch_central(
            _zip_with(p, [("data/a.json", b"{}")]), b"data/a.json", 10, "<H", 99
        ),
        "فشرده‌سازی",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_refused(tmp_path: Path, pki: TestCredentials, case: str) -> None:
    make, reason = HOSTILE[case]
    path = make(tmp_path / "hostile.zip")
    for attempt in (
        lambda: verify_asic(path, [pki.ca_certificate]),
        lambda: read_entry(path, "mimetype"),
        lambda: list(iter_payload_entries(path)),
    ):
        with pytest.raises(HostileArchiveError) as excinfo:
            attempt()
        assert _is_persian(excinfo.value.message_fa)
        assert reason in excinfo.value.message_fa
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.zip"]


def test_small_file_expanding_past_total_limit(tmp_path: Path, pki: TestCredentials) -> None:
    path = _zip_with(tmp_path / "bomb.zip", [("data/zeros.bin", bytes(3 << 20))])
    assert path.stat().st_size < 64 * 1024
    limits = AsicLimits(max_total_bytes=1 << 20, max_ratio=10_000)
    with pytest.raises(HostileArchiveError) as excinfo:
        verify_asic(path, [pki.ca_certificate], limits)
    assert "حجم" in excinfo.value.message_fa


def test_too_many_entries(tmp_path: Path, pki: TestCredentials) -> None:
    path = _zip_with(tmp_path / "many.zip", [(f"data/{i}.json", b"{}") for i in range(20)])
    with pytest.raises(HostileArchiveError):
        open_asic(path, AsicLimits(max_entries=10))
    with open_asic(path, AsicLimits(max_entries=21)) as archive:
        assert len(archive.names) == 21


def test_overlapping_entries(tmp_path: Path) -> None:
    path = _zip_with(
        tmp_path / "overlap.zip", [("data/a.json", b"{}" * 50), ("data/b.json", b"[]")]
    )
    _patch_central(path, b"data/b.json", 42, "<L", 0)
    with pytest.raises(HostileArchiveError):
        open_asic(path)


def test_declared_size_is_not_trusted(tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "liar.zip", [("data/a.json", b"x" * 5000)])
    _patch_central(path, b"data/a.json", 24, "<L", 100)
    with pytest.raises(AsicError) as excinfo:
        read_entry(path, "data/a.json")
    assert _is_persian(excinfo.value.message_fa)
