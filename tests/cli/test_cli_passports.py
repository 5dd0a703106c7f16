import json
from pathlib import Path

import pytest

from govsvc_desktop.cli import main
from govsvc_desktop.domain.codec import to_dict
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


def test_life_cycle_commands_and_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.db")
    data = {"format": "govsvc.passports", "format_version": 1, "passports": [to_dict(full_passport())]}
    (tmp_path / "in.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    run(capsys, "--db", db, "passports", "import", str(tmp_path / "in.json"))
    assert run(capsys, "--db", db, "passports", "set", "11031164001", "recipients_count=۱۲٬۰۰۰",
               "title=عنوان تازه")[0] == 0
    assert run(capsys, "--db", db, "passports", "review", "11031164001")[0] == 0
    code, out, _ = run(capsys, "--db", db, "passports", "approve", "11031164001")
    assert code == 0 and "تأییدشده" in out
    code, out, _ = run(capsys, "--db", db, "passports", "history", "11031164001")
    assert "recipients_count" in out and "approve" in out
    code, _, err = run(capsys, "--db", db, "passports", "set", "11031164001", "title=دوباره")
    assert code == 2 and "تمدید" in err
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
