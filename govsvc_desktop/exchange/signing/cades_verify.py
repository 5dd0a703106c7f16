"""Checking detached CAdES-BES signatures, offline, against the user's trusted roots.

The certificate path, its validity now and its revocation are judged by the one trust
engine (``trust_engine``); the signing time the signer claims is reported, never trusted.

Each step is a named check with a Persian message; a failed step that later steps depend on
stops verification, the rest carry on so the report shows everything that is wrong.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Iterable

from asn1crypto import cms
from asn1crypto import tsp as _tsp  # importing it registers signing-certificate-v2 in cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator.errors import ValidationError

from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.checks import (
    CHAIN,
    CONTENT_TYPE,
    DIGEST_ALGORITHM,
    HASHES,
    KEY_USAGE,
    MESSAGE_DIGEST,
    SIGNATURE_VALUE,
    SIGNED_ATTRIBUTES,
    SIGNER_CERTIFICATE,
    SIGNING_CERTIFICATE_V2,
    SIGNING_TIME,
    STRUCTURE,
    VerificationReport,
)
from govsvc_desktop.exchange.signing.trust_engine import (
    TrustAnchors,
    as_anchors,
    certificate_failure,
    validation_context,
)

log = logging.getLogger(__name__)


class _Failed(Exception):
    """Stops verification after a failed check that later checks depend on."""


def verify_detached(
    signature_der: bytes, content_bytes: bytes,
    trusted_roots: Iterable[x509.Certificate] | TrustAnchors,
) -> VerificationReport:
    """Check a detached CAdES-BES signature over ``content_bytes`` against ``trusted_roots``
    (and the revocation lists, when given as ``TrustAnchors``)."""
    report = VerificationReport()
    try:
        _verify(report, signature_der, content_bytes, as_anchors(trusted_roots))
    except _Failed:
        pass
    except Exception:
        log.info("signature could not be verified", exc_info=True)
        report.add(STRUCTURE, False, "امضا خراب است یا ساختار آن خوانده نمی‌شود")
    return report


def _verify(
    report: VerificationReport, der: bytes, content: bytes, anchors: TrustAnchors
) -> None:
    signed_data, signer_info = _parse(report, der)
    attrs = _attributes(report, signer_info)

    content_type = attrs.get("content_type")
    report.add(
        CONTENT_TYPE,
        content_type == "data",
        "نوع محتوای امضاشده «داده» است"
        if content_type == "data"
        else "صفت نوع محتوا (content-type) در امضا نیست یا نادرست است",
    )

    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    if not report.add(
        DIGEST_ALGORITHM,
        digest_name in HASHES,
        f"الگوریتم چکیده {digest_name} پذیرفته است"
        if digest_name in HASHES
        else f"الگوریتم چکیده {digest_name} ضعیف یا ناشناخته است",
    ):
        raise _Failed
    expected = attrs.get("message_digest")
    actual = hashlib.new(digest_name, content).digest()
    matches = isinstance(expected, bytes) and hmac.compare_digest(expected, actual)
    report.add(
        MESSAGE_DIGEST,
        matches,
        "چکیدهٔ محتوا با امضا می‌خواند"
        if matches
        else "محتوا پس از امضا تغییر کرده است (چکیده نمی‌خواند)",
    )

    acert = _find_signer(report, signed_data, signer_info)
    signer = x509.load_der_x509_certificate(acert.dump())
    report.signer = signer
    _check_signature_value(report, signer_info, signer, digest_name)
    _check_ess(report, attrs.get("signing_certificate_v2"), acert)
    _check_key_usage(report, signer)
    _check_signing_time(report, attrs.get("signing_time"), signer)
    pool = [
        x509.load_der_x509_certificate(c.chosen.dump())
        for c in signed_data["certificates"]
        if c.name == "certificate"
    ]
    proven = _timestamp_time(signer_info, anchors)
    failure = certificate_failure(signer, pool, anchors, moment=proven)
    if failure is None and proven is not None:
        report.signing_time = proven
    report.add(CHAIN, failure is None, failure or (
        "زنجیرهٔ گواهی به یک مرجع مورد اعتماد می‌رسد و در زمانی که مهر زمانی معتبر اثبات "
        "می‌کند معتبر و باطل‌نشده بوده است" if proven is not None else
        "زنجیرهٔ گواهی به یک مرجع مورد اعتماد می‌رسد و اکنون معتبر و باطل‌نشده است"))


def _timestamp_time(signer_info: cms.SignerInfo, anchors: TrustAnchors) -> dt.datetime | None:
    """The signing time a trusted timestamp (RFC 3161 signature-time-stamp-token over the
    signature value) proves, or None: only such a token lets a signature be judged at the
    time it was made rather than now."""
    unsigned = signer_info["unsigned_attrs"]
    if unsigned.native is None:
        return None
    signature = signer_info["signature"].native
    for attr in unsigned:
        if attr["type"].native != "signature_time_stamp_token":
            continue
        for token in attr["values"]:
            try:
                status = asyncio.run(validate_tst_signed_data(
                    token["content"], validation_context(anchors),
                    lambda algorithm: hashlib.new(algorithm, signature).digest()))
            except (SignatureValidationError, ValidationError, ValueError, KeyError,
                    TypeError):  # a token that does not validate proves nothing
                log.info("timestamp token not accepted", exc_info=True)
                continue
            trusted = (status.get("trust_problem_indic") is None
                       and status.get("validation_path") is not None)
            if status.get("intact") and status.get("valid") and trusted:
                when: dt.datetime = status["timestamp"]
                return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return None


def _parse(report: VerificationReport, der: bytes) -> tuple[cms.SignedData, cms.SignerInfo]:
    try:
        info = cms.ContentInfo.load(der, strict=True)
        info.native  # noqa: B018  (forces a full parse so damage shows here)
    except Exception:
        report.add(STRUCTURE, False, "پروندهٔ امضا خراب است یا قالب CMS ندارد")
        raise _Failed from None
    if info["content_type"].native != "signed_data":
        report.add(STRUCTURE, False, "پروندهٔ امضا از نوع SignedData نیست")
        raise _Failed
    signed_data = info["content"]
    signers = signed_data["signer_infos"]
    if len(signers) != 1:
        report.add(
            STRUCTURE, False, f"امضا باید دقیقاً یک امضاکننده داشته باشد، {format_int(len(signers))} دارد"
        )
        raise _Failed
    if signed_data["encap_content_info"]["content"].native is not None:
        report.add(STRUCTURE, False, "امضا جدا (detached) نیست و محتوا را در خود دارد")
        raise _Failed
    report.add(STRUCTURE, True, "ساختار امضا (CMS SignedData جدا) درست است")
    return signed_data, signers[0]


def _attributes(report: VerificationReport, signer_info: cms.SignerInfo) -> dict[str, object]:
    """Signed attributes by name; each must appear once with a single value."""
    raw = signer_info["signed_attrs"]
    if raw.native is None or len(raw) == 0:
        report.add(SIGNED_ATTRIBUTES, False, "امضا صفت امضاشده ندارد و CAdES نیست")
        raise _Failed
    found: dict[str, object] = {}
    for attr in raw:
        name = attr["type"].native
        values = attr["values"]
        if name in found or len(values) != 1:
            report.add(SIGNED_ATTRIBUTES, False, f"صفت امضاشدهٔ {name} تکراری یا چندمقداری است")
            raise _Failed
        found[name] = values[0].native if name != "signing_certificate_v2" else values[0]
    report.add(SIGNED_ATTRIBUTES, True, "صفات امضاشده یکتا و خوش‌ساخت‌اند")
    return found


def _find_signer(
    report: VerificationReport, signed_data: cms.SignedData, signer_info: cms.SignerInfo
) -> asn1_x509.Certificate:
    sid = signer_info["sid"]
    for choice in signed_data["certificates"]:
        if choice.name != "certificate":
            continue
        acert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            hit = (
                acert.issuer == sid.chosen["issuer"]
                and acert.serial_number == sid.chosen["serial_number"].native
            )
        else:
            hit = acert.key_identifier == sid.chosen.native
        if hit:
            report.add(
                SIGNER_CERTIFICATE, True, f"گواهی امضاکننده پیدا شد: {acert.subject.human_friendly}"
            )
            return acert
    report.add(SIGNER_CERTIFICATE, False, "گواهی امضاکننده در پروندهٔ امضا نیست")
    raise _Failed


def _check_signature_value(
    report: VerificationReport,
    signer_info: cms.SignerInfo,
    signer: x509.Certificate,
    digest_name: str,
) -> None:
    raw = signer_info["signed_attrs"].dump()
    data = b"\x31" + raw[1:]  # the [0] IMPLICIT tag back to SET, as RFC 5652 §5.4 says
    signature = signer_info["signature"].native
    algorithm = signer_info["signature_algorithm"]
    kind = algorithm.signature_algo
    try:
        hash_name = algorithm.hash_algo
    except ValueError:
        hash_name = digest_name
    key = signer.public_key()
    try:
        if hash_name not in HASHES:
            raise InvalidSignature
        chosen = HASHES[hash_name]()
        if kind == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), chosen)
        elif kind == "rsassa_pss" and isinstance(key, rsa.RSAPublicKey):
            params = algorithm["parameters"]
            pss_hash = HASHES[params["hash_algorithm"]["algorithm"].native]()
            pss = padding.PSS(padding.MGF1(pss_hash), params["salt_length"].native)
            key.verify(signature, data, pss, pss_hash)
        elif kind == "ecdsa" and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(chosen))
        else:
            raise InvalidSignature
    except (InvalidSignature, KeyError, ValueError):
        report.add(SIGNATURE_VALUE, False, "مقدار امضا با کلید عمومی گواهی امضاکننده تأیید نشد")
        return
    report.add(SIGNATURE_VALUE, True, "مقدار امضا با کلید عمومی امضاکننده تأیید شد")


def _check_ess(report: VerificationReport, value: object, acert: asn1_x509.Certificate) -> None:
    """RFC 5035: the first ESSCertIDv2 names the signer's certificate by hash (and issuer/serial)."""
    if not isinstance(value, _tsp.SigningCertificateV2) or len(value["certs"]) == 0:
        report.add(
            SIGNING_CERTIFICATE_V2,
            False,
            "صفت signing-certificate-v2 در امضا نیست (CAdES-BES نیست)",
        )
        return
    ess_id = value["certs"][0]
    hash_name = ess_id["hash_algorithm"]["algorithm"].native
    ok = hash_name in HASHES and hmac.compare_digest(
        hashlib.new(hash_name, acert.dump()).digest(), ess_id["cert_hash"].native
    )
    issuer_serial = ess_id["issuer_serial"]
    if ok and issuer_serial.native is not None:
        names = [g.chosen for g in issuer_serial["issuer"] if g.name == "directory_name"]
        ok = any(n == acert.issuer for n in names) and (
            issuer_serial["serial_number"].native == acert.serial_number
        )
    report.add(
        SIGNING_CERTIFICATE_V2,
        ok,
        "صفت signing-certificate-v2 به گواهی امضاکننده اشاره دارد"
        if ok
        else "صفت signing-certificate-v2 با گواهی امضاکننده نمی‌خواند",
    )


def _check_key_usage(report: VerificationReport, signer: x509.Certificate) -> None:
    try:
        usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
        ok = usage.digital_signature or usage.content_commitment
    except x509.ExtensionNotFound:
        ok = False
    report.add(
        KEY_USAGE,
        ok,
        "کاربرد کلید گواهی اجازهٔ امضا می‌دهد"
        if ok
        else "کاربرد کلید گواهی امضاکننده اجازهٔ امضا نمی‌دهد",
    )


def _check_signing_time(
    report: VerificationReport, value: object, signer: x509.Certificate
) -> dt.datetime | None:
    if not isinstance(value, dt.datetime):
        report.add(SIGNING_TIME, False, "زمان امضا (signing-time) در امضا نیست")
        return None
    when = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    report.signing_time = when
    if when < signer.not_valid_before_utc:
        report.add(SIGNING_TIME, False, "زمان امضا پیش از آغاز اعتبار گواهی است")
    elif when > signer.not_valid_after_utc:
        report.add(SIGNING_TIME, False, "گواهی امضاکننده در زمان امضا منقضی بوده است")
    else:
        report.add(SIGNING_TIME, True, "گواهی در زمان امضا معتبر بوده است")
    return when
