"""The full-text index deferred to the end of a mail batch (migration 0010, storage/fts.py).

What must hold: after an import through the CLI every inquiry's search document is what a
full rebuild would write; the pause is never seen by another connection, never outlives
its transaction (a rolled-back batch leaves the index live for the next writer), and the
migration keeps the index live both ways.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from soloservice.paths import database_path
from soloservice.services.mail_outcomes import MailSource, Outcome
from soloservice.services.registry import Services
from soloservice.storage.migrate import alembic_config
from tests.services.test_mail_import_batch import import_maildir, write_maildir

#: every inquiry's document as 0006's full rebuild writes it
REBUILT = (
    "SELECT i.id, i.subject, c.name || ' ' || coalesce((SELECT group_concat(ci.value, ' ')"
    " FROM customer_identity AS ci WHERE ci.customer_id = c.id), ''),"
    " coalesce((SELECT group_concat(m.text, char(10)) FROM message AS m"
    " WHERE m.inquiry_id = i.id), '')"
    " FROM inquiry AS i JOIN customer AS c ON c.id = i.customer_id ORDER BY i.id"
)
INDEXED = "SELECT rowid, subject, who, body FROM inquiry_fts ORDER BY rowid"


def mail(n: int, subject: str, body: str, reply_to: int | None = None) -> bytes:
    thread = f"In-Reply-To: <fts{reply_to}@example.com>\r\n" if reply_to is not None else ""
    sender = n if reply_to is None else reply_to
    return (
        f"From: Kunde {sender} <kunde{sender}@example.com>\r\nTo: hej@butik.dk\r\n"
        f"Subject: {subject}\r\nMessage-ID: <fts{n}@example.com>\r\n{thread}"
        f"Date: Tue, 24 Nov 2026 09:{n:02d}:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def mails() -> list[bytes]:
    first = [mail(n, f"Ordre {n}", f"Hej, hvor er ordre nummer {n}? Mvh") for n in range(12)]
    replies = [
        mail(20 + n, f"Re: Ordre {n}", f"Stadig ingen pakke, blåbærgrød nummer {n}", reply_to=n)
        for n in range(0, 12, 3)
    ]
    return first + replies


def raw_rows(data_dir: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database_path(data_dir)) as conn:
        return conn.execute(sql).fetchall()


def test_an_import_indexes_every_inquiry_as_a_full_rebuild_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "store"
    summary = import_maildir(capsys, data_dir, write_maildir(tmp_path / "box", mails()))
    assert (summary["new_inquiries"], summary["added_to_existing"]) == (12, 4)
    indexed = raw_rows(data_dir, INDEXED)
    assert len(indexed) == 12  # the replies joined their cases
    assert indexed == raw_rows(data_dir, REBUILT)
    assert raw_rows(data_dir, "SELECT count(*) FROM inquiry_fts_pause") == [(0,)]
    assert raw_rows(data_dir, "SELECT count(*) FROM inquiry_fts_pending") == [(0,)]
    services = Services.open(data_dir)
    try:  # a word only a reply has finds its case
        hits = services.search.search("blåbærgrød", prefix_last=False)
        assert sorted(h.subject for h in hits) == [f"Ordre {n}" for n in (0, 3, 6, 9)]
    finally:
        services.close()


def test_no_other_connection_sees_the_pause_and_a_rolled_back_batch_leaves_none(
    tmp_path: Path,
) -> None:
    services = Services.open(tmp_path)
    seen: list[tuple[object, ...]] = []

    def peek_then_fail(position: int, _outcome: Outcome) -> bool:
        # the batch's transaction is open and paused: a reader sees the committed store
        with sqlite3.connect(database_path(tmp_path)) as reader:
            seen.extend(reader.execute("SELECT count(*) FROM inquiry_fts_pause").fetchall())
        raise RuntimeError("the disk went away")

    try:
        ingest = services.make_ingest()
        prepared = [ingest.prepare(raw, MailSource(source="maildir")) for raw in mails()[:3]]
        with pytest.raises(RuntimeError, match="disk went away"):
            ingest.store_batch(services.ctx.db.session, prepared, after_each=peek_then_fail)
        assert seen == [(0,)]
        assert raw_rows(tmp_path, "SELECT count(*) FROM inquiry_fts_pause") == [(0,)]
        assert raw_rows(tmp_path, "SELECT count(*) FROM inquiry") == [(0,)]
        # the next writer, one mail at a time, is indexed by the live triggers at once
        with services.ctx.db.session() as session:
            ingest.ingest(session, mails()[0], MailSource(source="maildir"))
        assert raw_rows(tmp_path, INDEXED) == raw_rows(tmp_path, REBUILT)
        assert len(services.search.search("ordre", prefix_last=False)) == 1
    finally:
        services.close()


def _another_message(path: Path, text: str) -> None:
    """A copy of the first message with ``text``, written with raw sqlite3 (a script)."""
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(message)") if r[1] != "id"]
        chosen = ", ".join("?" if c == "text" else c for c in columns)
        conn.execute(
            f"INSERT INTO message ({', '.join(columns)}) SELECT {chosen} FROM message"
            " WHERE id = (SELECT min(id) FROM message)",
            (text,),
        )


def _deferred_triggers(path: Path) -> int:
    query = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%deferred'"
    return int(str(raw_rows(path.parent, query)[0][0]))


def test_0010_keeps_the_index_live_both_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    import_maildir(capsys, tmp_path, write_maildir(tmp_path / "box", mails()[:2]))
    path = database_path(tmp_path)
    assert _deferred_triggers(path) == 11
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(engine)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
        assert _deferred_triggers(path) == 0
        _another_message(path, "rabarbergrød efter nedgradering")
        assert raw_rows(tmp_path, INDEXED) == raw_rows(tmp_path, REBUILT)
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0010")
        assert _deferred_triggers(path) == 11
        _another_message(path, "stikkelsbær efter opgradering")
        indexed = raw_rows(tmp_path, INDEXED)
        assert indexed == raw_rows(tmp_path, REBUILT)
        bodies = " ".join(str(row[3]) for row in indexed)
        assert "rabarbergrød" in bodies and "stikkelsbær" in bodies
    finally:
        engine.dispose()
