"""Realistic demo data: a shop's worth of inquiries in Danish, Norwegian and English.

Demo data lets a founder see the app working before connecting a real mailbox, and lets the
benchmark fill a store with 100,000 inquiries. It is written with SQLAlchemy core bulk
``insert()`` in batches inside one transaction (the ORM would be ten times slower), with ids
assigned here so messages and events can point at their inquiry without a round trip.

Everything is drawn from one seeded ``random.Random``: the same seed gives the same
customers, channels, statuses and texts. Times are relative to the context's clock, so a
pinned clock gives identical stores.
The words are data (``resources/demo/*.json``, read by ``services/demo_vocabulary.py``), the
customers are drawn in ``services/demo_people.py``, their inquiries in
``services/demo_generator.py`` and written by ``services/bulk_insert.py``.

A store that already holds inquiries is refused unless ``force`` is given: demo customers
mixed into a real store could not be told apart afterwards.
"""

from __future__ import annotations

import gc
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from soloservice.services.bulk_insert import bulk_insert
from soloservice.services.context import ServiceContext
from soloservice.services.demo_generator import INQUIRY, DemoGenerator, DemoRows
from soloservice.services.errors import InvalidInput

DEFAULT_SEED = 2026
BULK_CACHE_KIB = 256 * 1024
DEMO_MARKER = "demo-data.txt"
"""A file in the data directory saying it holds demo data, so ``gui --demo`` can reopen it."""


class StoreNotEmpty(InvalidInput):
    """Demo data would be mixed into inquiries that are already there."""


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    identities: int
    inquiries: int
    messages: int
    events: int
    by_channel: dict[str, int]
    by_status: dict[str, int]
    by_language: dict[str, int]
    snoozed: int
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return self.customers + self.identities + self.inquiries + self.messages + self.events

    def as_dict(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "identities": self.identities,
            "inquiries": self.inquiries,
            "messages": self.messages,
            "events": self.events,
            "by_channel": self.by_channel,
            "by_status": self.by_status,
            "by_language": self.by_language,
            "snoozed": self.snoozed,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows / self.seconds) if self.seconds > 0 else None,
        }


def inquiry_count(ctx: ServiceContext) -> int:
    with ctx.db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(INQUIRY)).scalar_one())


def is_demo_dir(data_dir: Path) -> bool:
    return (data_dir / DEMO_MARKER).exists()


def mark_demo_dir(data_dir: Path) -> None:
    """Leave a note that this store is demo data (read by ``gui --demo`` and by people)."""
    (data_dir / DEMO_MARKER).write_text(
        "This SoloService data directory holds generated demo data, not real customers.\n",
        encoding="utf-8",
    )


def generate_demo(
    ctx: ServiceContext,
    count: int = 200,
    *,
    seed: int = DEFAULT_SEED,
    force: bool = False,
) -> DemoSummary:
    """Add ``count`` demo inquiries (with customers, messages and events) in one transaction."""
    if count < 0:
        raise InvalidInput("the number of demo inquiries cannot be negative")
    started = time.perf_counter()
    existing = inquiry_count(ctx)
    if existing and not force:
        raise StoreNotEmpty(
            f"the data directory already holds {existing} inquiries; demo data goes in an "
            "empty data directory (use --data-dir DIR, or --force to add it anyway)"
        )
    # Millions of short-lived dicts make the cyclic collector run for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ctx.db.engine.begin() as conn:
            rows = DemoGenerator(ctx, random.Random(seed), conn).run(count)
            # Index pages of 100k random customer ids and times do not fit the default 2 MB
            # page cache; without a larger one the inquiry insert is three times slower.
            cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size={-BULK_CACHE_KIB}")
            try:
                for table, table_rows in rows.tables:
                    bulk_insert(conn, table, table_rows)
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size={int(cache or -2000)}")
    finally:
        if collecting:
            gc.enable()
    return _summary(rows, seconds=time.perf_counter() - started)


def _summary(rows: DemoRows, *, seconds: float) -> DemoSummary:
    def count(table: int) -> int:
        return len(rows.tables[table][1])

    return DemoSummary(
        customers=count(0),
        identities=count(1),
        inquiries=count(2),
        messages=count(3),
        events=count(4),
        by_channel=dict(sorted(rows.by_channel.items())),
        by_status=dict(sorted(rows.by_status.items())),
        by_language=dict(sorted(rows.by_language.items())),
        snoozed=rows.snoozed,
        seconds=seconds,
    )
