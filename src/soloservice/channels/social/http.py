"""A small JSON-over-HTTPS client on urllib, shared by the Graph and X connectors.

Only the stdlib, so the connectors add no dependency. Tokens travel in the
``Authorization`` header, never in the URL, so they cannot leak into error messages, logs
or a proxy's access log; paging follows cursors against our own base URL rather than the
absolute ``next`` links a response offers, so a token is never sent to another host.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from soloservice.channels.social.errors import SocialApiError


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: Mapping[str, str]
    body: Any  # parsed JSON, or None when the body is empty or not JSON
    text: str


def build_url(base_url: str, path: str, params: Mapping[str, str] | None = None) -> str:
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"base URL must be http(s)://host, not {base_url!r}")
    url = base_url.rstrip("/") + "/" + path.lstrip("/")
    if params:
        url += "?" + urllib.parse.urlencode(params)
    return url


def redact(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


def request_json(
    platform: str,
    method: str,
    url: str,
    *,
    token: str,
    body: Mapping[str, Any] | None = None,
    timeout: float,
) -> HttpResponse:
    """Send the request; HTTP error statuses come back as responses for the caller to map."""
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Accept", "application/json")
    request.add_header("User-Agent", "SoloService")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _response(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as exc:
        payload = exc.read() if exc.fp is not None else b""
        return _response(exc.code, dict(exc.headers.items()) if exc.headers else {}, payload)
    except TimeoutError as exc:
        raise SocialApiError(platform, f"no answer within {timeout:g} s") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason if isinstance(exc.reason, str) else str(exc.reason)
        if isinstance(exc.reason, TimeoutError):
            raise SocialApiError(platform, f"no answer within {timeout:g} s") from exc
        raise SocialApiError(platform, f"cannot connect ({redact(reason, token)})") from exc
    except OSError as exc:
        raise SocialApiError(platform, f"connection failed ({exc.strerror or exc})") from exc


def _response(status: int, headers: dict[str, str], raw: bytes) -> HttpResponse:
    text = raw.decode("utf-8", errors="replace")
    try:
        body = json.loads(text) if text.strip() else None
    except json.JSONDecodeError:
        body = None
    lowered = {key.lower(): value for key, value in headers.items()}
    return HttpResponse(status, lowered, body, text)
