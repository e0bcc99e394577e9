"""Channels checked by hand (a Trustpilot page, a Facebook page's visitor posts): the weekly
review flags every channel not looked at for a week. Through ``Services.open``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account


@pytest.fixture
def app(data_dir: Path, clock: FixedClock, migrated_template: Path) -> Iterator[Services]:
    shutil.copyfile(migrated_template, data_dir / "soloservice.sqlite3")
    services = Services.open(data_dir)
    services.ctx.clock = clock
    yield services
    services.close()


def flagged(app: Services) -> dict[str, bool]:
    return {line.name: line.flagged for line in app.checklist.status()}


def test_a_channel_never_checked_is_flagged_until_ticked(app: Services) -> None:
    item = app.checklist.add("  Trustpilot   anmeldelser ", url=" https://trustpilot.example ")
    assert item.name == "Trustpilot anmeldelser" and item.url == "https://trustpilot.example"
    assert flagged(app) == {"Trustpilot anmeldelser": True}
    app.checklist.tick(item.id, "  intet nyt ")
    assert flagged(app) == {"Trustpilot anmeldelser": False}
    (listed,) = app.checklist.list()
    assert listed.last_note == "intet nyt"


@pytest.mark.parametrize(("days", "stale"), [(6, False), (7, False), (8, True)])
def test_a_tick_is_good_for_seven_days(
    app: Services, clock: FixedClock, days: int, stale: bool
) -> None:
    item = app.checklist.add("Facebook-siden")
    app.checklist.tick(item.id)
    clock.advance(days=days)
    assert flagged(app)["Facebook-siden"] is stale


def test_the_newest_tick_counts(app: Services, clock: FixedClock) -> None:
    item = app.checklist.add("Instagram")
    app.checklist.tick(item.id, "first")
    clock.advance(days=5)
    second = app.checklist.tick(item.id, "second")
    clock.advance(days=5)
    (listed,) = app.checklist.list()
    assert listed.last_ticked_at == second.at and listed.last_note == "second"
    assert flagged(app)["Instagram"] is False
    assert [t.note for t in app.checklist.ticks(item.id)] == ["first", "second"]


@pytest.mark.parametrize("other", ["Trustpilot", "trustpilot", "  TRUSTPILOT "])
def test_names_are_unique_regardless_of_case_and_spaces(app: Services, other: str) -> None:
    app.checklist.add("Trustpilot")
    with pytest.raises(InvalidInput, match="already"):
        app.checklist.add(other)
    assert len(app.checklist.list()) == 1


def test_rename_keeps_the_ticks_and_refuses_a_taken_name(app: Services) -> None:
    first = app.checklist.add("Trustpilot")
    app.checklist.add("Facebook")
    app.checklist.tick(first.id, "ok")
    renamed = app.checklist.rename(first.id, "Trustpilot DK")
    assert renamed.last_note == "ok"
    with pytest.raises(InvalidInput, match="already"):
        app.checklist.rename(first.id, "facebook")
    assert app.checklist.rename(first.id, "TRUSTPILOT dk").name == "TRUSTPILOT dk"  # itself


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_a_channel_needs_a_name(app: Services, blank: str) -> None:
    with pytest.raises(InvalidInput, match="needs a name"):
        app.checklist.add(blank)
    item = app.checklist.add("Trustpilot")
    with pytest.raises(InvalidInput, match="needs a name"):
        app.checklist.rename(item.id, blank)


def test_archived_channels_leave_the_list_and_take_no_ticks(app: Services) -> None:
    item = app.checklist.add("Gammel side")
    app.checklist.tick(item.id)
    app.checklist.archive(item.id)
    assert app.checklist.list() == [] and flagged(app) == {}
    assert [i.name for i in app.checklist.list(include_archived=True)] == ["Gammel side"]
    with pytest.raises(InvalidInput, match="archived"):
        app.checklist.tick(item.id)
    app.checklist.archive(item.id, archived=False)
    assert len(app.checklist.ticks(item.id)) == 1  # kept while archived


def test_unknown_ids_are_not_found(app: Services) -> None:
    for action in (
        lambda: app.checklist.tick(999),
        lambda: app.checklist.rename(999, "x"),
        lambda: app.checklist.archive(999),
        lambda: app.checklist.ticks(999),
    ):
        with pytest.raises(NotFound):
            action()


def test_synced_accounts_come_first_and_are_flagged_when_their_sync_is_old(
    app: Services, clock: FixedClock
) -> None:
    app.checklist.add("Trustpilot")
    add_account(app)
    now = clock.now
    clock.set(now - timedelta(days=1))
    app.mail_accounts.record_sync("shop", None)  # synced a day ago...
    clock.set(now)
    app.mail_accounts.record_sync("shop", "login failed")  # ...and failing since
    lines = app.checklist.status()
    assert [(line.kind, line.name) for line in lines] == [
        ("mail", "shop"),
        ("manual", "Trustpilot"),
    ]
    assert lines[0].flagged is False and lines[0].errors_since == "login failed"
    clock.advance(days=7, seconds=1)
    assert app.checklist.status()[0].flagged is True
