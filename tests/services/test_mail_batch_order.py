"""A batch writes every row after the rows it refers to, and keeps SQLite's statement
journals in memory while it does: the two things that made a large import slow (issue 14).
Imported through the CLI on a real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import TextClause, insert, text
from sqlmodel import Session

from soloservice.services import mail_batch, mail_import
from soloservice.services.mail_batch import MailBatchStore
from soloservice.services.registry import NOW_ENV, Services
from tests.helpers.mail_env import mail
from tests.services.test_mail_import_batch import import_maildir, write_maildir


def threads() -> list[bytes]:
    """New cases, replies within a batch and across batches, a duplicate, a bare attachment."""
    raws = [mail(n, sender=f"Kunde {n % 4} <k{n % 4}@example.dk>", minute=n) for n in range(1, 9)]
    raws += [mail(10 + n, in_reply_to=f"<c{n}@example.dk>", minute=20 + n) for n in range(1, 9)]
    raws.append(raws[0])
    raws.append(
        mail(30, minute=40, body="", extra="Content-Disposition: attachment; filename=a.txt\r\n")
    )
    return raws


def test_no_row_of_a_batch_waits_for_its_parent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With foreign keys checked at once instead of at commit, the one flush still goes
    through (else the batch would be stored again, carefully, one mail at a time)."""

    def immediate(statement: str) -> TextClause:
        return text(statement.replace("defer_foreign_keys = ON", "defer_foreign_keys = OFF"))

    careful: list[bool] = []
    real = MailBatchStore.ingest_batch

    def spy(self: MailBatchStore, session: Session, *args: Any, **kwargs: Any) -> Any:
        careful.append(bool(kwargs.get("careful")))
        return real(self, session, *args, **kwargs)

    monkeypatch.setattr(mail_batch, "text", immediate)
    monkeypatch.setattr(MailBatchStore, "ingest_batch", spy)
    monkeypatch.setattr(mail_import, "BATCH_SIZE", 6)
    summary = import_maildir(capsys, tmp_path / "data", write_maildir(tmp_path / "box", threads()))
    assert (summary["new_inquiries"], summary["added_to_existing"]) == (9, 8)
    assert summary["duplicates"] == 1
    assert careful and not any(careful)


def test_a_batch_journals_in_memory_and_gives_the_connection_back_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = MailBatchStore.ingest_batch

    def spy(self: MailBatchStore, session: Session, *args: Any, **kwargs: Any) -> Any:
        seen.append(session.execute(text("PRAGMA temp_store")).scalar_one())
        return real(self, session, *args, **kwargs)

    monkeypatch.setattr(MailBatchStore, "ingest_batch", spy)
    monkeypatch.setattr(mail_import, "BATCH_SIZE", 6)
    import_maildir(capsys, tmp_path / "data", write_maildir(tmp_path / "box", threads()))
    assert seen and set(seen) == {2}  # MEMORY, in every batch
    services = Services.open(tmp_path / "data")
    try:
        services.make_ingest().store_batch(services.ctx.db.session, [])
        with services.ctx.db.session() as session:  # an ordinary unit of work after a batch
            assert session.execute(text("PRAGMA temp_store")).scalar_one() == 0
    finally:
        services.close()


def _dump(data_dir: Path) -> list[str]:
    """Every stored row as SQL, but the FTS index's own tables (same terms, any order)."""
    connection = sqlite3.connect(data_dir / "soloservice.sqlite3")
    try:
        return [line for line in connection.iterdump() if "_fts" not in line]
    finally:
        connection.close()


def test_driver_level_inserts_store_what_core_inserts_would(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``insert_objects`` hands values to sqlite3 itself: every stored byte (times as text,
    booleans, the raw mail) must be what SQLAlchemy's ``insert()`` wrote before it."""
    monkeypatch.setenv(NOW_ENV, "2026-11-23T09:00:00+01:00")
    monkeypatch.setattr(mail_import, "BATCH_SIZE", 6)
    box = write_maildir(tmp_path / "box", threads())
    import_maildir(capsys, tmp_path / "driver", box)

    def core(connection: Any, table: Any, objects: Any, keys: Any) -> None:
        connection.execute(insert(table), [{k: getattr(o, k) for k in keys} for o in objects])

    monkeypatch.setattr(mail_batch, "insert_objects", core)
    import_maildir(capsys, tmp_path / "core", box)
    driver, reference = _dump(tmp_path / "driver"), _dump(tmp_path / "core")
    assert any(line.startswith('INSERT INTO "mail_item"') for line in driver)
    assert driver == reference
