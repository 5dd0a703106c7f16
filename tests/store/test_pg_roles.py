"""Shared mode: the database itself refuses what a role may not do, not only the services."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.choices import Role, Status
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied
from govsvc_desktop.domain.passport.lifecycle import Action
from tests.approval_support import ALL_ROLES, HEAD_NAME, approve
from tests.fixtures import full_passport
from tests.pg import _admin_dsn, fresh_database, server_url


def _as(url: str, user: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{user}:secret-pass@{rest.split('@', 1)[1]}"


@pytest.fixture
def office() -> Iterator[tuple[str, str, str]]:
    """A shared database with a preparer and a head of agency (owner URL, preparer, head)."""
    tag = uuid.uuid4().hex[:8]
    prep, boss = f"prep_{tag}", f"boss_{tag}"
    with fresh_database() as url:
        admin = build(url, settings=config.Settings(user_name="مدیر", roles=ALL_ROLES))
        users = admin.users
        users.add(prep, "مریم تهیه‌کننده", frozenset({Role.PREPARER}), "secret-pass")
        users.add(boss, "رئیس اداره", frozenset({Role.HEAD, Role.REVIEWER}), "secret-pass")
        admin.passports.save(full_passport())
        admin.close()
        yield url, prep, boss
    with psycopg.connect(_admin_dsn(server_url()), autocommit=True) as conn:
        for role in (prep, boss):
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def test_roles_come_from_the_server(office: tuple[str, str, str]) -> None:
    url, prep, boss = office
    app = build(_as(url, prep))
    assert app.actor.roles == frozenset({Role.PREPARER})
    assert app.actor.name == "مریم تهیه‌کننده" and app.actor.username == prep
    app.close()


def test_preparer_cannot_approve_through_the_services(office: tuple[str, str, str]) -> None:
    url, prep, _ = office
    app = build(_as(url, prep))
    uuid_ = full_passport().uuid
    with pytest.raises(PermissionDenied):
        app.passports.transition(uuid_, Action.SUBMIT_REVIEW)
    app.close()


def test_preparer_cannot_approve_or_rewrite_audit_with_raw_sql(office: tuple[str, str, str]) -> None:
    url, prep, _ = office
    app = build(_as(url, prep))
    uuid_ = full_passport().uuid
    attacks = [
        "UPDATE passports SET status='approved', "
        "data=jsonb_set(data::jsonb, '{status}', '\"approved\"')::text WHERE uuid=:u",
        "UPDATE passports SET status='approved' WHERE uuid=:u",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET actor='someone else'",
    ]
    for sql in attacks:
        with app.engine.connect() as conn, pytest.raises(ProgrammingError) as info:
            conn.execute(text(sql), {"u": uuid_})
            conn.commit()
        assert isinstance(info.value.orig, psycopg.errors.InsufficientPrivilege), sql  # type: ignore[attr-defined]
    assert app.passports.get(uuid_).status is Status.DRAFT
    # What a preparer may do still works: editing a draft.
    p = app.passports.get(uuid_)
    p.description = "ویرایش تهیه‌کننده"
    app.passports.save(p)
    app.close()


def test_head_approves_and_the_audit_names_the_real_user(office: tuple[str, str, str]) -> None:
    url, prep, boss = office
    app = build(_as(url, boss))
    uuid_ = full_passport().uuid
    approved = approve(app, uuid_)
    # the approval carries the name on the head's certificate; the audit names the login
    assert approved.status is Status.APPROVED and approved.approved_by == HEAD_NAME
    with app.engine.connect() as conn:
        users = {r[0] for r in conn.execute(text(
            "SELECT username FROM audit_log WHERE action='approve'"))}
    assert users == {boss}
    app.close()


def test_users_are_managed_only_by_an_administrator_in_shared_mode(office: tuple[str, str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    url, prep, _ = office
    app = build(_as(url, prep))
    with pytest.raises(PermissionDenied):
        app.users.list()
    app.close()
    local = build(str(tmp_path / "local.db"))
    with pytest.raises(GovsvcError, match="حالت اشتراکی"):
        local.users.list()
    local.close()
