"""The rules table: one place, documented as it is, and the moves it permits."""

from __future__ import annotations

from pathlib import Path

import pytest

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import PermissionDenied

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def test_the_documented_table_is_the_table() -> None:
    text = DOC.read_text("utf-8")
    for row in rules.table_rows():
        assert "| " + " | ".join(row) + " |" in text, row


def test_approved_content_moves_only_by_renewal_or_a_verified_approval() -> None:
    everyone = frozenset(Role)
    with pytest.raises(PermissionDenied, match="تمدید"):
        rules.authorise(rules.PASSPORT, everyone, "approved", "approved", frozenset({"fees"}))
    with pytest.raises(PermissionDenied):
        rules.authorise(rules.PASSPORT, everyone, "sent", "draft", frozenset({"fees"}))
    assert rules.authorise(rules.PASSPORT, frozenset({Role.PREPARER}), "approved", "draft",
                           frozenset(), rules.RENEW).action == rules.RENEW
    with pytest.raises(PermissionDenied, match="رئیس دستگاه"):
        rules.authorise(rules.PASSPORT, frozenset({Role.PREPARER}), rules.NEW, "approved",
                        frozenset({"fees"}), rules.IMPORT_APPROVED)


def test_an_administrator_does_not_approve() -> None:
    with pytest.raises(PermissionDenied, match="رئیس دستگاه"):
        rules.authorise(rules.PASSPORT, frozenset({Role.ADMIN}), "reviewed", "approved")
    assert rules.authorise(rules.PASSPORT, frozenset({Role.HEAD}), "reviewed", "approved")
    assert rules.holds(frozenset({Role.ADMIN}), frozenset({Role.PREPARER}))


def test_a_new_record_is_created_only_as_a_draft() -> None:
    with pytest.raises(PermissionDenied):
        rules.authorise(rules.PASSPORT, frozenset(Role), rules.NEW, "accepted")
    with pytest.raises(PermissionDenied):
        rules.authorise(rules.PLAN, frozenset(Role), rules.NEW, "approved")
