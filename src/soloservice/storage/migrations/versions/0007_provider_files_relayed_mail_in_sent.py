"""provider files relayed mail in Sent

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 19:20:00

Whether an account's provider files what it relays in the Sent folder is learnt from the
first reply sent after this revision: until then an interrupted send is kept as "may have
been sent" rather than sent again on the strength of an empty search (issue 12).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mail_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_files_relayed", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mail_account", schema=None) as batch_op:
        batch_op.drop_column("sent_files_relayed")
