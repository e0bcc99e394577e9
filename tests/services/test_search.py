"""Full-text search through the composed app: mail imported from an mbox, then searched.

Every word of every message counts (bodies, replies threaded into an inquiry, notes), as do
the subject and the customer's name and identities; the index follows every change by
triggers. Store upgrades index what was already there (migration 0006).
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soloservice.domain.search_query import MARK_END, MARK_START
from soloservice.domain.types import Channel, IdentityKind, Status
from soloservice.services.customers import CustomerChanges
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from tests.helpers.factories import make_inquiry

START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def raw_mail(
    n: int,
    sender: str,
    subject: str,
    body: str,
    in_reply_to: str | None = None,
) -> bytes:
    head = (
        f"From: {sender}\r\nTo: Butikken <hej@butik.dk>\r\nSubject: {subject}\r\n"
        f"Message-ID: <s{n}@example.dk>\r\n"
        f"Date: {format_datetime(START + timedelta(hours=n))}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
    )
    if in_reply_to:
        head += f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n"
    return (head + "\r\n" + body + "\r\n").encode()


MAILS = [
    raw_mail(
        1,
        "Mette Ærbø <mette@aerboe.dk>",
        "Spørgsmål om min ordre",
        "Hej! Min computer kører Linux, og printeren virker ikke med jeres driver.",
    ),
    raw_mail(
        2,
        "Ole Østergaard <ole@oestergaard.no>",
        "Faktura",
        "Hei, jeg har ikke fått fakturaen for bestilling 4471. Tak for i år!",
    ),
    raw_mail(
        3,
        "Mette Ærbø <mette@aerboe.dk>",
        "Re: Spørgsmål om min ordre",
        "Jeg glemte at sige: modellen hedder LaserJet 1020.",
        in_reply_to="<s1@example.dk>",
    ),
    raw_mail(
        4,
        "Sarah Miller <sarah@example.com>",
        "Broken vase",
        "The blue vase arrived broken. Can I get a new one?",
    ),
    raw_mail(
        5,
        "Kari Nordmann <kari@example.no>",
        "Levering",
        "Jeg bestilte en ny vase til mor, når kommer den? Ellers er alt fint.",
    ),
]


def write_mbox(path: Path, mails: list[bytes]) -> Path:
    box = mailbox.mbox(path)
    for raw in mails:
        box.add(raw)
    box.flush()
    box.close()
    return path


@pytest.fixture
def app(data_dir: Path, tmp_path: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    summary = services.mail_import.import_path(write_mbox(tmp_path / "arkiv.mbox", MAILS))
    assert (summary.new_inquiries, summary.added_to_existing) == (4, 1)
    yield services
    services.close()


def found(services: Services, text: str) -> list[str]:
    """The customers of the hits, best first."""
    return [hit.customer_name for hit in services.search.search(text)]


def inbox(services: Services, text: str, **kwargs: object) -> list[str]:
    query = InboxQuery(search=text, **kwargs)  # type: ignore[arg-type]
    ids = services.inbox.list_ids(query)
    return [row.customer_name for row in services.inbox.rows(ids)]


def test_a_word_only_in_a_message_body_is_found(app: Services) -> None:
    assert found(app, "printeren") == ["Mette Ærbø"]
    assert inbox(app, "printeren") == ["Mette Ærbø"]
    assert found(app, "linux") == ["Mette Ærbø"]


def test_a_word_of_a_threaded_reply_finds_the_inquiry(app: Services) -> None:
    assert found(app, "laserjet") == ["Mette Ærbø"]
    assert found(app, "laserjet printeren") == ["Mette Ærbø"]  # words of two messages


def test_danish_and_norwegian_letters_fold_case_alike(app: Services) -> None:
    assert found(app, "ærbø") == ["Mette Ærbø"]
    assert found(app, "ÆRBØ") == ["Mette Ærbø"]
    assert found(app, "østergaard") == ["Ole Østergaard"]
    # å stays a letter of its own: "år" (year) is not "ar"
    assert found(app, "år") == ["Ole Østergaard"]
    assert inbox(app, "ar ") == []


def test_prefix_while_typing(app: Services) -> None:
    assert inbox(app, "print") == ["Mette Ærbø"]
    assert inbox(app, "print ") == []  # the word is finished: whole words only
    assert inbox(app, "faktur") == ["Ole Østergaard"]
    assert found(app, "print") == ["Mette Ærbø"]
    assert [h.customer_name for h in app.search.search("print", prefix_last=False)] == []


def test_phrases(app: Services) -> None:
    assert found(app, '"blue vase"') == ["Sarah Miller"]
    assert found(app, '"vase blue"') == []
    assert sorted(found(app, "vase")) == ["Kari Nordmann", "Sarah Miller"]


def test_the_subject_ranks_above_a_passing_mention(app: Services) -> None:
    # Sarah's subject is "Broken vase"; Kari mentions a vase once in her message.
    assert found(app, "vase") == ["Sarah Miller", "Kari Nordmann"]


def test_from_searches_names_and_identities(app: Services) -> None:
    assert found(app, "from:mette") == ["Mette Ærbø"]
    assert found(app, "from:aerboe.dk") == ["Mette Ærbø"]
    assert found(app, "from:sarah@example.com") == ["Sarah Miller"]
    assert found(app, "from:printeren") == []  # in the body, not the customer
    assert found(app, 'from:"Kari Nordmann" vase') == ["Kari Nordmann"]
    assert inbox(app, "fra:øster") == ["Ole Østergaard"]


def test_channel_filter(app: Services) -> None:
    make_inquiry(
        app,
        name="Jens Vase",
        email=None,
        channel=Channel.PHONE,
        subject="Opkald",
        text="Ringede om en vase",
    )
    assert sorted(found(app, "channel:phone")) == ["Jens Vase"]
    assert found(app, "channel:phone vase") == ["Jens Vase"]
    assert sorted(found(app, "channel:email vase")) == ["Kari Nordmann", "Sarah Miller"]
    assert inbox(app, "kanal:tele vase") == ["Jens Vase"]
    assert found(app, "channel:instagram vase") == []


def test_case_number_and_phone_number(app: Services) -> None:
    hit = app.search.search("laserjet")[0]
    assert [h.inquiry_id for h in app.search.search(f"#{hit.inquiry_id}")] == [hit.inquiry_id]
    assert app.inbox.list_ids(InboxQuery(search=f"#{hit.inquiry_id}")) == [hit.inquiry_id]
    phoned = make_inquiry(app, name="Bo Telefon", email=None, channel=Channel.PHONE)
    app.customers.add_identity(phoned.customer.id, IdentityKind.PHONE, "+45 20 30 40 50")
    assert found(app, "20 30 40") == ["Bo Telefon"]
    assert inbox(app, "203040") == ["Bo Telefon"]


def test_snippets_mark_the_matched_words(app: Services) -> None:
    [hit] = app.search.search("printeren")
    assert f"{MARK_START}printeren{MARK_END}" in hit.snippet
    assert hit.subject == "Spørgsmål om min ordre"
    assert hit.channel is Channel.EMAIL
    assert hit.received_at.tzinfo is not None
    snippets = app.search.snippets("print", [hit.inquiry_id, 999_999])
    assert list(snippets) == [hit.inquiry_id]
    assert f"{MARK_START}printeren{MARK_END}" in snippets[hit.inquiry_id]


def test_search_combines_with_the_view(app: Services) -> None:
    [hit] = app.search.search("printeren")
    app.inquiries.set_status(hit.inquiry_id, Status.RESOLVED)
    assert inbox(app, "printeren") == []  # no longer in the inbox view
    assert inbox(app, "printeren", view=View.RESOLVED) == ["Mette Ærbø"]
    assert found(app, "printeren") == ["Mette Ærbø"]  # the CLI's search looks everywhere


def test_the_index_follows_every_change(app: Services) -> None:
    [hit] = app.search.search("printeren")
    app.inquiries.add_note(hit.inquiry_id, "Sendt ny tromle med posten")
    assert found(app, "tromle") == ["Mette Ærbø"]
    app.customers.update(hit.customer_id, CustomerChanges(name="Mette Hansen"))
    assert found(app, "hansen") == ["Mette Hansen"]
    assert found(app, "ærbø") == []
    app.customers.add_identity(hit.customer_id, IdentityKind.INSTAGRAM, "mettes_keramik")
    assert found(app, "mettes_keramik") == ["Mette Hansen"]
    app.customers.remove_identity(hit.customer_id, IdentityKind.INSTAGRAM, "mettes_keramik")
    assert found(app, "mettes_keramik") == []


def test_the_index_agrees_with_fts5_itself(app: Services) -> None:
    with app.ctx.db.engine.connect() as conn:  # FTS5's own integrity check on the raw index
        conn.exec_driver_sql("INSERT INTO inquiry_fts(inquiry_fts) VALUES ('integrity-check')")
        indexed = conn.exec_driver_sql("SELECT count(*) FROM inquiry_fts").scalar()
        inquiries = conn.exec_driver_sql("SELECT count(*) FROM inquiry").scalar()
    assert indexed == inquiries == 4


HOSTILE = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "-",
                "AND",
                "OR",
                "NOT",
                ":",
                "from:",
                "channel:",
                "#",
                "(",
                ")",
                "^",
                "NEAR",
                "vase",
                "ær",
                "12",
                " ",
                "\x00",
                "%",
                "_",
                "\\",
            ]
        ),
        max_size=10,
    ).map("".join),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=HOSTILE)
def test_hostile_input_never_raises(app: Services, text: str) -> None:
    """The store is only read here, so one fixture for every example is fine."""
    app.search.search(text)
    app.search.search(text, prefix_last=False)
    ids = app.inbox.list_ids(InboxQuery(search=text))
    app.search.snippets(text, ids)
    app.inbox.count(InboxQuery(search=text))


def test_an_existing_0005_store_is_indexed_by_0006(data_dir: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from soloservice.paths import database_path
    from soloservice.storage.migrate import alembic_config

    path = database_path(data_dir)
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        conn.execute(
            text(
                "INSERT INTO customer (id, name, language, notes, created_at) "
                "VALUES (1, 'Åse Ærbø', 'nb', '', '2026-01-05 10:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO customer_identity (id, customer_id, kind, value) "
                "VALUES (1, 1, 'email', 'aase@example.no')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO inquiry (id, customer_id, channel, subject, snippet, kind, status, "
                "received_at, last_activity_at, tags) VALUES (7, 1, 'email', 'Vase', '', "
                "'complaint', 'open', '2026-01-05 10:00:00', '2026-01-05 10:00:00', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO message (inquiry_id, direction, channel, author, text, sent_at, "
                "is_ack) VALUES (7, 'in', 'email', 'Åse', 'Glasuren skallet af', "
                "'2026-01-05 10:00:00', 0)"
            )
        )
    engine.dispose()
    services = Services.open(data_dir)  # upgrades 0005 -> head
    try:
        assert [h.inquiry_id for h in services.search.search("glasuren")] == [7]
        assert [h.inquiry_id for h in services.search.search("from:aase")] == [7]
        assert [h.inquiry_id for h in services.search.search("ærbø")] == [7]
    finally:
        services.close()


def test_a_very_common_word_is_ranked_among_its_newest_matches(
    app: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from soloservice.services import search_sql

    newest = make_inquiry(
        app,
        name="Jens Holm",
        email=None,
        subject="Opkald",
        text="Ringede om levering af en lampe, en stol og til sidst også en vase til datteren",
    )
    assert found(app, "vase")[0] == "Sarah Miller"  # the subject match ranks first
    monkeypatch.setattr(search_sql, "RANK_WINDOW", 2)
    # Only the two newest matches are ranked: Sarah's (older) drops out of the top...
    hits = app.search.search("vase", limit=2)
    assert newest.id in [h.inquiry_id for h in hits]
    assert "Sarah Miller" not in [h.customer_name for h in hits]
    # ...but a larger limit widens the window: nothing that matches is ever lost.
    assert sorted(h.customer_name for h in app.search.search("vase", limit=3)) == [
        "Jens Holm",
        "Kari Nordmann",
        "Sarah Miller",
    ]


def test_raw_sqlite_writers_keep_the_index_right(app: Services) -> None:
    """A script with plain sqlite3 (or any writer) needs to know nothing: triggers do it."""
    import sqlite3

    [hit] = app.search.search("laserjet")
    with sqlite3.connect(app.ctx.db.path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO message (inquiry_id, direction, channel, author, text, sent_at, is_ack)"
            " VALUES (?, 'out', 'email', '', 'Vi sender en ny toner', '2026-11-24 10:00:00', 0)",
            (hit.inquiry_id,),
        )
        conn.execute(
            "UPDATE inquiry SET subject = 'Printerproblem' WHERE id = ?", (hit.inquiry_id,)
        )
    assert found(app, "toner") == ["Mette Ærbø"]
    assert found(app, "printerproblem") == ["Mette Ærbø"]
    assert found(app, "laserjet") == ["Mette Ærbø"]  # the older messages are still there
    with sqlite3.connect(app.ctx.db.path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DELETE FROM message WHERE text LIKE '%toner%'")
        conn.commit()
        assert found(app, "toner") == []
        conn.execute("DELETE FROM inquiry WHERE id = ?", (hit.inquiry_id,))
    assert found(app, "laserjet") == []
    assert found(app, "printerproblem") == []
    with app.ctx.db.engine.connect() as conn:  # the delete trigger emptied the raw index
        conn.exec_driver_sql("INSERT INTO inquiry_fts(inquiry_fts) VALUES ('integrity-check')")
        indexed = conn.exec_driver_sql("SELECT count(*) FROM inquiry_fts").scalar()
    assert indexed == 3
