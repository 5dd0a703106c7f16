"""The dates the deadline calendar reads beside each improvement plan: the pilot province of its
provincial slice, the Organisation's approval and the slice's approval (seed 001 Art. 5 note 2;
seed 002 Art. 2), so the calendar over tens of thousands of plans decodes no document; in
SQLite files, covering indexes hold what the calendar reads of plans and 128 requests apart
from their documents (as 0005 does for passports).

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


PLAN_COLUMNS = ["status", "uuid", "title", "created_at", "period_start", "period_end", "reported",
                "pilot_province", "organisation_approved_on", "slice_approved_on"]
REQUEST_COLUMNS = ["status", "uuid", "reference", "subject", "deadline"]


def upgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("pilot_province", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("organisation_approved_on", sa.String(10)))
        batch.add_column(sa.Column("slice_approved_on", sa.String(10)))
    conn = op.get_bind()
    table = sa.table("plans", sa.column("uuid", sa.String), sa.column("data", sa.Text),
                     sa.column("pilot_province", sa.Text),
                     sa.column("organisation_approved_on", sa.String),
                     sa.column("slice_approved_on", sa.String))
    updates = []
    for uuid, data in conn.execute(sa.select(table.c.uuid, table.c.data)).fetchall():
        document = json.loads(data)
        updates.append({"key": uuid, "pilot": document.get("pilot_province") or "",
                        "approved": document.get("organisation_approved_on"),
                        "slice": document.get("slice_approved_on")})
    if updates:
        conn.execute(table.update().where(table.c.uuid == sa.bindparam("key")).values(
            pilot_province=sa.bindparam("pilot"),
            organisation_approved_on=sa.bindparam("approved"),
            slice_approved_on=sa.bindparam("slice")), updates)
    if conn.dialect.name == "sqlite":
        op.create_index("ix_plans_deadlines", "plans", PLAN_COLUMNS)
        op.create_index("ix_requests128_deadlines", "requests128", REQUEST_COLUMNS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_requests128_deadlines", "requests128")
        op.drop_index("ix_plans_deadlines", "plans")
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("slice_approved_on")
        batch.drop_column("organisation_approved_on")
        batch.drop_column("pilot_province")
