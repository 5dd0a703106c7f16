"""What may be published: every passport field is either published or withheld for a stated
reason, the documentation maps each one, and the public copy drops everything else."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from govsvc_desktop.domain.agency.catalogue import (
    PUBLISHED_FIELDS,
    WITHHELD_FIELDS,
    LeftOut,
    build_catalogue,
    classify,
    public_copy,
)
from govsvc_desktop.domain.agency.cycle import ChainLink, ServiceChain
from govsvc_desktop.domain.choices import RecordKind, Status
from govsvc_desktop.domain.passport.model import ServicePassport
from tests.fixtures import full_passport

DOC = Path(__file__).parents[2] / "docs" / "cpsv-ap.md"
TODAY = dt.date(2026, 11, 25)


def test_every_field_is_published_or_withheld_and_documented() -> None:
    names = [f.name for f in dataclasses.fields(ServicePassport)]
    assert set(PUBLISHED_FIELDS).isdisjoint(WITHHELD_FIELDS)
    assert set(PUBLISHED_FIELDS) | set(WITHHELD_FIELDS) == set(names)
    table = [line for line in DOC.read_text("utf-8").splitlines() if line.startswith("| `")]
    documented = {name.strip("`") for line in table
                  for name in line.split("|")[1].replace(",", " ").split()}
    assert set(names) <= documented, set(names) - documented


def test_the_public_copy_holds_no_person() -> None:
    p = full_passport()
    copy = public_copy(p)
    for name in ("prepared_by", "preparer_national_id", "reviewed_by", "approved_by",
                 "centre_comment", "benefits", "obstacles"):
        assert getattr(copy, name) == "" and getattr(p, name) != ""
    assert copy.cost_price_rials is None and p.cost_price_rials is not None
    assert [(u.name, u.unit_id, u.post_id, u.employee_id) for u in copy.org_units] == [
        ("اداره منابع آب شهرستان", "U10023", "", "")]
    assert copy.fees == p.fees and copy.documents == p.documents


def test_who_is_left_out_and_why() -> None:
    approved = dataclasses.replace(full_passport("a"), status=Status.APPROVED,
                                   approved_on="2026-06-01")
    expired = dataclasses.replace(full_passport("b"), status=Status.SENT, approved_on="2025-06-01")
    draft = dataclasses.replace(full_passport("c"), status=Status.DRAFT)
    returned = dataclasses.replace(full_passport("d"), status=Status.RETURNED)
    task = dataclasses.replace(approved, uuid="e", kind=RecordKind.TASK)
    assert classify(approved, TODAY) is None
    reasons = [getattr(classify(p, TODAY), "reason", None) for p in (expired, draft, returned, task)]
    assert reasons == [LeftOut.EXPIRED, LeftOut.NOT_APPROVED, LeftOut.NOT_APPROVED, LeftOut.TASK]
    line = classify(expired, TODAY)
    assert line is not None and "۱۴۰۵/۰۳/۱۰" in line.describe()  # valid until the day before the anniversary, Jalali


def test_pages_are_named_by_unique_service_ids_and_chains_become_dependencies() -> None:
    a = dataclasses.replace(full_passport("aaaaaaaa-0000-4000-8000-000000000001"),
                            status=Status.ACCEPTED, approved_on="2026-06-01")
    b = dataclasses.replace(a, uuid="bbbbbbbb-0000-4000-8000-000000000002")
    c = dataclasses.replace(a, uuid="cccccccc-0000-4000-8000-000000000003", service_id="22220000")
    chain = ServiceChain(title="زنجیره", links=[ChainLink("ثبت احوال", "", "استعلام هویت"),
                                                   ChainLink("مالیات", "33330000", "گواهی مالیاتی"),
                                                   ChainLink("این دستگاه", "22220000", "خدمت")])
    catalogue = build_catalogue([a, b, c], TODAY, title="t", publisher="p", chains=[chain])
    pages = [s.page for s in catalogue.services]
    assert pages == [f"11031164001-{a.uuid}.html", f"11031164001-{b.uuid}.html", "22220000.html"]
    chained = [d for d in catalogue.services[2].depends_on if d.via == "chain"]
    assert [(d.agency, d.title, d.service_id) for d in chained] == [
        ("ثبت احوال", "استعلام هویت", ""), ("مالیات", "گواهی مالیاتی", "33330000")]
