"""What opening the window costs (issue 14: launch to the first inbox page).

The window is started the way the app starts it (``app.run_gui``, the composition root) in
a fresh interpreter, since this one has imported everything already. It must not import
what the first page does not show (each tool window and dialog is imported when its action
first runs), and it must count the sidebar's views once, not once per widget that shows a
count. No timings here: benchmarks/run.py measures the launch.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.main_window import MainWindow

#: modules the first inbox page does not need, by what they are for
NOT_AT_LAUNCH = (
    "reportlab",  # the weekly review's PDF
    "alembic",  # only to migrate an old store
    "soloservice.reports.pdf",
    "soloservice.services.demo",  # the demo generator
    "soloservice.ui.review.window",  # View > Weekly review
    "soloservice.ui.feedback.pulse_window",
    "soloservice.ui.feedback.followups_window",
    "soloservice.ui.channels.rule_editor",  # Tools > Form rules
    "soloservice.ui.channels.csv_wizard",  # File > Import > CSV
    "soloservice.ui.channels.social_import",  # the social importers
    "soloservice.ui.channels.social_accounts",
    "soloservice.services.social",
    "soloservice.channels.social.meta_export",
    "soloservice.channels.social.x_archive",
    "soloservice.ui.call_dialog",  # Inquiry > Log call
    "soloservice.ui.new_inquiry_dialog",
    "soloservice.ui.snooze_dialog",
    "soloservice.ui.settings.dialog",
    "soloservice.ui.templates.manager",
    "soloservice.ui.templates.ack_dialog",
    "soloservice.ui.mail.accounts_dialog",
    "soloservice.ui.mail.quarantine_dialog",
    "soloservice.ui.backups_dialog",
    "soloservice.ui.channels.quick_capture",
    "soloservice.ui.customer_edit_dialog",
    "soloservice.services.gdpr",
)

_PROBE = """
import json, sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from soloservice.app import run_gui
from soloservice.services.inbox import InboxService
from soloservice.ui.first_paint import after_first_paint
from soloservice.ui.main_window import MainWindow

seen = {"counts": 0, "count_sql": 0, "rows_at_first_paint": None}
inside = []
counts = InboxService.counts

def counting(self):
    seen["counts"] += 1
    inside.append(True)
    try:
        return counts(self)
    finally:
        inside.pop()

InboxService.counts = counting

@event.listens_for(Engine, "before_cursor_execute")
def _statement(conn, cursor, statement, parameters, context, executemany):
    if inside:
        seen["count_sql"] += 1

build = MainWindow.__init__

def building(self, *args, **kwargs):
    build(self, *args, **kwargs)
    after_first_paint(self, lambda: seen.update(rows_at_first_paint=self.model.rowCount()))

MainWindow.__init__ = building
seen["exit"] = run_gui(Path(sys.argv[1]), quit_after=0)
seen["modules"] = sorted(sys.modules)
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def launch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from tests.ui.helpers import seed_inbox

    data_dir = tmp_path_factory.mktemp("launch")
    services = Services.open(data_dir)
    try:
        seed_inbox(services, datetime.now(UTC), 12)
    finally:
        services.close()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("SOLOSERVICE_LANG", None)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_window_opens_its_first_page(launch: dict[str, object]) -> None:
    assert launch["exit"] == 0
    rows = launch["rows_at_first_paint"]
    assert isinstance(rows, int) and rows > 0


def test_launch_does_not_import_what_the_first_page_does_not_show(
    launch: dict[str, object],
) -> None:
    modules = launch["modules"]
    assert isinstance(modules, list)
    loaded = [name for name in NOT_AT_LAUNCH if name in modules]
    assert loaded == []


def test_launch_counts_the_views_once(launch: dict[str, object]) -> None:
    """The sidebar, the status bar and the tray's due watcher share one count."""
    assert launch["counts"] == 1
    count_sql = launch["count_sql"]
    assert isinstance(count_sql, int) and count_sql >= 1  # the SQLAlchemy hook saw it run


def test_a_reload_counts_the_views_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a change the window re-counts; the tray's watcher takes that count."""
    inbox = window.services.inbox
    calls: list[int] = []
    counts = inbox.counts

    def counting() -> object:
        calls.append(1)
        return counts()

    monkeypatch.setattr(inbox, "counts", counting)
    heard: list[tuple[int, int]] = []
    from soloservice.ui.features.tray import TrayFeature

    watcher = window.feature("tray", TrayFeature).watcher
    watcher.counts_changed.connect(lambda overdue, today: heard.append((overdue, today)))
    watcher.overdue = None  # so the check after the reload reports the counts it got
    window.reload()
    assert len(calls) == 1
    views = window.view_counts().views
    from soloservice.services.dto import View

    assert heard == [(views.get(View.OVERDUE, 0), views.get(View.DUE_TODAY, 0))]


def test_lazily_imported_windows_still_open(qtbot: QtBot, window: MainWindow) -> None:
    """Each tool window is imported on first use; opening it still works (and the bundle
    collects every submodule: packaging/soloservice.spec)."""
    from soloservice.ui.features.review import ReviewFeature

    review = window.feature("review", ReviewFeature).open()
    qtbot.waitUntil(review.isVisible)
    assert "soloservice.ui.review.window" in sys.modules
    review.close()


def test_the_bundle_collects_lazily_imported_modules() -> None:
    """PyInstaller finds only what it sees imported at the top of a module; the spec
    collects every submodule of the package, which covers the imports inside functions."""
    spec = Path(__file__).resolve().parents[2] / "packaging" / "soloservice.spec"
    text = spec.read_text(encoding="utf-8")
    assert re.search(r"collect_submodules\(\s*[\"']soloservice[\"']", text)
