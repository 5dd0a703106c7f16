import json
from pathlib import Path

import jsonschema
import pytest

from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.choices import Status
from govsvc_desktop.domain.codec import from_dict, to_dict
from govsvc_desktop.domain.errors import GovsvcError, ValidationError
from govsvc_desktop.domain.passport.lifecycle import as_new_draft
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.services import passport_json
from tests.fixtures import full_passport

SCHEMA_FILE = Path(__file__).parents[2] / "schemas" / "passports.schema.json"


def test_schema_file_in_repository_is_current() -> None:
    assert json.loads(SCHEMA_FILE.read_text("utf-8")) == passport_json.document_schema()


def test_export_import_export_is_identical_and_valid_against_schema(app: App, tmp_path: Path) -> None:
    app.passports.save(full_passport())
    demo.populate(app.uow, 40, seed=7)
    first = passport_json.dumps(passport_json.export_document(app.passports))
    jsonschema.validate(json.loads(first), passport_json.document_schema())
    other = build(str(tmp_path / "empty.db"))
    records = passport_json.parse_document(first)
    report = passport_json.import_passports(other.passports, records)
    assert report.created == 41
    # demo approvals carry no head's signature: those records arrive as drafts, and say so
    stamped = [r for r in records if r.status is not Status.DRAFT or r.approved_by]
    assert report.drafted == len(stamped) > 0 and len(report.notes) == len(stamped)
    second = passport_json.dumps(passport_json.export_document(other.passports))
    document = json.loads(first)
    document["passports"] = [to_dict(as_new_draft(from_dict(ServicePassport, d)))
                             for d in document["passports"]]
    assert second == passport_json.dumps(document)
    other.close()


def test_import_is_all_or_nothing_and_names_every_bad_record(app: App) -> None:
    good = to_dict(full_passport())
    bad1 = {**to_dict(full_passport("aaaaaaaa-0000-4000-8000-000000000001")), "title": "",
            "direct_cost_rials": -1}
    bad2 = {"title": "ناقص", "nature": "نامعلوم"}
    text = json.dumps({"format": "govsvc.passports", "format_version": 1,
                       "passports": [good, bad1, bad2]}, ensure_ascii=False)
    with pytest.raises(ValidationError) as info:
        passport_json.parse_document(text)
    records = {p.record for p in info.value.problems}
    assert records == {"رکورد ۲", "رکورد ۳ («ناقص»)"}
    assert {p.field_path for p in info.value.problems} == {"title", "direct_cost_rials", "nature"}
    assert app.passports.count() == 0


@pytest.mark.parametrize(("text", "match"), [
    ("not json", "JSON"),
    ('{"format": "other"}', "format"),
    ('{"format": "govsvc.passports", "format_version": 99, "passports": []}', "نسخه"),
])
def test_foreign_or_newer_files_are_refused(text: str, match: str) -> None:
    with pytest.raises(GovsvcError, match=match):
        passport_json.parse_document(text)


def test_record_changed_here_after_the_file_is_not_overwritten(app: App) -> None:
    saved = app.passports.save(full_passport()).passport
    exported = passport_json.dumps(passport_json.export_document(app.passports))
    saved.title = "تغییر محلی"
    app.passports.save(saved)
    with pytest.raises(ValidationError, match="تغییر کرده"):
        passport_json.import_passports(app.passports, passport_json.parse_document(exported))
    assert app.passports.get(saved.uuid).title == "تغییر محلی"


def test_cancelled_import_writes_nothing(app: App) -> None:
    records = list(demo.generate(30, seed=2))
    with pytest.raises(GovsvcError, match="لغو"):
        passport_json.import_passports(app.passports, records, progress=lambda done, total: done < 10)
    assert app.passports.count() == 0
