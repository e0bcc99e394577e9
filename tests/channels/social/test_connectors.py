"""The Graph and X connectors against a local server speaking their documented shapes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from soloservice.channels.social.errors import (
    RateLimited,
    ReplyNotAllowed,
    SocialApiError,
    TokenExpired,
)
from soloservice.channels.social.graph import GraphClient
from soloservice.channels.social.xapi import XClient
from soloservice.domain.types import Channel
from tests.helpers.fake_social_api import (
    TOKEN,
    FakeSocialApi,
    graph_message,
    messenger_conversations,
)

PAGE_ID = "1044"
IG_ID = "17841400"


CUSTOMERS = [("Mette Sørensen", "5001"), ("Ole Hansen", "5002"), ("Kari Nordmann", "5003")]


@pytest.fixture
def api() -> Iterator[FakeSocialApi]:
    page = {"name": "Hygge Keramik", "id": PAGE_ID}
    conversations = messenger_conversations(page, CUSTOMERS)
    instagram = [
        {
            "id": "t_ig1",
            "updated_time": "2026-11-23T08:00:00+0000",
            "participants": [
                {"username": "Kari.Nordmann", "id": "ig_77"},
                {"username": "hyggekeramik", "id": IG_ID},
            ],
            "messages": [
                graph_message("ig_m1", "Hei! Sender dere til Norge?",
                              {"username": "kari.nordmann", "id": "ig_77"},
                              "2026-11-23T08:00:00+0000"),
            ],
        }
    ]  # fmt: skip
    x_events = [
        {"id": "1862000000000000001", "event_type": "MessageCreate", "text": "Min ordre?",
         "created_at": "2026-11-24T09:15:00.000Z", "sender_id": "5678",
         "dm_conversation_id": "1234-5678"},
        {"id": "1862000000000000002", "event_type": "MessageCreate", "text": "Den er afsendt",
         "created_at": "2026-11-24T09:20:00.000Z", "sender_id": "1234",
         "dm_conversation_id": "1234-5678"},
        {"id": "1862000000000000003", "event_type": "MessageCreate", "text": "Hej!",
         "created_at": "2026-11-24T10:00:00.000Z", "sender_id": "9999",
         "dm_conversation_id": "1234-9999"},
    ]  # fmt: skip
    with FakeSocialApi(
        page_id=PAGE_ID,
        graph_conversations={"messenger": conversations, "instagram": instagram},
        x_events=x_events,
        x_users=[{"id": "5678", "name": "Jens Hansen", "username": "JensHansen"}],
    ) as server:
        yield server


def graph(api: FakeSocialApi, token: str = TOKEN) -> GraphClient:
    return GraphClient(PAGE_ID, token, base_url=api.base_url, owner_ids=[IG_ID], page_size=2)


def test_graph_pages_through_conversations_and_messages(api: FakeSocialApi) -> None:
    sync = graph(api).conversations(Channel.FACEBOOK)
    assert sorted(t.participant_name or "" for t in sync.threads) == sorted(n for n, _ in CUSTOMERS)
    mette = next(t for t in sync.threads if t.participant_id == "5001")
    assert [m.text for m in mette.messages] == [
        "Hej fra Mette Sørensen", "Tak, vi kigger på det", "Super, tak 🙏",
    ]  # fmt: skip
    assert [m.is_from_owner for m in mette.messages] == [False, True, False]
    assert mette.messages[0].external_id == "facebook:graph:m_5001_1"
    assert mette.messages[0].sent_at == datetime(2026, 11, 20, 9, tzinfo=UTC)
    assert sync.cursor == "2026-11-22T10:00:00+00:00"
    pages = [r for r in api.requests if r.path.endswith("/conversations")]
    assert [r.query.get("after") for r in pages] == [None, "2"]
    assert all(r.authorization == f"Bearer {TOKEN}" for r in api.requests)
    assert all("access_token" not in r.query for r in api.requests)


def test_graph_is_incremental(api: FakeSocialApi) -> None:
    sync = graph(api).conversations(Channel.FACEBOOK, since="2026-11-21T09:45:00+00:00")
    assert [t.participant_id for t in sync.threads] == ["5003", "5002"]
    ole = next(t for t in sync.threads if t.participant_id == "5002")
    assert [m.text for m in ole.messages] == ["Super, tak 🙏"]
    again = graph(api).conversations(Channel.FACEBOOK, since=sync.cursor)
    assert again.threads == () and again.cursor == sync.cursor


def test_graph_instagram_uses_the_instagram_account_as_owner(api: FakeSocialApi) -> None:
    sync = graph(api).conversations(Channel.INSTAGRAM)
    (thread,) = sync.threads
    assert thread.platform is Channel.INSTAGRAM
    assert thread.participant_handle == "kari.nordmann"
    assert thread.participant_id == "ig_77"
    assert not thread.messages[0].is_from_owner


def test_graph_send_reply(api: FakeSocialApi) -> None:
    message_id = graph(api).send_message("5001", "Vi sender en ny skål i dag.")
    assert message_id == "m_sent1"
    assert api.sent == [
        {"recipient": {"id": "5001"}, "message": {"text": "Vi sender en ny skål i dag."},
         "messaging_type": "RESPONSE"}
    ]  # fmt: skip


def test_graph_outside_24_hour_window(api: FakeSocialApi) -> None:
    api.outside_window.add("5002")
    with pytest.raises(ReplyNotAllowed, match="outside of allowed window"):
        graph(api).send_message("5002", "Hej")
    assert api.sent == []


def test_graph_rate_limit_mid_paging(api: FakeSocialApi) -> None:
    api.mode, api.fail_after = "rate_limit", 1
    with pytest.raises(RateLimited) as caught:
        graph(api).conversations(Channel.FACEBOOK)
    assert caught.value.retry_after == 60
    assert "request limit" in str(caught.value)


def test_graph_expired_token_and_the_token_never_shows(api: FakeSocialApi) -> None:
    api.mode = "expired"
    client = graph(api)
    with pytest.raises(TokenExpired, match="Session has expired") as caught:
        client.conversations(Channel.FACEBOOK)
    assert TOKEN not in str(caught.value) and TOKEN not in repr(client)


def test_graph_wrong_token_is_token_expired(api: FakeSocialApi) -> None:
    with pytest.raises(TokenExpired):
        graph(api, token="stale").send_message("5001", "hej")


def test_unreachable_server_is_a_clear_error() -> None:
    client = GraphClient(PAGE_ID, TOKEN, base_url="http://127.0.0.1:9", timeout=2)
    with pytest.raises(SocialApiError, match=r"cannot connect|no answer"):
        client.conversations(Channel.FACEBOOK)


def xclient(api: FakeSocialApi, now: float = 0.0) -> XClient:
    return XClient(TOKEN, "1234", base_url=api.base_url, page_size=100, now=lambda: now)


def test_x_pages_and_groups_dm_events(api: FakeSocialApi) -> None:
    sync = xclient(api).dm_threads()
    assert sync.cursor == "1862000000000000003"
    jens = next(t for t in sync.threads if t.thread_id == "1234-5678")
    assert (jens.participant_id, jens.participant_handle, jens.participant_name) == (
        "5678", "jenshansen", "Jens Hansen",
    )  # fmt: skip
    assert [(m.text, m.is_from_owner) for m in jens.messages] == [
        ("Min ordre?", False), ("Den er afsendt", True),
    ]  # fmt: skip
    assert jens.messages[0].external_id == "x:dm:1862000000000000001"
    tokens = [r.query.get("pagination_token") for r in api.requests]
    assert tokens == [None, "2"]  # the fake serves two events per page


def test_x_is_incremental(api: FakeSocialApi) -> None:
    sync = xclient(api).dm_threads(since="1862000000000000002")
    assert [t.thread_id for t in sync.threads] == ["1234-9999"]
    assert len(api.requests) == 1  # stopped at the first known event


def test_x_send_and_refused(api: FakeSocialApi) -> None:
    assert xclient(api).send_message("5678", "Pakken er på vej") == "9000001"
    assert api.sent == [{"participant_id": "5678", "text": "Pakken er på vej"}]
    api.outside_window.add("9999")
    with pytest.raises(ReplyNotAllowed, match="cannot send"):
        xclient(api).send_message("9999", "Hej")


def test_x_rate_limit_uses_reset_header(api: FakeSocialApi) -> None:
    api.mode, api.rate_limit_reset = "rate_limit", 1_800_000_900
    with pytest.raises(RateLimited) as caught:
        xclient(api, now=1_800_000_000).dm_threads()
    assert caught.value.retry_after == 900


def test_x_expired_token(api: FakeSocialApi) -> None:
    api.mode = "expired"
    with pytest.raises(TokenExpired) as caught:
        xclient(api).dm_threads()
    assert TOKEN not in str(caught.value)
