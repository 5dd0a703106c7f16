"""Shared mode: each person opens the application with their own server account."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import make_url

from govsvc_desktop import config
from govsvc_desktop.bootstrap import build
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.store import pg_security
from govsvc_desktop.ui.login_dialog import LoginDialog
from tests.pg import _admin_dsn, fresh_database, server_url

pytestmark = pytest.mark.postgres


def test_wrong_password_is_refused_and_the_right_one_opens_with_the_persons_rights(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PGPASSWORD", raising=False)
    name = f"login_{uuid.uuid4().hex[:8]}"
    try:
        with fresh_database() as admin_url:
            admin = build(admin_url)
            with admin.engine.begin() as conn:
                pg_security.create_login(conn, name, "a-good-long-secret", frozenset({Role.PREPARER}),
                                         "مریم احمدی")
            admin.close()
            no_password = make_url(admin_url).set(username=name, password=None).render_as_string(
                hide_password=False)
            dialog = LoginDialog(no_password, config.Settings())
            qtbot.addWidget(dialog)
            assert dialog.user.text() == name and str(make_url(admin_url).port) in dialog.server.text()
            dialog.password.setText("wrong")
            dialog.try_login()
            assert dialog.app is None and "گذرواژه" in dialog.error.text()
            dialog.password.setText("a-good-long-secret")
            dialog.try_login()
            assert dialog.result() == LoginDialog.DialogCode.Accepted
            assert dialog.app is not None
            assert dialog.app.actor.username == name and dialog.app.actor.name == "مریم احمدی"
            assert dialog.app.actor.roles == frozenset({Role.PREPARER})
            dialog.app.close()
    finally:
        with psycopg.connect(_admin_dsn(server_url()), autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")


def test_a_local_file_needs_no_login(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from govsvc_desktop.bootstrap import login_needed

    assert login_needed(str(tmp_path / "a.db"))[2] is False
