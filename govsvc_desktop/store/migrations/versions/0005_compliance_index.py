"""A covering index for the compliance dashboard in SQLite files: the columns it reads sit after
each passport's document, so a scan of the table walks every document's overflow pages; the
index holds them alone.

PostgreSQL reads columns by position without that cost, and limits an index entry to a third
of a page, which a long title with many approval gaps could pass; it gets no such index.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ["kind", "status", "service_id", "created_at", "valid_until", "is_electronic",
           "electronic_target_date", "exemption_approved", "approval_gaps", "title", "uuid"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_passports_compliance", "passports", COLUMNS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_passports_compliance", "passports")
