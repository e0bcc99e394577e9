"""inbox sort indexes, customer sort copies on inquiry, duplicate-finder match keys

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 19:30:00

Issue 14: every inbox view and sort key reads its rows in order from a partial covering
index (storage/inbox_tables.py explains the layout): 4 base sets x 8 sort orders. The
customer and value sorts need the customer's ``lower(name)`` and lifetime value on the
inquiry: ``customer_sort`` / ``value_sort``, kept by triggers whoever writes (the value with
the defaults in ``inbox_sort_default``, which the inbox fills from the settings before its
first value sort: ``value_sort`` starts NULL). The duplicate finder's keys
(``customer_match_key``) are computed in Python (name folding), so triggers drop the keys of
a customer whose name or identities changed and mark it (``customer_match_dirty``); every
existing customer starts marked.

This file keeps its own copy of the index list and the SQL on purpose: a migration must not
change when the application code does.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_BASES = {
    "open": "automatic_reason = '' AND status IN ('new', 'open', 'waiting')",
    "snoozed": (
        "automatic_reason = '' AND status IN ('new', 'open', 'waiting')"
        " AND snoozed_until IS NOT NULL"
    ),
    "done": "automatic_reason = '' AND status IN ('resolved', 'closed')",
    "auto": "automatic_reason != ''",
}
_NEEDS_REPLY = "status IN ('new', 'open') AND needs_reply_since IS NOT NULL"
_SORTS = {
    "received": ("received_at",),
    "due": ("{rank}", "due_at IS NULL", "due_at"),
    "due_desc": ("{okrank}", "due_at IS NOT NULL", "due_at"),
    "customer": ("customer_sort",),
    "channel": ("channel",),
    "subject": ("lower(subject)",),
    "status": ("status",),
    "value": ("value_sort",),
}
_DONE_COVER = ("status", "channel", "automatic_reason")
_OPEN_COVER = ("snoozed_until", "needs_reply_since", "due_at", *_DONE_COVER)
_COVER = {"open": _OPEN_COVER, "snoozed": _OPEN_COVER, "done": _DONE_COVER, "auto": _DONE_COVER}


def _indexes() -> dict[str, str]:
    found = {}
    for base, where in _BASES.items():
        ranks = {"rank": "", "okrank": ""}
        if base == "open":
            ranks = {
                "rank": f"CASE WHEN {_NEEDS_REPLY} THEN 0 ELSE 1 END",
                "okrank": f"CASE WHEN {_NEEDS_REPLY} THEN 1 ELSE 0 END",
            }
        for sort, terms in _SORTS.items():
            order = [t.format(**ranks) for t in terms]
            columns = [t for t in order if t] + ["id"]
            cover = _COVER[base] + (("subject",) if sort == "subject" else ())
            columns += [c for c in cover if c not in columns]
            found[f"ix_inbox_{base}_{sort}"] = f"ON inquiry ({', '.join(columns)}) WHERE {where}"
    return found


_COPY = (
    "UPDATE inquiry SET"
    " customer_sort = coalesce((SELECT lower(c.name) FROM customer AS c"
    " WHERE c.id = NEW.customer_id), ''),"
    " value_sort = (SELECT coalesce(c.annual_value, d.annual_value)"
    " * coalesce(c.expected_years, d.expected_years)"
    " FROM customer AS c, inbox_sort_default AS d WHERE c.id = NEW.customer_id AND d.id = 1)"
    " WHERE id = NEW.id;"
)
_DIRTY = "INSERT OR IGNORE INTO customer_match_dirty (customer_id) VALUES"
# A changed customer's keys go at once (no old name or address lingers in them, say after
# a GDPR erasure); the duplicate finder recomputes them from the marks before it looks.
_STALE = "DELETE FROM customer_match_key WHERE customer_id = {};"

_TRIGGERS = {
    "inbox_sort_inquiry_insert": f"AFTER INSERT ON inquiry BEGIN {_COPY}",
    "inbox_sort_inquiry_customer": f"AFTER UPDATE OF customer_id ON inquiry BEGIN {_COPY}",
    "inbox_sort_customer": (
        "AFTER UPDATE OF name, annual_value, expected_years ON customer BEGIN"
        " UPDATE inquiry SET customer_sort = lower(NEW.name),"
        " value_sort = (SELECT coalesce(NEW.annual_value, d.annual_value)"
        " * coalesce(NEW.expected_years, d.expected_years)"
        " FROM inbox_sort_default AS d WHERE d.id = 1)"
        " WHERE customer_id = NEW.id;"
    ),
    "match_customer_insert": f"AFTER INSERT ON customer BEGIN {_DIRTY} (NEW.id);",
    "match_customer_name": (
        f"AFTER UPDATE OF name ON customer BEGIN {_STALE.format('NEW.id')} {_DIRTY} (NEW.id);"
    ),
    "match_customer_delete": f"AFTER DELETE ON customer BEGIN {_STALE.format('OLD.id')}",
    "match_identity_insert": (
        "AFTER INSERT ON customer_identity BEGIN"
        f" {_STALE.format('NEW.customer_id')} {_DIRTY} (NEW.customer_id);"
    ),
    "match_identity_update": (
        "AFTER UPDATE OF customer_id, kind, value ON customer_identity BEGIN"
        f" {_STALE.format('OLD.customer_id')} {_STALE.format('NEW.customer_id')}"
        f" {_DIRTY} (OLD.customer_id); {_DIRTY} (NEW.customer_id);"
    ),
    "match_identity_delete": (
        "AFTER DELETE ON customer_identity BEGIN"
        f" {_STALE.format('OLD.customer_id')} {_DIRTY} (OLD.customer_id);"
    ),
}


def upgrade() -> None:
    op.create_table(
        "inbox_sort_default",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("annual_value", sa.Float(), nullable=False),
        sa.Column("expected_years", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "customer_match_dirty",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id"),
    )
    op.create_table(
        "customer_match_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("norm", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_customer_match_key_customer_id", "customer_match_key", ["customer_id"], unique=False
    )
    op.create_index(
        "ix_customer_match_key_lookup",
        "customer_match_key",
        ["key", "size", "customer_id", "norm"],
        unique=False,
    )
    # ADD COLUMN, not a table rebuild: the FTS triggers of 0006 stay in place.
    op.add_column(
        "inquiry",
        sa.Column(
            "customer_sort", sqlmodel.sql.sqltypes.AutoString(), server_default="", nullable=False
        ),
    )
    op.add_column("inquiry", sa.Column("value_sort", sa.Float(), nullable=True))
    op.execute(
        "UPDATE inquiry SET customer_sort = coalesce((SELECT lower(c.name) FROM customer AS c"
        " WHERE c.id = inquiry.customer_id), '')"
    )
    for name, body in _indexes().items():
        op.execute(f"CREATE INDEX {name} {body}")
    for name, body in _TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body} END")
    op.execute("INSERT INTO customer_match_dirty (customer_id) SELECT id FROM customer")


def downgrade() -> None:
    for name in reversed(list(_TRIGGERS)):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in _indexes():
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_column("inquiry", "value_sort")
    op.drop_column("inquiry", "customer_sort")
    op.drop_index("ix_customer_match_key_lookup", table_name="customer_match_key")
    op.drop_index("ix_customer_match_key_customer_id", table_name="customer_match_key")
    op.drop_table("customer_match_key")
    op.drop_table("customer_match_dirty")
    op.drop_table("inbox_sort_default")
