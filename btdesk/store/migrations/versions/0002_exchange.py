"""Exchange state: peers, bundles sent and received, record trust verdicts, record subject.

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
        "peers",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=True),
        sa.Column("cert_pem", sa.Text, nullable=False),
        sa.Column("trust", sa.String(20), nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("last_seen", sa.String(32), nullable=False),
    )
    op.create_table(
        "bundles_sent",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("recipient", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("previous", sa.String(64), nullable=True),
        sa.Column("manifest_hash", sa.String(64), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("watermark", sa.Integer, nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("attachments", sa.Integer, nullable=False),
        sa.UniqueConstraint("recipient", "sequence", name="uq_bundles_sent_recipient_sequence"),
    )
    op.create_index("ix_bundles_sent_recipient", "bundles_sent", ["recipient"])
    op.create_table(
        "bundles_received",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("recipient", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("manifest_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("records_new", sa.Integer, nullable=False),
        sa.Column("attachments", sa.Integer, nullable=False),
        sa.UniqueConstraint("sender", "recipient", "sequence", name="uq_bundles_received_seq"),
    )
    op.create_table(
        "record_trust",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("issuer", sa.String(200), nullable=True),
        sa.Column("confirmed_by", sa.String(200), nullable=True),
        sa.Column("own_signature", sa.Boolean, nullable=False),
        sa.Column("checked", sa.String(32), nullable=False),
    )
    op.create_index("ix_record_trust_fingerprint", "record_trust", ["fingerprint"])
    with op.batch_alter_table("record_versions") as b:
        b.add_column(sa.Column("subject", sa.String(64), nullable=True))
        b.create_index("ix_record_versions_subject", ["subject"])
    with op.batch_alter_table("record_heads") as b:
        b.add_column(sa.Column("subject", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("record_heads") as b:
        b.drop_column("subject")
    with op.batch_alter_table("record_versions") as b:
        b.drop_index("ix_record_versions_subject")
        b.drop_column("subject")
    for t in ("record_trust", "bundles_received", "bundles_sent", "peers"):
        op.drop_table(t)
