"""Shared fixtures: a fresh data directory, a fixed clock and the services over them."""

from __future__ import annotations

import os

# Without a display Qt aborts; tests always run offscreen (set before anything imports Qt),
# on a 1366×768 laptop screen: dialogs are kept inside it as they would be on one.
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
    os.path.dirname(__file__), "data", "offscreen-1366x768.json"
)
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import shutil
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from soloservice.services.context import ServiceContext
from soloservice.services.registry import Services
from soloservice.storage.database import Database
from tests.helpers.clock import FixedClock
from tests.helpers.mail_fixtures import (  # noqa: F401  (fixtures used by many test modules)
    dovecot,
    dovecot_tls,
    mailbox,
    scratch_dir,
    smtp_server,
    test_certs,
)

# Tuesday 24 November 2026, 10:00 in Copenhagen: inside business hours, no holiday.
DEFAULT_NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may ever touch the real user data directory."""
    monkeypatch.setenv("SOLOSERVICE_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """A dialog or tool window a test leaves open would keep the next test's window from
    becoming active (and Ctrl+Q from ending the app): close what is left, and say whose."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:  # a test that never touched Qt
        return
    from PySide6.QtWidgets import QApplication, QMenu

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    left = [w for w in app.topLevelWidgets() if w.isVisible() and not isinstance(w, QMenu)]
    for widget in left:
        widget.close()
    if left and os.environ.get("SOLOSERVICE_REPORT_LEFTOVERS"):
        with open(os.environ["SOLOSERVICE_REPORT_LEFTOVERS"], "a", encoding="utf-8") as log:
            names = ", ".join(type(w).__name__ for w in left)
            log.write(f"{request.node.nodeid}: {names}\n")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEFAULT_NOW)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once per session; tests copy it instead of migrating again."""
    path = tmp_path_factory.mktemp("template") / "soloservice.sqlite3"
    Database(path).close()
    return path


@pytest.fixture
def services(data_dir: Path, clock: FixedClock, migrated_template: Path) -> Iterator[Services]:
    target = data_dir / "soloservice.sqlite3"
    shutil.copyfile(migrated_template, target)
    db = Database(target)
    svc = Services.for_context(ServiceContext(db=db, clock=clock))
    yield svc
    svc.close()


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


def pytest_unconfigure(config: pytest.Config) -> None:
    """Emergency switch only, off by default: SOLOSERVICE_EXIT_SHORTCUT=1 ends the process
    here with pytest's status, skipping the interpreter's teardown.

    The process used to always end here, because PySide's atexit sweep of the Qt objects
    tests left behind crashed it after the verdict; tests/ui/conftest.py now deletes those
    objects while the application is still whole, so the process exits on its own (and
    coverage can save its data). Never turn this on in CI: it hides a crash at exit.
    """
    if os.environ.get("SOLOSERVICE_EXIT_SHORTCUT") == "1" and _EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
