"""Passports, their editions and licence index, the audit log and application metadata.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

# full-text search as this revision made it (frozen: later versions may search differently)
SEARCH = {
    "sqlite": [
        "CREATE VIRTUAL TABLE passports_fts USING fts5(search_text, content='passports', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')",
        "CREATE TRIGGER passports_fts_ai AFTER INSERT ON passports BEGIN "
        "INSERT INTO passports_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
        "CREATE TRIGGER passports_fts_ad AFTER DELETE ON passports BEGIN "
        "INSERT INTO passports_fts(passports_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); END",
        "CREATE TRIGGER passports_fts_au AFTER UPDATE OF search_text ON passports BEGIN "
        "INSERT INTO passports_fts(passports_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); "
        "INSERT INTO passports_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    ],
    "postgresql": [
        "ALTER TABLE passports ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
        "CREATE INDEX ix_passports_search ON passports USING gin (search_vector)",
    ],
}
SEARCH_DROP = {
    "sqlite": ["DROP TABLE IF EXISTS passports_fts"]
    + [f"DROP TRIGGER IF EXISTS passports_fts_{s}" for s in ("ai", "ad", "au")],
    "postgresql": ["DROP INDEX IF EXISTS ix_passports_search",
                   "ALTER TABLE passports DROP COLUMN IF EXISTS search_vector"],
}

SORT_INDEXED = ("service_id", "status", "province", "agency_name", "title_key", "valid_until",
                "updated_at")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passports",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("service_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("agency_name", sa.Text, nullable=False, server_default=""),
        sa.Column("province", sa.String(64), nullable=False, server_default=""),
        sa.Column("nature", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("electronic_method", sa.String(16)),
        sa.Column("is_electronic", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("edition", sa.Integer, nullable=False, server_default="1"),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("approved_on", sa.String(10)),
        sa.Column("valid_until", sa.String(10)),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False, server_default=""),
        sa.Column("title_key", sa.Text, nullable=False, server_default=""),
        sa.Column("search_text", sa.Text, nullable=False, server_default=""),
        sa.Column("data", sa.Text, nullable=False),
    )
    for col in SORT_INDEXED:
        op.create_index(f"ix_passports_{col}", "passports", [col, "uuid"])
    op.create_table(
        "passport_editions",
        sa.Column("uuid", sa.String(36), sa.ForeignKey("passports.uuid", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("edition", sa.Integer, primary_key=True),
        sa.Column("archived_at", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "passport_licences",
        sa.Column("passport_uuid", sa.String(36),
                  sa.ForeignKey("passports.uuid", ondelete="CASCADE"), primary_key=True),
        sa.Column("licence_key", sa.String(128), primary_key=True),
    )
    op.create_index("ix_passport_licences_licence_key", "passport_licences", ["licence_key"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("username", sa.String(64), nullable=False, server_default=""),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field_path", sa.Text, nullable=False, server_default=""),
        sa.Column("old_value", sa.Text, nullable=False, server_default=""),
        sa.Column("new_value", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_audit_log_record_uuid", "audit_log", ["record_uuid"])
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    for statement in SEARCH.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    for statement in SEARCH_DROP.get(op.get_bind().dialect.name, []):
        op.execute(statement)
    for table in ("app_meta", "audit_log", "passport_licences", "passport_editions", "passports"):
        op.drop_table(table)
