"""How fast does a 100,000-inquiry inbox open?

Fills a temporary data directory with ``soloservice demo --count N`` (timed, in rows per
second), then times what opening the window needs: the sidebar counts, the ordered ids of the
default view, the first page of rows, re-sorting by value and by customer, and a search.
Each figure is the median of several runs, shown next to a reference measured in the same
run on the same file (a raw ``sqlite3`` ``SELECT id FROM inquiry``), so the ratios mean
something on any machine. If the Qt inbox model exists it also times building it and the first
paint of a table offscreen.

It then switches through every view x sort key x direction, with and without a search
text (the worst of each view is printed), and times the duplicate finder
(``customer_merge.suggest_matches``): the first look, which computes the match keys of every
customer, and then the median over 30 customers.

Usage: python benchmarks/bench_inbox.py [--count N] [--repeat R] [--keep] [--data DIR]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from soloservice.paths import database_path
from soloservice.services.demo import generate_demo, mark_demo_dir
from soloservice.services.dto import InboxQuery, SortKey, View
from soloservice.services.registry import Services


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time in milliseconds over ``repeat`` runs, and the last result."""
    times = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def gui_figures(services: Services) -> list[tuple[str, float, str]]:
    """Build the real InboxModel and paint a first screen offscreen, if the UI exists."""
    try:
        from PySide6.QtWidgets import QApplication, QTableView

        from soloservice.ui.inbox.model import InboxModel
    except ImportError as exc:
        return [("Qt inbox model", float("nan"), f"skipped: {exc}")]
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    model = InboxModel(services)
    built = (time.perf_counter() - start) * 1000
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 800)
    start = time.perf_counter()
    view.show()
    view.grab()  # forces a real paint of the visible rows
    app.processEvents()
    painted = (time.perf_counter() - start) * 1000
    rows = model.rowCount()
    fetched = getattr(model, "fetched_rows", "?")
    view.close()
    return [
        ("InboxModel(services) (ids of the view)", built, f"{rows} rows"),
        ("first paint of a 1200x800 table", painted, f"rows fetched: {fetched}"),
    ]


def matrix_figures(
    services: Services, repeat: int, compare_old: bool
) -> list[tuple[str, float, str]]:
    """Every view x sort key x direction, then the same with a search text: the worst of
    each view (what a click on the sidebar, a column header or typing in the box costs).
    With ``compare_old`` the note also gives the worst of the same switches through the
    plain query the inbox ran before issue 14 (a join sorted in a temporary B-tree, kept as
    ``InboxService.reference_list_ids``), measured in the same run."""
    inbox = services.inbox
    figures: list[tuple[str, float, str]] = []
    overall: list[float] = []
    old_overall: list[float] = []
    for search in ("", "hansen"):
        for view in View:
            worst, which, rows, old_worst = 0.0, "", 0, 0.0
            for sort, descending in itertools.product(SortKey, (False, True)):
                query = InboxQuery(view=view, sort=sort, descending=descending, search=search)
                ms, ids = timed(lambda q=query: inbox.list_ids(q), repeat)  # type: ignore[misc]
                overall.append(ms)
                if ms >= worst:
                    worst, rows = ms, len(ids)
                    which = sort.value + (" desc" if descending else "")
                if compare_old:
                    old_ms, _ = timed(
                        lambda q=query: inbox.reference_list_ids(q),  # type: ignore[misc]
                        max(1, repeat // 2),
                    )
                    old_overall.append(old_ms)
                    old_worst = max(old_worst, old_ms)
            label = f"switch to {view.value}" + (f" + search '{search}'" if search else "")
            note = f"worst of 14 sorts: {which}, {rows} ids"
            if compare_old:
                note += f"; before: {old_worst:.1f}"
            figures.append((label, worst, note))
    note = f"{len(overall)} switches, worst {max(overall):.1f} ms"
    if compare_old:
        note += (
            f"; before: median {statistics.median(old_overall):.1f}, "
            f"worst {max(old_overall):.1f} ms"
        )
    figures.append(("view/sort/search switch, median of all", statistics.median(overall), note))
    return figures


def old_counts(services: Services) -> object:
    """The sidebar counts as computed before issue 14: one SUM(CASE ...) per view and
    channel group over the whole table (for --compare-old)."""
    from sqlalchemy import and_, case, func, select

    from soloservice.domain.types import ChannelGroup
    from soloservice.storage.tables import InquiryRow

    inquiry = InquiryRow.__table__  # type: ignore[attr-defined]
    inbox = services.inbox
    now = services.ctx.now()
    columns = [func.sum(case((inbox.view_condition(v, now), 1), else_=0)) for v in View]
    for group in ChannelGroup:
        channels = sorted(c.value for c in group.channels())
        met = and_(inbox.view_condition(View.INBOX, now), inquiry.c.channel.in_(channels))
        columns.append(func.sum(case((met, 1), else_=0)))
    with services.ctx.db.read_session() as session:
        return session.connection().execute(select(*columns).select_from(inquiry)).one()


def match_figures(services: Services) -> list[tuple[str, float, str]]:
    """The duplicate finder on the customer card: first look (keys of every customer
    computed), then the median and worst over 30 random customers."""
    from sqlalchemy import text

    merging = services.customer_merge
    with services.ctx.db.read_session() as session:
        conn = session.connection()
        ids = [int(r[0]) for r in conn.execute(text("SELECT id FROM customer"))]
        stale = int(conn.execute(text("SELECT count(*) FROM customer_match_dirty")).scalar_one())
    if not ids:
        return []
    start = time.perf_counter()
    merging.suggest_matches(ids[0])
    first = (time.perf_counter() - start) * 1000
    times = []
    for cid in random.Random(14).sample(ids, min(30, len(ids))):
        start = time.perf_counter()
        merging.suggest_matches(cid)
        times.append((time.perf_counter() - start) * 1000)
    return [
        ("suggest_matches, first look", first, f"keys of {stale:,} customers computed"),
        (
            "suggest_matches (median of 30 customers)",
            statistics.median(times),
            f"{len(ids):,} customers, worst {max(times):.1f} ms",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument("--no-gui", action="store_true", help="skip the Qt figures")
    parser.add_argument(
        "--data", type=Path, help="time an existing data directory (from --keep) instead"
    )
    parser.add_argument(
        "--no-matrix", action="store_true", help="skip the view x sort x search matrix"
    )
    parser.add_argument(
        "--compare-old",
        action="store_true",
        help="also time each switch through the query used before the inbox indexes",
    )
    args = parser.parse_args(argv)

    data_dir = args.data or Path(tempfile.mkdtemp(prefix="soloservice-bench-"))
    keep = args.keep or args.data is not None
    try:
        services = Services.open(data_dir)
        if args.data is None:
            summary = generate_demo(services.ctx, args.count)
            mark_demo_dir(data_dir)
            print(f"demo --count {args.count}: {summary.seconds:.1f} s for {summary.rows:,} rows")
            print(
                f"  {summary.rows / summary.seconds:,.0f} rows/s, "
                f"{summary.inquiries / summary.seconds:,.0f} inquiries/s"
            )
        size_mb = database_path(data_dir).stat().st_size / 1e6
        print(f"database {size_mb:.0f} MB")

        with sqlite3.connect(database_path(data_dir)) as raw:
            ref, _ = timed(lambda: raw.execute("SELECT id FROM inquiry").fetchall(), args.repeat)
        inbox = services.inbox
        default = InboxQuery()
        _, ids = timed(lambda: inbox.list_ids(default), 1)
        figures: list[tuple[str, float, str]] = [
            ("reference: sqlite3 SELECT id FROM inquiry", ref, f"{args.count} ids"),
        ]
        for label, action, note in (
            ("counts() for the sidebar", inbox.counts, ""),
            ("list_ids(default view)", lambda: inbox.list_ids(default), f"{len(ids)} ids"),
            ("rows(first 100 ids)", lambda: inbox.rows(ids[:100]), ""),
            (
                "list_ids(sort by value)",
                lambda: inbox.list_ids(InboxQuery(sort=SortKey.VALUE, descending=True)),
                "",
            ),
            (
                "list_ids(sort by customer)",
                lambda: inbox.list_ids(InboxQuery(sort=SortKey.CUSTOMER)),
                "",
            ),
            (
                "list_ids(search 'hansen')",
                lambda: inbox.list_ids(InboxQuery(search="hansen")),
                "",
            ),
            (
                "list_ids(resolved view)",
                lambda: inbox.list_ids(InboxQuery(view=View.RESOLVED)),
                "",
            ),
            ("page(default, first 100)", lambda: inbox.page(default, 0, 100), ""),
        ):
            ms, result = timed(action, args.repeat)
            if isinstance(result, list) and not note:
                note = f"{len(result)} rows"
            figures.append((label, ms, note))
        if args.compare_old:
            ms, _ = timed(lambda: old_counts(services), args.repeat)
            figures.append(("before: counts() as one SUM per view over the table", ms, ""))
        if not args.no_matrix:
            figures.extend(matrix_figures(services, args.repeat, args.compare_old))
        figures.extend(match_figures(services))
        if not args.no_gui:
            try:
                figures.extend(gui_figures(services))
            except Exception as exc:  # the UI is optional here; report, don't crash
                figures.append(("Qt inbox model", float("nan"), f"failed: {exc}"))
        services.close()

        width = max(len(f[0]) for f in figures)
        print(f"\n{'operation'.ljust(width)}  {'median ms':>10}  {'x ref':>7}  note")
        for label, ms, note in figures:
            ratio = ms / ref if ref > 0 else float("nan")
            print(f"{label.ljust(width)}  {ms:10.1f}  {ratio:7.1f}  {note}")
        if keep:
            print(f"\ndata kept in {data_dir}")
    finally:
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
