"""Engine-specific full-text search: FTS5 on SQLite, tsvector on PostgreSQL.

The only module with SQL that one engine understands and the other does not. Both index the
same ``search_text`` column (Persian-normalised by ``domain.persian.index_text``) and answer the
same prefix-AND query, so search gives the same results on both.
"""

from __future__ import annotations

from sqlalchemy import Connection, TextClause, text

from govsvc_desktop.domain.persian import search_terms


def create_statements(dialect: str, table: str) -> list[str]:
    if dialect == "sqlite":
        fts = f"{table}_fts"
        return [
            f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', "
            f"content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')",
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, search_text) VALUES (new.rowid, new.search_text); END",
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, search_text) "
            f"VALUES ('delete', old.rowid, old.search_text); END",
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, search_text) "
            f"VALUES ('delete', old.rowid, old.search_text); "
            f"INSERT INTO {fts}(rowid, search_text) VALUES (new.rowid, new.search_text); END",
        ]
    if dialect == "postgresql":
        return [
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
            f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)",
        ]
    return []


def drop_statements(dialect: str, table: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TABLE IF EXISTS {table}_fts"] + [
            f"DROP TRIGGER IF EXISTS {table}_fts_{s}" for s in ("ai", "ad", "au")
        ]
    if dialect == "postgresql":
        return [f"DROP INDEX IF EXISTS ix_{table}_search",
                f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector"]
    return []


def _fts5_query(terms: list[str]) -> str:
    quoted = " AND ".join(f'"{t}"*' for t in terms)
    if len(terms) > 1:
        quoted = f'({quoted}) OR "{"".join(terms)}"*'
    return quoted


def _tsquery(terms: list[str]) -> str:
    def lexeme(t: str) -> str:
        return "'" + t.replace("'", "''").replace("\\", "") + "':*"

    query = " & ".join(lexeme(t) for t in terms)
    if len(terms) > 1:
        query = f"({query}) | {lexeme(''.join(terms))}"
    return query


def match_clause(
    dialect: str, table: str, query: str, broad: bool = False,
) -> tuple[TextClause, dict[str, str]] | None:
    """A WHERE fragment selecting rows of ``table`` matching ``query``; None for an empty query.

    ``broad`` (many matches, on SQLite) turns off the row-id lookup with a unary ``+`` so the
    planner walks the sort column's index and stops at the page's end instead of sorting
    every match.
    """
    terms = [t.replace('"', "") for t in search_terms(query)]
    terms = [t for t in terms if t]
    if not terms:
        return None
    if dialect == "sqlite":
        return (
            text(f"{'+' if broad else ''}{table}.rowid IN "
                 f"(SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q)"),
            {"q": _fts5_query(terms)},
        )
    if dialect == "postgresql":
        return (
            text(f"{table}.search_vector @@ to_tsquery('simple', :q)"),
            {"q": _tsquery(terms)},
        )
    like = " AND ".join(f"{table}.search_text LIKE :t{i}" for i in range(len(terms)))
    return text(like), {f"t{i}": f"%{t}%" for i, t in enumerate(terms)}


BROAD_MATCHES = 1500


def count_matches(conn: Connection, table: str, query: str) -> int | None:
    """How many rows match, from the search index alone (None where the engine has none)."""
    if conn.dialect.name != "sqlite":
        return None
    clause = match_clause("sqlite", table, query)
    if clause is None:
        return None
    sql = f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH :q"
    return int(conn.execute(text(sql), clause[1]).scalar_one())



def is_broad(matches: int | None) -> bool:
    return matches is not None and matches > BROAD_MATCHES


def reset_sequences(conn: Connection, tables: list[tuple[str, str]]) -> None:
    """After rows were copied in with their ids, move PostgreSQL's id sequences past them."""
    if conn.dialect.name != "postgresql":
        return
    for table, column in tables:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
            f"COALESCE((SELECT max({column}) FROM {table}), 0) + 1, false)"))


def is_internal_table(name: str) -> bool:
    """Tables an engine keeps for itself (FTS5 shadow tables) that a copy must not carry."""
    return name == "alembic_version" or name.endswith("_fts") or "_fts_" in name


def refresh_statistics(conn: Connection) -> None:
    """After a bulk load, let the planner see the new data (both engines understand ANALYZE)."""
    conn.execute(text("ANALYZE"))
