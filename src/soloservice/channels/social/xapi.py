"""X direct messages through the X API v2.

``GET /2/dm_events`` returns the account's DM events newest first, paged with
``meta.next_token``. Polling is incremental: pass the previous :class:`SocialSync`'s
``cursor`` (the newest event id) as ``since`` and paging stops at the first event already
seen. Message ids are ``x:dm:<event id>``, the same as in the X archive, so an archive
import and the live connector never duplicate each other.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
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

X_BASE_URL = "https://api.x.com"
EVENT_FIELDS = "id,text,created_at,sender_id,dm_conversation_id"
_DEFAULT_RETRY = 60.0
_MAX_PAGES = 1000


def _event_number(event_id: str) -> int:
    try:
        return int(event_id)
    except ValueError:
        return -1


class XClient:
    """The DMs of one X account (``own_user_id``) with a user-context OAuth 2.0 token."""

    def __init__(
        self,
        access_token: str,
        own_user_id: str,
        *,
        base_url: str = X_BASE_URL,
        timeout: float = 20.0,
        page_size: int = 100,
        now: Callable[[], float] = time.time,
    ) -> None:
        build_url(base_url, "/")
        self._token = access_token
        self.own_user_id = own_user_id
        self.base_url = base_url
        self.timeout = timeout
        self.page_size = page_size
        self._now = now

    def __repr__(self) -> str:  # never show the token
        return f"XClient(own_user_id={self.own_user_id!r}, base_url={self.base_url!r})"

    def dm_threads(self, *, since: str | None = None) -> SocialSync:
        """DM events newer than the event id ``since``, grouped into conversations."""
        floor = _event_number(since) if since else None
        events: list[dict[str, Any]] = []
        users: dict[str, dict[str, Any]] = {}
        params = {
            "dm_event.fields": EVENT_FIELDS,
            "event_types": "MessageCreate",
            "expansions": "sender_id",
            "user.fields": "username,name",
            "max_results": str(self.page_size),
        }
        for _ in range(_MAX_PAGES):
            body = self._request("GET", "2/dm_events", params=params)
            data = body.get("data") or []
            if not isinstance(data, list):
                raise SocialApiError("x", "dm_events answer has no 'data' list")
            for user in (body.get("includes") or {}).get("users") or []:
                if isinstance(user, dict) and user.get("id"):
                    users[str(user["id"])] = user
            stop = False
            for event in data:
                if floor is not None and _event_number(str(event.get("id"))) <= floor:
                    stop = True
                    break
                events.append(event)
            token = (body.get("meta") or {}).get("next_token")
            if stop or not isinstance(token, str) or not token:
                break
            params = {**params, "pagination_token": token}
        newest = max((str(e.get("id")) for e in events), key=_event_number, default=None)
        return SocialSync(self._threads(events, users), newest or since)

    def _threads(
        self, events: list[dict[str, Any]], users: dict[str, dict[str, Any]]
    ) -> tuple[SocialThread, ...]:
        grouped: dict[str, list[SocialMessage]] = defaultdict(list)
        for event in events:
            if event.get("event_type", "MessageCreate") != "MessageCreate":
                continue
            sender = str(event.get("sender_id", ""))
            conversation = str(event.get("dm_conversation_id", ""))
            if not conversation or not sender or not event.get("id"):
                raise SocialApiError("x", "a DM event lacks id, sender_id or dm_conversation_id")
            grouped[conversation].append(
                SocialMessage(
                    external_id=f"x:dm:{event['id']}",
                    sender=sender,
                    is_from_owner=sender == self.own_user_id,
                    sent_at=_x_time(event.get("created_at")),
                    text=str(event.get("text") or ""),
                )
            )
        threads: list[SocialThread] = []
        for conversation, messages in grouped.items():
            other = next((m.sender for m in messages if not m.is_from_owner), None)
            if other is None:
                ids = [p for p in conversation.split("-") if p != self.own_user_id]
                other = ids[0] if ids else None
            user = users.get(other or "", {})
            handle = None
            if isinstance(user.get("username"), str):
                try:
                    handle = normalise_handle(user["username"])
                except InvalidIdentity:
                    handle = None
            threads.append(
                SocialThread(
                    platform=Channel.X,
                    thread_id=conversation,
                    participant_name=_text(user.get("name")),
                    participant_handle=handle,
                    participant_id=other,
                    messages=tuple(sorted(messages, key=lambda m: m.sent_at)),
                    others=(other,) if other else (),
                )
            )
        return tuple(threads)

    def send_message(self, participant_id: str, text: str) -> str:
        """Send a DM in the one-to-one conversation with ``participant_id``; the event id."""
        if not text.strip():
            raise ValueError("the reply is empty")
        body = self._request(
            "POST", f"2/dm_conversations/with/{participant_id}/messages", body={"text": text}
        )
        data = body.get("data") or {}
        event_id = data.get("dm_event_id") if isinstance(data, dict) else None
        if not isinstance(event_id, str):
            raise SocialApiError("x", "send answer has no dm_event_id")
        return event_id

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        url = build_url(self.base_url, path, params)
        response = request_json(
            "x", method, url, token=self._token, body=body, timeout=self.timeout
        )
        if response.status < 400 and isinstance(response.body, dict):
            if "data" in response.body or "meta" in response.body:
                return response.body
            if response.body.get("errors"):
                raise x_error(response, self._token, self._now(), method)
            return response.body
        raise x_error(response, self._token, self._now(), method)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _x_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise SocialApiError("x", f"not a timestamp: {value!r}")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise SocialApiError("x", f"not a timestamp: {value!r}") from exc
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def x_error(response: HttpResponse, token: str, now: float, method: str = "GET") -> SocialApiError:
    """Map an X API error answer to the exception the worker acts on."""
    body = response.body if isinstance(response.body, dict) else {}
    errors = body.get("errors")
    first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
    message = str(
        body.get("detail") or first.get("message") or first.get("detail") or body.get("title")
        or f"HTTP {response.status}"
    )  # fmt: skip
    message = redact(message, token)
    if response.status == 429:
        reset = response.headers.get("x-rate-limit-reset")
        retry = _DEFAULT_RETRY
        if reset:
            try:
                retry = max(0.0, float(reset) - now)
            except ValueError:
                retry = _DEFAULT_RETRY
        return RateLimited("x", retry, message)
    if response.status == 401:
        return TokenExpired("x", message, 401)
    if response.status == 403 and method == "POST":
        return ReplyNotAllowed("x", message, 403)
    return SocialApiError("x", message, response.status)
