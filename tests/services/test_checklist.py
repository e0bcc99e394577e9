"""The channel checklist: hand-checked channels, ticks with their date, sync health, flags."""

from __future__ import annotations

from datetime import timedelta

import pytest

from soloservice.domain.types import Channel
from soloservice.services.checklist import ChecklistService
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.registry import Services
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account


@pytest.fixture
def checklist(services: Services) -> ChecklistService:
    return ChecklistService(services.ctx)


def test_add_rename_archive_and_list(checklist: ChecklistService) -> None:
    trust = checklist.add("  Trustpilot   reviews ", url="https://dk.trustpilot.com/x")
    voicemail = checklist.add("Voicemail", channel="voicemail")
    assert trust.name == "Trustpilot reviews" and trust.last_ticked_at is None
    with pytest.raises(InvalidInput):
        checklist.add("trustpilot REVIEWS")
    with pytest.raises(InvalidInput):
        checklist.add("   ")
    assert checklist.rename(voicemail.id, "Voicemail (mobile)").name == "Voicemail (mobile)"
    with pytest.raises(InvalidInput):
        checklist.rename(voicemail.id, "Trustpilot reviews")
    assert [i.name for i in checklist.list()] == ["Trustpilot reviews", "Voicemail (mobile)"]
    checklist.archive(trust.id)
    assert [i.name for i in checklist.list()] == ["Voicemail (mobile)"]
    assert len(checklist.list(include_archived=True)) == 2
    with pytest.raises(InvalidInput):
        checklist.tick(trust.id)
    with pytest.raises(NotFound):
        checklist.tick(999)


def test_a_tick_is_recorded_with_its_date(checklist: ChecklistService, clock: FixedClock) -> None:
    item = checklist.add("Facebook page posts")
    first = checklist.tick(item.id, "  two posts answered ")
    clock.advance(days=7)
    second = checklist.tick(item.id)
    assert first.at == clock.now - timedelta(days=7) and first.note == "two posts answered"
    assert [t.at for t in checklist.ticks(item.id)] == [first.at, second.at]
    listed = checklist.list()[0]
    assert listed.last_ticked_at == second.at and listed.last_note == ""


def test_status_flags_what_was_not_checked_or_synced_for_over_a_week(
    services: Services, checklist: ChecklistService, clock: FixedClock
) -> None:
    now = clock.now
    fresh = checklist.add("Fresh")
    stale = checklist.add("Stale")
    checklist.add("Never")
    clock.set(now - timedelta(days=7, minutes=1))
    checklist.tick(stale.id)
    clock.set(now - timedelta(days=7))
    checklist.tick(fresh.id)  # exactly a week ago: not yet over a week
    clock.set(now)
    clock.set(now - timedelta(minutes=5))
    add_account(services, "Shop mail", "kontakt@example.dk")
    services.mail_accounts.record_sync("Shop mail", None)
    clock.set(now)
    add_account(services, "Old mail", "old@example.dk")
    services.mail_accounts.set_enabled("Old mail", False)
    services.social.add(
        "Instagram", Channel.INSTAGRAM, "1:2", token_env="SOLOSERVICE_TEST_NO_SUCH_TOKEN"
    )
    failed = services.social.poll("Instagram")  # never synced, and its last try failed
    assert not failed.ok and failed.error
    statuses = {s.name: s for s in checklist.status()}
    assert list(statuses) == ["Shop mail", "Instagram", "Fresh", "Never", "Stale"]
    assert statuses["Shop mail"].kind == "mail" and not statuses["Shop mail"].flagged
    assert statuses["Shop mail"].errors_since is None
    assert statuses["Instagram"].kind == "social" and statuses["Instagram"].flagged
    assert statuses["Instagram"].errors_since == failed.error
    assert statuses["Fresh"].kind == "manual" and not statuses["Fresh"].flagged
    assert statuses["Stale"].flagged and statuses["Never"].flagged
    assert statuses["Never"].last_checked_or_synced is None
    assert statuses["Fresh"].check_id == fresh.id
    # a minute later the fresh one is over a week old too
    assert checklist.status(now + timedelta(minutes=1))[2].flagged
