"""The agency's obligations: the columns the compliance dashboard reads beside each passport,
agency-wide records (licences, proposals, the nine steps, reports, lessons, chains) and
event logs of electronic services.

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _backfill() -> None:
    """Projects the new columns of existing passports from their documents as they stood at
    this revision. Approval gaps need the validation rules of the running version, so the
    upgrade asks for them (``app_meta``) and the store fills them in the same transaction."""
    conn = op.get_bind()
    table = sa.table("passports", sa.column("uuid", sa.String), sa.column("data", sa.Text),
                     sa.column("electronic_target_date", sa.String),
                     sa.column("exemption_approved", sa.Boolean))
    rows = conn.execute(sa.select(table.c.uuid, table.c.data)).fetchall()
    updates = []
    for uuid, data in rows:
        document = json.loads(data)
        updates.append({"key": uuid,
                        "electronic_target_date": document.get("electronic_target_date"),
                        "exemption_approved": bool(document.get("exemption_approved"))})
    if updates:
        conn.execute(
            table.update().where(table.c.uuid == sa.bindparam("key")).values(
                electronic_target_date=sa.bindparam("electronic_target_date"),
                exemption_approved=sa.bindparam("exemption_approved")),
            updates)
        meta = sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
        conn.execute(meta.insert().values(key="reproject:approval_gaps", value="0004"))


def upgrade() -> None:
    # plain ADD COLUMN: recreating the table (batch mode) would drop its full-text triggers
    op.add_column("passports", sa.Column("electronic_target_date", sa.String(10)))
    op.add_column("passports", sa.Column("exemption_approved", sa.Boolean, nullable=False,
                                         server_default=sa.false()))
    op.add_column("passports", sa.Column("approval_gaps", sa.Text, nullable=False,
                                         server_default=""))
    _backfill()
    op.create_table(
        "agency_records",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False, server_default=""),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_agency_records_kind", "agency_records", ["kind"])
    op.create_table(
        "event_logs",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("service_id", sa.String(32), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False, server_default=""),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("cases", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("imported_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_event_logs_service_id", "event_logs", ["service_id"])
    op.create_table(
        "service_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("log_uuid", sa.String(36),
                  sa.ForeignKey("event_logs.uuid", ondelete="CASCADE"), nullable=False),
        sa.Column("service_id", sa.String(32), nullable=False),
        sa.Column("case_id", sa.Text, nullable=False),
        sa.Column("activity", sa.Text, nullable=False),
        sa.Column("at_ms", sa.BigInteger, nullable=False),
        sa.Column("offset_minutes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("resource", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_service_events_service_id", "service_events",
                    ["service_id", "case_id", "at_ms"])
    op.create_index("ix_service_events_log_uuid", "service_events", ["log_uuid"])


def downgrade() -> None:
    op.drop_table("service_events")
    op.drop_table("event_logs")
    op.drop_table("agency_records")
    for column in ("approval_gaps", "exemption_approved", "electronic_target_date"):
        op.drop_column("passports", column)
