"""Signatures, certificates and key storage, checked with real keys and the real openssl."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.exchange.signing import cms as signing
from govsvc_desktop.exchange.signing.certificates import (
    CertificateValidityError,
    SigningIdentity,
    SigningIdentityError,
    expires_soon,
    key_matches_certificate,
    list_identities,
    load_certificates,
    load_identity,
    load_pkcs12,
    save_identity,
)
from govsvc_desktop.exchange.signing.cms import sign_detached, verify_detached
from govsvc_desktop.exchange.signing.demo_pki import (
    TestCredentials,
    issue_test_certificate,
    make_test_ca,
    make_test_centre_signer,
    make_test_signer,
)

PASSWORD = "رمز-آزمایشی-۱۲۳"
CONTENT = '<?xml version="1.0"?>\n<x>گذرنامهٔ خدمت\r\n\x00binary\xff</x>\n'.encode(
    "utf-8", "surrogatepass"
)
OPENSSL = shutil.which("openssl") or "openssl"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _pem(path: Path, *certs: x509.Certificate) -> Path:
    path.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs))
    return path


def _is_persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _openssl_verify(tmp: Path, sig: bytes, content: bytes, ca_file: Path, *extra: str) -> int:
    (tmp / "sig.p7s").write_bytes(sig)
    (tmp / "content.bin").write_bytes(content)
    cmd = [
        OPENSSL or "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        str(tmp / "sig.p7s"),
        "-content",
        str(tmp / "content.bin"),
        "-CAfile",
        str(ca_file),
        "-out",
        str(tmp / "out.bin"),
        *extra,
    ]
    return subprocess.run(cmd, capture_output=True, check=False).returncode


def _flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestCredentials:
    return make_test_signer(tmp_path_factory.mktemp("pki") / "signer.p12", PASSWORD)


@pytest.fixture(scope="module")
def other_pki(tmp_path_factory: pytest.TempPathFactory) -> TestCredentials:
    return make_test_centre_signer(tmp_path_factory.mktemp("centre") / "centre.p12", PASSWORD)


@pytest.fixture(scope="module")
def signature(pki: TestCredentials) -> bytes:
    return sign_detached(CONTENT, pki.identity)


@pytest.fixture
def ca_pem(tmp_path: Path, pki: TestCredentials) -> Path:
    return _pem(tmp_path / "ca.pem", pki.ca_certificate)


# --- test certificates and PKCS#12 -------------------------------------------------------


def test_test_ca_and_signer_have_the_right_extensions(pki: TestCredentials) -> None:
    ca = pki.ca_certificate
    bc = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert bc.critical and bc.value.ca
    assert ca.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    assert ca.subject == ca.issuer
    leaf = pki.identity.certificate
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    leaf.verify_directly_issued_by(ca)


def test_persian_subject_is_utf8string(pki: TestCredentials) -> None:
    leaf = pki.identity.certificate
    assert leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "مریم احمدی"
    organisation = leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    assert isinstance(organisation, str) and _is_persian(organisation)
    parsed = asn1_x509.Certificate.load(leaf.public_bytes(serialization.Encoding.DER))
    for rdn in parsed.subject.chosen:
        for attr in rdn:
            if attr["type"].native in ("common_name", "organization_name"):
                assert attr["value"].name == "utf8_string"


def test_centre_certificate_has_its_own_names_and_ca(
    pki: TestCredentials, other_pki: TestCredentials
) -> None:
    centre = other_pki.identity.certificate
    assert centre.subject != pki.identity.certificate.subject
    assert other_pki.ca_certificate.subject != pki.ca_certificate.subject
    centre.verify_directly_issued_by(other_pki.ca_certificate)


def test_load_pkcs12_gives_key_certificate_and_chain(pki: TestCredentials) -> None:
    identity = load_pkcs12(pki.pkcs12_path, PASSWORD)
    assert isinstance(identity, SigningIdentity)
    assert identity.certificate == pki.identity.certificate
    assert identity.chain == (pki.ca_certificate,)
    assert key_matches_certificate(identity.private_key, pki.identity.certificate)
    assert load_pkcs12(pki.pkcs12_path.read_bytes(), PASSWORD).fingerprint == identity.fingerprint


def test_load_pkcs12_wrong_password_and_corrupt_file(pki: TestCredentials, tmp_path: Path) -> None:
    with pytest.raises(SigningIdentityError) as wrong:
        load_pkcs12(pki.pkcs12_path, "not the password")
    assert "گذرواژه" in wrong.value.message_fa
    assert isinstance(wrong.value, GovsvcError)

    damaged = tmp_path / "damaged.p12"
    damaged.write_bytes(pki.pkcs12_path.read_bytes()[:200])
    with pytest.raises(SigningIdentityError) as corrupt:
        load_pkcs12(damaged, PASSWORD)
    assert "خراب" in corrupt.value.message_fa

    with pytest.raises(SigningIdentityError) as missing:
        load_pkcs12(tmp_path / "nowhere.p12", PASSWORD)
    assert _is_persian(missing.value.message_fa)


def test_openssl_reads_our_pkcs12(pki: TestCredentials) -> None:
    result = subprocess.run(
        [
            OPENSSL or "openssl",
            "pkcs12",
            "-in",
            str(pki.pkcs12_path),
            "-nokeys",
            "-passin",
            f"pass:{PASSWORD}",
        ],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"BEGIN CERTIFICATE" in result.stdout


# --- key storage at rest -------------------------------------------------------------------


def _secret_fragments(identity: SigningIdentity) -> list[bytes]:
    key = identity.private_key
    assert isinstance(key, rsa.RSAPrivateKey)
    numbers = key.private_numbers()
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    ints = [numbers.p, numbers.q, numbers.d]
    return [der, *(n.to_bytes((n.bit_length() + 7) // 8, "big") for n in ints)]


def test_saved_identity_is_private_encrypted_and_listed(
    pki: TestCredentials, tmp_path: Path
) -> None:
    store = tmp_path / "keys"
    stored = save_identity(pki.identity, store, PASSWORD)
    assert stat.S_IMODE(stored.path.stat().st_mode) == 0o600
    assert not list(store.glob("*.part"))

    data = stored.path.read_bytes()
    for fragment in _secret_fragments(pki.identity):
        assert fragment not in data
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(data, None)
    with pytest.raises(SigningIdentityError):
        load_identity(store, stored.sha256_fingerprint, "wrong passphrase")
    reopened = load_identity(store, stored.sha256_fingerprint, PASSWORD)
    assert reopened.certificate == pki.identity.certificate

    [listed] = list_identities(store)
    cert = pki.identity.certificate
    assert listed.sha256_fingerprint == cert.fingerprint(hashes.SHA256()).hex()
    assert listed.serial_number == cert.serial_number
    assert "مریم احمدی" in listed.subject and _is_persian(listed.issuer)
    assert listed.not_before == cert.not_valid_before_utc
    assert listed.not_after == cert.not_valid_after_utc
    assert not listed.expires_soon()


def test_stored_pkcs12_uses_pbes2_aes256(pki: TestCredentials, tmp_path: Path) -> None:
    stored = save_identity(pki.identity, tmp_path, PASSWORD)
    info = subprocess.run(
        [
            OPENSSL or "openssl",
            "pkcs12",
            "-in",
            str(stored.path),
            "-info",
            "-noout",
            "-passin",
            f"pass:{PASSWORD}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert info.returncode == 0, info.stderr
    assert "PBES2" in info.stderr and "AES-256-CBC" in info.stderr
    assert "sha256" in info.stderr.lower()


def test_short_passphrase_refused(pki: TestCredentials, tmp_path: Path) -> None:
    with pytest.raises(SigningIdentityError):
        save_identity(pki.identity, tmp_path, "short")
    assert not list(tmp_path.glob("*.p12"))


def test_expires_soon(pki: TestCredentials) -> None:
    ca_cert, ca_key = pki.ca_certificate, pki.ca_key
    soon = issue_test_certificate(
        ca_cert, ca_key, "علی رضایی", "سازمان آزمایشی", not_after=_now() + dt.timedelta(days=10)
    )
    assert expires_soon(soon.certificate, 30)
    assert not expires_soon(soon.certificate, 5)
    expired = issue_test_certificate(
        ca_cert,
        ca_key,
        "علی رضایی",
        "سازمان آزمایشی",
        not_before=_now() - dt.timedelta(days=60),
        not_after=_now() - dt.timedelta(days=1),
    )
    assert expires_soon(expired.certificate)
    assert not expires_soon(pki.identity.certificate)


def test_load_certificates_pem_and_der(pki: TestCredentials, tmp_path: Path) -> None:
    pem = _pem(tmp_path / "roots.pem", pki.ca_certificate, pki.identity.certificate)
    assert load_certificates(pem) == [pki.ca_certificate, pki.identity.certificate]
    der = pki.ca_certificate.public_bytes(serialization.Encoding.DER)
    assert load_certificates(der) == [pki.ca_certificate]
    with pytest.raises(SigningIdentityError):
        load_certificates(b"not a certificate")


# --- signing and verification ---------------------------------------------------------------


def test_signature_verifies_in_python(pki: TestCredentials, signature: bytes) -> None:
    report = verify_detached(signature, CONTENT, [pki.ca_certificate])
    assert report.ok, report.summary_fa()
    names = {c.name for c in report.checks}
    assert {
        signing.MESSAGE_DIGEST,
        signing.SIGNATURE_VALUE,
        signing.SIGNING_CERTIFICATE_V2,
        signing.KEY_USAGE,
        signing.SIGNING_TIME,
        signing.CHAIN,
    } <= names
    assert all(_is_persian(c.message_fa) for c in report.checks)
    assert report.signer == pki.identity.certificate
    assert report.signing_time is not None
    assert abs((_now() - report.signing_time).total_seconds()) < 600


@pytest.mark.parametrize(
    "extra", [(), ("-cades",), ("-purpose", "any"), ("-purpose", "any", "-cades")]
)
def test_openssl_accepts_signature(
    tmp_path: Path, ca_pem: Path, signature: bytes, extra: tuple[str, ...]
) -> None:
    assert _openssl_verify(tmp_path, signature, CONTENT, ca_pem, *extra) == 0
    assert (tmp_path / "out.bin").read_bytes() == CONTENT


def test_four_signed_attributes_present(pki: TestCredentials, signature: bytes) -> None:
    info = cms.ContentInfo.load(signature)
    [signer_info] = info["content"]["signer_infos"]
    types = sorted(a["type"].native for a in signer_info["signed_attrs"])
    assert types == ["content_type", "message_digest", "signing_certificate_v2", "signing_time"]
    assert info["content"]["encap_content_info"]["content"].native is None
    assert signer_info["digest_algorithm"]["algorithm"].native == "sha256"
    certs = [c.chosen.dump() for c in info["content"]["certificates"]]
    assert pki.identity.certificate.public_bytes(serialization.Encoding.DER) in certs
    assert pki.ca_certificate.public_bytes(serialization.Encoding.DER) in certs


def test_openssl_asn1parse_shows_the_attributes(tmp_path: Path, signature: bytes) -> None:
    path = tmp_path / "sig.der"
    path.write_bytes(signature)
    out = subprocess.run(
        [OPENSSL or "openssl", "asn1parse", "-inform", "DER", "-in", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in ("contentType", "messageDigest", "signingTime", "id-smime-aa-signingCertificateV2"):
        assert name in out


def test_tampered_content_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials, signature: bytes
) -> None:
    for index in (0, len(CONTENT) // 2, len(CONTENT) - 1):
        tampered = _flip(CONTENT, index)
        report = verify_detached(signature, tampered, [pki.ca_certificate])
        assert not report.ok
        assert [c.name for c in report.failed()] == [signing.MESSAGE_DIGEST]
        assert _openssl_verify(tmp_path, signature, tampered, ca_pem, "-purpose", "any") != 0


def test_tampered_signature_value_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials, signature: bytes
) -> None:
    tampered = _flip(signature, len(signature) - 20)
    report = verify_detached(tampered, CONTENT, [pki.ca_certificate])
    assert not report.ok
    assert signing.SIGNATURE_VALUE in {c.name for c in report.failed()}
    assert _openssl_verify(tmp_path, tampered, CONTENT, ca_pem, "-purpose", "any") != 0


def test_tampered_signed_attribute_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials, signature: bytes
) -> None:
    import hashlib

    at = signature.index(hashlib.sha256(CONTENT).digest())
    tampered = _flip(signature, at + 3)
    report = verify_detached(tampered, CONTENT, [pki.ca_certificate])
    failed = {c.name for c in report.failed()}
    assert {signing.MESSAGE_DIGEST, signing.SIGNATURE_VALUE} <= failed
    assert _openssl_verify(tmp_path, tampered, CONTENT, ca_pem, "-purpose", "any") != 0


def test_signer_from_another_ca_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials, other_pki: TestCredentials
) -> None:
    foreign = sign_detached(CONTENT, other_pki.identity)
    report = verify_detached(foreign, CONTENT, [pki.ca_certificate])
    assert [c.name for c in report.failed()] == [signing.CHAIN]
    assert _openssl_verify(tmp_path, foreign, CONTENT, ca_pem, "-purpose", "any") != 0
    assert verify_detached(foreign, CONTENT, [other_pki.ca_certificate]).ok


def test_bad_input_is_reported_never_raised(pki: TestCredentials, signature: bytes) -> None:
    samples = [
        b"",
        b"\x30",
        b"garbage",
        b"\x30\x03\x02\x01\x01",
        signature[: len(signature) // 2],
        pki.ca_certificate.public_bytes(serialization.Encoding.DER),
        pki.ca_certificate.public_bytes(serialization.Encoding.PEM),
    ]
    samples += [_flip(signature, i) for i in range(0, len(signature), 17)]
    for sample in samples:
        report = verify_detached(sample, CONTENT, [pki.ca_certificate])
        assert isinstance(report, signing.VerificationReport)
        assert report.checks
    for sample in samples[:7]:
        report = verify_detached(sample, CONTENT, [pki.ca_certificate])
        assert not report.ok and report.failed()[0].name == signing.STRUCTURE


def test_ecdsa_signature(tmp_path: Path) -> None:
    creds = make_test_signer(tmp_path / "ec.p12", PASSWORD, key_kind="ec")
    sig = sign_detached(CONTENT, load_pkcs12(creds.pkcs12_path, PASSWORD))
    assert verify_detached(sig, CONTENT, [creds.ca_certificate]).ok
    if OPENSSL:
        ca = _pem(tmp_path / "ca.pem", creds.ca_certificate)
        assert _openssl_verify(tmp_path, sig, CONTENT, ca, "-purpose", "any", "-cades") == 0


# --- validity, key usage, chains ------------------------------------------------------------


def test_expired_or_future_certificate_cannot_sign(pki: TestCredentials) -> None:
    expired = issue_test_certificate(
        pki.ca_certificate,
        pki.ca_key,
        "علی رضایی",
        "سازمان آزمایشی",
        not_before=_now() - dt.timedelta(days=400),
        not_after=_now() - dt.timedelta(days=35),
    )
    with pytest.raises(CertificateValidityError) as excinfo:
        sign_detached(CONTENT, expired)
    assert "منقضی" in excinfo.value.message_fa
    future = issue_test_certificate(
        pki.ca_certificate,
        pki.ca_key,
        "علی رضایی",
        "سازمان آزمایشی",
        not_before=_now() + dt.timedelta(days=3),
        not_after=_now() + dt.timedelta(days=300),
    )
    with pytest.raises(CertificateValidityError):
        sign_detached(CONTENT, future)


def test_signature_checked_after_expiry_is_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials
) -> None:
    """A certificate that has run out since: signing with it is refused, while what it signed
    in its time still verifies here and with openssl at the signing time (and not now)."""
    start = _now().replace(microsecond=0) - dt.timedelta(days=10)
    end = start + dt.timedelta(days=5)
    short = issue_test_certificate(
        pki.ca_certificate, pki.ca_key, "علی رضایی", "سازمان آزمایشی",
        not_before=start, not_after=end,
    )
    signed_at = start + dt.timedelta(days=2)
    sig = sign_detached(CONTENT, short, now=signed_at)
    with pytest.raises(CertificateValidityError):
        sign_detached(CONTENT, short)
    report = verify_detached(sig, CONTENT, [pki.ca_certificate])
    # the claimed signing time proves nothing without a trusted timestamp: judged now
    assert not report.ok
    assert "منقضی" in report.summary_fa()
    assert report.signing_time is not None and report.signing_time <= end
    assert _openssl_verify(tmp_path, sig, CONTENT, ca_pem, "-purpose", "any") != 0


def _export_pem(tmp: Path, identity: SigningIdentity) -> tuple[Path, Path]:
    key = tmp / "key.pem"
    key.write_bytes(
        identity.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return _pem(tmp / "cert.pem", identity.certificate), key


def _openssl_sign(tmp: Path, identity: SigningIdentity, *extra: str) -> bytes:
    cert, key = _export_pem(tmp, identity)
    (tmp / "content.bin").write_bytes(CONTENT)
    subprocess.run(
        [
            OPENSSL or "openssl",
            "cms",
            "-sign",
            "-binary",
            "-outform",
            "DER",
            "-in",
            str(tmp / "content.bin"),
            "-signer",
            str(cert),
            "-inkey",
            str(key),
            "-md",
            "sha256",
            "-out",
            str(tmp / "theirs.p7s"),
            *extra,
        ],
        capture_output=True,
        check=True,
    )
    return (tmp / "theirs.p7s").read_bytes()


def test_openssl_signatures_interoperate_and_ess_is_required(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials
) -> None:
    cades = _openssl_sign(tmp_path, pki.identity, "-cades")
    assert verify_detached(cades, CONTENT, [pki.ca_certificate]).ok
    plain = _openssl_sign(tmp_path, pki.identity)
    report = verify_detached(plain, CONTENT, [pki.ca_certificate])
    assert [c.name for c in report.failed()] == [signing.SIGNING_CERTIFICATE_V2]
    assert _openssl_verify(tmp_path, plain, CONTENT, ca_pem, "-purpose", "any") == 0
    assert _openssl_verify(tmp_path, plain, CONTENT, ca_pem, "-purpose", "any", "-cades") != 0


def test_signature_without_signed_attributes_is_not_cades(
    tmp_path: Path, pki: TestCredentials
) -> None:
    bare = _openssl_sign(tmp_path, pki.identity, "-noattr")
    report = verify_detached(bare, CONTENT, [pki.ca_certificate])
    assert [c.name for c in report.failed()] == [signing.SIGNED_ATTRIBUTES]


def _certificate(
    issuer: x509.Certificate,
    issuer_key: rsa.RSAPrivateKey,
    name: str,
    key: rsa.RSAPrivateKey,
    *,
    ca: bool,
    usage: x509.KeyUsage,
) -> x509.Certificate:
    now = _now()
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(issuer_key, hashes.SHA256())
    )


def _usage(**flags: bool) -> x509.KeyUsage:
    names = [
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
        "encipher_only",
        "decipher_only",
    ]
    return x509.KeyUsage(**{n: flags.get(n, False) for n in names})


def test_chain_through_an_intermediate_ca(tmp_path: Path) -> None:
    root, root_key = make_test_ca(key_kind="rsa")
    assert isinstance(root_key, rsa.RSAPrivateKey)
    mid_key = rsa.generate_private_key(65537, 2048)
    mid = _certificate(
        root,
        root_key,
        "مرجع میانی",
        mid_key,
        ca=True,
        usage=_usage(key_cert_sign=True, crl_sign=True),
    )
    leaf = issue_test_certificate(mid, mid_key, "زهرا کریمی", "استانداری تهران")
    identity = SigningIdentity(leaf.private_key, leaf.certificate, (mid, root))
    sig = sign_detached(CONTENT, identity)
    assert verify_detached(sig, CONTENT, [root]).ok
    ca = _pem(tmp_path / "root.pem", root)
    assert _openssl_verify(tmp_path, sig, CONTENT, ca, "-purpose", "any", "-cades") == 0

    without_mid = sign_detached(CONTENT, SigningIdentity(leaf.private_key, leaf.certificate, ()))
    report = verify_detached(without_mid, CONTENT, [root])
    assert [c.name for c in report.failed()] == [signing.CHAIN]


def test_certificate_issued_by_a_non_ca_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials
) -> None:
    signer = pki.identity
    rogue = issue_test_certificate(signer.certificate, signer.private_key, "جعل", "ناشناس")
    sig = sign_detached(
        CONTENT,
        SigningIdentity(
            rogue.private_key, rogue.certificate, (signer.certificate, pki.ca_certificate)
        ),
    )
    report = verify_detached(sig, CONTENT, [pki.ca_certificate])
    [failed] = report.failed()
    assert failed.name == signing.CHAIN and "CA" in failed.message_fa
    assert _openssl_verify(tmp_path, sig, CONTENT, ca_pem, "-purpose", "any") != 0


def test_key_usage_without_signing_refused(
    tmp_path: Path, ca_pem: Path, pki: TestCredentials
) -> None:
    key = rsa.generate_private_key(65537, 2048)
    ca_key = pki.ca_key
    assert isinstance(ca_key, rsa.RSAPrivateKey)
    cert = _certificate(
        pki.ca_certificate,
        ca_key,
        "فقط رمزگذاری",
        key,
        ca=False,
        usage=_usage(key_encipherment=True),
    )
    identity = SigningIdentity(key, cert, (pki.ca_certificate,))
    with pytest.raises(CertificateValidityError):
        sign_detached(CONTENT, identity)
    sig = _openssl_sign(tmp_path, identity, "-cades")
    report = verify_detached(sig, CONTENT, [pki.ca_certificate])
    assert [c.name for c in report.failed()] == [signing.KEY_USAGE]
    assert _openssl_verify(tmp_path, sig, CONTENT, ca_pem) != 0


def test_mismatched_key_refused(pki: TestCredentials, other_pki: TestCredentials) -> None:
    mixed = SigningIdentity(other_pki.identity.private_key, pki.identity.certificate, ())
    with pytest.raises(SigningIdentityError):
        sign_detached(CONTENT, mixed)


def _tsa(pki: TestCredentials) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A time-stamping authority under the test CA (critical timeStamping usage, RFC 3161)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "مهر زمانی آزمایشی")]))
        .issuer_name(pki.ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now() - dt.timedelta(days=1))
        .not_valid_after(_now() + dt.timedelta(days=365))
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]),
                       critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                       critical=True)
        .sign(pki.ca_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    return cert, key


def _with_timestamp(signature: bytes, tsa: tuple[x509.Certificate, rsa.RSAPrivateKey],
                    at: dt.datetime | None = None) -> bytes:
    """The signature with an RFC 3161 token over its signature value as an unsigned attribute."""
    import asyncio
    import hashlib

    from asn1crypto import keys
    from pyhanko.sign.timestamps import DummyTimeStamper

    cert, key = tsa
    stamper = DummyTimeStamper(
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER,
                                                   serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption())),
        fixed_dt=at or _now())
    info = cms.ContentInfo.load(signature)
    signer = info["content"]["signer_infos"][0]
    digest = hashlib.sha256(signer["signature"].native).digest()
    token = asyncio.run(stamper.async_timestamp(digest, "sha256"))
    signer["unsigned_attrs"] = cms.CMSAttributes(
        [cms.CMSAttribute({"type": "signature_time_stamp_token", "values": [token]})])
    return info.dump()


def test_a_trusted_timestamp_proves_the_signing_time(pki: TestCredentials) -> None:
    """A certificate that expired five minutes ago: its signature made while it was valid stands
    only with a trusted timestamp from that time (the signer's own claim proves nothing)."""
    signed_at = _now().replace(microsecond=0) - dt.timedelta(minutes=10)
    end = signed_at + dt.timedelta(minutes=5)
    short = issue_test_certificate(pki.ca_certificate, pki.ca_key, "علی رضایی", "سازمان آزمایشی",
                                   not_before=signed_at - dt.timedelta(minutes=1), not_after=end)
    plain = sign_detached(CONTENT, short, now=signed_at)
    stamped = _with_timestamp(plain, _tsa(pki), at=signed_at)
    stranger = make_test_ca("مرجع ناشناس")
    foreign = _with_timestamp(plain, _tsa(TestCredentials(
        stranger[0], stranger[1], pki.identity, pki.pkcs12_path, pki.password)), at=signed_at)
    assert not verify_detached(plain, CONTENT, [pki.ca_certificate]).ok
    report = verify_detached(stamped, CONTENT, [pki.ca_certificate])
    assert report.ok, report.summary_fa()
    assert report.signing_time is not None and report.signing_time <= end
    assert "مهر زمانی" in report.summary_fa()
    assert not verify_detached(foreign, CONTENT, [pki.ca_certificate]).ok
