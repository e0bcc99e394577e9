"""A local stand-in for the Meta Graph API and the X API v2, on 127.0.0.1, port 0.

It serves the documented response shapes from in-memory data: Graph conversations with
``paging.cursors.after``/``paging.next`` (also for the nested messages), X ``dm_events`` with
``meta.next_token``; it records every request and POSTed message, and ``mode`` switches it
to answer with rate-limit or expired-token errors (optionally after ``fail_after`` good
requests, to hit an error in the middle of paging).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "EAAG-test-token-never-logged"


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    authorization: str | None
    body: Any = None


@dataclass
class FakeSocialApi:
    page_id: str = "1044"
    token: str = TOKEN
    graph_conversations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    x_events: list[dict[str, Any]] = field(default_factory=list)
    x_users: list[dict[str, Any]] = field(default_factory=list)
    page_size: int = 2
    message_page_size: int = 2
    mode: str | None = None  # None, "rate_limit" or "expired"
    fail_after: int = 0
    rate_limit_reset: int = 0
    outside_window: set[str] = field(default_factory=set)
    requests: list[Recorded] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    # -- life cycle ----------------------------------------------------------------------------
    def __enter__(self) -> FakeSocialApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                api._handle(self, "GET")

            def do_POST(self) -> None:
                api._handle(self, "POST")

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- dispatch ------------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        body = None
        if method == "POST":
            length = int(handler.headers.get("Content-Length") or 0)
            body = json.loads(handler.rfile.read(length) or b"null")
        self.requests.append(
            Recorded(method, parts.path, query, handler.headers.get("Authorization"), body)
        )
        is_x = parts.path.startswith("/2/")
        status, payload, headers = self._route(method, parts.path, query, body, is_x)
        raw = json.dumps(payload).encode("utf-8")
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(raw)))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(raw)

    def _route(
        self, method: str, path: str, query: dict[str, str], body: Any, is_x: bool
    ) -> tuple[int, Any, dict[str, str]]:
        good_so_far = len(self.requests) - 1
        failing = self.mode is not None and good_so_far >= self.fail_after
        authorised = self.requests[-1].authorization == f"Bearer {self.token}"
        if is_x:
            if failing and self.mode == "rate_limit":
                headers = {"x-rate-limit-reset": str(self.rate_limit_reset)}
                return 429, {"title": "Too Many Requests", "detail": "Too Many Requests",
                             "type": "about:blank", "status": 429}, headers  # fmt: skip
            if (failing and self.mode == "expired") or not authorised:
                return 401, {"title": "Unauthorized", "type": "about:blank", "status": 401,
                             "detail": "Unauthorized"}, {}  # fmt: skip
            return self._x(method, path, query, body)
        if failing and self.mode == "rate_limit":
            return 400, _graph_error(4, "(#4) Application request limit reached",
                                     "OAuthException"), {}  # fmt: skip
        if (failing and self.mode == "expired") or not authorised:
            message = (
                "Error validating access token: Session has expired on Monday, "
                "23-Nov-26 10:00:00 PST."
            )
            return 400, _graph_error(190, message, "OAuthException", 463), {}
        return self._graph(method, path, query, body)

    # -- Graph ---------------------------------------------------------------------------------
    def _graph(
        self, method: str, path: str, query: dict[str, str], body: Any
    ) -> tuple[int, Any, dict[str, str]]:
        segments = [s for s in path.split("/") if s]
        if len(segments) != 3:
            return 404, _graph_error(803, "Unknown path", "OAuthException"), {}
        _version, node, edge = segments
        if method == "POST" and node == self.page_id and edge == "messages":
            recipient = body["recipient"]["id"]
            if recipient in self.outside_window:
                return 400, _graph_error(
                    10, "(#10) This message is sent outside of allowed window.",
                    "OAuthException", 2018278,
                ), {}  # fmt: skip
            self.sent.append(body)
            return 200, {"recipient_id": recipient, "message_id": f"m_sent{len(self.sent)}"}, {}
        if method == "GET" and node == self.page_id and edge == "conversations":
            platform = query.get("platform", "messenger")
            conversations = sorted(
                self.graph_conversations.get(platform, []),
                key=lambda c: c["updated_time"],
                reverse=True,
            )
            page, paging = self._page(conversations, query, self.page_size, f"/{path}")
            return 200, {"data": [self._conversation(c) for c in page], "paging": paging}, {}
        if method == "GET" and edge == "messages":
            for conversations in self.graph_conversations.values():
                for conversation in conversations:
                    if conversation["id"] == node:
                        page, paging = self._page(
                            _newest_first(conversation["messages"]), query,
                            self.message_page_size, f"/{path}",
                        )  # fmt: skip
                        return 200, {"data": page, "paging": paging}, {}
        return 404, _graph_error(100, "Unsupported get request.", "GraphMethodException"), {}

    def _conversation(self, conversation: dict[str, Any]) -> dict[str, Any]:
        messages = _newest_first(conversation["messages"])
        page, paging = self._page(
            messages, {}, self.message_page_size, f"/v21.0/{conversation['id']}/messages"
        )
        return {
            "id": conversation["id"],
            "updated_time": conversation["updated_time"],
            "participants": {"data": conversation["participants"]},
            "messages": {"data": page, "paging": paging},
        }

    def _page(
        self, items: list[dict[str, Any]], query: dict[str, str], size: int, path: str
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        start = int(query.get("after", "0") or 0)
        page = items[start : start + size]
        paging: dict[str, Any] = {"cursors": {"before": str(start), "after": str(start + size)}}
        if start + size < len(items):
            # The real API puts an absolute link here; a client must not follow it blindly.
            paging["next"] = f"https://graph.facebook.com{path}?after={start + size}"
        return page, paging

    # -- X -------------------------------------------------------------------------------------
    def _x(
        self, method: str, path: str, query: dict[str, str], body: Any
    ) -> tuple[int, Any, dict[str, str]]:
        if method == "GET" and path == "/2/dm_events":
            events = sorted(self.x_events, key=lambda e: int(e["id"]), reverse=True)
            size = int(query.get("max_results", "100"))
            size = min(size, self.page_size)
            start = int(query.get("pagination_token", "0") or 0)
            page = events[start : start + size]
            senders = {e["sender_id"] for e in page}
            meta: dict[str, Any] = {"result_count": len(page)}
            if start + size < len(events):
                meta["next_token"] = str(start + size)
            payload: dict[str, Any] = {"data": page, "meta": meta}
            users = [u for u in self.x_users if u["id"] in senders]
            if users:
                payload["includes"] = {"users": users}
            return 200, payload, {}
        prefix = "/2/dm_conversations/with/"
        if method == "POST" and path.startswith(prefix) and path.endswith("/messages"):
            participant = path[len(prefix) : -len("/messages")]
            if participant in self.outside_window:
                return 403, {"title": "Forbidden", "status": 403, "type": "about:blank",
                             "detail": "You cannot send messages to this user."}, {}  # fmt: skip
            self.sent.append({"participant_id": participant, **body})
            event_id = str(9_000_000 + len(self.sent))
            return 201, {"data": {"dm_conversation_id": f"{participant}-1", "dm_event_id":
                                  event_id}}, {}  # fmt: skip
        return 404, {"title": "Not Found Error", "status": 404, "detail": "no such path"}, {}


def _newest_first(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(messages, key=lambda m: m["created_time"], reverse=True)


def _graph_error(code: int, message: str, kind: str, subcode: int | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"message": message, "type": kind, "code": code,
                             "fbtrace_id": "AbCdEf123"}  # fmt: skip
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


def graph_message(mid: str, text: str, sender: dict[str, str], when: str) -> dict[str, Any]:
    """One message as the Graph API's conversation ``messages`` field gives it."""
    return {"id": mid, "message": text, "from": sender, "created_time": when}


def messenger_conversations(
    page: dict[str, str], customers: list[tuple[str, str]], first_day: int = 20
) -> list[dict[str, Any]]:
    """A Messenger conversation per (name, psid): the customer writes, the page answers, the
    customer thanks — one day apart, in November 2026."""
    conversations = []
    for day, (name, psid) in enumerate(customers, start=first_day):
        customer = {"name": name, "email": f"{psid}@facebook.com", "id": psid}
        conversations.append(
            {
                "id": f"t_{psid}",
                "updated_time": f"2026-11-{day}T10:00:00+0000",
                "participants": [customer, page],
                "messages": [
                    graph_message(f"m_{psid}_1", f"Hej fra {name}", customer,
                                  f"2026-11-{day}T09:00:00+0000"),
                    graph_message(f"m_{psid}_2", "Tak, vi kigger på det", page,
                                  f"2026-11-{day}T09:30:00+0000"),
                    graph_message(f"m_{psid}_3", "Super, tak 🙏", customer,
                                  f"2026-11-{day}T10:00:00+0000"),
                ],
            }
        )  # fmt: skip
    return conversations
