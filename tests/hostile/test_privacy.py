"""Nothing secret in any output or log, the user's files readable by their owner only, and a
program that still starts (and says why in Persian) when its folders cannot be written."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from govsvc_desktop import config, logsetup
from govsvc_desktop.privacy import mask
from tests.hostile.conftest import PERSIAN

ROOT = Path(__file__).parents[2]


def _cli(home: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOVSVC_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("GOVSVC_DB", None)
    return subprocess.run([sys.executable, "-m", "govsvc_desktop", *args], env=env, text=True,
                          capture_output=True, timeout=300, check=False, **kwargs)  # type: ignore[call-overload]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_start_creates_everything_for_its_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "data"
    result = _cli(home, "demo", "--services", "3")
    assert result.returncode == 0, result.stderr
    result = _cli(home, "cert", "new-test", "--name", "مریم احمدی", "--org", "اداره",
                  "-o", str(tmp_path / "me.p12"), input="")
    created = [home, home / "logs", home / "logs" / "govsvc-desktop.log",
               home / "govsvc.sqlite3"]
    created += [p for p in home.rglob("*") if p not in created]
    assert len(created) >= 4
    for path in created:
        expected = 0o700 if path.is_dir() else 0o600
        assert _mode(path) & 0o077 == 0, (path, oct(_mode(path)))
        assert _mode(path) & expected == expected, (path, oct(_mode(path)))


def test_settings_and_drafts_are_written_for_the_owner_only(tmp_path: Path) -> None:
    config.save_settings(config.Settings(user_name="زهرا کریمی"))
    assert _mode(config.settings_path()) == 0o600
    assert _mode(config.data_dir()) == 0o700


def test_urls_are_masked() -> None:
    url = "postgresql+psycopg://zkarimi:S3cr%23t@db.office:5432/govsvc"
    assert mask(url) == "postgresql+psycopg://zkarimi:***@db.office:5432/govsvc"
    assert mask(f"خطا در {url} رخ داد") == "خطا در postgresql+psycopg://zkarimi:***@db.office:5432/govsvc رخ داد"
    assert mask("/home/user/govsvc.sqlite3") == "/home/user/govsvc.sqlite3"


def test_the_log_never_holds_a_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logsetup, "_configured", False)
    root = logging.getLogger()
    handlers = list(root.handlers)
    logsetup.setup_logging()
    try:
        try:
            raise RuntimeError("cannot reach postgresql://admin:TopSecret@server/govsvc")
        except RuntimeError:
            logging.getLogger("test").exception("failed for %s", "postgresql://a:Hidden@h/db")
        for handler in root.handlers:
            handler.flush()
        text = (config.log_dir() / logsetup.LOG_NAME).read_text("utf-8")
    finally:
        for handler in root.handlers[len(handlers):]:
            root.removeHandler(handler)
            handler.close()
    assert "failed for postgresql://a:***@h/db" in text and "admin:***@server" in text
    assert "TopSecret" not in text and "Hidden" not in text
    assert _mode(config.log_dir() / logsetup.LOG_NAME) == 0o600


def test_version_and_a_persian_reason_when_the_data_folder_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    home = blocker / "data"  # a folder inside a file can never be created
    result = _cli(home, "--version")
    assert result.returncode == 0 and "govsvc-desktop" in result.stdout
    assert result.stderr == ""
    result = _cli(home, "--db", str(tmp_path / "x.db"), "passports", "list")
    assert result.returncode == 6
    assert "Traceback" not in result.stderr and PERSIAN.search(result.stderr)
    assert "گزارش کار" in result.stderr and str(home) in result.stderr


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    home = tmp_path / "data"
    # more rows than a pipe holds (64 KiB), so the writer always meets the closed end
    assert _cli(home, "demo", "--services", "700").returncode == 0
    env = {**os.environ, "GOVSVC_HOME": str(home), "PYTHONPATH": str(ROOT)}
    for _ in range(3):
        process = subprocess.Popen([sys.executable, "-m", "govsvc_desktop", "passports", "list", "--all"],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # what `| head -1` does
        err = process.stderr.read().decode()
        assert process.wait(timeout=120) == 0, err
        assert err == ""
