"""Audit rows name the transaction that wrote them, so that on PostgreSQL a change made without
its audit row (plain SQL) is found at commit and given one; the guards, grants and audit
functions themselves are re-applied from ``store/pg_security.py`` after every upgrade.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("txid", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("txid")
