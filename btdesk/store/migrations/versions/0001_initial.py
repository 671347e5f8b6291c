"""The first schema: profile, versioned records, heads, attachments, settings.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("programme_id", sa.String(64), nullable=True),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_table(
        "record_versions",
        sa.Column("vid", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("prev", sa.String(64), nullable=True),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("updated", sa.String(32), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("signature", sa.LargeBinary, nullable=True),
        sa.Column("origin", sa.String(64), nullable=False),
        sa.Column("received", sa.String(32), nullable=False),
    )
    op.create_index("ix_record_versions_record_id", "record_versions", ["record_id"])
    op.create_index("ix_record_versions_prev", "record_versions", ["prev"])
    op.create_index("ix_versions_record_version", "record_versions", ["record_id", "version"])
    op.create_table(
        "record_heads",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("vid", sa.Integer, sa.ForeignKey("record_versions.vid"), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("conflict", sa.Boolean, nullable=False),
    )
    op.create_index("ix_record_heads_kind", "record_heads", ["kind"])
    op.create_table(
        "attachments",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("added", sa.String(32), nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for t in ("settings", "attachments", "record_heads", "record_versions", "profile"):
        op.drop_table(t)
