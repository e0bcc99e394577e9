"""Live social accounts: incremental polls, API errors, replies through the platform."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soloservice.domain.types import Channel, Direction
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, SecretStore
from soloservice.services.social import TOKEN_EXPIRED
from soloservice.services.social_accounts import SocialAccountService
from soloservice.services.social_dto import SocialAccountView
from tests.helpers.fake_social_api import (
    TOKEN,
    FakeSocialApi,
    graph_message,
    messenger_conversations,
)
from tests.helpers.social_exports import (
    PAGE,
)
from tests.helpers.social_store import customer_name, dump, inquiries, messages_of

PAGE_ID = "1044"


@pytest.fixture
def api() -> Iterator[FakeSocialApi]:
    page = {"name": PAGE, "id": PAGE_ID}
    conversations = messenger_conversations(
        page, [("Mette Sørensen", "5001"), ("Ole Hansen", "5002")]
    )
    with FakeSocialApi(page_id=PAGE_ID, graph_conversations={"messenger": conversations}) as fake:
        yield fake


@pytest.fixture
def social(services: Services, tmp_path: Path, api: FakeSocialApi) -> SocialAccountService:
    service = SocialAccountService(services.ctx, SecretStore(tmp_path / "secrets"))
    service.add("shop-fb", "facebook", PAGE_ID, token=TOKEN, base_url=api.base_url,
                place=SecretPlace.SESSION)  # fmt: skip
    return service


def account(services: Services) -> SocialAccountView:
    (view,) = services.social.accounts()
    return view


def test_poll_is_incremental_and_committed_with_its_cursor(
    services: Services, social: SocialAccountService, api: FakeSocialApi
) -> None:
    first = social.poll("shop-fb")
    assert first.ok and (first.threads, first.new_inquiries, first.added) == (2, 2, 6)
    assert account(services).cursor == "2026-11-21T10:00:00+00:00"
    mette = next(r for r in inquiries(services) if customer_name(services, r.customer.id) ==
                 "Mette Sørensen")  # fmt: skip
    assert [m.direction for m in messages_of(services, mette.id or 0)] == ["in", "out", "in"]
    again = social.poll("shop-fb")
    assert again.ok and (again.threads, again.added) == (0, 0)
    conversation = api.graph_conversations["messenger"][0]
    conversation["messages"].append(
        graph_message("m_5001_4", "Hvornår kommer den?", conversation["participants"][0],
                      "2026-11-24T08:00:00+0000")
    )  # fmt: skip
    conversation["updated_time"] = "2026-11-24T08:00:00+0000"
    third = social.poll("shop-fb")
    assert (third.threads, third.new_inquiries, third.added) == (1, 0, 1)
    assert messages_of(services, mette.id or 0)[-1].text == "Hvornår kommer den?"
    assert len(inquiries(services)) == 2


@pytest.mark.parametrize("mode", ["rate_limit", "expired"])
def test_api_errors_store_nothing_and_say_what_to_do(
    services: Services, social: SocialAccountService, api: FakeSocialApi, mode: str
) -> None:
    api.mode, api.fail_after = mode, 1  # the second page fails, mid-way
    before = dump(services)
    summary = social.poll("shop-fb")
    assert not summary.ok
    if mode == "rate_limit":
        assert summary.retry_after == 60.0
        assert summary.error == "rate limited — retry after 60 s"
    else:
        assert summary.error == TOKEN_EXPIRED
        assert account(services).last_error == TOKEN_EXPIRED
    assert account(services).cursor is None
    assert inquiries(services) == []
    assert len(dump(services)) == len(before)  # only the account's last_error changed
    api.mode = None
    recovered = social.poll("shop-fb")
    assert recovered.ok and recovered.new_inquiries == 2
    assert account(services).last_error is None


def test_reply_goes_through_the_api_and_is_not_fetched_back_twice(
    services: Services, social: SocialAccountService, api: FakeSocialApi
) -> None:
    social.poll("shop-fb")
    mette = next(r for r in inquiries(services) if customer_name(services, r.customer.id) ==
                 "Mette Sørensen")  # fmt: skip
    result = social.reply(mette.id or 0, "Vi sender en ny skål i dag.")
    assert result.sent and result.detail is not None
    assert api.sent == [{"recipient": {"id": "5001"}, "message": {"text":
                         "Vi sender en ny skål i dag."}, "messaging_type": "RESPONSE"}]  # fmt: skip
    assert result.detail.messages[-1].direction is Direction.OUT
    conversation = api.graph_conversations["messenger"][0]
    conversation["messages"].append(
        graph_message("m_sent1", "Vi sender en ny skål i dag.", {"name": PAGE, "id": PAGE_ID},
                      "2026-11-24T09:00:00+0000")
    )  # fmt: skip
    conversation["updated_time"] = "2026-11-24T09:00:00+0000"
    polled = social.poll("shop-fb")
    assert (polled.added, polled.duplicates) == (0, 1)


def test_reply_outside_the_window_is_copied_and_recorded_by_hand(
    services: Services, social: SocialAccountService, api: FakeSocialApi
) -> None:
    social.poll("shop-fb")
    ole = next(r for r in inquiries(services) if customer_name(services, r.customer.id) ==
               "Ole Hansen")  # fmt: skip
    api.outside_window.add("5002")
    before = len(messages_of(services, ole.id or 0))
    result = social.reply(ole.id or 0, "Vi har åbent 10-14.")
    assert not result.sent and result.text == "Vi har åbent 10-14."
    assert result.open_url == "https://business.facebook.com/latest/inbox/messenger"
    assert result.reason is not None and "allowed window" in result.reason
    assert len(messages_of(services, ole.id or 0)) == before
    detail = social.record_manual_reply(ole.id or 0, result.text)
    assert detail.messages[-1].text == "Vi har åbent 10-14."
    assert detail.messages[-1].direction is Direction.OUT


def test_accounts_validate_and_remove(services: Services, tmp_path: Path) -> None:
    social = SocialAccountService(services.ctx, SecretStore(tmp_path))
    with pytest.raises(Exception, match="PAGE_ID:INSTAGRAM_ACCOUNT_ID"):
        social.add("ig", "instagram", "1044", token_env="IG_TOKEN")
    with pytest.raises(Exception, match="unknown platform"):
        social.add("tt", "tiktok", "1", token_env="T")
    view, place = social.add("ig", "instagram", "1044:17841400", token_env="IG_TOKEN")
    assert place is None and view.platform is Channel.INSTAGRAM
    assert [a.name for a in social.accounts()] == ["ig"]
    summary = social.poll("ig")  # IG_TOKEN is not set
    assert not summary.ok and "IG_TOKEN" in (summary.error or "")
    social.remove("ig")
    assert social.accounts() == []
