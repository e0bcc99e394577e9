"""full-text index: a writer of many rows can defer it to the end of its transaction

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 04:40:00

Issue 14: the 0006 triggers rebuild an inquiry's document for every row that touches it.
A mail batch inserts an inquiry and then its messages, so each new case was indexed twice
and deleted once, and a reply re-tokenised every earlier message of its case: a sixth of
a large import. Now every trigger has two forms. While ``inquiry_fts_pause`` is empty (always,
outside a batch's transaction) the live form rebuilds the document as before. While it
holds a row, the deferred form only notes the inquiry ids in ``inquiry_fts_pending``, and
the writer rebuilds those documents in one statement before it commits
(``storage/fts.py``: ``index_deferred``). The pause row is written inside the
writer's own ``BEGIN IMMEDIATE`` transaction, so no other connection ever sees it, and a
writer killed before its commit leaves neither the pause nor its rows behind.

This file keeps its own copy of the SQL on purpose: a migration must not change when the
application code does.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_PAUSED = "EXISTS (SELECT 1 FROM inquiry_fts_pause)"
_LIVE = "NOT " + _PAUSED


def _reindex_inquiry(inquiry_id: str) -> str:
    # as 0006: INSERT ... VALUES with scalar subqueries (no temporary table per row)
    who = (
        "(SELECT c.name || ' ' || coalesce((SELECT group_concat(ci.value, ' ')"
        " FROM customer_identity AS ci WHERE ci.customer_id = c.id), '')"
        f" FROM inquiry AS i JOIN customer AS c ON c.id = i.customer_id WHERE i.id = {inquiry_id})"
    )
    body = (
        "coalesce((SELECT group_concat(m.text, char(10)) FROM message AS m"
        f" WHERE m.inquiry_id = {inquiry_id}), '')"
    )
    return (
        f"DELETE FROM inquiry_fts WHERE rowid = {inquiry_id}; "
        "INSERT INTO inquiry_fts(rowid, subject, who, body) VALUES"
        f" ({inquiry_id}, (SELECT subject FROM inquiry WHERE id = {inquiry_id}), {who}, {body});"
    )


def _reindex_customer(customer_id: str) -> str:
    return (
        "DELETE FROM inquiry_fts WHERE rowid IN"
        f" (SELECT id FROM inquiry WHERE customer_id = {customer_id}); "
        "INSERT INTO inquiry_fts(rowid, subject, who, body)"
        " SELECT i.id, i.subject, c.name || ' ' || coalesce((SELECT group_concat(ci.value, ' ')"
        " FROM customer_identity AS ci WHERE ci.customer_id = c.id), ''),"
        " coalesce((SELECT group_concat(m.text, char(10)) FROM message AS m"
        " WHERE m.inquiry_id = i.id), '')"
        f" FROM inquiry AS i JOIN customer AS c ON c.id = i.customer_id"
        f" WHERE i.customer_id = {customer_id};"
    )


def _note_inquiry(inquiry_id: str) -> str:
    return f"INSERT OR IGNORE INTO inquiry_fts_pending (inquiry_id) VALUES ({inquiry_id});"


def _note_customer(customer_id: str) -> str:
    return (
        "INSERT OR IGNORE INTO inquiry_fts_pending (inquiry_id)"
        f" SELECT id FROM inquiry WHERE customer_id = {customer_id};"
    )


def _exists(inquiry_id: str) -> str:
    return f"EXISTS (SELECT 1 FROM inquiry WHERE id = {inquiry_id})"


#: name -> (event, condition or "", what it is about, the id, inquiry or customer)
_EVENTS: dict[str, tuple[str, str, str, str]] = {
    "inquiry_fts_message_ai": (
        "AFTER INSERT ON message", _exists("NEW.inquiry_id"), "inquiry", "NEW.inquiry_id"),
    "inquiry_fts_message_au": (
        "AFTER UPDATE OF text, inquiry_id ON message", _exists("NEW.inquiry_id"), "inquiry",
        "NEW.inquiry_id"),
    "inquiry_fts_message_moved": (
        "AFTER UPDATE OF inquiry_id ON message",
        f"OLD.inquiry_id IS NOT NEW.inquiry_id AND {_exists('OLD.inquiry_id')}", "inquiry",
        "OLD.inquiry_id"),
    "inquiry_fts_message_ad": (
        "AFTER DELETE ON message", _exists("OLD.inquiry_id"), "inquiry", "OLD.inquiry_id"),
    "inquiry_fts_inquiry_ai": ("AFTER INSERT ON inquiry", "", "inquiry", "NEW.id"),
    "inquiry_fts_inquiry_au": (
        "AFTER UPDATE OF subject, customer_id ON inquiry", "", "inquiry", "NEW.id"),
    "inquiry_fts_customer_au": ("AFTER UPDATE OF name ON customer", "", "customer", "NEW.id"),
    "inquiry_fts_identity_ai": (
        "AFTER INSERT ON customer_identity", "", "customer", "NEW.customer_id"),
    "inquiry_fts_identity_au": (
        "AFTER UPDATE ON customer_identity", "", "customer", "NEW.customer_id"),
    "inquiry_fts_identity_moved": (
        "AFTER UPDATE OF customer_id ON customer_identity",
        "OLD.customer_id IS NOT NEW.customer_id", "customer", "OLD.customer_id"),
    "inquiry_fts_identity_ad": (
        "AFTER DELETE ON customer_identity", "", "customer", "OLD.customer_id"),
}  # fmt: skip


def _when(condition: str, mode: str) -> str:
    return f"WHEN {condition} AND {mode}" if condition else f"WHEN {mode}"


def _old_body(condition: str, about: str, key: str) -> str:
    when = f"WHEN {condition} " if condition else ""
    action = _reindex_inquiry(key) if about == "inquiry" else _reindex_customer(key)
    return f"{when}BEGIN {action}"


def upgrade() -> None:
    op.execute("CREATE TABLE inquiry_fts_pause (id INTEGER PRIMARY KEY CHECK (id = 1))")
    op.execute("CREATE TABLE inquiry_fts_pending (inquiry_id INTEGER PRIMARY KEY)")
    for name, (on, condition, about, key) in _EVENTS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        live = _reindex_inquiry(key) if about == "inquiry" else _reindex_customer(key)
        note = _note_inquiry(key) if about == "inquiry" else _note_customer(key)
        op.execute(f"CREATE TRIGGER {name} {on} {_when(condition, _LIVE)} BEGIN {live} END")
        op.execute(
            f"CREATE TRIGGER {name}_deferred {on} {_when(condition, _PAUSED)} BEGIN {note} END"
        )


def downgrade() -> None:
    for name, (on, condition, about, key) in _EVENTS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}_deferred")
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {on} {_old_body(condition, about, key)} END")
    op.execute("DROP TABLE IF EXISTS inquiry_fts_pending")
    op.execute("DROP TABLE IF EXISTS inquiry_fts_pause")
