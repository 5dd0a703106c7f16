"""Shared mode when the server goes away mid-work: a clear message, nothing lost, resume."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.errors import StorageError
from tests.fixtures import full_passport
from tests.pg import ROOT, private_port, private_server


@pytest.fixture
def own_server() -> Iterator[tuple[str, dict[str, str]]]:
    with private_server(private_port(62)) as server:
        yield server


def test_killed_server_mid_save_loses_nothing(own_server: tuple[str, dict[str, str]]) -> None:
    url, env = own_server
    script = str(ROOT / "scripts" / "pg.sh")
    app = build(url)
    saved = app.passports.save(full_passport()).passport
    subprocess.run([script, "kill"], env=env, check=True)
    saved.description = "ویرایش در زمان قطع"
    with pytest.raises(StorageError, match="دسترسی نیست|کارگزار|ارتباط"):
        app.passports.save(saved)
    subprocess.run([script, "up"], env=env, check=True, capture_output=True)
    again = app.passports.get(saved.uuid)
    assert again.description == full_passport().description and again.revision == 1
    assert app.passports.save(saved).passport.revision == 2
    app.close()
