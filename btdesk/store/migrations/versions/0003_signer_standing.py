"""A kept trust verdict says whether its signer may vouch for others (btdesk.identity.standing).

Verdicts kept before this have no standing: their assessments do not count until the signer is
confirmed as an assessor (a verified signer's certificate then stated no role anyway).

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
    with op.batch_alter_table("record_trust") as b:
        b.add_column(sa.Column("standing", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("record_trust") as b:
        b.drop_column("standing")
