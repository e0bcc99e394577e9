"""A customer's rights: a copy of everything about them, and being forgotten.

Forgetting deletes what identifies the person: their identities, every message and
attachment, every raw mail source (the mail ledger rows of their mail, and of what we sent
them), the outbox items to them, the notes and the card's name. What the weekly review
counts stays, stripped of text, so last month's figures do not change when a customer
leaves: the inquiries (dates, channel, kind, status, promise kept), the survey answers'
score and satisfaction and the remedies' kind and cost. They keep pointing at the card,
which becomes a tombstone ("Forgotten customer", no identities, never surveyed): the schema
needs every survey and inquiry to have a customer, and one tombstone per forgotten
customer keeps per-customer figures (value at risk, "wrote again after a remedy") right.

The forget is one transaction with ``secure_delete`` on; afterwards the log is
checkpointed and the file vacuumed, so the deleted bytes do not linger in free pages or
in the WAL. The search index is rebuilt for the same reason. Backups taken before the
forget still hold the customer until they expire: ``forgotten.json`` in the data dir
records who (the id only) was forgotten when, and ``backup list`` marks those backups.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, update

from soloservice.services.context import ServiceContext
from soloservice.services.drafts import DraftStore
from soloservice.services.gdpr_export import CustomerExportSummary, export_customer
from soloservice.services.gdpr_scope import (
    CUSTOMER,
    EVENT,
    IDENTITY,
    INQUIRY,
    MAIL_ITEM,
    MESSAGE,
    OUTBOX,
    REMEDY,
    SURVEY,
    CustomerScope,
    customer_scope,
    table_of,
)
from soloservice.storage.channel_tables import CustomerMergeRow
from soloservice.storage.files import atomic_write
from soloservice.storage.fts import FTS_TABLE

FORGOTTEN_FILE = "forgotten.json"
#: the tombstone's name (stored; the window shows its own translation)
FORGOTTEN_NAME = "Forgotten customer"
#: event kinds whose values are statuses or times, never the customer's words
_SAFE_EVENTS = ("created", "status", "snooze", "kind")
MERGE = table_of(CustomerMergeRow)


@dataclass(frozen=True)
class ForgetPreview:
    customer_id: int
    name: str
    inquiries: int
    messages: int
    identities: int
    attachments: int
    mail_items: int
    outbox: int
    surveys: int
    remedies: int
    #: other cards merged into this one, forgotten with it
    merged_cards: int

    def confirmation(self) -> str:
        return (
            f"add --yes to forget customer {self.customer_id} "
            f"({self.inquiries} inquiries, {self.messages} messages)"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "name": self.name,
            "inquiries": self.inquiries,
            "messages": self.messages,
            "identities": self.identities,
            "attachments": self.attachments,
            "raw_mails": self.mail_items,
            "outbox": self.outbox,
            "surveys": self.surveys,
            "remedies": self.remedies,
            "merged_cards": self.merged_cards,
        }


@dataclass(frozen=True)
class ForgottenEntry:
    customer_id: int
    at: datetime


def _preview(scope: CustomerScope) -> ForgetPreview:
    return ForgetPreview(
        customer_id=scope.customer_id,
        name=scope.name,
        inquiries=len(scope.inquiries),
        messages=len(scope.messages),
        identities=len(scope.identities),
        attachments=len(scope.attachments),
        mail_items=len(scope.mail_items),
        outbox=len(scope.outbox),
        surveys=len(scope.surveys),
        remedies=len(scope.remedies),
        merged_cards=len(scope.customers) - 1,
    )


# -- the forgotten log --------------------------------------------------------------------------


def forgotten_path(data_dir: Path) -> Path:
    return data_dir / FORGOTTEN_FILE


def read_forgotten(data_dir: Path) -> list[ForgottenEntry]:
    """Who was forgotten when (earliest first); a missing or unreadable file is empty."""
    try:
        data = json.loads(forgotten_path(data_dir).read_text(encoding="utf-8"))
        entries = [
            ForgottenEntry(int(e["customer_id"]), datetime.fromisoformat(str(e["at"])))
            for e in data.get("forgotten", [])
        ]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []
    return sorted((e for e in entries if e.at.tzinfo is not None), key=lambda e: e.at)


def _write_forgotten(data_dir: Path, entries: list[ForgottenEntry]) -> None:
    payload = {
        "version": 1,
        "about": "customers forgotten (id and time only); older backups still hold them",
        "forgotten": [{"customer_id": e.customer_id, "at": e.at.isoformat()} for e in entries],
    }
    atomic_write(forgotten_path(data_dir), json.dumps(payload, indent=2) + "\n")


def forgotten_after(data_dir: Path, taken_at: datetime) -> int:
    """How many forgotten customers a backup taken at ``taken_at`` still holds."""
    # Same second counts: a backup name has whole seconds, so "before" cannot be told apart.
    return sum(1 for e in read_forgotten(data_dir) if e.at >= taken_at)


# -- the forget itself --------------------------------------------------------------------------


def _driver(conn: Connection, sql: str) -> None:
    """A pragma or VACUUM straight to the driver: they cannot run inside a transaction."""
    driver = conn.connection.dbapi_connection
    assert driver is not None
    driver.execute(sql)


def _anonymise(conn: Connection, scope: CustomerScope) -> None:
    inquiries, customers = list(scope.inquiries), list(scope.customers)
    conn.execute(delete(OUTBOX).where(OUTBOX.c.id.in_(scope.outbox)))
    conn.execute(delete(MAIL_ITEM).where(MAIL_ITEM.c.id.in_(scope.mail_items)))
    conn.execute(delete(MESSAGE).where(MESSAGE.c.id.in_(scope.messages)))  # + attachments
    conn.execute(delete(IDENTITY).where(IDENTITY.c.id.in_(scope.identities)))
    # a merge record lists the identities it moved: it goes (un-merge is no longer possible)
    conn.execute(
        delete(MERGE).where(MERGE.c.survivor_id.in_(customers) | MERGE.c.merged_id.in_(customers))
    )
    conn.execute(
        update(INQUIRY)
        .where(INQUIRY.c.id.in_(inquiries))
        .values(subject="", snippet="", tags="", kind_reason="")
    )
    conn.execute(
        update(INQUIRY)
        .where(INQUIRY.c.id.in_(inquiries), INQUIRY.c.automatic_reason != "")
        .values(automatic_reason="automatic mail (customer forgotten)")
    )
    conn.execute(
        update(EVENT)
        .where(EVENT.c.inquiry_id.in_(inquiries), EVENT.c.kind.not_in(_SAFE_EVENTS))
        .values(old_value=None, new_value=None)
    )
    conn.execute(
        update(SURVEY)
        .where(SURVEY.c.id.in_(scope.surveys))
        .values(comment="", answer_text="", message_id_header=None)
    )
    conn.execute(update(REMEDY).where(REMEDY.c.id.in_(scope.remedies)).values(note=""))
    conn.execute(
        update(CUSTOMER)
        .where(CUSTOMER.c.id.in_(customers))
        .values(name=FORGOTTEN_NAME, notes="", language_reason="", opted_out=True)
    )
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)
    ).first()
    if exists is not None:  # rewrite the index: no token of theirs stays in old segments
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")


def _drop_drafts(data_dir: Path, inquiries: tuple[int, ...]) -> None:
    """Unsent replies to a forgotten customer go too (best effort: they are the window's)."""
    store = DraftStore(data_dir)
    drafts = store.load()
    kept = {k: v for k, v in drafts.items() if k not in set(inquiries)}
    if len(kept) != len(drafts):
        store.save(kept)


class GdprService:
    """Export everything about one customer; forget one customer."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def data_dir(self) -> Path:
        return self.ctx.data_dir

    def preview(self, customer_id: int) -> ForgetPreview:
        """What ``forget`` would delete, for the confirmation."""
        with self.ctx.db.read_engine.connect() as conn, conn.begin():
            return _preview(customer_scope(conn, customer_id))

    def export(self, customer_id: int, path: Path) -> CustomerExportSummary:
        """Everything about the customer as JSON (see services/gdpr_export.py)."""
        return export_customer(self.ctx, customer_id, path)

    def forgotten(self) -> list[ForgottenEntry]:
        return read_forgotten(self.data_dir)

    def is_forgotten(self, customer_id: int) -> bool:
        return any(e.customer_id == customer_id for e in self.forgotten())

    def forget(self, customer_id: int) -> ForgetPreview:
        """Delete and anonymise (see the module docstring); returns what was removed."""
        now = self.ctx.now()
        log = read_forgotten(self.data_dir)
        with self.ctx.db.engine.connect() as conn:
            _driver(conn, "PRAGMA secure_delete=ON")
            try:
                transaction = conn.begin()  # BEGIN IMMEDIATE
                try:
                    scope = customer_scope(conn, customer_id)
                    _anonymise(conn, scope)
                    known = {e.customer_id for e in log}
                    added = [ForgottenEntry(c, now) for c in scope.customers if c not in known]
                    if added:  # written before the commit; taken back if the commit fails
                        _write_forgotten(self.data_dir, [*log, *added])
                    try:
                        transaction.commit()
                    except BaseException:
                        if added:
                            _write_forgotten(self.data_dir, log)
                        raise
                except BaseException:
                    if transaction.is_active:
                        transaction.rollback()
                    raise
            finally:
                _driver(conn, "PRAGMA secure_delete=OFF")
            self._scrub(conn)
        _drop_drafts(self.data_dir, scope.inquiries)
        return _preview(scope)

    def _scrub(self, conn: Connection) -> None:
        """Move every page out of the log and rewrite the file without free pages."""
        with contextlib.suppress(Exception):  # a reader holding the log: best effort
            _driver(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
            _driver(conn, "VACUUM")
            _driver(conn, "PRAGMA wal_checkpoint(TRUNCATE)")


__all__ = [
    "FORGOTTEN_NAME",
    "ForgetPreview",
    "ForgottenEntry",
    "GdprService",
    "forgotten_after",
    "read_forgotten",
]
