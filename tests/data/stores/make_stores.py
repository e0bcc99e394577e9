"""Make the stores of every earlier schema revision kept in this folder (run by hand).

    .venv/bin/python tests/data/stores/make_stores.py

Each ``store-000N.sqlite3`` is what a founder's database looked like at Alembic revision
000N: the schema is made by that revision's own migration (``command.upgrade(config,
"000N")`` on a fresh file, as tests/storage/test_migrations.py does), then a handful of
realistic rows are written with plain SQL into every table that exists at that revision,
then the file is VACUUMed with 1 KiB pages (each < 200 KB). Only the columns a revision
has are written, so one set of rows serves every revision. The files are committed and
never rebuilt at test time: a later change to the migrations or to this script must not
change what "an old store" is.
tests/storage/test_old_stores.py opens each one through the composition root.

Old stores also hold what old versions really wrote: before 0005 a second copy of a mail
was kept as a "duplicate" with its raw source blanked, and two concurrent syncs could store
the same IMAP uid twice (issue 12). The 0004 store has one of each.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
REVISIONS = ("0001", "0002", "0003", "0004", "0005")
#: a word from an old message the full-text index (0006) must find after the upgrade
SEARCH_WORD = "krakelering"


def mail(n: int, sender: str, subject: str, body: str, when: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: hej@butik.dk\r\nSubject: {subject}\r\n"
        f"Message-ID: <old{n}@example.dk>\r\nDate: {when}\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
        f"\r\n{body}\r\n"
    ).encode()


RAW_1 = mail(
    1,
    "Mette Østergaard <mette@example.dk>",
    "Knust vase",
    f"Hej, min vase kom i stykker, og glasuren har {SEARCH_WORD} over det hele. Mvh Mette",
    "Thu, 05 Nov 2026 09:12:00 +0100",
)
RAW_2 = mail(
    2,
    "Kari Nordmann <kari@example.no>",
    "Levering",
    "Hei! Når kommer pakken min? Hilsen Kari",
    "Mon, 09 Nov 2026 14:03:00 +0100",
)
RAW_3 = mail(
    3,
    "Webshop form <noreply@butik.dk>",
    "Ny besked fra kontaktformular",
    "Navn: Jens Jensen\nEmail: jens@example.dk\nBesked: Har I gavekort?",
    "Tue, 10 Nov 2026 08:00:00 +0100",
)


def t(day: int, hour: int = 9, minute: int = 0) -> str:
    """How SQLAlchemy's DateTime writes a (UTC) time into SQLite."""
    return f"2026-11-{day:02d} {hour:02d}:{minute:02d}:00.000000"


# (table, row, first revision the row is valid in)
ROWS: list[tuple[str, dict[str, Any], str]] = [
    # customers and identities ------------------------------------------------------------
    (
        "customer",
        dict(
            id=1,
            name="Mette Østergaard",
            language="da",
            notes="Stamkunde",
            annual_value=2400.0,
            expected_years=5.0,
            created_at=t(1),
            customer_since="2021-03-01 00:00:00.000000",
            opted_out=0,
            language_source="mail",
            language_reason="Danish words",
        ),
        "0001",
    ),
    (
        "customer",
        dict(id=2, name="Kari Nordmann", language="nb", notes="", created_at=t(2), opted_out=1),
        "0001",
    ),
    (
        "customer",
        dict(
            id=3,
            name="Jens Jensen",
            language="da",
            notes="ringer helst",
            annual_value=600.0,
            created_at=t(3),
            opted_out=0,
        ),
        "0001",
    ),
    (
        "customer",
        dict(
            id=4,
            name="Sam Taylor",
            language="en",
            notes="",
            created_at=t(4),
            opted_out=0,
            sender_verdict="",
        ),
        "0001",
    ),
    (
        "customer",
        dict(
            id=5,
            name="J. Jensen",
            language="da",
            notes="",
            created_at=t(5),
            opted_out=0,
            merged_into_id=3,
        ),
        "0002",
    ),
    (
        "customer_identity",
        dict(id=1, customer_id=1, kind="email", value="mette@example.dk"),
        "0001",
    ),
    ("customer_identity", dict(id=2, customer_id=1, kind="phone", value="+4520123456"), "0001"),
    ("customer_identity", dict(id=3, customer_id=2, kind="email", value="kari@example.no"), "0001"),
    (
        "customer_identity",
        dict(id=4, customer_id=2, kind="instagram", value="kari.nordmann"),
        "0001",
    ),
    ("customer_identity", dict(id=5, customer_id=3, kind="phone", value="+4531313131"), "0001"),
    ("customer_identity", dict(id=6, customer_id=3, kind="email", value="jens@example.dk"), "0001"),
    ("customer_identity", dict(id=7, customer_id=4, kind="x", value="samtaylor"), "0001"),
    ("customer_identity", dict(id=8, customer_id=4, kind="facebook", value="100042"), "0001"),
    # inquiries on several channels and statuses -----------------------------------------
    (
        "inquiry",
        dict(
            id=1,
            customer_id=1,
            channel="email",
            subject="Knust vase",
            snippet="min vase kom i stykker",
            kind="complaint",
            status="resolved",
            received_at=t(5, 8, 12),
            first_response_at=t(5, 10),
            due_at=t(5, 16),
            resolved_at=t(6, 11),
            last_activity_at=t(6, 11),
            tags="vase,glas",
            promise_kept=1,
            promise_margin_s=21600,
            ack_sent_at=t(5, 8, 20),
            closed_loop=1,
            kind_source="auto",
            kind_reason="broken",
        ),
        "0001",
    ),
    (
        "inquiry",
        dict(
            id=2,
            customer_id=2,
            channel="email",
            subject="Levering",
            snippet="Når kommer pakken min?",
            kind="question",
            status="open",
            received_at=t(9, 13, 3),
            due_at=t(10, 13),
            last_activity_at=t(9, 13, 3),
            tags="",
            needs_reply_since=t(9, 13, 3),
        ),
        "0001",
    ),
    (
        "inquiry",
        dict(
            id=3,
            customer_id=3,
            channel="phone",
            subject="Opkald: gavekort",
            snippet="Har I gavekort?",
            kind="question",
            status="waiting",
            received_at=t(10, 7),
            first_response_at=t(10, 7),
            last_activity_at=t(10, 7),
            tags="gavekort",
            promise_kept=1,
            promise_margin_s=3600,
        ),
        "0001",
    ),
    (
        "inquiry",
        dict(
            id=4,
            customer_id=3,
            channel="form",
            subject="Kontaktformular",
            snippet="Har I gavekort?",
            kind="question",
            status="new",
            received_at=t(10, 7, 1),
            due_at=t(11, 7),
            last_activity_at=t(10, 7, 1),
            tags="",
        ),
        "0001",
    ),
    (
        "inquiry",
        dict(
            id=5,
            customer_id=4,
            channel="x",
            subject="Tweet",
            snippet="Love the mugs!",
            kind="praise",
            status="closed",
            received_at=t(11, 18),
            resolved_at=t(12, 9),
            last_activity_at=t(12, 9),
            tags="",
        ),
        "0001",
    ),
    (
        "inquiry",
        dict(
            id=6,
            customer_id=2,
            channel="instagram",
            subject="Instagram DM",
            snippet="Farge?",
            kind="question",
            status="open",
            received_at=t(12, 20),
            due_at=t(13, 20),
            snoozed_until=t(13, 8),
            last_activity_at=t(12, 20),
            tags="",
            reopened_count=1,
        ),
        "0001",
    ),
    (
        "inquiry",
        dict(
            id=7,
            customer_id=4,
            channel="facebook",
            subject="Facebook message",
            snippet="Broken handle",
            kind="complaint",
            status="open",
            received_at=t(13, 10),
            due_at=t(14, 10),
            last_activity_at=t(13, 10),
            tags="",
            at_risk_public=1,
        ),
        "0001",
    ),
    # messages ---------------------------------------------------------------------------
    (
        "message",
        dict(
            id=1,
            inquiry_id=1,
            direction="in",
            channel="email",
            author="Mette Østergaard",
            sent_at=t(5, 8, 12),
            text=f"Hej, min vase kom i stykker, og glasuren har {SEARCH_WORD} over "
            "det hele. Mvh Mette",
            external_id="<old1@example.dk>",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=2,
            inquiry_id=1,
            direction="out",
            channel="email",
            author="Anne",
            text="Undskyld! Vi sender en ny vase i dag.",
            sent_at=t(5, 10),
            html="<p>Undskyld! Vi sender en ny vase i dag.</p>",
            external_id="<r1@butik.dk>",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=3,
            inquiry_id=1,
            direction="note",
            channel="email",
            author="Anne",
            text="Ny vase sendt med GLS",
            sent_at=t(5, 10, 5),
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=4,
            inquiry_id=2,
            direction="in",
            channel="email",
            author="Kari Nordmann",
            text="Hei! Når kommer pakken min? Hilsen Kari",
            sent_at=t(9, 13, 3),
            external_id="<old2@example.dk>",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=5,
            inquiry_id=3,
            direction="in",
            channel="phone",
            author="Jens Jensen",
            text="Ringede om gavekort",
            sent_at=t(10, 7),
            call_duration_s=240,
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=6,
            inquiry_id=4,
            direction="in",
            channel="form",
            author="Jens Jensen",
            text="Har I gavekort?",
            sent_at=t(10, 7, 1),
            external_id="<old3@example.dk>",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=7,
            inquiry_id=5,
            direction="in",
            channel="x",
            author="samtaylor",
            text="Love the mugs!",
            sent_at=t(11, 18),
            external_id="x:9001",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=8,
            inquiry_id=6,
            direction="in",
            channel="instagram",
            author="kari.nordmann",
            text="Hvilken farge har koppen?",
            sent_at=t(12, 20),
            external_id="ig:77",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=9,
            inquiry_id=7,
            direction="in",
            channel="facebook",
            author="Sam Taylor",
            text="The handle broke off my mug",
            sent_at=t(13, 10),
            external_id="fb:m_5",
        ),
        "0001",
    ),
    (
        "message",
        dict(
            id=10,
            inquiry_id=1,
            direction="out",
            channel="email",
            author="Anne",
            text="Vi har modtaget din henvendelse og svarer inden kl. 16.",
            sent_at=t(5, 8, 20),
            external_id="<ack1@butik.dk>",
            is_ack=1,
        ),
        "0002",
    ),
    # events -----------------------------------------------------------------------------
    (
        "inquiry_event",
        dict(id=1, inquiry_id=1, at=t(5, 8, 12), kind="created", new_value="new"),
        "0001",
    ),
    (
        "inquiry_event",
        dict(id=2, inquiry_id=1, at=t(5, 10), kind="status", old_value="new", new_value="open"),
        "0001",
    ),
    (
        "inquiry_event",
        dict(
            id=3, inquiry_id=1, at=t(6, 11), kind="status", old_value="open", new_value="resolved"
        ),
        "0001",
    ),
    (
        "inquiry_event",
        dict(id=4, inquiry_id=3, at=t(10, 7), kind="status", old_value="open", new_value="waiting"),
        "0001",
    ),
    (
        "inquiry_event",
        dict(id=5, inquiry_id=6, at=t(12, 21), kind="snoozed", new_value=t(13, 8)),
        "0001",
    ),
    # mail (0002 on) ---------------------------------------------------------------------
    (
        "mail_account",
        dict(
            id=1,
            name="shop",
            email="hej@butik.dk",
            display_name="Butik",
            imap_host="imap.example.dk",
            imap_port=993,
            imap_security="ssl",
            smtp_host="smtp.example.dk",
            smtp_port=465,
            smtp_security="ssl",
            username="hej@butik.dk",
            password_env="SHOP_MAIL_PASSWORD",
            folder="INBOX",
            sent_folder="Sendt",
            signature="Venlig hilsen\nAnne, Butik",
            enabled=1,
            created_at=t(1),
            last_sync_at=t(13, 12),
            last_error=None,
        ),
        "0002",
    ),
    (
        "mail_folder_state",
        dict(id=1, account_id=1, folder="INBOX", uidvalidity=1700000001, last_uid=3),
        "0002",
    ),
    (
        "mail_item",
        dict(
            id=1,
            account_id=1,
            source="imap",
            folder="INBOX",
            uidvalidity=1700000001,
            uid=1,
            message_id_header="<old1@example.dk>",
            content_hash="sha1:aaaa1",
            outcome="stored",
            reason="",
            subject="Knust vase",
            from_addr="mette@example.dk",
            message_row_id=1,
            fetched_at=t(5, 8, 13),
            raw=RAW_1,
        ),
        "0002",
    ),
    (
        "mail_item",
        dict(
            id=2,
            account_id=1,
            source="imap",
            folder="INBOX",
            uidvalidity=1700000001,
            uid=2,
            message_id_header="<old2@example.dk>",
            content_hash="sha1:bbbb2",
            outcome="stored",
            reason="",
            subject="Levering",
            from_addr="kari@example.no",
            message_row_id=4,
            fetched_at=t(9, 13, 4),
            raw=RAW_2,
        ),
        "0002",
    ),
    (
        "mail_item",
        dict(
            id=3,
            account_id=None,
            source="mbox",
            folder="archive.mbox",
            message_id_header="<old3@example.dk>",
            content_hash="sha1:cccc3",
            outcome="form",
            reason="web form: Webshop",
            subject="Ny besked fra kontaktformular",
            from_addr="noreply@butik.dk",
            message_row_id=6,
            fetched_at=t(10, 7, 2),
            raw=RAW_3,
            source_path="/home/anne/archive.mbox",
            source_key="0",
        ),
        "0002",
    ),
    (
        "mail_item",
        dict(
            id=4,
            account_id=1,
            source="smtp",
            folder="",
            message_id_header="<r1@butik.dk>",
            content_hash="sent:<r1@butik.dk>",
            outcome="own",
            reason="sent by SoloService",
            subject="Re: Knust vase [#1]",
            from_addr="hej@butik.dk",
            message_row_id=2,
            fetched_at=t(5, 10),
            raw=b"From: hej@butik.dk\r\nMessage-ID: <r1@butik.dk>\r\n\r\nUndskyld!\r\n",
        ),
        "0002",
    ),
    (
        "attachment",
        dict(
            id=1,
            message_id=1,
            mail_item_id=1,
            filename="vase.jpg",
            content_type="image/jpeg",
            size=48213,
            part_index=2,
        ),
        "0002",
    ),
    (
        "outbox",
        dict(
            id=1,
            inquiry_id=1,
            account_id=1,
            purpose="reply",
            to_addr="mette@example.dk",
            subject="Re: Knust vase [#1]",
            body="Undskyld! Vi sender en ny vase i dag.\n",
            message_id_header="<r1@butik.dk>",
            in_reply_to="<old1@example.dk>",
            references="<old1@example.dk>",
            status="sent",
            attempts=1,
            created_at=t(5, 9, 59),
            sent_at=t(5, 10),
            message_row_id=2,
        ),
        "0002",
    ),
    (
        "outbox",
        dict(
            id=2,
            inquiry_id=2,
            account_id=1,
            purpose="reply",
            to_addr="kari@example.no",
            subject="Re: Levering [#2]",
            body="Pakken er på vei.\n",
            message_id_header="<r2@butik.dk>",
            in_reply_to="<old2@example.dk>",
            references="<old2@example.dk>",
            status="pending",
            attempts=2,
            last_error="connection: timed out",
            created_at=t(9, 14),
            next_attempt_at=t(9, 14, 5),
        ),
        "0002",
    ),
    (
        "outbox_attachment",
        dict(
            id=1,
            outbox_id=2,
            filename="sporing.pdf",
            content_type="application/pdf",
            data=b"%PDF-1.4 tracking\n",
        ),
        "0002",
    ),
    (
        "remedy",
        dict(
            id=1, inquiry_id=1, kind="replacement", cost=349.0, note="Ny vase sendt", at=t(5, 10, 5)
        ),
        "0002",
    ),
    (
        "remedy",
        dict(id=2, inquiry_id=1, kind="apology_mail", cost=0.0, note="", at=t(5, 10)),
        "0002",
    ),
    (
        "survey",
        dict(
            id=1,
            customer_id=1,
            inquiry_id=1,
            kind="followup",
            status="answered",
            skip_reason="",
            channel="email",
            include_score=1,
            scheduled_for=t(9),
            asked_at=t(9, 9),
            message_id_header="<s1@butik.dk>",
            answered_at=t(9, 12),
            satisfied=1,
            score=9,
            comment="Tak for hurtig hjælp",
            answer_text="Ja, 9",
            created_at=t(6, 11),
        ),
        "0002",
    ),
    (
        "survey",
        dict(
            id=2,
            customer_id=2,
            inquiry_id=None,
            kind="pulse",
            status="skipped",
            skip_reason="opted out",
            channel="email",
            include_score=1,
            comment="",
            answer_text="",
            created_at=t(10),
        ),
        "0002",
    ),
    (
        "survey",
        dict(
            id=3,
            customer_id=3,
            inquiry_id=3,
            kind="followup",
            status="scheduled",
            skip_reason="",
            channel="phone",
            include_score=0,
            scheduled_for=t(20),
            comment="",
            answer_text="",
            created_at=t(10, 7),
        ),
        "0002",
    ),
    (
        "reply_template",
        dict(
            id=1,
            key="thanks",
            name="Tak",
            language="da",
            subject="Tak",
            body="Hej {first_name}\n\nTak for din besked.",
            channels="email",
            shortcut="Ctrl+1",
            updated_at=t(1),
        ),
        "0002",
    ),
    (
        "reply_template",
        dict(
            id=2,
            key="thanks",
            name="Takk",
            language="nb",
            subject="Takk",
            body="Hei {first_name}\n\nTakk for meldingen.",
            channels="email",
            updated_at=t(1),
        ),
        "0002",
    ),
    (
        "form_rule",
        dict(
            id=1,
            name="Webshop",
            sender_pattern="noreply@butik.dk",
            subject_pattern="kontaktformular",
            field_map_json='{"name": "Navn", "email": "Email", "message": "Besked"}',
            enabled=1,
            created_at=t(1),
        ),
        "0002",
    ),
    (
        "csv_mapping",
        dict(id=1, name="Typeform", mapping_json='{"email": "E-mail"}', created_at=t(1)),
        "0002",
    ),
    (
        "channel_check",
        dict(
            id=1,
            name="Trustpilot",
            channel="form",
            url="https://dk.trustpilot.com/review/butik.dk",
            archived=0,
            created_at=t(1),
        ),
        "0002",
    ),
    ("channel_tick", dict(id=1, check_id=1, at=t(12, 9), note="ingen nye"), "0002"),
    (
        "customer_merge",
        dict(
            id=1,
            survivor_id=3,
            merged_id=5,
            moved_json='{"identities": [], "inquiries": []}',
            at=t(10, 8),
        ),
        "0002",
    ),
    (
        "import_key",
        dict(id=1, source="x", key="9001", message_row_id=7, imported_at=t(11, 18)),
        "0002",
    ),
    (
        "social_account",
        dict(
            id=1,
            name="shop-x",
            platform="x",
            account_ref="butik_dk",
            token_env="X_TOKEN",
            cursor="9001",
            enabled=1,
            created_at=t(1),
            last_sync_at=t(12, 8),
        ),
        "0002",
    ),
    # 0003: mail that belongs to no case (the NPS pulse question) --------------------------
    (
        "outbox",
        dict(
            id=3,
            inquiry_id=None,
            survey_id=2,
            account_id=1,
            purpose="survey",
            to_addr="kari@example.no",
            subject="Hvor sannsynlig er det ...",
            body="Svar med et tall fra 0 til 10.\n",
            message_id_header="<p1@butik.dk>",
            references="",
            status="failed",
            attempts=1,
            last_error="rejected: 550 no such user",
            created_at=t(10),
        ),
        "0003",
    ),
]

#: what old versions wrote and 0005 cleans up: a blanked duplicate and a uid stored twice
OLD_DOUBLES: list[tuple[str, dict[str, Any], str]] = [
    (
        "mail_item",
        dict(
            id=5,
            account_id=1,
            source="imap",
            folder="INBOX",
            uidvalidity=1700000001,
            uid=3,
            message_id_header="<old1@example.dk>",
            content_hash="sha1:aaaa1",
            outcome="duplicate",
            reason="same Message-ID as item 1",
            subject="Knust vase",
            from_addr="mette@example.dk",
            fetched_at=t(5, 9),
            raw=b"",
        ),
        "0002",
    ),
    (
        "mail_item",
        dict(
            id=6,
            account_id=1,
            source="imap",
            folder="INBOX",
            uidvalidity=1700000001,
            uid=2,
            message_id_header="<old2@example.dk>",
            content_hash="sha1:bbbb2",
            outcome="stored",
            reason="",
            subject="Levering",
            from_addr="kari@example.no",
            message_row_id=4,
            fetched_at=t(9, 13, 4),
            raw=RAW_2,
        ),
        "0002",
    ),
]


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info('{table}')")]


def fill(conn: sqlite3.Connection, revision: str) -> dict[str, int]:
    rows = ROWS + (OLD_DOUBLES if revision == "0004" else [])
    written: dict[str, int] = {}
    for table, row, since in rows:
        if since > revision:
            continue
        have = columns(conn, table)
        assert have, f"{table} does not exist at {revision}"
        values = {k: v for k, v in row.items() if k in have}
        names = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" for _ in values)
        conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(values.values()))
        written[table] = written.get(table, 0) + 1
    if revision >= "0005":  # 0005 has raw_hash: what the code of that time wrote
        import hashlib

        for item_id, raw in conn.execute("SELECT id, raw FROM mail_item").fetchall():
            digest = "sha256:" + hashlib.sha256(raw).hexdigest() if raw else ""
            conn.execute("UPDATE mail_item SET raw_hash = ? WHERE id = ?", (digest, item_id))
    return written


def make(revision: str, target: Path) -> dict[str, int]:
    from alembic import command
    from sqlalchemy import create_engine

    from soloservice.storage.migrate import alembic_config

    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys=ON")
    with conn:
        written = fill(conn, revision)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA page_size=1024")  # ~40 tables and indexes: small pages, small file
    conn.execute("VACUUM")
    conn.close()
    return written


def main() -> int:
    sys.path.insert(0, str(REPO / "src"))
    for revision in REVISIONS:
        target = HERE / f"store-{revision}.sqlite3"
        written = make(revision, target)
        size = target.stat().st_size
        assert size < 200_000, f"{target.name} is {size} bytes"
        print(f"{target.name}: {size} bytes, {sum(written.values())} rows in {len(written)} tables")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
