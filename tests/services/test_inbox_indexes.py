"""Issue 14: every inbox view and sort is read in order from an index (no temporary B-tree),
with exactly the rows and order of the straightforward query (a join sorted by SQLite)."""

from __future__ import annotations

import dataclasses
import itertools
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from soloservice.domain.types import Channel, ChannelGroup, Status
from soloservice.services.dto import InboxQuery, SortKey, View
from soloservice.services.inbox_order import explain
from soloservice.services.registry import Services
from soloservice.storage.tables import CustomerRow, InquiryRow

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
NOW_TEXT = "2026-11-24T10:00:00+01:00"

NAMES = ["Mette", "mette", "Åse Ærø", "Bo", "bo hansen", "Zoë", ""]
SUBJECTS = ["Vase", "vase", "Æble", "about the vase", "", "Bestilling"]
CHANNELS = [c.value for c in Channel]
STATUSES = [s.value for s in Status]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Services:
    monkeypatch.setenv("SOLOSERVICE_NOW", NOW_TEXT)
    services = Services.open(data_dir)
    yield services  # type: ignore[misc]
    services.close()


def moment(minutes: int | None) -> datetime | None:
    return None if minutes is None else NOW + timedelta(minutes=minutes)


offsets = st.one_of(st.none(), st.integers(-3 * 24 * 60, 3 * 24 * 60))
customers = st.tuples(
    st.sampled_from(NAMES),
    st.one_of(st.none(), st.sampled_from([0.0, 5000.0, 20000.0, 90000.0])),
    st.one_of(st.none(), st.sampled_from([1.0, 5.0, 10.0])),
)
inquiries = st.tuples(
    st.integers(0, 5),  # customer index (modulo the customers drawn)
    st.sampled_from(CHANNELS),
    st.sampled_from(SUBJECTS),
    st.sampled_from(STATUSES),
    st.integers(-30 * 24 * 60, 0),  # received
    offsets,  # due
    offsets,  # snoozed until
    offsets,  # needs reply since
    st.sampled_from(["", "", "", "List-Id header"]),
)


def fill(services: Services, people: list[tuple[str, float | None, float | None]],
         cases: list[tuple[object, ...]]) -> list[int]:  # fmt: skip
    """Replace the store's customers and inquiries; returns the customer ids."""
    with services.ctx.db.session() as session:
        session.connection().execute(text("DELETE FROM inquiry"))
        session.connection().execute(text("DELETE FROM customer_identity"))
        session.connection().execute(text("DELETE FROM customer"))
        rows = [
            CustomerRow(name=name, annual_value=value, expected_years=years, created_at=NOW)
            for name, value, years in people
        ]
        session.add_all(rows)
        session.flush()
        ids = [r.id for r in rows if r.id is not None]
        for who, channel, subject, status, received, due, snoozed, since, reason in cases:
            assert isinstance(who, int) and isinstance(received, int)
            session.add(
                InquiryRow(
                    customer_id=ids[who % len(ids)],
                    channel=channel,
                    subject=subject,
                    status=status,
                    received_at=moment(received),
                    last_activity_at=moment(received),
                    due_at=moment(due),  # type: ignore[arg-type]
                    snoozed_until=moment(snoozed),  # type: ignore[arg-type]
                    needs_reply_since=moment(since),  # type: ignore[arg-type]
                    automatic_reason=reason,
                )
            )
    return ids


def every_query() -> list[InboxQuery]:
    return [
        InboxQuery(view=view, sort=sort, descending=descending)
        for view, sort, descending in itertools.product(View, SortKey, (False, True))
    ]


def assert_same_as_reference(services: Services, queries: list[InboxQuery]) -> None:
    inbox = services.inbox
    for query in queries:
        assert inbox.list_ids(query) == inbox.reference_list_ids(query), query
        assert inbox.count(query) == len(inbox.reference_list_ids(query)), query
    page = inbox.page(queries[0], offset=1, limit=3)
    assert [r.id for r in page] == inbox.reference_list_ids(queries[0])[1:4]


def assert_counts_match(services: Services) -> None:
    inbox = services.inbox
    counts = inbox.counts()
    for view in View:
        assert counts.views[view] == len(inbox.reference_list_ids(InboxQuery(view=view))), view
    for group in ChannelGroup:
        expected = len(inbox.reference_list_ids(InboxQuery(group=group)))
        assert counts.groups[group] == expected, group


def test_every_view_and_sort_matches_the_reference_on_random_stores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOLOSERVICE_NOW", NOW_TEXT)
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder))
        try:

            @settings(max_examples=25, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
            @given(
                people=st.lists(customers, min_size=1, max_size=5),
                cases=st.lists(inquiries, max_size=20),
                extra=st.lists(
                    st.builds(
                        InboxQuery,
                        view=st.sampled_from(View),
                        group=st.one_of(st.none(), st.sampled_from(ChannelGroup)),
                        channel=st.one_of(st.none(), st.sampled_from(Channel)),
                        status=st.one_of(st.none(), st.sampled_from(Status)),
                        search=st.sampled_from(
                            ["", "vase", "mette", "ærø", "bo", "channel:email vase"]
                        ),
                        sort=st.sampled_from(SortKey),
                        descending=st.booleans(),
                    ),
                    max_size=6,
                ),
                rename=st.one_of(st.none(), st.tuples(st.integers(0, 5), st.sampled_from(NAMES))),
                revalue=st.one_of(st.none(), st.tuples(st.integers(0, 5), st.floats(0, 1e5))),
                defaults=st.one_of(st.none(), st.sampled_from([1000.0, 20000.0])),
            )
            def check(
                people: list[tuple[str, float | None, float | None]],
                cases: list[tuple[object, ...]],
                extra: list[InboxQuery],
                rename: tuple[int, str] | None,
                revalue: tuple[int, float] | None,
                defaults: float | None,
            ) -> None:
                ids = fill(services, people, cases)
                if defaults is not None:
                    settings_now = services.ctx.settings
                    services.ctx.update_settings(
                        dataclasses.replace(settings_now, default_annual_value=defaults)
                    )
                assert_same_as_reference(services, every_query() + extra)
                # The copies on the inquiry follow changes to the customer (triggers).
                with services.ctx.db.session() as session:
                    if rename is not None:
                        row = session.get(CustomerRow, ids[rename[0] % len(ids)])
                        assert row is not None
                        row.name = rename[1]
                    if revalue is not None:
                        row = session.get(CustomerRow, ids[revalue[0] % len(ids)])
                        assert row is not None
                        row.annual_value = revalue[1]
                    first = session.get(InquiryRow, 1)
                    if first is not None:
                        first.customer_id = ids[-1]
                by_customer = [
                    InboxQuery(view=v, sort=s, descending=d)
                    for v in View
                    for s in (SortKey.CUSTOMER, SortKey.VALUE)
                    for d in (False, True)
                ]
                assert_same_as_reference(services, by_customer + extra)
                assert_counts_match(services)

            check()
        finally:
            services.close()


def test_no_view_sort_or_search_needs_a_temporary_btree(opened: Services) -> None:
    fill(opened, [("Mette", None, None), ("Bo", 1.0, 2.0)],
         [(0, "email", "Vase", "open", -60, 30, None, -60, ""),
          (1, "phone", "vase", "resolved", -90, None, None, None, ""),
          (1, "email", "News", "new", -10, None, None, None, "List-Id header")])  # fmt: skip
    inbox = opened.inbox
    for view, sort, descending, search, group, status in itertools.product(
        View,
        SortKey,
        (False, True),
        ("", "vase", "+4512345678", "channel:email vase"),
        (None, ChannelGroup.SOCIAL),
        (None, Status.NEW),
    ):
        query = InboxQuery(
            view=view,
            sort=sort,
            descending=descending,
            search=search,
            group=group,
            status=status,
        )
        plan = explain(opened.ctx, inbox.listing_sql(query))
        # A search sorts only its matches: newer SQLite (3.46, Debian 13) may read them from
        # the full-text index first and sort that small set, which costs nothing at 100k.
        from_matches = search.strip() != "" and any("inquiry_fts" in step for step in plan)
        if not from_matches:
            assert not any("TEMP B-TREE" in step for step in plan), (query, plan)
        assert any("INDEX ix_inbox_" in step for step in plan), (query, plan)
    plan = explain(opened.ctx, inbox.counts_sql())
    assert not any("TEMP B-TREE" in step for step in plan), plan
    assert all("INDEX ix_inbox_" in s for s in plan if s.startswith("SCAN inquiry")), plan


def test_counts_are_one_statement(opened: Services) -> None:
    """The sidebar's counts: one grouped query, however many views and groups there are."""
    from sqlalchemy import event

    fill(opened, [("Mette", None, None)], [(0, "email", "Vase", "open", -60, 30, None, -60, "")])
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    engine = opened.ctx.db.read_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        counts = opened.inbox.counts()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert counts.views[View.INBOX] == 1 and counts.views[View.NEEDS_REPLY] == 1
    opened.inbox.counts()  # the first call also looked whether the store has the indexes
    seen.clear()
    event.listen(engine, "before_cursor_execute", record)
    try:
        opened.inbox.counts()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len([s for s in seen if s.lstrip().upper().startswith("SELECT")]) == 1


def test_upgrade_from_0007_fills_the_sort_copies_and_marks_customers(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from soloservice.storage.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0007")
        conn.execute(
            text(
                "INSERT INTO customer (id, name, language, notes, created_at, opted_out)"
                " VALUES (1, 'Mette ÅSE', 'da', '', '2026-01-05 10:00:00', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO inquiry (id, customer_id, channel, subject, snippet, kind, status,"
                " received_at, last_activity_at, tags, closed_loop, at_risk_public,"
                " skip_followup, reopened_count) VALUES (1, 1, 'phone', 'Vase', '', 'question',"
                " 'open', '2026-01-05 10:00:00', '2026-01-05 10:00:00', '', 0, 0, 0, 0)"
            )
        )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
        assert conn.execute(text("SELECT customer_sort FROM inquiry")).scalar_one() == "mette Åse"
        assert conn.execute(text("SELECT customer_id FROM customer_match_dirty")).all() == [(1,)]
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert {"ix_inbox_open_due", "ix_inbox_done_value", "inbox_sort_customer"} <= names
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert not {n for n in names if n.startswith(("ix_inbox_", "inbox_sort", "match_"))}
        assert "customer_match_key" not in names
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(inquiry)"))}
        assert "customer_sort" not in columns
        assert conn.execute(text("SELECT count(*) FROM inquiry")).scalar_one() == 1
    engine.dispose()


def test_an_old_store_opened_read_only_still_lists_sorts_and_counts(data_dir: Path) -> None:
    """A damaged store opens read-only and unmigrated: before 0008 it has none of the
    indexes, so the inbox sorts the plain way and the duplicate finder finds nothing."""
    from alembic import command

    from soloservice.services.context import ServiceContext
    from soloservice.storage.migrate import alembic_config
    from soloservice.storage.readonly import ReadOnlyDatabase

    services = Services.open(data_dir)
    fill(services, [("Mette", None, None), ("Mette", 1.0, 2.0)],
         [(0, "email", "Vase", "open", -60, 30, None, -60, ""),
          (1, "phone", "vase", "open", -90, None, None, None, "")])  # fmt: skip
    expected = {q: services.inbox.list_ids(q) for q in every_query()}
    counts = services.inbox.counts()
    path = services.ctx.db.path
    config = alembic_config(services.ctx.db.engine)
    with services.ctx.db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    services.close()
    old = Services.for_context(ServiceContext(db=ReadOnlyDatabase(path, "test damage")))
    try:
        for query, ids in expected.items():
            assert old.inbox.list_ids(query) == ids, query
        assert old.inbox.counts() == counts
        assert old.customer_merge.suggest_matches(1) == []
    finally:
        old.close()
