"""The dates the deadline calendar reads beside each improvement plan: the pilot province of its
provincial slice, the Organisation's approval and the slice's approval (seed 001 Art. 5 note 2;
seed 002 Art. 2), so the calendar over tens of thousands of plans decodes no document.

Revision ID: 0007
Revises: 0005
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


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


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("slice_approved_on")
        batch.drop_column("organisation_approved_on")
        batch.drop_column("pilot_province")
