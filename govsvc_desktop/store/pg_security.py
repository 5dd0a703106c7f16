"""PostgreSQL roles, grants and the guard that backs the application's role checks.

Shared mode runs one database for an office. Each person logs in as their own PostgreSQL
role, a member of one or more group roles named after the application's roles. The services
refuse what a role may not do; this module makes the database refuse it too, from the same
rules table (``domain.rules``): a guard trigger on every table of records checks the move and
the content changed for the login's groups, DELETE goes only to never-approved drafts of the
login's own making (or an administrator), the audit table is written only through security-
definer functions that stamp the real login, and a deferred trigger adds an audit row for any
change that arrived without one (plain SQL). The database owner (who runs upgrades) is not
bound by the guard.

Everything here is idempotent and re-applied after every schema upgrade, so tables added by
later migrations get the same grants. This is engine-specific SQL, used only on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from govsvc_desktop.domain import rules
from govsvc_desktop.domain.choices import Role

GROUP_ROLES: dict[Role, str] = {
    Role.PREPARER: "govsvc_preparer",
    Role.REVIEWER: "govsvc_reviewer",
    Role.HEAD: "govsvc_head",
    Role.ADMIN: "govsvc_administrator",
}

# The tables whose records move through ``domain.rules``: table → record type ("" means the
# row's own ``kind`` column names it, as in agency_records).
GUARDED_TABLES: dict[str, str] = {
    "passports": rules.PASSPORT, "plans": rules.PLAN, "requests128": rules.REQUEST128,
    "agency_records": "",
}
_DELETABLE = ("passports", "plans", "agency_records")
_STATEFUL = (rules.PASSPORT, rules.PLAN, "proposal")


def _array(values: object) -> str:
    items = sorted(str(v) for v in values)  # type: ignore[attr-defined]
    return "ARRAY[" + ", ".join(_literal(v) for v in items) + "]::text[]" if items else "'{}'::text[]"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _groups(roles: frozenset[Role]) -> list[str]:
    """The group roles that hold one of ``roles`` (an administrator holds all but the head's)."""
    held = {GROUP_ROLES[r] for r in roles}
    if any(r is not Role.HEAD for r in roles):
        held.add(GROUP_ROLES[Role.ADMIN])
    return sorted(held)


def rules_values() -> str:
    """The rules table as SQL rows: (type, action, sources, target, groups, fields)."""
    rows = []
    for r in rules.RULES:
        target = "NULL" if r.target is None else _literal(r.target)
        fields = "NULL" if r.fields is None else _array(r.fields)
        rows.append(f"({_literal(r.record_type)}, {_literal(r.action)}, {_array(r.sources)}, "
                    f"{target}::text, {_array(_groups(r.roles))}, {fields})")
    return ",\n      ".join(rows)


def _lifecycle_case() -> str:
    kinds = {rules.PASSPORT, rules.PLAN, rules.REQUEST128, *rules.AGENCY_KINDS}
    whens = " ".join(f"WHEN {_literal(k)} THEN {_array(rules.lifecycle_fields(k))}" for k in sorted(kinds))
    return f"CASE v_type {whens} ELSE '{{}}'::text[] END"


_GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION govsvc_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE
  owner_role name := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID);
  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  v_type text := coalesce(nullif(TG_ARGV[0], ''), n ->> 'kind', o ->> 'kind');
  stateful boolean := v_type = ANY(%(stateful)s);
  src text;
  tgt text;
  life text[];
  od jsonb;
  nd jsonb;
  changed text[] := '{}';
  creator text;
BEGIN
  IF n IS NOT NULL AND v_type IN ('passport', 'plan')
     AND ((n ->> 'data')::jsonb ->> 'status') IS DISTINCT FROM n ->> 'status' THEN
    RAISE EXCEPTION 'وضعیت در سند رکورد با ستون وضعیت یکی نیست' USING ERRCODE = '42501';
  END IF;
  IF pg_has_role(current_user, owner_role, 'MEMBER') THEN
    RETURN coalesce(NEW, OLD);
  END IF;
  src := CASE WHEN o IS NULL THEN %(new)s WHEN stateful THEN o ->> 'status' ELSE '*' END;
  tgt := CASE WHEN n IS NULL THEN src WHEN stateful THEN n ->> 'status' ELSE '*' END;
  life := %(life)s;
  IF o IS NOT NULL AND n IS NOT NULL THEN
    od := (o ->> 'data')::jsonb - life;
    nd := (n ->> 'data')::jsonb - life;
    SELECT coalesce(array_agg(key), '{}') INTO changed
      FROM (SELECT key FROM jsonb_each(nd) UNION SELECT key FROM jsonb_each(od)) AS k(key)
     WHERE nd -> key IS DISTINCT FROM od -> key;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM (VALUES
      %(rules)s
    ) AS r(rtype, action, sources, target, groups, fields)
    WHERE r.rtype = v_type
      AND (src = ANY(r.sources) OR ('*' = ANY(r.sources) AND src <> %(new)s))
      AND CASE WHEN r.target IS NULL THEN tgt = src ELSE r.target IN (tgt, '*') END
      AND (r.fields IS NULL OR changed <@ r.fields)
      AND (TG_OP = 'DELETE') = (r.action = 'delete')
      AND EXISTS (SELECT 1 FROM unnest(r.groups) AS g(name)
                  WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g.name)
                    AND pg_has_role(current_user, g.name, 'MEMBER'))) THEN
    RAISE EXCEPTION 'نقش «%%» اجازهٔ این تغییر را ندارد: % از «%%» به «%%» (%%)', current_user, v_type,
      src, tgt, array_to_string(changed, '، ') USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF v_type = 'passport' AND ((o ->> 'edition')::int > 1
        OR ((o ->> 'data')::jsonb ->> 'approved_on') IS NOT NULL) THEN
      RAISE EXCEPTION 'شناسنامه‌ای که روزی تأیید شده حذف نمی‌شود' USING ERRCODE = '42501';
    END IF;
    SELECT username INTO creator FROM audit_log WHERE record_uuid = o ->> 'uuid' ORDER BY id LIMIT 1;
    IF creator IS DISTINCT FROM session_user
       AND NOT pg_has_role(current_user, 'govsvc_administrator', 'MEMBER') THEN
      RAISE EXCEPTION 'فقط تهیه‌کنندهٔ همین رکورد یا مدیر سامانه آن را حذف می‌کند' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN coalesce(NEW, OLD);
END
$fn$
"""

# Audit rows come only through these two functions, which run as the table's owner and stamp
# the real login; no client may INSERT into audit_log.
_AUDIT_WRITE = """
CREATE OR REPLACE FUNCTION govsvc_audit_write(rows jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  owner_role name := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'audit_log'
                      AND relnamespace = 'public'::regnamespace);
  trusted boolean := pg_has_role(session_user, owner_role, 'MEMBER');
  shown text := coalesce(shobj_description((SELECT oid FROM pg_roles WHERE rolname = session_user),
                                           'pg_authid'), session_user);
BEGIN
  INSERT INTO audit_log (at, actor, username, record_type, record_uuid, revision, action,
                         field_path, old_value, new_value, txid)
  SELECT r ->> 'at',
         CASE WHEN trusted OR r ->> 'actor' = shown THEN r ->> 'actor'
              ELSE (r ->> 'actor') || ' — ' || shown END,
         session_user, r ->> 'record_type', r ->> 'record_uuid', (r ->> 'revision')::int,
         r ->> 'action', coalesce(r ->> 'field_path', ''), coalesce(r ->> 'old_value', ''),
         coalesce(r ->> 'new_value', ''), txid_current()
    FROM jsonb_array_elements(rows) AS r;
END
$fn$
"""

_AUDIT_CHECK = """
CREATE OR REPLACE FUNCTION govsvc_audit_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  owner_role name := (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID);
  j jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE (to_jsonb(OLD) ->> 'data')::jsonb END;
  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE (to_jsonb(NEW) ->> 'data')::jsonb END;
  fields text;
BEGIN
  IF pg_has_role(session_user, owner_role, 'MEMBER') THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_log
              WHERE record_uuid = j ->> 'uuid' AND txid = txid_current()
                AND CASE WHEN TG_OP = 'DELETE' THEN action = 'delete'
                         ELSE revision = (j ->> 'revision')::int END) THEN
    RETURN NULL;
  END IF;
  SELECT string_agg(key, '، ' ORDER BY key) INTO fields
    FROM (SELECT key FROM jsonb_each(n) UNION SELECT key FROM jsonb_each(o)) AS k(key)
   WHERE n -> key IS DISTINCT FROM o -> key;
  INSERT INTO audit_log (at, actor, username, record_type, record_uuid, revision, action,
                         field_path, old_value, new_value, txid)
  VALUES (to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
          coalesce(shobj_description((SELECT oid FROM pg_roles WHERE rolname = session_user),
                                     'pg_authid'), session_user),
          session_user, coalesce(nullif(TG_ARGV[0], ''), j ->> 'kind'), j ->> 'uuid',
          coalesce((j ->> 'revision')::int, 0), 'sql_' || lower(TG_OP), '', '',
          'تغییر مستقیم با SQL، بیرون از برنامه: ' || coalesce(fields, ''), txid_current());
  RETURN NULL;
END
$fn$
"""


def _guard_sql() -> str:
    return (_GUARD_FUNCTION.replace("%(stateful)s", _array(_STATEFUL))
            .replace("%(new)s", _literal(rules.NEW)).replace("%(life)s", _lifecycle_case())
            .replace("%(rules)s", rules_values()).replace("%%", "%"))


def apply(conn: Connection) -> None:
    """Creates the group roles, grants, guards and audit functions (PostgreSQL only)."""
    if conn.dialect.name != "postgresql":
        return
    for name in GROUP_ROLES.values():
        conn.execute(text(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} NOLOGIN; END IF; END $$"))
    groups = ", ".join(GROUP_ROLES.values())
    writers = f"{GROUP_ROLES[Role.PREPARER]}, {GROUP_ROLES[Role.ADMIN]}"
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {groups}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {groups}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {groups}"))
    conn.execute(text(f"REVOKE DELETE ON ALL TABLES IN SCHEMA public FROM {groups}"))
    # The audit trail: read by all, written only by the functions below.
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, {groups}"))
    for table in ("passport_licences", "plan_actions", "event_logs", "service_events"):
        conn.execute(text(f"GRANT DELETE ON {table} TO {groups}"))
    for table in _DELETABLE:  # what the rules let go, checked row by row by the guard
        conn.execute(text(f"GRANT DELETE ON {table} TO {writers}"))
    conn.execute(text("REVOKE ALL ON alembic_version FROM PUBLIC"))
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {groups}"))
    conn.execute(text(f"GRANT SELECT ON alembic_version TO {groups}"))
    conn.execute(text("DROP TRIGGER IF EXISTS passports_guard_status ON passports"))
    conn.execute(text("DROP FUNCTION IF EXISTS govsvc_guard_status()"))
    conn.execute(text(_guard_sql()))
    conn.execute(text(_AUDIT_WRITE))
    conn.execute(text(_AUDIT_CHECK))
    for fn in ("govsvc_audit_write(jsonb)", "govsvc_audit_check()", "govsvc_guard()"):
        conn.execute(text(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC"))
    conn.execute(text(f"GRANT EXECUTE ON FUNCTION govsvc_audit_write(jsonb) TO {groups}"))
    for table, record_type in GUARDED_TABLES.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}"))
        conn.execute(text(
            f"CREATE TRIGGER {table}_guard BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION govsvc_guard({_literal(record_type)})"))
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_audited ON {table}"))
        conn.execute(text(
            f"CREATE CONSTRAINT TRIGGER {table}_audited AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"EXECUTE FUNCTION govsvc_audit_check({_literal(record_type)})"))


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
