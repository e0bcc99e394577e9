"""drop the inquiry indexes no query uses any more

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 20:45:00

Issue 14: every index on ``inquiry`` is paid by every inserted mail (0008 added 32 partial
inbox indexes). ``ix_inquiry_channel_received`` (channel, received_at) and
``ix_inquiry_needs_reply`` (needs_reply_since, due_at) were chosen by no query of the
services (checked with EXPLAIN QUERY PLAN over every inquiry query the inbox, promise,
review, pulse, customer, export and search tests run): the inbox reads its views from the
0008 indexes and the due/overdue conditions use ``ix_inquiry_status_due``.
``ix_inquiry_status_due`` and ``ix_inquiry_status_received`` stay: the due-today and
overdue views with bound statuses, the reply-promise repair and the open-case lists search
them (without them those queries scan the table).
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_inquiry_channel_received")
    op.execute("DROP INDEX IF EXISTS ix_inquiry_needs_reply")


def downgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_inquiry_channel_received ON inquiry (channel, received_at)"
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_inquiry_needs_reply ON inquiry (needs_reply_since, due_at)"
    )
