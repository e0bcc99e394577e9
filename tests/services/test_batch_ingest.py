"""Batched import (issue 14): one transaction per batch, the ledger asked once per batch,
no savepoint per mail. Through the composed app (``services.mail_import``, the CLI), so the
survey/form hooks and the real ingest factory are the ones in use."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import col, select

from soloservice.services.mail_import import BATCH_SIZE
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.tables import CustomerRow
from tests.helpers.eml import eml
from tests.helpers.factories import every_inquiry

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def maildir(path: Path, raws: list[bytes]) -> Path:
    box = mailbox.Maildir(path, create=True)
    for raw in raws:
        box.add(raw)
    box.close()
    return path


@contextmanager
def statements(services: Services) -> Iterator[list[str]]:
    """Every SQL statement the store runs inside the block."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        seen.append(" ".join(sql.split()))

    engine = services.ctx.db.engine  # the statements themselves are what this file proves
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def outcomes(services: Services) -> list[tuple[str, str]]:
    """Every ledger row's outcome: the ledger is storage only (no service lists all of it)."""
    with services.ctx.db.read_session() as session:
        rows = session.exec(
            select(MailItemRow.outcome, MailItemRow.reason).order_by(col(MailItemRow.id))
        ).all()
    return [(str(o), str(r)) for o, r in rows]


def test_the_ledger_is_asked_once_per_batch_not_once_per_mail(
    services: Services, tmp_path: Path
) -> None:
    raws = [
        eml(n, when=WHEN + timedelta(minutes=n), sender=f"K{n} <k{n}@example.dk>",
            subject=f"Sag {n}")
        for n in range(40)
    ]  # fmt: skip
    path = maildir(tmp_path / "Maildir", raws)
    with statements(services) as seen:
        summary = services.mail_import.import_path(path)
    assert summary.new_inquiries == 40
    ledger_reads = [s for s in seen if s.startswith("SELECT") and "FROM mail_item" in s]
    # the duplicate and place checks: a handful of statements for the whole batch (they
    # were four or five per mail before), and no savepoint per mail
    assert len(ledger_reads) <= 5, ledger_reads
    assert not [s for s in seen if s.startswith("SAVEPOINT")]
    assert sum(1 for s in seen if s.startswith("BEGIN IMMEDIATE")) >= 1


def test_copies_inside_one_batch_are_stored_once(services: Services, tmp_path: Path) -> None:
    first = eml(1, when=WHEN)
    same_content = b"Received: from relay.example (relay) by mx; Fri, 20 Nov 2026\r\n" + first
    folder = tmp_path / "eml"  # .eml files are taken in name order (the Dates are equal)
    folder.mkdir()
    for name, raw in (("a", first), ("b", first), ("c", same_content)):
        (folder / f"{name}.eml").write_bytes(raw)
    path = folder
    summary = services.mail_import.import_path(path)
    assert (summary.new_inquiries, summary.duplicates) == (1, 2)
    with services.ctx.db.read_session() as session:  # the ledger's duplicate links and bytes
        items = session.exec(select(MailItemRow).order_by(col(MailItemRow.id))).all()
    assert [i.outcome for i in items] == ["imported", "duplicate", "duplicate"]
    assert {i.duplicate_of for i in items[1:]} == {items[0].id}
    raw_kept = sorted(len(i.raw) > 0 for i in items[1:])
    assert raw_kept == [False, True]  # the byte copy points at the first; the other keeps its bytes
    again = services.mail_import.import_path(path)
    assert (again.fetched, again.duplicates, again.new_inquiries) == (3, 3, 0)
    assert len(outcomes(services)) == 3  # the places were read before: no new ledger rows


def test_a_mail_that_cannot_be_stored_is_quarantined_and_the_batch_goes_on(
    services: Services, tmp_path: Path
) -> None:
    raws = [
        eml(n, when=WHEN + timedelta(minutes=n), sender=f"K{n} <k{n}@example.dk>",
            subject=f"Sag {n}")
        for n in range(6)
    ]  # fmt: skip
    # a From the customer register refuses (the SpamAssassin corpus has such mail)
    raws.insert(3, eml(99, when=WHEN + timedelta(minutes=3, seconds=30), sender="x <@21cn.com>"))
    path = maildir(tmp_path / "Maildir", raws)
    summary = services.mail_import.import_path(path)
    assert (summary.new_inquiries, summary.quarantined) == (6, 1)
    rows = outcomes(services)
    assert [o for o, _ in rows].count("imported") == 6
    (reason,) = [r for o, r in rows if o == "quarantined"]
    assert reason.startswith("The message could not be stored (InvalidInput:")
    # nothing half-stored for the refused mail: no customer, no case
    assert len(services.customers.all()) == 6
    assert len(every_inquiry(services)) == 6


def test_batches_larger_than_one_and_replies_across_batches(
    services: Services, tmp_path: Path
) -> None:
    count = BATCH_SIZE + 10
    raws = [eml(0, when=WHEN, subject="Ødelagt kop")]
    raws += [
        eml(n, when=WHEN + timedelta(minutes=n), subject="Re: Ødelagt kop",
            in_reply_to="<m0@example.dk>", body=f"Svar {n}")
        for n in range(1, count)
    ]  # fmt: skip
    path = maildir(tmp_path / "Maildir", raws)
    summary = services.mail_import.import_path(path)
    assert (summary.new_inquiries, summary.added_to_existing) == (1, count - 1)


def test_reprocess_still_works_on_a_quarantined_item(services: Services, tmp_path: Path) -> None:
    path = maildir(tmp_path / "Maildir", [b"this is not a mail at all\r\n"])
    summary = services.mail_import.import_path(path)
    assert summary.quarantined == 1
    (item,) = services.mail_sync.quarantined()
    item_id = item.id
    assert services.mail_sync.reprocess(item_id).value == "quarantined"


@pytest.mark.parametrize("kind", ["maildir"])
def test_import_through_the_cli(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.cli import run_json

    raws = [eml(n, when=WHEN + timedelta(minutes=n), subject=f"Sag {n}") for n in range(3)]
    path = maildir(tmp_path / "Maildir", raws)
    data = tmp_path / "data"
    out = run_json(capsys, "--data-dir", str(data), "--create", "import", kind, str(path))
    assert (out["fetched"], out["new_inquiries"], out["duplicates"]) == (3, 3, 0)


def test_a_mail_failing_inside_the_batch_is_quarantined_and_the_rest_retried(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No savepoint per mail: the batch is rolled back and stored again without it.

    The step that breaks writes first (a customer row it flushes), so a batch that were not
    rolled back would keep half of mail 4.
    """
    from soloservice.services.mail_placing import MailPlacing

    real = MailPlacing._attachments

    def attachments(self: MailPlacing, session: Any, first: Any, parsed: Any, item: Any) -> None:
        if parsed.subject == "boom":
            session.add(CustomerRow(name="half-stored", created_at=WHEN))  # rolled back, or else
            session.flush()
            raise RuntimeError("the hook broke")
        real(self, session, first, parsed, item)

    monkeypatch.setattr(MailPlacing, "_attachments", attachments)
    raws = [
        eml(n, when=WHEN + timedelta(minutes=n), sender=f"K{n} <k{n}@example.dk>",
            subject="boom" if n == 4 else f"Sag {n}")
        for n in range(8)
    ]  # fmt: skip
    summary = services.mail_import.import_path(maildir(tmp_path / "Maildir", raws))
    assert (summary.new_inquiries, summary.quarantined) == (7, 1)
    rows = outcomes(services)
    assert len(rows) == 8
    (reason,) = [r for o, r in rows if o == "quarantined"]
    assert reason == "The message could not be stored (RuntimeError: the hook broke)."
    names = [c.name for c in services.customers.all()]
    assert "half-stored" not in names and len(names) == 7
