"""The `cert` and `bundle` commands end to end: real keys in the data folder, real files,
the openssl binary checking what the CLI wrote, and refusals that leave the database as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.cli import main
from govsvc_desktop.exchange.signing.demo_pki import make_test_signer
from tests.approval_support import ALL_ROLES
from tests.bundle_support import PASSWORD, flip, rewrite, seed, service, small_pdf

OPENSSL = shutil.which("openssl")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PW", PASSWORD)


def _identity(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, org: str,
              *extra: str) -> str:
    p12 = tmp_path / f"{name}.p12"
    code, out, err = run(capsys, "cert", "new-test", "--name", name, "--org", org, "-o", str(p12),
                         "--password-env", "PW", *extra)
    assert code == 0, err
    code, out, err = run(capsys, "cert", "import", str(p12), "--password-env", "PW")
    assert code == 0, err
    return out.split("اثر انگشت: ")[1].strip()


def _trust_own_ca(capsys: pytest.CaptureFixture[str], tmp_path: Path, fingerprint: str) -> Path:
    ca = tmp_path / f"ca-{fingerprint[:8]}.pem"
    assert run(capsys, "cert", "export-ca", "-o", str(ca), "--cert", fingerprint)[0] == 0
    assert run(capsys, "cert", "trust", str(ca))[0] == 0
    return ca


def _agency_and_centre(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    """Fingerprints of an agency's and the centre's test identities, each CA trusted."""
    agency = _identity(capsys, tmp_path, "مریم احمدی", "وزارت کار")
    centre = _identity(capsys, tmp_path, "سامانه مرکزی", "سازمان اداری", "--centre")
    _trust_own_ca(capsys, tmp_path, agency)
    _trust_own_ca(capsys, tmp_path, centre)
    # the person importing the centre's replies records its decisions: an administrator
    assert run(capsys, "settings", "set", "--role", "preparer", "--role", "admin")[0] == 0
    return agency, centre


def _database(path: Path) -> str:
    app = build(str(path), settings=config.Settings(user_name="مریم احمدی", roles=ALL_ROLES))
    service(app)
    app.close()
    return str(path)


def _agency_db(tmp_path: Path) -> tuple[str, dict[str, list[str]]]:
    db = _database(tmp_path / "agency.sqlite3")
    app = build(db, settings=config.Settings(user_name="مریم احمدی", roles=ALL_ROLES))
    made = seed(app)
    app.close()
    return db, made


def _export_json(capsys: pytest.CaptureFixture[str], db: str, path: Path) -> bytes:
    assert run(capsys, "--db", db, "passports", "export", "-o", str(path))[0] == 0
    return path.read_bytes()


def test_certificates_new_import_list_export_trust(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    fingerprint = _identity(capsys, tmp_path, "مریم احمدی", "وزارت کار")
    keys = list((config.data_dir() / "keys").glob("*.p12"))
    assert [k.name for k in keys] == [f"{fingerprint}.p12"]
    assert stat.S_IMODE(keys[0].stat().st_mode) == 0o600
    ca = _trust_own_ca(capsys, tmp_path, fingerprint)
    assert ca.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    soon = _identity(capsys, tmp_path, "علی رضایی", "وزارت نیرو", "--days", "10")
    code, out, err = run(capsys, "cert", "list")
    assert code == 0 and fingerprint in out and soon in out and "CN=مریم احمدی" in out
    assert "مرجع آزمایشی وزارت کار" in out
    assert "روز دیگر منقضی می‌شود" in out and "علی رضایی" in err
    code, _, err = run(capsys, "cert", "import", str(tmp_path / "مریم احمدی.p12"),
                       "--password-env", "NOPE")
    assert code != 0 and "NOPE" in err
    not_a_certificate = tmp_path / "wrong.txt"
    not_a_certificate.write_text("x")
    code, _, err = run(capsys, "cert", "trust", str(not_a_certificate))
    assert code != 0 and "خطا" in err and "Traceback" not in err


def test_wrong_password_and_leaf_as_anchor_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    creds = make_test_signer(tmp_path / "s.p12", PASSWORD)
    monkeypatch.setenv("BAD", "not-the-password")
    code, _, err = run(capsys, "cert", "import", str(creds.pkcs12_path), "--password-env", "BAD")
    assert code != 0 and "گذرواژه" in err
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(creds.identity.certificate.public_bytes(serialization.Encoding.PEM))
    code, _, err = run(capsys, "cert", "trust", str(leaf))
    assert code != 0 and "CA" in err


def test_expired_certificate_is_refused_for_signing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    now = dt.datetime.now(dt.UTC)
    creds = make_test_signer(tmp_path / "old.p12", PASSWORD, not_before=now - dt.timedelta(days=90),
                             not_after=now - dt.timedelta(days=2))
    code, out, err = run(capsys, "cert", "import", str(creds.pkcs12_path), "--password-env", "PW")
    assert code == 0 and "منقضی" in err
    db, _ = _agency_db(tmp_path)
    before = _export_json(capsys, db, tmp_path / "before.json")
    code, _, err = run(capsys, "--db", db, "bundle", "export", "-o", str(tmp_path / "b.asice"),
                       "--cert", creds.identity.fingerprint[:12], "--password-env", "PW")
    assert code != 0 and "منقضی" in err and not (tmp_path / "b.asice").exists()
    assert _export_json(capsys, db, tmp_path / "after.json") == before


def test_export_verify_reply_import_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    agency = _identity(capsys, tmp_path, "مریم احمدی", "وزارت کار")
    centre = _identity(capsys, tmp_path, "سامانه مرکزی", "سازمان اداری", "--centre")
    agency_ca = _trust_own_ca(capsys, tmp_path, agency)
    _trust_own_ca(capsys, tmp_path, centre)
    db, made = _agency_db(tmp_path)
    out = tmp_path / "submission.asice"
    code, text, err = run(capsys, "--db", db, "bundle", "export", "-o", str(out), "--cert",
                          agency[:10], "--password-env", "PW", "--status", "approved")
    assert code == 0, err
    fingerprint = text.split("SHA-256: ")[1].strip()
    assert fingerprint == hashlib.sha256(out.read_bytes()).hexdigest()
    code, text, _ = run(capsys, "--db", db, "bundle", "list")
    assert code == 0 and fingerprint in text
    code, text, _ = run(capsys, "--db", db, "bundle", "verify", str(out))
    assert code == 0 and "✘" not in text and "بسته معتبر است" in text
    code, text, _ = run(capsys, "--db", db, "bundle", "verify", str(out), "--records")
    assert code == 0 and "✘" not in text and "پرونده‌های رکوردهایش با سرآیند می‌خوانند" in text

    if OPENSSL:
        with zipfile.ZipFile(out) as zf:
            (tmp_path / "manifest.xml").write_bytes(zf.read("META-INF/ASiCManifest.xml"))
            (tmp_path / "sig.p7s").write_bytes(zf.read("META-INF/signature001.p7s"))
        done = subprocess.run(
            [OPENSSL, "cms", "-verify", "-cades", "-binary", "-inform", "DER", "-in",
             str(tmp_path / "sig.p7s"), "-content", str(tmp_path / "manifest.xml"), "-CAfile",
             str(agency_ca), "-out", "/dev/null"],
            capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr

    centre_db = _database(tmp_path / "centre.sqlite3")
    reply = tmp_path / "reply.asice"
    code, text, err = run(
        capsys, "--db", centre_db, "bundle", "reply", str(out),
        "--accept", made["approved"][0], "--return", f"{made['approved'][1]}:مدارک قانونی ناقص است",
        "--issue-id", f"{made['proposed'][0]}:11031164777", "-o", str(reply),
        "--cert", centre[:10], "--password-env", "PW")
    assert code == 0, err
    assert "برگشت" in text and "۱۱۰۳۱۱۶۴۷۷۷" in text
    before = _export_json(capsys, db, tmp_path / "before.json")
    code, _, err = run(capsys, "--db", db, "bundle", "import", str(reply))
    assert code == 5 and "مدیر سامانه" in err, "a preparer does not record the centre's decisions"
    assert _export_json(capsys, db, tmp_path / "refused.json") == before
    assert run(capsys, "settings", "set", "--role", "preparer", "--role", "admin")[0] == 0
    code, text, _ = run(capsys, "--db", db, "bundle", "import", str(reply), "--dry-run")
    assert code == 0 and "چیزی نوشته نشد" in text
    assert _export_json(capsys, db, tmp_path / "dry.json") == before
    code, text, err = run(capsys, "--db", db, "bundle", "import", str(reply))
    assert code == 0, err
    statuses = {p["uuid"]: p for p in json.loads(_export_json(capsys, db, tmp_path / "a.json"))["passports"]}
    assert statuses[made["approved"][0]]["status"] == "accepted"
    assert statuses[made["approved"][1]]["status"] == "returned"
    assert statuses[made["approved"][1]]["centre_comment"] == "مدارک قانونی ناقص است"
    assert statuses[made["proposed"][0]]["service_id"] == "11031164777"
    assert statuses[made["drafts"][0]]["status"] == "draft"
    code, text, _ = run(capsys, "--db", db, "bundle", "list")
    assert "✔" in text
    code, _, err = run(capsys, "--db", db, "bundle", "import", str(reply))
    assert code != 0 and "پیش‌تر" in err


def test_conflicting_reply_is_refused_with_the_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    agency, centre = _agency_and_centre(capsys, tmp_path)
    db, made = _agency_db(tmp_path)
    out = tmp_path / "s.asice"
    assert run(capsys, "--db", db, "bundle", "export", "-o", str(out), "--cert", agency[:10],
               "--password-env", "PW")[0] == 0
    uuid = made["approved"][0]
    assert run(capsys, "--db", db, "passports", "return", uuid, "--comment", "بازبینی")[0] == 0
    reply = tmp_path / "r.asice"
    assert run(capsys, "--db", _database(tmp_path / "c.sqlite3"), "bundle", "reply", str(out),
               "--accept", uuid, "-o", str(reply), "--cert", centre[:10],
               "--password-env", "PW")[0] == 0
    before = _export_json(capsys, db, tmp_path / "before.json")
    code, _, err = run(capsys, "--db", db, "bundle", "import", str(reply))
    assert code == 4 and uuid in err and "نسخهٔ بسته" in err
    assert _export_json(capsys, db, tmp_path / "after.json") == before


TAMPER = {
    "payload": lambda n, d: (n, flip(d, 20)) if n == "data/passports.json" else (n, d),
    "manifest": lambda n, d: (n, flip(d, 300)) if n.endswith("ASiCManifest.xml") else (n, d),
    "signature": lambda n, d: (n, flip(d, len(d) - 30)) if n.endswith(".p7s") else (n, d),
    "renamed": lambda n, d: (n.replace("bundle.json", "bundle2.json"), d),
    "added": None,
    "zip-slip": None,
    "other-ca": None,
}


@pytest.mark.parametrize("case", list(TAMPER))
def test_tampered_bundle_is_refused_by_verify_and_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str,
) -> None:
    agency = _identity(capsys, tmp_path, "مریم احمدی", "وزارت کار")
    _trust_own_ca(capsys, tmp_path, agency)
    db, _ = _agency_db(tmp_path)
    good = tmp_path / "good.asice"
    signer = agency[:10]
    if case == "other-ca":
        signer = _identity(capsys, tmp_path, "ناشناس", "جای دیگر")[:10]
    assert run(capsys, "--db", db, "bundle", "export", "-o", str(good), "--cert", signer,
               "--password-env", "PW", "--status", "draft")[0] == 0
    transform = TAMPER[case]
    if case == "added":
        bad = rewrite(good, tmp_path / "bad.asice", extra=[("data/notes.txt", b"hello")])
    elif case == "zip-slip":
        bad = rewrite(good, tmp_path / "bad.asice", extra=[("data/../../x.txt", b"x")])
    elif transform is None:
        bad = good
    else:
        bad = rewrite(good, tmp_path / "bad.asice", transform)  # type: ignore[arg-type]
    receiver = _database(tmp_path / "receiver.sqlite3")
    before = _export_json(capsys, receiver, tmp_path / "before.json")
    code, text, err = run(capsys, "--db", receiver, "bundle", "verify", str(bad))
    assert code != 0 and "✘" in text + err
    code, text, err = run(capsys, "--db", receiver, "bundle", "import", str(bad))
    assert code != 0 and "دست نخورد" in err and "Traceback" not in err
    assert _export_json(capsys, receiver, tmp_path / "after.json") == before
    assert "passports" in json.loads(before) and json.loads(before)["passports"] == []


def test_sign_and_verify_a_pdf_on_request(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    fingerprint = _identity(capsys, tmp_path, "مریم احمدی", "وزارت کار")
    source = tmp_path / "passport.pdf"
    source.write_bytes(small_pdf("passport form"))
    code, _, _ = run(capsys, "cert", "verify-pdf", str(source))
    assert code == 1
    signed = tmp_path / "signed.pdf"
    code, _, err = run(capsys, "cert", "sign-pdf", str(source), "-o", str(signed), "--cert",
                       fingerprint[:10], "--password-env", "PW")
    assert code == 0, err
    code, text, _ = run(capsys, "cert", "verify-pdf", str(signed))
    assert code == 1 and "مرجع مورد اعتمادی" in text
    _trust_own_ca(capsys, tmp_path, fingerprint)
    code, text, _ = run(capsys, "cert", "verify-pdf", str(signed))
    assert code == 0 and "✔" in text
    pdfsig = shutil.which("pdfsig")
    if pdfsig:
        out = subprocess.run([pdfsig, str(signed)], capture_output=True, text=True,
                             check=False).stdout
        assert "Signature is Valid" in out


def test_a_proposed_service_gets_its_id_from_the_centre_through_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    agency, centre = _agency_and_centre(capsys, tmp_path)
    db, _ = _agency_db(tmp_path)
    code, uuid, err = run(capsys, "--db", db, "proposals", "add", "--title",
                          "صدور گواهی صلاحیت بهره‌برداران چاه", "--province", "فارس")
    assert code == 0, err
    uuid = uuid.strip()
    assert run(capsys, "--db", db, "proposals", "set-status", uuid, "proposed")[0] == 0
    out = tmp_path / "submission.asice"
    code, text, err = run(capsys, "--db", db, "bundle", "export", "-o", str(out), "--cert",
                          agency[:10], "--password-env", "PW")
    assert code == 0 and "خدمت بدون شناسه" in text, err
    reply = tmp_path / "reply.asice"
    code, text, err = run(capsys, "--db", _database(tmp_path / "centre.sqlite3"), "bundle",
                          "reply", str(out), "--issue-id", f"{uuid}:۱۱۰۳۱۱۶۴۸۸۸", "-o",
                          str(reply), "--cert", centre[:10], "--password-env", "PW")
    assert code == 0 and "۱۱۰۳۱۱۶۴۸۸۸" in text, err
    code, text, err = run(capsys, "--db", db, "bundle", "import", str(reply))
    assert code == 0, err
    code, text, _ = run(capsys, "--db", db, "proposals", "list", "--format", "json")
    (proposal,) = json.loads(text)
    assert proposal["status"] == "issued" and proposal["issued_service_id"] == "11031164888"
