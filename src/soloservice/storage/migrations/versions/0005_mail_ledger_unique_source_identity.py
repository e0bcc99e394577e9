"""mail ledger: unique source identity, raw hash, duplicate_of

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 16:08:03.797035

Old stores may hold the doubles this revision makes impossible (two concurrent syncs stored
the same IMAP uid twice). Nothing is deleted: every extra row keeps its bytes and whatever
it became (its message, its inquiry), gives up its uid (so the new constraint holds) and
points at the first row through ``duplicate_of``. Old "duplicate" rows whose bytes were
blanked get ``duplicate_of`` filled in, so their source can still be found.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 500


def _fill_raw_hashes(conn: sa.Connection) -> None:
    """sha256 of every stored source, in batches so a large ledger is not held in memory."""
    last = 0
    while True:
        rows = conn.execute(
            sa.text("SELECT id, raw FROM mail_item WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            return
        for item_id, raw in rows:
            value = "sha256:" + hashlib.sha256(raw).hexdigest() if raw else ""
            conn.execute(
                sa.text("UPDATE mail_item SET raw_hash = :h WHERE id = :id"),
                {"h": value, "id": item_id},
            )
        last = rows[-1][0]


def _separate_imap_doubles(conn: sa.Connection) -> None:
    groups = conn.execute(
        sa.text(
            "SELECT account_id, folder, uidvalidity, uid, MIN(id) FROM mail_item "
            "WHERE account_id IS NOT NULL AND uidvalidity IS NOT NULL AND uid IS NOT NULL "
            "GROUP BY account_id, folder, uidvalidity, uid HAVING COUNT(*) > 1"
        )
    ).all()
    for account_id, folder, uidvalidity, uid, first in groups:
        conn.execute(
            sa.text(
                "UPDATE mail_item SET uid = NULL, duplicate_of = :first, "
                "reason = TRIM(reason || ' (a second copy of uid ' || :uid || "
                "' stored by a concurrent sync; kept by migration 0005)') "
                "WHERE account_id = :a AND folder = :f AND uidvalidity = :v AND uid = :uid "
                "AND id != :first"
            ),
            {"first": first, "a": account_id, "f": folder, "v": uidvalidity, "uid": uid},
        )


def _link_blanked_duplicates(conn: sa.Connection) -> None:
    """Old duplicates kept no bytes: point each at the first copy the old code read instead."""
    rows = conn.execute(
        sa.text(
            "SELECT id, content_hash, message_id_header FROM mail_item "
            "WHERE outcome = 'duplicate' AND length(raw) = 0 AND duplicate_of IS NULL"
        )
    ).all()
    for item_id, content_hash, message_id in rows:
        first = conn.execute(
            sa.text(
                "SELECT id FROM mail_item WHERE outcome != 'duplicate' AND id != :id "
                "AND (content_hash = :h OR (:m IS NOT NULL AND message_id_header = :m)) "
                "ORDER BY id LIMIT 1"
            ),
            {"id": item_id, "h": content_hash, "m": message_id},
        ).scalar()
        if first is not None:
            conn.execute(
                sa.text("UPDATE mail_item SET duplicate_of = :f WHERE id = :id"),
                {"f": first, "id": item_id},
            )


def upgrade() -> None:
    with op.batch_alter_table("mail_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "raw_hash",
                sqlmodel.sql.sqltypes.AutoString(),
                server_default="",
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column("source_path", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("source_key", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("duplicate_of", sa.Integer(), nullable=True))

    conn = op.get_bind()
    _fill_raw_hashes(conn)
    _separate_imap_doubles(conn)
    _link_blanked_duplicates(conn)

    with op.batch_alter_table("mail_item", schema=None) as batch_op:
        batch_op.drop_index("ix_mail_item_uid")
        batch_op.create_index("ix_mail_item_raw_hash", ["raw_hash"], unique=False)
        batch_op.create_unique_constraint(
            "uq_mail_item_imap", ["account_id", "folder", "uidvalidity", "uid"]
        )
        batch_op.create_unique_constraint("uq_mail_item_source", ["source_path", "source_key"])
        batch_op.create_foreign_key(
            "fk_mail_item_duplicate_of",
            "mail_item",
            ["duplicate_of"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("mail_item", schema=None) as batch_op:
        batch_op.drop_constraint("fk_mail_item_duplicate_of", type_="foreignkey")
        batch_op.drop_constraint("uq_mail_item_source", type_="unique")
        batch_op.drop_constraint("uq_mail_item_imap", type_="unique")
        batch_op.drop_index("ix_mail_item_raw_hash")
        batch_op.create_index(
            "ix_mail_item_uid", ["account_id", "folder", "uidvalidity", "uid"], unique=False
        )
        batch_op.drop_column("duplicate_of")
        batch_op.drop_column("source_key")
        batch_op.drop_column("source_path")
        batch_op.drop_column("raw_hash")
