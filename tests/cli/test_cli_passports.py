import json
import subprocess
from pathlib import Path

import pytest

from govsvc_desktop.cli import main
from govsvc_desktop.domain.codec import to_dict
from tests.approval_support import HEAD_NAME, PASSWORD
from tests.fixtures import full_passport


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_is_deterministic_for_a_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dumps = []
    for name in ("a", "b"):
        db = str(tmp_path / f"{name}.db")
        assert run(capsys, "demo", "--db", db, "--services", "25", "--seed", "5")[0] == 0
        code, out, _ = run(capsys, "--db", db, "passports", "list", "--format", "json")
        assert code == 0
        rows = json.loads(out)
        for r in rows:
            r.pop("updated_at"), r.pop("validity"), r.pop("valid_until")
        dumps.append(rows)
    assert dumps[0] == dumps[1] and len(dumps[0]) == 25


def test_list_search_show_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    data = {"format": "govsvc.passports", "format_version": 1, "passports": [to_dict(full_passport())]}
    (tmp_path / "in.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert run(capsys, "--db", db, "passports", "import", str(tmp_path / "in.json"))[0] == 0
    code, out, _ = run(capsys, "--db", db, "passports", "list", "--search", "چاه کشاورزي")
    assert code == 0 and "صدور پروانه بهره‌برداری" in out
    code, out, _ = run(capsys, "--db", db, "passports", "show", "11031164001", "--format", "json")
    assert json.loads(out)["title"] == full_passport().title
    code, out, _ = run(capsys, "--db", db, "passports", "validate", "11031164001")
    assert code == 0 and "آماده تأیید" in out


def test_errors_are_persian_and_exit_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    code, _, err = run(capsys, "--db", db, "passports", "show", "nope")
    assert code == 3 and "یافت نشد" in err and "Traceback" not in err
    (tmp_path / "bad.json").write_text('{"format": "govsvc.passports", "format_version": 1, '
                                       '"passports": [{"title": "x", "fees": [{"sheba": "IR1"}]}]}')
    code, _, err = run(capsys, "--db", db, "passports", "import", str(tmp_path / "bad.json"))
    assert code == 2 and "شماره شبا" in err and "رکورد ۱" in err
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "--db", str(corrupt), "passports", "list")
    assert code == 6 and "SQLite نیست" in err and "چیزی در آن تغییر نداد" in err


def test_life_cycle_commands_and_set(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "e.db")
    data = {"format": "govsvc.passports", "format_version": 1, "passports": [to_dict(full_passport())]}
    (tmp_path / "in.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, "--db", db, "passports", "import", str(tmp_path / "in.json"))
    assert code == 0 and "پیش‌نویس" in out, "the report says the file's stamps were not taken"
    assert run(capsys, "--db", db, "passports", "set", "11031164001", "recipients_count=۱۲٬۰۰۰",
               "title=عنوان تازه")[0] == 0
    # a new installation holds the preparer's role only: review is refused until set
    code, _, err = run(capsys, "--db", db, "passports", "review", "11031164001")
    assert code == 5 and "بررسی‌کننده" in err
    assert run(capsys, "settings", "set", "--name", "زهرا کریمی", "--role", "preparer",
               "--role", "reviewer", "--role", "head")[0] == 0
    assert run(capsys, "--db", db, "passports", "review", "11031164001")[0] == 0
    # approval is the head's signature: a test identity made and kept with cert commands
    monkeypatch.setenv("P12_PASSWORD", PASSWORD)
    p12 = tmp_path / "head.p12"
    assert run(capsys, "cert", "new-test", "--name", HEAD_NAME, "--org", "سازمان آزمایشی",
               "-o", str(p12), "--password-env", "P12_PASSWORD")[0] == 0
    assert run(capsys, "cert", "import", str(p12), "--password-env", "P12_PASSWORD")[0] == 0
    code, _, err = run(capsys, "--db", db, "passports", "approve", "11031164001")
    assert code != 0 and "--password-env" in err or "گذرواژه" in err
    code, out, _ = run(capsys, "--db", db, "passports", "approve", "11031164001",
                       "--password-env", "P12_PASSWORD")
    assert code == 0 and HEAD_NAME in out, out
    code, out, _ = run(capsys, "--db", db, "passports", "history", "11031164001")
    assert "recipients_count" in out and "approve" in out
    # the approval verifies here once the test CA is trusted, and openssl agrees
    statement, signature = tmp_path / "statement.json", tmp_path / "approval.der"
    code, out, _ = run(capsys, "--db", db, "passports", "approval", "11031164001",
                       "--statement-out", str(statement), "--signature-out", str(signature))
    assert code == 1 and "مورد اعتماد" in out, "not trusted until its CA is"
    ca = tmp_path / "ca.pem"
    assert run(capsys, "cert", "export-ca", "-o", str(ca))[0] == 0
    assert run(capsys, "cert", "trust", str(ca))[0] == 0
    code, out, _ = run(capsys, "--db", db, "passports", "approval", "11031164001")
    assert code == 0 and HEAD_NAME in out and "چکیدهٔ تأیید" in out
    verified = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(signature),
         "-content", str(statement), "-CAfile", str(ca), "-purpose", "any", "-out", "/dev/null"],
        capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    assert json.loads(statement.read_text("utf-8"))["approved_by"] == HEAD_NAME
    code, _, err = run(capsys, "--db", db, "passports", "set", "11031164001", "title=دوباره")
    assert code == 5 and "تمدید" in err
    assert run(capsys, "settings", "set", "--role", "reviewer")[0] == 0
    code, _, err = run(capsys, "--db", db, "passports", "renew", "11031164001")
    assert code == 5 and "تمدید" in err, "renewal checks the role"
    assert run(capsys, "settings", "set", "--role", "preparer")[0] == 0
    assert run(capsys, "--db", db, "passports", "renew", "11031164001")[0] == 0


def test_db_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "f.db")
    run(capsys, "demo", "--db", db, "--services", "10")
    assert run(capsys, "--db", db, "db", "check")[0] == 0
    assert run(capsys, "--db", db, "db", "upgrade")[0] == 0
    assert run(capsys, "--db", db, "db", "backup", "-o", str(tmp_path / "b.db"))[0] == 0
    code, out, _ = run(capsys, "--db", str(tmp_path / "b.db"), "passports", "list", "--format", "json")
    assert len(json.loads(out)) == 10


def test_table_shows_a_page_and_says_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from govsvc_desktop.cli import passports

    db = str(tmp_path / "p.db")
    assert run(capsys, "demo", "--db", db, "--services", "12")[0] == 0
    monkeypatch.setattr(passports, "TABLE_PAGE", 5)
    code, out, err = run(capsys, "--db", db, "passports", "list")
    assert code == 0 and len(out.splitlines()) == 1 + 5
    assert "۵ شناسنامه از ۱۲ نشان داده شد" in err and "--all" in err
    code, out, err = run(capsys, "--db", db, "passports", "list", "--all")
    assert len(out.splitlines()) == 1 + 12 and err == ""
    code, out, err = run(capsys, "--db", db, "passports", "list", "--limit", "7")
    assert len(out.splitlines()) == 1 + 7 and err == ""
    code, out, err = run(capsys, "--db", db, "passports", "list", "--format", "json")
    assert len(json.loads(out)) == 12 and err == ""
