"""Demo data: realistic mix, deterministic, fast bulk insert that matches what the ORM writes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from soloservice.domain.types import Channel, ChannelGroup, Status
from soloservice.services.bulk_insert import db_time
from soloservice.services.context import ServiceContext
from soloservice.services.demo import StoreNotEmpty, generate_demo
from soloservice.services.dto import InboxQuery, View
from soloservice.services.errors import InvalidInput
from soloservice.services.registry import Services
from soloservice.storage.database import Database
from tests.conftest import DEFAULT_NOW
from tests.helpers.clock import FixedClock
from tests.helpers.factories import make_inquiry


def _open(path: Path) -> Services:
    path.mkdir(parents=True, exist_ok=True)
    db = Database(path / "soloservice.sqlite3")
    return Services.for_context(ServiceContext(db=db, clock=FixedClock(DEFAULT_NOW)))


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Services]:
    services = _open(tmp_path / "demo")
    generate_demo(services.ctx, 400, seed=7)
    yield services
    services.close()


def _dump(services: Services) -> dict[str, list[tuple[object, ...]]]:
    # the demo writes straight to the driver (bulk_insert): read what it wrote there
    with services.ctx.db.engine.connect() as conn:
        return {
            table: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in ("customer", "customer_identity", "inquiry", "message", "inquiry_event")
        }


def test_counts_cover_every_channel_status_and_language(demo: Services) -> None:
    # the demo writes straight to the driver (bulk_insert): read what it wrote there
    with demo.ctx.db.engine.connect() as conn:
        channels = dict(
            conn.execute(text("SELECT channel, count(*) FROM inquiry GROUP BY 1")).all()
        )
        statuses = dict(conn.execute(text("SELECT status, count(*) FROM inquiry GROUP BY 1")).all())
        languages = dict(
            conn.execute(text("SELECT language, count(*) FROM customer GROUP BY 1")).all()
        )
        total = conn.execute(text("SELECT count(*) FROM inquiry")).scalar_one()
    assert total == 400
    assert set(channels) == {c.value for c in Channel}
    assert set(statuses) == {s.value for s in Status}
    assert set(languages) == {"da", "nb", "en"}
    assert statuses["resolved"] > statuses["new"] > 0


def test_views_have_overdue_due_today_waiting_snoozed_and_resolved(demo: Services) -> None:
    counts = demo.inbox.counts()
    for view in View:
        assert counts.views[view] > 0, view
    for group in ChannelGroup:
        assert counts.groups[group] > 0, group


def test_some_customers_write_on_several_channels(demo: Services) -> None:
    # the demo writes straight to the driver (bulk_insert): read what it wrote there
    with demo.ctx.db.engine.connect() as conn:
        multi = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT customer_id FROM inquiry GROUP BY customer_id "
                "HAVING count(DISTINCT channel) > 1)"
            )
        ).scalar_one()
        values = conn.execute(
            text("SELECT count(DISTINCT coalesce(annual_value, -1)) FROM customer")
        ).scalar_one()
    assert multi >= 5
    assert values >= 5


def test_resolved_inquiries_have_replies_and_some_calls(demo: Services) -> None:
    # the demo writes straight to the driver (bulk_insert): read what it wrote there
    with demo.ctx.db.engine.connect() as conn:
        unanswered = conn.execute(
            text(
                "SELECT count(*) FROM inquiry i WHERE status = 'resolved' AND NOT EXISTS "
                "(SELECT 1 FROM message m WHERE m.inquiry_id = i.id AND m.direction = 'out')"
            )
        ).scalar_one()
        calls = conn.execute(
            text("SELECT count(*) FROM message WHERE call_duration_s IS NOT NULL")
        ).scalar_one()
    assert unanswered == 0
    assert calls > 0


def test_danish_norwegian_and_english_texts(demo: Services) -> None:
    rows = demo.inbox.page(InboxQuery(view=View.RESOLVED), limit=400)
    subjects = " ".join(r.subject for r in rows)
    assert "ordre" in subjects or "faktura" in subjects
    assert any(word in subjects for word in ("Spørsmål", "Pakken min", "Feil vare", "Tusen"))
    assert any(word in subjects for word in ("invoice", "parcel", "Wrong item", "Thank"))


def test_same_seed_and_clock_give_the_same_store(tmp_path: Path) -> None:
    first, second, other = _open(tmp_path / "a"), _open(tmp_path / "b"), _open(tmp_path / "c")
    try:
        generate_demo(first.ctx, 150, seed=3)
        generate_demo(second.ctx, 150, seed=3)
        generate_demo(other.ctx, 150, seed=4)
        assert _dump(first) == _dump(second)
        assert _dump(first)["inquiry"] != _dump(other)["inquiry"]
    finally:
        for services in (first, second, other):
            services.close()


def test_refuses_a_store_that_holds_inquiries(services: Services) -> None:
    make_inquiry(services)
    with pytest.raises(StoreNotEmpty):
        generate_demo(services.ctx, 10)
    assert services.inbox.count(InboxQuery()) == 1


def test_force_adds_to_an_existing_store_without_clashing(services: Services) -> None:
    make_inquiry(services)
    generate_demo(services.ctx, 50, force=True)
    generate_demo(services.ctx, 50, force=True)
    # the demo writes straight to the driver (bulk_insert): read what it wrote there
    with services.ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM inquiry")).scalar_one() == 101


def test_bulk_rows_read_back_like_orm_rows(demo: Services) -> None:
    """Rows written straight to the driver must load through the ORM and services unchanged."""
    ids = demo.inbox.list_ids(InboxQuery(view=View.RESOLVED))
    detail = demo.inquiries.get(ids[0])
    assert detail.received_at.tzinfo is not None
    assert detail.messages and detail.messages[0].sent_at == detail.received_at
    demo.inquiries.set_status(ids[0], Status.OPEN)  # writing through the ORM still works


def test_db_time_is_exactly_what_the_orm_stores(services: Services) -> None:
    received = datetime(2026, 3, 29, 0, 30, 5, tzinfo=UTC)
    created = make_inquiry(services, received_at=received)
    # the demo writes straight to the driver (bulk_insert): read what it wrote there
    with services.ctx.db.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT received_at, due_at FROM inquiry WHERE id = :id"), {"id": created.id}
        ).one()
    assert stored[0] == db_time(received)
    assert created.due_at is not None
    assert stored[1] == db_time(created.due_at)


def test_empty_demo_and_negative_count(services: Services) -> None:
    assert generate_demo(services.ctx, 0).inquiries == 0
    with pytest.raises(InvalidInput, match="negative"):
        generate_demo(services.ctx, -1)


def test_the_demo_words_are_complete_in_every_language() -> None:
    """The words live in resources/demo/*.json: a language or a field left out of an edit
    would only fail half-way through a 100k-row demo, so it is checked here."""
    import string

    from soloservice.domain.types import Language
    from soloservice.services.demo_vocabulary import vocabulary

    words = vocabulary()
    languages = set(Language)
    fields = {"first", "last", "order", "invoice", "amount", "product", "days", "weekday"}
    for per_language in (
        words.first_names, words.last_names, words.companies, words.products,
        words.email_domains, words.phone_bases, words.weekdays, words.call_note,
        words.waiting_question, words.thanks, words.wrote_back,
    ):  # fmt: skip
        assert set(per_language) == languages
    assert words.scenarios and all(s.weight > 0 for s in words.scenarios)
    for scenario in words.scenarios:
        for texts in (scenario.subject, scenario.body, scenario.short, scenario.reply):
            assert set(texts) == languages, scenario.key
            for words_text in texts.values():
                names = {name for _, name, _, _ in string.Formatter().parse(words_text) if name}
                assert names <= fields, (scenario.key, names - fields)
