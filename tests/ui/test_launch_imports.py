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
    after_first_paint(self, lambda: seen.update(
        rows_at_first_paint=self.model.rowCount(),
        features_at_first_paint=sorted(
            m for m in sys.modules if m.startswith("soloservice.ui.features.")
        ),
        installed_at_first_paint=sorted(self.feature_installer.features),
    ))

MainWindow.__init__ = building
seen["exit"] = run_gui(Path(sys.argv[1]), quit_after=0)
seen["modules"] = sorted(sys.modules)
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def launch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from tests.ui.helpers import seeded_store

    data_dir = seeded_store(tmp_path_factory.mktemp("launch"), 12)
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


def test_the_first_page_is_painted_before_any_feature_is_imported(
    launch: dict[str, object],
) -> None:
    """The features' menus and panels are not on the first page: they are imported and
    installed after it is on the screen (the package itself and host.py, a protocol, aside)."""
    assert launch["installed_at_first_paint"] == []
    imported = launch["features_at_first_paint"]
    assert isinstance(imported, list)
    assert [m for m in imported if m != "soloservice.ui.features.host"] == []


def test_features_install_after_the_first_paint(
    qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    """As the app opens the window: no feature at first, then every one within the next
    event-loop turns; those that follow the selection get the inquiry already on screen,
    and their shortcuts work."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    from soloservice.ui.features import feature_names
    from soloservice.ui.features.remedies import RemediesFeature
    from soloservice.ui.first_paint import has_painted

    window = MainWindow(services, defer_features=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    installer = window.feature_installer
    assert installer.features == {} and not installer.done
    window.resize(1680, 1000)
    window.show()
    with qtbot.waitSignal(installer.installed, timeout=10_000):
        pass
    assert has_painted(window)
    assert sorted(installer.features) == feature_names()
    assert window.detail is not None
    remedies = window.feature("remedies", RemediesFeature)
    assert remedies is window.features["remedies"]
    assert remedies.action in window.findChildren(QAction)
    assert remedies.action.isEnabled()  # it saw the inquiry shown before it came
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(remedies.panel.isVisible)


def test_using_a_feature_before_the_first_paint_installs_them_at_once(
    qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    """``window.feature(...)`` (and the tests' ``open_window``) never race the event loop."""
    from soloservice.ui.features.review import ReviewFeature

    window = MainWindow(services, defer_features=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    assert not window.feature_installer.done
    assert isinstance(window.feature("review", ReviewFeature), ReviewFeature)
    assert window.feature_installer.done
    window.show()
    qtbot.waitUntil(lambda: window.feature_installer.pending == [])  # nothing installs twice
    assert window.features is window.feature_installer.features


def test_a_shortcut_pressed_before_the_features_are_in_is_not_lost(
    qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    """Ctrl+M (Add remedy) pressed before the remedies feature was installed installs the
    features at once and runs it; typing is left alone."""
    from PySide6.QtCore import Qt

    from soloservice.ui.features.remedies import RemediesFeature

    window = MainWindow(services, defer_features=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    window.resize(1680, 1000)
    window.show()
    installer = window.feature_installer
    qtbot.keyClick(window.table, Qt.Key.Key_J)  # not a shortcut: nothing installs
    assert installer.pending
    qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert installer.done
    remedies = installer.features["remedies"]
    assert isinstance(remedies, RemediesFeature)
    qtbot.waitUntil(remedies.panel.isVisible)


def _count_calls(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each count of the views, as whether it ran on the GUI thread."""
    import threading

    inbox = services.inbox
    counts = inbox.counts
    calls: list[bool] = []

    def counting() -> object:
        calls.append(threading.current_thread() is threading.main_thread())
        return counts()

    monkeypatch.setattr(inbox, "counts", counting)
    return calls


def test_the_app_counts_the_views_on_the_database_lane(
    qtbot: QtBot, services: Services, seeded: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first page does not wait for the grouped count: the sidebar and the status bar
    show no numbers until it arrives from the database lane."""
    from soloservice.services.dto import View
    from soloservice.ui.inbox.sidebar_model import COUNT_ROLE, ENTRIES, SidebarEntry

    calls = _count_calls(services, monkeypatch)
    window = MainWindow(services, defer_features=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    model = window.sidebar_model
    inbox_row = model.index(ENTRIES.index(SidebarEntry(view=View.INBOX)), 0)
    assert not model.known
    assert model.data(inbox_row, COUNT_ROLE) == 0  # painted without a number
    assert window.counts_label.text() == ""
    window.show()
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    assert calls == [False]  # once, on the worker
    assert model.data(inbox_row, COUNT_ROLE) == len(seeded)
    assert window.counts_label.text().startswith(f"{len(seeded)} ")


def test_counts_asked_for_before_they_arrive_are_waited_for(
    qtbot: QtBot, services: Services, seeded: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the counts (the tray's due watcher, a test) while the lane counts waits for
    that count instead of counting a second time, and the late result changes nothing."""
    from soloservice.services.dto import View

    calls = _count_calls(services, monkeypatch)
    window = MainWindow(services, defer_features=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    assert window.view_counts().views[View.INBOX] == len(seeded)
    assert window.sidebar_model.known
    assert window.counts_label.text().startswith(f"{len(seeded)} ")
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert calls == [False]


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
