"""The composed app on a founder's data dir for tests that go through ``Services.open``
(settings.json, the wiring the app and the CLI use), with a clock the test moves."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock

CPH = ZoneInfo("Europe/Copenhagen")
#: Friday 22 May 2026 16:55 in Copenhagen; Monday 25 May is Whit Monday (Anden pinsedag)
FRIDAY_BEFORE_WHIT_MONDAY = datetime(2026, 5, 22, 16, 55, tzinfo=CPH)


def open_copy(template: Path, folder: Path, now: datetime) -> Services:
    """``Services.open`` on ``folder`` holding a copy of the session's migrated store
    (tests/conftest.py ``migrated_template``), so the open does not migrate again."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / "soloservice.sqlite3")
    services = Services.open(folder)
    services.ctx.clock = FixedClock(now)
    return services


def clock_of(services: Services) -> FixedClock:
    clock = services.ctx.clock
    assert isinstance(clock, FixedClock)
    return clock


def only_inquiry(services: Services) -> int:
    """The one inquiry in the Inbox view (the test made exactly one)."""
    (inquiry_id,) = services.inbox.list_ids(InboxQuery(view=View.INBOX))
    return inquiry_id
