"""The same refusals on the shared server: bad values never reach PostgreSQL, so its own
errors (in English) are never what a person reads, and `demo` never prints the password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import make_url

from govsvc_desktop.bootstrap import App
from govsvc_desktop.domain.errors import ValidationError
from govsvc_desktop.services import passport_json
from tests.engines import app  # noqa: F401  (both engines)
from tests.hostile.conftest import run
from tests.pg import fresh_database


@pytest.mark.parametrize("record", [
    {"uuid": "x" * 5000, "title": "خدمت"},
    {"uuid": "6f1c2b9e-3d4a-4c8e-9f10-000000000001", "title": "خدمت", "recipients_count": 2**64},
    {"uuid": "6f1c2b9e-3d4a-4c8e-9f10-000000000001", "title": "خدمت", "revision": 2**63},
])
def test_values_out_of_range_never_reach_the_database(app: App, record: dict[str, object]) -> None:  # noqa: F811
    document = json.dumps({"format": "govsvc.passports", "format_version": 1, "passports": [record]})
    with pytest.raises(ValidationError) as refused:
        passport_json.import_passports(app.passports, passport_json.parse_document(document),
                                       dry_run=True)
    assert "رکورد ۱" in refused.value.message_fa
    assert app.passports.count() == 0


def test_demo_does_not_print_the_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with fresh_database() as url:
        password = make_url(url).password
        assert password
        outcome = run(capsys, "demo", "--db", url, "--services", "2")
    assert outcome.code == 0, outcome.err
    assert f":{password}@" not in outcome.out + outcome.err
    assert ":***@" in outcome.out
