"""Shared mode, plain SQL, each role: the database enforces the rules table the services use,
deletes only what may go, writes the audit only through its own functions with the real
login, and leaves an audit row for every change even when made by hand."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from govsvc_desktop import config
from govsvc_desktop.bootstrap import App, build
from govsvc_desktop.domain.choices import Role, Status
from tests.approval_support import ALL_ROLES, approve
from tests.bundle_support import passport
from tests.pg import _admin_dsn, fresh_database, server_url

PEOPLE = {
    "prep": frozenset({Role.PREPARER}),
    "rev": frozenset({Role.REVIEWER}),
    "head": frozenset({Role.HEAD}),
    "admin": frozenset({Role.ADMIN}),
}


def _as(url: str, user: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{user}:secret-pass@{rest.split('@', 1)[1]}"


@pytest.fixture
def office() -> Iterator[tuple[str, dict[str, str], dict[str, str]]]:
    """A shared database with one login per role and records in known states:
    (owner URL, role → login, state → passport UUID)."""
    tag = uuid.uuid4().hex[:8]
    logins = {name: f"{name}_{tag}" for name in PEOPLE}
    with fresh_database() as url:
        owner = build(url, settings=config.Settings(user_name="مدیر", roles=ALL_ROLES))
        users = owner.users
        for name, roles in PEOPLE.items():
            users.add(logins[name], f"کاربر {name}", roles, "secret-pass")
        made = {state: owner.passports.save(passport(i)).passport.uuid
                for i, state in enumerate(("draft", "approved", "accepted"), start=1)}
        for state in ("approved", "accepted"):
            approve(owner, made[state])
        owner.passports.transition(made["accepted"], "mark_sent")
        owner.passports.transition(made["accepted"], "accept")
        owner.close()
        yield url, logins, made
    with psycopg.connect(_admin_dsn(server_url()), autocommit=True) as conn:
        for login in logins.values():
            conn.execute(f"DROP ROLE IF EXISTS {login}")


def _try(engine: Engine, sql: str, **params: object) -> Exception | None:
    """Runs one statement in its own transaction and commits; the error, if refused."""
    try:
        with engine.connect() as conn:
            conn.execute(text(sql), params)
            conn.commit()
    except DBAPIError as exc:  # the server's refusal (a trigger, a grant); anything else fails the test
        return exc
    return None


def _refused(engine: Engine, sql: str, **params: object) -> None:
    err = _try(engine, sql, **params)
    assert err is not None, (sql, params)
    assert isinstance(getattr(err, "orig", None), psycopg.errors.InsufficientPrivilege), err


def _status(owner: App, uid: str) -> tuple[Status, int]:
    p = owner.passports.get(uid)
    return p.status, p.fees[0].amount_rials or 0


FEE = ("UPDATE passports SET data = jsonb_set(data::jsonb, '{fees,0,amount_rials}', '777777777')::text "
       "WHERE uuid = :u")
SENT_BY_HAND = ("UPDATE passports SET status = 'sent', data = jsonb_set(jsonb_set(data::jsonb, "
                "'{status}', '\"sent\"'), '{approved_by}', '\"ساختگی\"')::text WHERE uuid = :u")
FAKE_AUDIT = ("INSERT INTO audit_log (at, actor, username, record_type, record_uuid, revision, "
              "action, field_path, old_value, new_value) VALUES ('2026-01-01', 'رئیس', 'head', "
              "'passport', :u, 99, 'approve', '', '', '')")


@pytest.mark.parametrize("who", list(PEOPLE))
def test_plain_sql_meets_the_same_rules(office: tuple[str, dict[str, str], dict[str, str]],
                                        who: str) -> None:
    url, logins, made = office
    engine = create_engine(_as(url, logins[who]))
    owner = build(url, upgrade=False)
    before = {state: _status(owner, uid) for state, uid in made.items()}
    # approved and accepted content changes on no path; the roles that may take an approved
    # record with a verified signature (head, administrator) are the exception the database
    # cannot tell apart, and there the audit row and the broken signature show it
    for state in ("approved", "accepted"):
        if who in ("head", "admin") and state == "approved":
            continue
        _refused(engine, FEE, u=made[state])
        _refused(engine, f"DELETE FROM passports WHERE uuid = '{made[state]}'")
    # a draft cannot be made sent with a made-up approver
    _refused(engine, SENT_BY_HAND, u=made["draft"])
    # the audit trail is written by the database only
    _refused(engine, FAKE_AUDIT, u=made["draft"])
    _refused(engine, "UPDATE audit_log SET actor = 'دیگری'")
    _refused(engine, "DELETE FROM audit_log")
    assert {s: _status(owner, u) for s, u in made.items()} == before
    # the one forbidden move per role that the services refuse too
    if who in ("prep", "head"):
        _refused(engine, "UPDATE passports SET status = 'reviewed', data = jsonb_set(data::jsonb, "
                 "'{status}', '\"reviewed\"')::text WHERE uuid = :u", u=made["draft"])
    engine.dispose()
    owner.close()


def test_every_change_by_sql_leaves_an_audit_row_with_the_real_login(
        office: tuple[str, dict[str, str], dict[str, str]]) -> None:
    url, logins, made = office
    engine = create_engine(_as(url, logins["prep"]))
    assert _try(engine, "UPDATE passports SET data = jsonb_set(data::jsonb, '{benefits}', "
                        "'\"دستی\"')::text WHERE uuid = :u", u=made["draft"]) is None
    owner = build(url, upgrade=False)
    with owner.engine.connect() as conn:
        rows = conn.execute(text("SELECT username, action, new_value FROM audit_log "
                                 "WHERE record_uuid = :u AND action LIKE 'sql_%'"),
                            {"u": made["draft"]}).all()
    assert [(r[0], r[1]) for r in rows] == [(logins["prep"], "sql_update")]
    assert "benefits" in rows[0][2]
    # audit rows written through the function carry the login, whatever name is claimed
    with engine.connect() as conn:
        conn.execute(text("SELECT govsvc_audit_write(CAST(:rows AS jsonb))"), {"rows": (
            '[{"at": "2026-01-01", "actor": "رئیس اداره", "username": "head", '
            f'"record_type": "passport", "record_uuid": "{made["draft"]}", "revision": 50, '
            '"action": "note"}]')})
        conn.commit()
    with owner.engine.connect() as conn:
        (user, actor), = conn.execute(text(
            "SELECT username, actor FROM audit_log WHERE action = 'note'")).all()
    assert user == logins["prep"] and actor != "رئیس اداره"
    engine.dispose()
    owner.close()


def test_only_never_approved_drafts_go_and_only_by_their_preparer_or_an_administrator(
        office: tuple[str, dict[str, str], dict[str, str]]) -> None:
    url, logins, made = office
    prep = build(_as(url, logins["prep"]))
    mine = prep.passports.save(passport(9)).passport.uuid
    other = create_engine(_as(url, logins["rev"]))
    _refused(other, f"DELETE FROM passports WHERE uuid = '{mine}'")
    admin = create_engine(_as(url, logins["admin"]))
    _refused(admin, f"DELETE FROM passports WHERE uuid = '{made['approved']}'")
    prep_engine = create_engine(_as(url, logins["prep"]))
    _refused(prep_engine, f"DELETE FROM passports WHERE uuid = '{made['draft']}'")  # the owner's
    prep.passports.delete(mine)
    assert _try(admin, f"DELETE FROM passports WHERE uuid = '{made['draft']}'") is None
    owner = build(url, upgrade=False)
    with owner.engine.connect() as conn:
        deleted = conn.execute(text(
            "SELECT username, action FROM audit_log WHERE record_uuid IN (:a, :b) "
            "AND action LIKE '%delete' ORDER BY id"), {"a": mine, "b": made["draft"]}).all()
    assert [tuple(r) for r in deleted] == [(logins["prep"], "delete"),
                                           (logins["admin"], "sql_delete")]
    for engine in (other, admin, prep_engine):
        engine.dispose()
    prep.close()
    owner.close()
