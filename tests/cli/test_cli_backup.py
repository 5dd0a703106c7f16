"""`db backup|restore|backups` and `passports attach|attachments|attachment|rename-attachment|
detach` from the command line, with their exit codes."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from govsvc_desktop.cli import main
from tests.bundle_support import small_pdf


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM passports").fetchone()[0])
    finally:
        conn.close()


def test_backup_and_restore_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "office.sqlite3")
    assert run(capsys, "--db", db, "demo", "--services", "8")[0] == 0
    assert run(capsys, "--db", db, "db", "backups")[0] == 1  # no backup yet
    stick = tmp_path / "usb"
    stick.mkdir()
    code, out, _ = run(capsys, "--db", db, "db", "backup", "-o", str(stick))
    assert code == 0 and "بررسی شد" in out
    (copy,) = stick.glob("govsvc-*.sqlite3")
    code, out, _ = run(capsys, "--db", db, "db", "backups")
    assert code == 0 and str(copy) in out

    other = str(tmp_path / "other.sqlite3")
    assert run(capsys, "--db", other, "demo", "--services", "3")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "--db", other, "db", "restore", str(copy))
    assert code == 2 and "--yes" in err and _count(Path(other)) == 3
    code, out, _ = run(capsys, "--db", other, "db", "restore", str(copy), "--yes")
    assert code == 0 and "before-restore" in out and _count(Path(other)) == 8

    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database")
    code, _, err = run(capsys, "--db", other, "db", "restore", str(bad), "--yes")
    assert code == 6 and "SQLite" in err and _count(Path(other)) == 8


def test_attachments_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "office.sqlite3")
    assert run(capsys, "--db", db, "demo", "--services", "2")[0] == 0
    code, out, _ = run(capsys, "--db", db, "passports", "list", "--format", "json")
    import json

    uuid = json.loads(out)[0]["uuid"]
    form = tmp_path / "فرم امضاشده.pdf"
    form.write_bytes(small_pdf("signed"))
    program = tmp_path / "setup.pdf"
    program.write_bytes(b"MZ\x90\x00")
    assert run(capsys, "--db", db, "passports", "attach", uuid, str(form))[0] == 0
    code, _, err = run(capsys, "--db", db, "passports", "attach", uuid, str(program))
    assert code == 2 and "media_type" in err
    code, out, _ = run(capsys, "--db", db, "passports", "attachments", uuid, "--format", "json")
    assert [a["name"] for a in json.loads(out)] == ["فرم امضاشده.pdf"]
    assert run(capsys, "--db", db, "passports", "rename-attachment", uuid, "فرم امضاشده.pdf",
               "فرم.pdf")[0] == 0
    out_file = tmp_path / "out.pdf"
    assert run(capsys, "--db", db, "passports", "attachment", uuid, "فرم.pdf", "-o",
               str(out_file))[0] == 0
    assert out_file.read_bytes() == form.read_bytes()
    assert run(capsys, "--db", db, "passports", "detach", uuid, "فرم.pdf")[0] == 0
    code, _, err = run(capsys, "--db", db, "passports", "detach", uuid, "فرم.pdf")
    assert code == 3
    pdf = tmp_path / "form.pdf"
    assert run(capsys, "--db", db, "pdf", "passport", uuid, "-o", str(pdf))[0] == 0
