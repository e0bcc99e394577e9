"""Facebook Page and Instagram conversations through the Meta Graph API.

``GET /{version}/{page-id}/conversations?platform=messenger|instagram`` lists the page's
conversations newest first; each carries its latest messages. Polling is incremental:
pass the ``cursor`` of the previous :class:`SocialSync` as ``since`` and only conversations
updated after it are fetched, and only their newer messages are returned.

Replies go out with ``POST /{version}/{page-id}/messages`` and ``messaging_type=RESPONSE``,
which Meta only allows within 24 hours of the customer's last message; outside that window
:class:`ReplyNotAllowed` tells the caller to copy the reply and open the conversation in the
browser instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from soloservice.channels.social.errors import (
    RateLimited,
    ReplyNotAllowed,
    SocialApiError,
    TokenExpired,
)
from soloservice.channels.social.http import HttpResponse, build_url, redact, request_json
from soloservice.channels.social.model import SocialMessage, SocialSync, SocialThread
from soloservice.domain.identity import InvalidIdentity, normalise_handle
from soloservice.domain.types import Channel

GRAPH_BASE_URL = "https://graph.facebook.com"
GRAPH_VERSION = "v21.0"
MESSAGE_FIELDS = "id,message,from,created_time"
CONVERSATION_FIELDS = f"participants,updated_time,messages{{{MESSAGE_FIELDS}}}"
_RATE_LIMIT_CODES = frozenset({4, 17, 32, 613}) | frozenset(range(80001, 80015))
_TOKEN_CODES = frozenset({190, 102})
_OUTSIDE_WINDOW = frozenset({2018278, 2018108, 2534022})
_DEFAULT_RETRY = 60.0
_MAX_PAGES = 1000


def parse_graph_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError(f"not a Graph timestamp: {value!r}")
    for parse in (
        lambda v: datetime.strptime(v, "%Y-%m-%dT%H:%M:%S%z"),
        datetime.fromisoformat,
    ):
        try:
            parsed = parse(value)
        except ValueError:
            continue
        return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise ValueError(f"not a Graph timestamp: {value!r}")


class GraphClient:
    """One page's conversations. ``owner_ids`` adds the Instagram business account id,
    which is what Instagram messages carry as sender instead of the page id."""

    def __init__(
        self,
        page_id: str,
        access_token: str,
        *,
        base_url: str = GRAPH_BASE_URL,
        version: str = GRAPH_VERSION,
        timeout: float = 20.0,
        owner_ids: Iterable[str] = (),
        page_size: int = 25,
        now: Callable[[], float] | None = None,
    ) -> None:
        build_url(base_url, "/")  # fail early on a bad base URL
        self.page_id = page_id
        self._token = access_token
        self.base_url = base_url
        self.version = version
        self.timeout = timeout
        self.owner_ids = frozenset({page_id, *owner_ids})
        self.page_size = page_size
        del now  # Graph gives no reset time; kept for symmetry with the X client

    def __repr__(self) -> str:  # never show the token
        return f"GraphClient(page_id={self.page_id!r}, base_url={self.base_url!r})"

    # -- reading -------------------------------------------------------------------------------
    def conversations(self, platform: Channel, *, since: str | None = None) -> SocialSync:
        """Conversations updated after ``since`` (an ISO time from a previous cursor)."""
        if platform not in (Channel.FACEBOOK, Channel.INSTAGRAM):
            raise ValueError(f"the Graph API does not carry {platform.value} messages")
        after = parse_graph_time(since) if since else None
        threads: list[SocialThread] = []
        newest: datetime | None = None
        params = {
            "platform": "instagram" if platform is Channel.INSTAGRAM else "messenger",
            "fields": CONVERSATION_FIELDS,
            "limit": str(self.page_size),
        }
        for _ in range(_MAX_PAGES):
            body = self._get(f"{self.page_id}/conversations", params)
            data = body.get("data")
            if not isinstance(data, list):
                raise SocialApiError("facebook", "conversations answer has no 'data' list")
            stop = False
            for conversation in data:
                updated = parse_graph_time(conversation.get("updated_time"))
                if after is not None and updated <= after:
                    stop = True  # newest first: everything further is older
                    break
                newest = max(newest, updated) if newest else updated
                threads.append(self._thread(platform, conversation, after))
            cursor = _next_cursor(body)
            if stop or cursor is None:
                break
            params = {**params, "after": cursor}
        return SocialSync(tuple(threads), newest.isoformat() if newest else since)

    def _thread(
        self, platform: Channel, conversation: dict[str, Any], after: datetime | None
    ) -> SocialThread:
        conversation_id = str(conversation.get("id", ""))
        if not conversation_id:
            raise SocialApiError(platform.value, "a conversation has no id")
        raw: list[dict[str, Any]] = []
        block = conversation.get("messages") or {}
        for _ in range(_MAX_PAGES):
            items = block.get("data") if isinstance(block, dict) else None
            if not isinstance(items, list):
                break
            raw.extend(items)
            oldest = min((parse_graph_time(m.get("created_time")) for m in items), default=None)
            cursor = _next_cursor(block)
            if cursor is None or (after is not None and oldest is not None and oldest <= after):
                break
            block = self._get(
                f"{conversation_id}/messages",
                {"fields": MESSAGE_FIELDS, "limit": str(self.page_size), "after": cursor},
            )
        messages = [self._message(platform, item) for item in raw]
        if after is not None:
            messages = [m for m in messages if m.sent_at > after]
        people = (conversation.get("participants") or {}).get("data") or []
        other = next((p for p in people if str(p.get("id")) not in self.owner_ids), None) or {}
        username = other.get("username")
        handle = None
        if isinstance(username, str):
            try:
                handle = normalise_handle(username)
            except InvalidIdentity:
                handle = None
        name = other.get("name") if isinstance(other.get("name"), str) else username
        unique = {m.external_id: m for m in messages}
        return SocialThread(
            platform=platform,
            thread_id=conversation_id,
            participant_name=name,
            participant_handle=handle,
            participant_id=str(other["id"]) if other.get("id") is not None else None,
            messages=tuple(sorted(unique.values(), key=lambda m: m.sent_at)),
            others=tuple(str(p.get("name") or p.get("username") or p.get("id")) for p in people
                         if str(p.get("id")) not in self.owner_ids),
        )  # fmt: skip

    def _message(self, platform: Channel, item: dict[str, Any]) -> SocialMessage:
        sender = item.get("from") or {}
        sender_id = str(sender.get("id", ""))
        text = item.get("message")
        return SocialMessage(
            external_id=f"{platform.value}:graph:{item.get('id')}",
            sender=str(sender.get("name") or sender.get("username") or sender_id),
            is_from_owner=sender_id in self.owner_ids,
            sent_at=parse_graph_time(item.get("created_time")),
            text=text if isinstance(text, str) else "",
        )

    # -- sending -------------------------------------------------------------------------------
    def send_message(self, recipient_id: str, text: str) -> str:
        """Reply to a customer (page-scoped or Instagram-scoped id); returns the message id."""
        if not text.strip():
            raise ValueError("the reply is empty")
        url = build_url(self.base_url, f"{self.version}/{self.page_id}/messages")
        payload = {
            "recipient": {"id": recipient_id},
            "message": {"text": text},
            "messaging_type": "RESPONSE",
        }
        response = request_json(
            "facebook", "POST", url, token=self._token, body=payload, timeout=self.timeout
        )
        body = self._check(response)
        message_id = body.get("message_id")
        if not isinstance(message_id, str):
            raise SocialApiError("facebook", "send answer has no message_id", response.status)
        return message_id

    # -- plumbing ------------------------------------------------------------------------------
    def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        url = build_url(self.base_url, f"{self.version}/{path}", params)
        response = request_json("facebook", "GET", url, token=self._token, timeout=self.timeout)
        return self._check(response)

    def _check(self, response: HttpResponse) -> dict[str, Any]:
        body = response.body
        error = body.get("error") if isinstance(body, dict) else None
        if response.status < 400 and error is None:
            if not isinstance(body, dict):
                raise SocialApiError("facebook", "the answer is not a JSON object", response.status)
            return body
        raise graph_error(response, self._token)


def _next_cursor(block: dict[str, Any]) -> str | None:
    """The ``after`` cursor, only when Graph says there is a next page (``paging.next``)."""
    paging = block.get("paging")
    if not isinstance(paging, dict) or not paging.get("next"):
        return None
    cursors = paging.get("cursors")
    after = cursors.get("after") if isinstance(cursors, dict) else None
    return after if isinstance(after, str) and after else None


def graph_error(response: HttpResponse, token: str) -> SocialApiError:
    """Map a Graph error answer to the exception the worker acts on."""
    body: dict[str, Any] = response.body if isinstance(response.body, dict) else {}
    found = body.get("error")
    error: dict[str, Any] = found if isinstance(found, dict) else {}
    code = error.get("code")
    subcode = error.get("error_subcode")
    message = redact(str(error.get("message") or f"HTTP {response.status}"), token)
    if response.status == 429 or code in _RATE_LIMIT_CODES:
        return RateLimited("facebook", _retry_after(response), message)
    if code in _TOKEN_CODES:
        return TokenExpired("facebook", message, response.status)
    if subcode in _OUTSIDE_WINDOW or code == 551:
        return ReplyNotAllowed("facebook", message, response.status)
    return SocialApiError("facebook", message, response.status)


def _retry_after(response: HttpResponse) -> float:
    header = response.headers.get("retry-after")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            pass
    usage = response.headers.get("x-business-use-case-usage")
    if usage:
        try:
            entries = json.loads(usage)
            minutes = [
                float(item.get("estimated_time_to_regain_access", 0))
                for items in entries.values()
                for item in items
            ]
            if minutes and max(minutes) > 0:
                return max(minutes) * 60.0
        except (ValueError, AttributeError, TypeError):
            pass
    return _DEFAULT_RETRY
