"""People and their roles in shared mode (PostgreSQL): each person is a database login.

In single-user SQLite mode the local user holds every role and there is nobody to manage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import GovsvcError, PermissionDenied
from govsvc_desktop.services.session import SessionBound
from govsvc_desktop.store import pg_security
from govsvc_desktop.store.uow import UnitOfWork

_USERNAME = re.compile(r"^[a-z_][a-z0-9_]{2,40}$")


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    roles: frozenset[Role]
    enabled: bool


class UserService(SessionBound):
    """Office server accounts and their roles (shared mode, administrators only)."""

    def _admin_uow(self) -> UnitOfWork:
        uow = self.uow_factory()
        if uow.engine.dialect.name != "postgresql":
            raise GovsvcError("کاربران جداگانه فقط در حالت اشتراکی (PostgreSQL) معنا دارند؛ "
                              "در حالت تک‌کاربره نقش‌ها را «settings set --role» تعیین می‌کند")
        if not self.actor.can(Role.ADMIN):
            raise PermissionDenied("مدیریت کاربران فقط از عهده نقش «مدیر سامانه» برمی‌آید")
        return uow

    @staticmethod
    def _check_username(username: str) -> None:
        if not _USERNAME.match(username):
            raise GovsvcError(
                f"نام کاربری «{username}» مجاز نیست: ۳ تا ۴۱ نویسه از حروف کوچک لاتین، رقم و _ "
                "که با حرف یا _ شروع شود")

    def add(self, username: str, display_name: str, roles: frozenset[Role], password: str) -> User:
        self._check_username(username)
        if len(password) < 8:
            raise GovsvcError("گذرواژه باید دست‌کم ۸ نویسه باشد")
        with self._admin_uow() as uow:
            if any(u[0] == username for u in pg_security.logins(uow.conn)):
                raise GovsvcError(f"کاربر «{username}» از پیش هست")
            pg_security.create_login(uow.conn, username, password, roles, display_name)
            uow.commit()
        return User(username, display_name, roles, True)

    def list(self) -> list[User]:
        with self._admin_uow() as uow:
            return [User(*row) for row in pg_security.logins(uow.conn)]

    def set_roles(self, username: str, roles: frozenset[Role]) -> None:
        self._check_username(username)
        with self._admin_uow() as uow:
            pg_security.set_login_roles(uow.conn, username, roles)
            uow.commit()

    def set_enabled(self, username: str, enabled: bool) -> None:
        self._check_username(username)
        with self._admin_uow() as uow:
            pg_security.set_login_enabled(uow.conn, username, enabled)
            uow.commit()
