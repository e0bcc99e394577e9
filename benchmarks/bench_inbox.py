"""How fast does a 100,000-inquiry inbox open?

Fills a temporary data directory with ``soloservice demo --count N`` (timed, in rows per
second), then times what opening the window needs: the sidebar counts, the ordered ids of the
default view, the first page of rows, re-sorting by value and by customer, and a search.
Each figure is the median of several runs, shown next to a reference measured in the same
run on the same file (a raw ``sqlite3`` ``SELECT id FROM inquiry``), so the ratios mean
something on any machine. If the Qt inbox model exists it also times building it and the first
paint of a table offscreen.

Usage: python benchmarks/bench_inbox.py [--count N] [--repeat R] [--keep]
"""

from __future__ import annotations

import argparse
import os
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

        from soloservice.ui.inbox_model import InboxModel
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument("--no-gui", action="store_true", help="skip the Qt figures")
    args = parser.parse_args(argv)

    data_dir = Path(tempfile.mkdtemp(prefix="soloservice-bench-"))
    try:
        services = Services.open(data_dir)
        summary = generate_demo(services.ctx, args.count)
        mark_demo_dir(data_dir)
        size_mb = database_path(data_dir).stat().st_size / 1e6
        print(f"demo --count {args.count}: {summary.seconds:.1f} s for {summary.rows:,} rows")
        print(
            f"  {summary.rows / summary.seconds:,.0f} rows/s, "
            f"{summary.inquiries / summary.seconds:,.0f} inquiries/s, database {size_mb:.0f} MB"
        )

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
        if args.keep:
            print(f"\ndata kept in {data_dir}")
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
