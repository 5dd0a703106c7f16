"""PostgreSQL roles, grants and the guard that backs the application's role checks.

Shared mode runs one database for an office. Each person logs in as their own PostgreSQL
role, a member of one or more group roles named after the application's roles. The services
refuse what a role may not do; this module makes the database refuse it too, so a preparer
who writes SQL by hand still cannot approve a passport or rewrite the audit trail.

Everything here is idempotent and re-applied after every schema upgrade, so tables added by
later migrations get the same grants. This is engine-specific SQL, used only on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from ..domain.choices import Role

GROUP_ROLES: dict[Role, str] = {
    Role.PREPARER: "govsvc_preparer",
    Role.REVIEWER: "govsvc_reviewer",
    Role.HEAD: "govsvc_head",
    Role.ADMIN: "govsvc_administrator",
}

# status → group roles allowed to put a passport into it (besides the database owner)
STATUS_GUARDS: dict[str, tuple[str, ...]] = {
    "reviewed": ("govsvc_reviewer", "govsvc_head"),
    "approved": ("govsvc_head",),
    "accepted": ("govsvc_administrator", "govsvc_head"),
    "returned": ("govsvc_administrator", "govsvc_head"),
}

_GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION govsvc_guard_status() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  owner_role name := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID);
  allowed text[];
BEGIN
  IF NEW.data IS NOT NULL AND (NEW.data::jsonb ->> 'status') IS DISTINCT FROM NEW.status THEN
    RAISE EXCEPTION 'وضعیت در سند رکورد با ستون وضعیت یکی نیست' USING ERRCODE = '42501';
  END IF;
  IF pg_has_role(current_user, owner_role, 'MEMBER') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NEW;
  END IF;
  allowed := CASE NEW.status {cases} ELSE NULL END;
  IF allowed IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM unnest(allowed) AS r(name)
      WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name)
        AND pg_has_role(current_user, r.name, 'MEMBER')) THEN
    RAISE EXCEPTION 'نقش «%%» اجازه بردن رکورد به وضعیت «%%» را ندارد', current_user, NEW.status
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$fn$
"""


def _guard_sql() -> str:
    cases = " ".join(
        f"WHEN '{status}' THEN ARRAY[{', '.join(repr(r) for r in roles)}]"
        for status, roles in STATUS_GUARDS.items()
    )
    return _GUARD_FUNCTION.replace("{cases}", cases).replace("%%", "%")


def apply(conn: Connection) -> None:
    """Creates the group roles, grants and guards (PostgreSQL only; a no-op elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    for name in GROUP_ROLES.values():
        conn.execute(text(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} NOLOGIN; END IF; END $$"))
    groups = ", ".join(GROUP_ROLES.values())
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {groups}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {groups}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {groups}"))
    # The audit trail is append-only for everyone but the owner.
    conn.execute(text(f"REVOKE UPDATE, DELETE ON audit_log FROM {groups}"))
    conn.execute(text(f"GRANT DELETE ON passport_licences TO {groups}"))
    conn.execute(text(f"GRANT DELETE ON plan_actions TO {groups}"))
    for table in ("agency_records", "event_logs", "service_events"):
        conn.execute(text(f"GRANT DELETE ON {table} TO {groups}"))
    conn.execute(text(f"GRANT DELETE ON passports TO {GROUP_ROLES[Role.PREPARER]}"))
    conn.execute(text("REVOKE ALL ON alembic_version FROM PUBLIC"))
    conn.execute(text(f"GRANT SELECT ON alembic_version TO {groups}"))
    conn.execute(text(_guard_sql()))
    conn.execute(text("DROP TRIGGER IF EXISTS passports_guard_status ON passports"))
    conn.execute(text(
        "CREATE TRIGGER passports_guard_status BEFORE INSERT OR UPDATE ON passports "
        "FOR EACH ROW EXECUTE FUNCTION govsvc_guard_status()"))


def current_roles(conn: Connection) -> tuple[str, frozenset[Role], bool]:
    """(login name, application roles, owns the database) of the connected PostgreSQL user."""
    user = conn.execute(text("SELECT current_user")).scalar_one()
    owner = conn.execute(text(
        "SELECT pg_has_role(current_user, pg_get_userbyid(datdba), 'MEMBER') "
        "FROM pg_database WHERE datname = current_database()")).scalar_one()
    roles = set()
    for role, group in GROUP_ROLES.items():
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": group}).scalar()
        if exists and conn.execute(text("SELECT pg_has_role(current_user, :g, 'MEMBER')"),
                                   {"g": group}).scalar_one():
            roles.add(role)
    if owner:
        roles |= set(Role)
    return str(user), frozenset(roles), bool(owner)


def display_name(conn: Connection, user: str) -> str:
    comment = conn.execute(text(
        "SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :u"), {"u": user}).scalar()
    return str(comment) if comment else user


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def create_login(conn: Connection, username: str, password: str, roles: frozenset[Role],
                 display: str) -> None:
    """A PostgreSQL login for one person, in the group roles of their application roles."""
    groups = ", ".join(GROUP_ROLES[r] for r in sorted(roles, key=list(Role).index))
    conn.execute(text(f"CREATE ROLE {username} LOGIN PASSWORD {_quote_literal(password)}"
                      + (f" IN ROLE {groups}" if groups else "")))
    conn.execute(text(f"COMMENT ON ROLE {username} IS {_quote_literal(display)}"))


def set_login_roles(conn: Connection, username: str, roles: frozenset[Role]) -> None:
    for role, group in GROUP_ROLES.items():
        verb = "GRANT" if role in roles else "REVOKE"
        conn.execute(text(f"{verb} {group} {'TO' if verb == 'GRANT' else 'FROM'} {username}"))


def set_login_enabled(conn: Connection, username: str, enabled: bool) -> None:
    conn.execute(text(f"ALTER ROLE {username} {'LOGIN' if enabled else 'NOLOGIN'}"))


def logins(conn: Connection) -> list[tuple[str, str, frozenset[Role], bool]]:
    """(login, display name, roles, can log in) of everyone in an application group role."""
    rows = conn.execute(text(
        "SELECT DISTINCT m.rolname, m.rolcanlogin, shobj_description(m.oid, 'pg_authid') "
        "FROM pg_roles m JOIN pg_auth_members am ON am.member = m.oid "
        "JOIN pg_roles g ON g.oid = am.roleid WHERE g.rolname = ANY(:groups) ORDER BY m.rolname"),
        {"groups": list(GROUP_ROLES.values())})
    result = []
    for name, can_login, comment in rows:
        roles = frozenset(
            role for role, group in GROUP_ROLES.items()
            if conn.execute(text("SELECT pg_has_role(:u, :g, 'MEMBER')"), {"u": name, "g": group}).scalar_one())
        result.append((str(name), str(comment or name), roles, bool(can_login)))
    return result
