"""Improvement plans with their actions projected for the dashboard, evidence files kept by
their SHA-256, and emergency requests from the 128 system.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("passport_uuid", sa.String(36), nullable=False, server_default=""),
        sa.Column("service_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("period_start", sa.String(10)),
        sa.Column("period_end", sa.String(10)),
        sa.Column("meets_target", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("justified", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reported", sa.Text, nullable=False, server_default=""),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("search_text", sa.Text, nullable=False, server_default=""),
        sa.Column("data", sa.Text, nullable=False),
    )
    for column in ("passport_uuid", "status", "updated_at"):
        op.create_index(f"ix_plans_{column}", "plans", [column])
    op.create_table(
        "plan_actions",
        sa.Column("plan_uuid", sa.String(36), sa.ForeignKey("plans.uuid", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("end_date", sa.String(10)),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_index("ix_plan_actions_end_date", "plan_actions", ["end_date"])
    op.create_table(
        "plan_evidence",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "requests128",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("passport_uuid", sa.String(36), nullable=False, server_default=""),
        sa.Column("plan_uuid", sa.String(36), nullable=False, server_default=""),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("received_on", sa.String(10)),
        sa.Column("deadline", sa.String(10)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    for column in ("deadline", "plan_uuid"):
        op.create_index(f"ix_requests128_{column}", "requests128", [column])


def downgrade() -> None:
    op.drop_table("requests128")
    op.drop_table("plan_evidence")
    op.drop_table("plan_actions")
    op.drop_table("plans")
