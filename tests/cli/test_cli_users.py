import uuid

import psycopg
import pytest

from govsvc_desktop.cli import main
from tests.pg import _admin_dsn, fresh_database, server_url


def test_users_commands_in_shared_mode(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"cli_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("NEW_PASSWORD", "long-enough-secret")
    try:
        with fresh_database() as url:
            assert main(["--db", url, "users", "add", name, "--name", "زهرا کریمی", "--role", "preparer",
                         "--role", "بررسی‌کننده", "--password-env", "NEW_PASSWORD"]) == 0
            assert main(["--db", url, "users", "list"]) == 0
            out = capsys.readouterr().out
            assert name in out and "زهرا کریمی" in out and "بررسی‌کننده" in out
            assert main(["--db", url, "users", "set-roles", name, "--role", "head"]) == 0
            assert main(["--db", url, "users", "disable", name]) == 0
            main(["--db", url, "users", "list"])
            line = [ln for ln in capsys.readouterr().out.splitlines() if name in ln][0]
            assert "رئیس دستگاه" in line and "خیر" in line
            assert main(["--db", url, "users", "add", "Bad-Name", "--name", "x", "--role", "head",
                         "--password-env", "NEW_PASSWORD"]) == 2
            assert "مجاز نیست" in capsys.readouterr().err
    finally:
        with psycopg.connect(_admin_dsn(server_url()), autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")


def test_users_refused_in_single_user_mode(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(tmp_path / "x.db"), "users", "list"]) == 2
    assert "حالت اشتراکی" in capsys.readouterr().err
