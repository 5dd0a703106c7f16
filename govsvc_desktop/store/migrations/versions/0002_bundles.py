"""Bundle history: bundles sent and received, and the record revisions each one carried.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bundles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("delta", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("follows", sa.String(64)),
        sa.Column("in_reply_to", sa.String(64)),
        sa.Column("agency", sa.Text, nullable=False, server_default=""),
        sa.Column("province", sa.String(64), nullable=False, server_default=""),
        sa.Column("sender", sa.Text, nullable=False, server_default=""),
        sa.Column("signer", sa.Text, nullable=False, server_default=""),
        sa.Column("signer_fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False, server_default=""),
        sa.Column("file_name", sa.Text, nullable=False, server_default=""),
        sa.Column("counts", sa.Text, nullable=False, server_default="{}"),
        sa.Column("acknowledged_at", sa.String(32)),
        sa.Column("acknowledged_by", sa.String(64)),
        sa.UniqueConstraint("sha256", "direction", name="uq_bundles_sha256_direction"),
    )
    op.create_index("ix_bundles_direction_sequence", "bundles", ["direction", "sequence"])
    op.create_table(
        "bundle_records",
        sa.Column("bundle_pk", sa.Integer, sa.ForeignKey("bundles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("record_type", sa.String(16), primary_key=True),
        sa.Column("record_uuid", sa.String(36), primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_index("ix_bundle_records_record_uuid", "bundle_records", ["record_uuid"])


def downgrade() -> None:
    op.drop_table("bundle_records")
    op.drop_table("bundles")
