"""Shared fixtures: a fresh data directory, a fixed clock and the services over them."""

from __future__ import annotations

import os

# Without a display Qt aborts; tests always run offscreen (set before anything imports Qt).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from soloservice.services.context import ServiceContext  # noqa: E402
from soloservice.services.registry import Services  # noqa: E402
from soloservice.storage.database import Database  # noqa: E402
from tests.helpers.clock import FixedClock  # noqa: E402

# Tuesday 24 November 2026, 10:00 in Copenhagen: inside business hours, no holiday.
DEFAULT_NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may ever touch the real user data directory."""
    monkeypatch.setenv("SOLOSERVICE_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEFAULT_NOW)


@pytest.fixture
def services(data_dir: Path, clock: FixedClock) -> Iterator[Services]:
    db = Database(data_dir / "soloservice.sqlite3")
    svc = Services.for_context(ServiceContext(db=db, clock=clock))
    yield svc
    svc.close()
