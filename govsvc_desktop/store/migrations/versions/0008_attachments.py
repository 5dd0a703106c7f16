"""Files kept with passports (their bytes by SHA-256 beside plan evidence).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passport_attachments",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("passport_uuid", sa.String(36),
                  sa.ForeignKey("passports.uuid", ondelete="CASCADE",
                                name="fk_passport_attachments_passport_uuid_passports"),
                  nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("added_by", sa.Text, nullable=False, server_default=""),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name="pk_passport_attachments"),
    )
    op.create_index("ix_passport_attachments_passport_uuid", "passport_attachments",
                    ["passport_uuid"])


def downgrade() -> None:
    op.drop_index("ix_passport_attachments_passport_uuid", "passport_attachments")
    op.drop_table("passport_attachments")
