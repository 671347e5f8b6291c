"""Two indexes of record_versions that no query used: one on record_id alone (the index on
(record_id, version) serves every look-up by record_id) and one on subject (every query by
doctor goes through record_heads). Each was another b-tree written for every version stored,
which a cohort import does 22,000 times.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_record_versions_record_id", table_name="record_versions")
    op.drop_index("ix_record_versions_subject", table_name="record_versions")


def downgrade() -> None:
    op.create_index("ix_record_versions_subject", "record_versions", ["subject"])
    op.create_index("ix_record_versions_record_id", "record_versions", ["record_id"])
