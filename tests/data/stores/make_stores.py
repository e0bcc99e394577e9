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
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
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


Row = tuple[str, dict[str, Any], str]


def row(table: str, since: str = "0001", **values: Any) -> Row:
    """One row of ``table``, written into every store from revision ``since`` on."""
    return (table, values, since)


def customer(id: int, name: str, language: str, day: int, **more: Any) -> Row:
    since = more.pop("since", "0001")
    values = dict(id=id, name=name, language=language, created_at=t(day), opted_out=0)
    return row("customer", since, **{"notes": "", **values, **more})


def identity(id: int, customer_id: int, kind: str, value: str) -> Row:
    return row("customer_identity", id=id, customer_id=customer_id, kind=kind, value=value)


def inquiry(
    id: int, customer_id: int, channel: str, subject: str, snippet: str, kind: str, status: str,
    received_at: str, last_activity_at: str, **more: Any,
) -> Row:  # fmt: skip
    return row(
        "inquiry", id=id, customer_id=customer_id, channel=channel, subject=subject,
        snippet=snippet, kind=kind, status=status, received_at=received_at,
        last_activity_at=last_activity_at, **{"tags": "", **more},
    )  # fmt: skip


def message(
    id: int, inquiry_id: int, direction: str, channel: str, author: str, text: str,
    sent_at: str, **more: Any,
) -> Row:  # fmt: skip
    since = more.pop("since", "0001")
    return row(
        "message", since, id=id, inquiry_id=inquiry_id, direction=direction, channel=channel,
        author=author, text=text, sent_at=sent_at, **more,
    )  # fmt: skip


def event(id: int, inquiry_id: int, at: str, kind: str, new: str, old: str | None = None) -> Row:
    values: dict[str, Any] = dict(id=id, inquiry_id=inquiry_id, at=at, kind=kind)
    if old is not None:
        values["old_value"] = old
    return row("inquiry_event", **values, new_value=new)


def imap_item(id: int, uid: int, **more: Any) -> Row:
    """A mail fetched from the shop's INBOX (account 1, one UIDVALIDITY throughout)."""
    values = dict(id=id, account_id=1, source="imap", folder="INBOX", uidvalidity=1700000001)
    return row("mail_item", "0002", **values, uid=uid, **{"reason": "", **more})


def survey(id: int, customer_id: int, inquiry_id: int | None, kind: str, **more: Any) -> Row:
    values = dict(id=id, customer_id=customer_id, inquiry_id=inquiry_id, kind=kind)
    return row(
        "survey", "0002", **values, **{"skip_reason": "", "channel": "email", "include_score": 1,
                                       "comment": "", "answer_text": "", **more},
    )  # fmt: skip


KARI_LEVERING = dict(
    message_id_header="<old2@example.dk>", content_hash="sha1:bbbb2", outcome="stored",
    subject="Levering", from_addr="kari@example.no", message_row_id=4, fetched_at=t(9, 13, 4),
    raw=RAW_2,
)  # fmt: skip

# fmt: off
ROWS: list[Row] = [
    # customers and identities ------------------------------------------------------------
    customer(
        1, "Mette Østergaard", "da", 1, notes="Stamkunde", annual_value=2400.0,
        expected_years=5.0, customer_since="2021-03-01 00:00:00.000000",
        language_source="mail", language_reason="Danish words",
    ),
    customer(2, "Kari Nordmann", "nb", 2, opted_out=1),
    customer(3, "Jens Jensen", "da", 3, notes="ringer helst", annual_value=600.0),
    customer(4, "Sam Taylor", "en", 4, sender_verdict=""),
    customer(5, "J. Jensen", "da", 5, merged_into_id=3, since="0002"),
    identity(1, 1, "email", "mette@example.dk"),
    identity(2, 1, "phone", "+4520123456"),
    identity(3, 2, "email", "kari@example.no"),
    identity(4, 2, "instagram", "kari.nordmann"),
    identity(5, 3, "phone", "+4531313131"),
    identity(6, 3, "email", "jens@example.dk"),
    identity(7, 4, "x", "samtaylor"),
    identity(8, 4, "facebook", "100042"),
    # inquiries on several channels and statuses -----------------------------------------
    inquiry(
        1, 1, "email", "Knust vase", "min vase kom i stykker", "complaint", "resolved",
        t(5, 8, 12), t(6, 11), first_response_at=t(5, 10), due_at=t(5, 16),
        resolved_at=t(6, 11), tags="vase,glas", promise_kept=1, promise_margin_s=21600,
        ack_sent_at=t(5, 8, 20), closed_loop=1, kind_source="auto", kind_reason="broken",
    ),
    inquiry(
        2, 2, "email", "Levering", "Når kommer pakken min?", "question", "open", t(9, 13, 3),
        t(9, 13, 3), due_at=t(10, 13), needs_reply_since=t(9, 13, 3),
    ),
    inquiry(
        3, 3, "phone", "Opkald: gavekort", "Har I gavekort?", "question", "waiting", t(10, 7),
        t(10, 7), first_response_at=t(10, 7), tags="gavekort", promise_kept=1,
        promise_margin_s=3600,
    ),
    inquiry(
        4, 3, "form", "Kontaktformular", "Har I gavekort?", "question", "new", t(10, 7, 1),
        t(10, 7, 1), due_at=t(11, 7),
    ),
    inquiry(
        5, 4, "x", "Tweet", "Love the mugs!", "praise", "closed", t(11, 18), t(12, 9),
        resolved_at=t(12, 9),
    ),
    inquiry(
        6, 2, "instagram", "Instagram DM", "Farge?", "question", "open", t(12, 20), t(12, 20),
        due_at=t(13, 20), snoozed_until=t(13, 8), reopened_count=1,
    ),
    inquiry(
        7, 4, "facebook", "Facebook message", "Broken handle", "complaint", "open", t(13, 10),
        t(13, 10), due_at=t(14, 10), at_risk_public=1,
    ),
    # messages ---------------------------------------------------------------------------
    message(
        1, 1, "in", "email", "Mette Østergaard",
        f"Hej, min vase kom i stykker, og glasuren har {SEARCH_WORD} over det hele. Mvh Mette",
        t(5, 8, 12), external_id="<old1@example.dk>",
    ),
    message(
        2, 1, "out", "email", "Anne", "Undskyld! Vi sender en ny vase i dag.", t(5, 10),
        html="<p>Undskyld! Vi sender en ny vase i dag.</p>", external_id="<r1@butik.dk>",
    ),
    message(3, 1, "note", "email", "Anne", "Ny vase sendt med GLS", t(5, 10, 5)),
    message(
        4, 2, "in", "email", "Kari Nordmann", "Hei! Når kommer pakken min? Hilsen Kari",
        t(9, 13, 3), external_id="<old2@example.dk>",
    ),
    message(
        5, 3, "in", "phone", "Jens Jensen", "Ringede om gavekort", t(10, 7), call_duration_s=240
    ),
    message(
        6, 4, "in", "form", "Jens Jensen", "Har I gavekort?", t(10, 7, 1),
        external_id="<old3@example.dk>",
    ),
    message(7, 5, "in", "x", "samtaylor", "Love the mugs!", t(11, 18), external_id="x:9001"),
    message(
        8, 6, "in", "instagram", "kari.nordmann", "Hvilken farge har koppen?", t(12, 20),
        external_id="ig:77",
    ),
    message(
        9, 7, "in", "facebook", "Sam Taylor", "The handle broke off my mug", t(13, 10),
        external_id="fb:m_5",
    ),
    message(
        10, 1, "out", "email", "Anne", "Vi har modtaget din henvendelse og svarer inden kl. 16.",
        t(5, 8, 20), external_id="<ack1@butik.dk>", is_ack=1, since="0002",
    ),
    # events -----------------------------------------------------------------------------
    event(1, 1, t(5, 8, 12), "created", "new"),
    event(2, 1, t(5, 10), "status", "open", old="new"),
    event(3, 1, t(6, 11), "status", "resolved", old="open"),
    event(4, 3, t(10, 7), "status", "waiting", old="open"),
    event(5, 6, t(12, 21), "snoozed", t(13, 8)),
    # mail (0002 on) ---------------------------------------------------------------------
    row(
        "mail_account", "0002", id=1, name="shop", email="hej@butik.dk", display_name="Butik",
        imap_host="imap.example.dk", imap_port=993, imap_security="ssl",
        smtp_host="smtp.example.dk", smtp_port=465, smtp_security="ssl",
        username="hej@butik.dk", password_env="SHOP_MAIL_PASSWORD", folder="INBOX",
        sent_folder="Sendt", signature="Venlig hilsen\nAnne, Butik", enabled=1,
        created_at=t(1), last_sync_at=t(13, 12), last_error=None,
    ),
    row(
        "mail_folder_state", "0002", id=1, account_id=1, folder="INBOX", uidvalidity=1700000001,
        last_uid=3,
    ),
    imap_item(
        1, 1, message_id_header="<old1@example.dk>", content_hash="sha1:aaaa1",
        outcome="stored", subject="Knust vase", from_addr="mette@example.dk", message_row_id=1,
        fetched_at=t(5, 8, 13), raw=RAW_1,
    ),
    imap_item(2, 2, **KARI_LEVERING),
    row(
        "mail_item", "0002", id=3, account_id=None, source="mbox", folder="archive.mbox",
        message_id_header="<old3@example.dk>", content_hash="sha1:cccc3", outcome="form",
        reason="web form: Webshop", subject="Ny besked fra kontaktformular",
        from_addr="noreply@butik.dk", message_row_id=6, fetched_at=t(10, 7, 2), raw=RAW_3,
        source_path="/home/anne/archive.mbox", source_key="0",
    ),
    row(
        "mail_item", "0002", id=4, account_id=1, source="smtp", folder="",
        message_id_header="<r1@butik.dk>", content_hash="sent:<r1@butik.dk>", outcome="own",
        reason="sent by SoloService", subject="Re: Knust vase [#1]", from_addr="hej@butik.dk",
        message_row_id=2, fetched_at=t(5, 10),
        raw=b"From: hej@butik.dk\r\nMessage-ID: <r1@butik.dk>\r\n\r\nUndskyld!\r\n",
    ),
    row(
        "attachment", "0002", id=1, message_id=1, mail_item_id=1, filename="vase.jpg",
        content_type="image/jpeg", size=48213, part_index=2,
    ),
    row(
        "outbox", "0002", id=1, inquiry_id=1, account_id=1, purpose="reply",
        to_addr="mette@example.dk", subject="Re: Knust vase [#1]",
        body="Undskyld! Vi sender en ny vase i dag.\n", message_id_header="<r1@butik.dk>",
        in_reply_to="<old1@example.dk>", references="<old1@example.dk>", status="sent",
        attempts=1, created_at=t(5, 9, 59), sent_at=t(5, 10), message_row_id=2,
    ),
    row(
        "outbox", "0002", id=2, inquiry_id=2, account_id=1, purpose="reply",
        to_addr="kari@example.no", subject="Re: Levering [#2]", body="Pakken er på vei.\n",
        message_id_header="<r2@butik.dk>", in_reply_to="<old2@example.dk>",
        references="<old2@example.dk>", status="pending", attempts=2,
        last_error="connection: timed out", created_at=t(9, 14), next_attempt_at=t(9, 14, 5),
    ),
    row(
        "outbox_attachment", "0002", id=1, outbox_id=2, filename="sporing.pdf",
        content_type="application/pdf", data=b"%PDF-1.4 tracking\n",
    ),
    row(
        "remedy", "0002", id=1, inquiry_id=1, kind="replacement", cost=349.0,
        note="Ny vase sendt", at=t(5, 10, 5),
    ),
    row("remedy", "0002", id=2, inquiry_id=1, kind="apology_mail", cost=0.0, note="", at=t(5, 10)),
    survey(
        1, 1, 1, "followup", status="answered", scheduled_for=t(9), asked_at=t(9, 9),
        message_id_header="<s1@butik.dk>", answered_at=t(9, 12), satisfied=1, score=9,
        comment="Tak for hurtig hjælp", answer_text="Ja, 9", created_at=t(6, 11),
    ),
    survey(2, 2, None, "pulse", status="skipped", skip_reason="opted out", created_at=t(10)),
    survey(
        3, 3, 3, "followup", status="scheduled", channel="phone", include_score=0,
        scheduled_for=t(20), created_at=t(10, 7),
    ),
    row(
        "reply_template", "0002", id=1, key="thanks", name="Tak", language="da", subject="Tak",
        body="Hej {first_name}\n\nTak for din besked.", channels="email", shortcut="Ctrl+1",
        updated_at=t(1),
    ),
    row(
        "reply_template", "0002", id=2, key="thanks", name="Takk", language="nb",
        subject="Takk", body="Hei {first_name}\n\nTakk for meldingen.", channels="email",
        updated_at=t(1),
    ),
    row(
        "form_rule", "0002", id=1, name="Webshop", sender_pattern="noreply@butik.dk",
        subject_pattern="kontaktformular",
        field_map_json='{"name": "Navn", "email": "Email", "message": "Besked"}', enabled=1,
        created_at=t(1),
    ),
    row(
        "csv_mapping", "0002", id=1, name="Typeform", mapping_json='{"email": "E-mail"}',
        created_at=t(1),
    ),
    row(
        "channel_check", "0002", id=1, name="Trustpilot", channel="form",
        url="https://dk.trustpilot.com/review/butik.dk", archived=0, created_at=t(1),
    ),
    row("channel_tick", "0002", id=1, check_id=1, at=t(12, 9), note="ingen nye"),
    row(
        "customer_merge", "0002", id=1, survivor_id=3, merged_id=5,
        moved_json='{"identities": [], "inquiries": []}', at=t(10, 8),
    ),
    row(
        "import_key", "0002", id=1, source="x", key="9001", message_row_id=7,
        imported_at=t(11, 18),
    ),
    row(
        "social_account", "0002", id=1, name="shop-x", platform="x", account_ref="butik_dk",
        token_env="X_TOKEN", cursor="9001", enabled=1, created_at=t(1), last_sync_at=t(12, 8),
    ),
    # 0003: mail that belongs to no case (the NPS pulse question) --------------------------
    row(
        "outbox", "0003", id=3, inquiry_id=None, survey_id=2, account_id=1, purpose="survey",
        to_addr="kari@example.no", subject="Hvor sannsynlig er det ...",
        body="Svar med et tall fra 0 til 10.\n", message_id_header="<p1@butik.dk>",
        references="", status="failed", attempts=1, last_error="rejected: 550 no such user",
        created_at=t(10),
    ),
]

#: what old versions wrote and 0005 cleans up: a blanked duplicate and a uid stored twice
OLD_DOUBLES: list[Row] = [
    imap_item(
        5, 3, message_id_header="<old1@example.dk>", content_hash="sha1:aaaa1",
        outcome="duplicate", reason="same Message-ID as item 1", subject="Knust vase",
        from_addr="mette@example.dk", fetched_at=t(5, 9), raw=b"",
    ),
    imap_item(6, 2, **KARI_LEVERING),  # item 2 again, under its own uid (issue 12)
]
# fmt: on


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
