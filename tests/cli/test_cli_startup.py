"""Starting the command line loads only what the command uses.

Each check runs the real entry point (``python -m govsvc_desktop``) in a fresh interpreter with
``-X importtime``, which lists every module the process imported.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govsvc_desktop import cli
from govsvc_desktop.store import migrate

ROOT = Path(__file__).parents[2]
HEAVY = ("alembic", "reportlab", "openpyxl", "cryptography", "PySide6", "sqlalchemy")


def run_entry(*args: str, home: Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """The command in a fresh interpreter, and the top-level packages it imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVSVC_HOME": str(home)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "govsvc_desktop", *args],
                          env=env, capture_output=True, text=True, timeout=120)
    modules = {m.group(1).split(".")[0]
               for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", done.stderr, re.MULTILINE)}
    assert "govsvc_desktop" in modules, done.stderr[-2000:]
    return done, modules


def test_version_imports_no_heavy_library(tmp_path: Path) -> None:
    from govsvc_desktop import __version__

    done, modules = run_entry("--version", home=tmp_path)
    assert done.returncode == 0
    assert done.stdout == f"govsvc-desktop {__version__}\n"
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))


def test_help_lists_every_noun_without_loading_the_nouns(tmp_path: Path) -> None:
    done, modules = run_entry("--help", home=tmp_path)
    assert done.returncode == 0
    for noun, (_module, help_text) in cli.NOUNS.items():
        assert re.search(rf"^\s+{noun}\b", done.stdout, re.MULTILINE), noun
        assert help_text.split()[0] in done.stdout
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))
    loaded = re.findall(r"\|\s*govsvc_desktop\.cli\.(\w+)\s*$", done.stderr, re.MULTILINE)
    assert set(loaded) <= {"context"}


def test_listing_an_up_to_date_database_loads_no_migrations_pdf_excel_crypto_or_qt(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite3"
    assert cli.main(["demo", "--db", str(db), "--services", "3"]) == 0
    done, modules = run_entry("--db", str(db), "passports", "list", home=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == 1 + 3
    assert "sqlalchemy" in modules
    assert modules.isdisjoint({"alembic", "reportlab", "openpyxl", "cryptography", "PySide6"})


def test_the_noun_table_matches_what_each_module_registers() -> None:
    """A noun a module adds but the table lacks could never be reached, and the reverse
    would fail only when typed."""
    by_module: dict[str, set[str]] = {}
    for noun, (module, _help) in cli.NOUNS.items():
        by_module.setdefault(module, set()).add(noun)
    for module, nouns in by_module.items():
        scratch = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"govsvc_desktop.cli.{module}").register(scratch)
        assert set(scratch.choices) == nouns, module


@pytest.mark.parametrize("noun", list(cli.NOUNS))
def test_each_noun_answers_help(noun: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([noun, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: govsvc-desktop {noun}")


def test_unknown_noun_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["passport", "list"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'passport'" in err and "'passports'" in err


def test_head_read_from_the_files_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate._config()).get_current_head()
