"""Reading a mailbox incrementally over IMAP, and checking that both servers work.

Sync state is (UIDVALIDITY, last UID seen): UIDs only grow within one UIDVALIDITY, so
"everything above the last UID" is exactly the new mail. The caller stores that state in
the same transaction as the messages; this module keeps no state of its own.
"""

from __future__ import annotations

import contextlib
import imaplib
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from .errors import ErrorKind, MailError, Security, classify_network_error
from .smtp import SmtpSettings, check_smtp

SENT_FOLDER_NAMES = (
    "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Sendt", "Sendte", "Sendte elementer",
    "Sendt post", "Sendte meldinger", "Skickat", "Skickade objekt", "Gesendet",
    "Gesendete Elemente", "Gesendete Objekte",
)  # fmt: skip
_FETCH_ITEMS = [b"BODY.PEEK[]", b"FLAGS", b"INTERNALDATE"]
#: RFC 2177: a server may drop a client idling for 30 minutes; renew well before that.
IDLE_RENEW_SECONDS = 25 * 60
#: How long one look at the socket waits, i.e. how soon ``stop`` is noticed.
IDLE_CHECK_SECONDS = 0.5
#: Untagged responses that mean the folder's messages changed (flag changes do not count).
_CHANGE_WORDS = frozenset({b"EXISTS", b"RECENT", b"EXPUNGE"})
#: idle_check() returning nothing long before its timeout this many times in a row means
#: the server closed the connection (imapclient swallows the EOF and returns []).
_EARLY_EMPTY_LIMIT = 3


@dataclass(frozen=True)
class ImapSettings:
    host: str
    port: int = 993
    security: Security = "ssl"
    username: str = ""
    password: str = field(default="", repr=False)
    folder: str = "INBOX"
    timeout: float = 30.0


@dataclass(frozen=True)
class FetchedMessage:
    uid: int
    flags: tuple[str, ...]
    raw: bytes
    internaldate: datetime | None  # aware UTC; the server's arrival time


@dataclass(frozen=True)
class CheckResult:
    server: Literal["imap", "smtp"]
    ok: bool
    kind: ErrorKind | None
    message: str


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


class ImapSession:
    """A logged-in connection with ``settings.folder`` selected read-only.

    Read-only (EXAMINE) so that syncing never changes what the founder sees as read in
    other mail clients; fetching uses BODY.PEEK for the same reason.
    """

    def __init__(self, settings: ImapSettings, *, ssl_context: ssl.SSLContext | None = None):
        self.settings = settings
        self._context = ssl_context or ssl.create_default_context()
        self._client: IMAPClient | None = None
        self._where = f"the IMAP server {settings.host}:{settings.port}"

    # connection -----------------------------------------------------------------------

    def __enter__(self) -> ImapSession:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> None:
        s = self.settings
        try:
            client = IMAPClient(
                s.host,
                port=s.port,
                ssl=s.security == "ssl",
                ssl_context=self._context,
                timeout=s.timeout,
            )
        except Exception as exc:
            raise classify_network_error(exc, "IMAP", s.host, s.port) from exc
        client.normalise_times = False
        self._client = client
        try:
            if s.security == "starttls":
                client.starttls(self._context)
            client.login(s.username, s.password)
            self._select()
        except Exception as exc:
            self.close()
            raise self._error(exc) from exc

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            with contextlib.suppress(Exception):
                client.shutdown()

    @property
    def client(self) -> IMAPClient:
        if self._client is None:
            raise MailError("protocol", "The IMAP session is not open.")
        return self._client

    def _error(self, exc: BaseException) -> MailError:
        if isinstance(exc, MailError):
            return exc
        if isinstance(exc, LoginError):
            return MailError("login", f"{self._where} rejected the username or password.")
        if isinstance(exc, ssl.SSLError | OSError) and not isinstance(exc, imaplib.IMAP4.error):
            return classify_network_error(exc, "IMAP", self.settings.host, self.settings.port)
        text = str(exc)
        if "AUTHENTICATIONFAILED" in text or "PRIVACYREQUIRED" in text:
            return MailError("login", f"{self._where} refused the login: {text}")
        if "STARTTLS" in text.upper() and self.settings.security == "starttls":
            return MailError("tls", f"{self._where} does not offer STARTTLS: {text}")
        if isinstance(exc, IMAPClientError | imaplib.IMAP4.error):
            return MailError("protocol", f"{self._where} answered: {text}")
        return classify_network_error(exc, "IMAP", self.settings.host, self.settings.port)

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, name)(*args, **kwargs)
        except Exception as exc:
            raise self._error(exc) from exc

    def _select(self) -> dict[bytes, Any]:
        result: dict[bytes, Any] = self.client.select_folder(self.settings.folder, readonly=True)
        return result

    # mailbox ------------------------------------------------------------------------------

    def folder_state(self) -> tuple[int, int]:
        """(UIDVALIDITY, UIDNEXT) as of now; re-selects so new mail is counted."""
        try:
            info = self._select()
        except Exception as exc:
            raise self._error(exc) from exc
        uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        uidnext = info.get(b"UIDNEXT")
        if uidnext is None:  # optional in old servers: derive it
            uids = self._call("search", ["ALL"])
            uidnext = (max(uids) + 1) if uids else 1
        return uidvalidity, int(uidnext)

    def fetch_since(self, last_uid: int, batch: int = 50) -> Iterator[FetchedMessage]:
        """Messages with UID > ``last_uid`` in UID order, fetched ``batch`` at a time.

        ``UID n:*`` always matches the highest message even when n is above it, so the
        result is filtered; without that the last message would be fetched forever.
        """
        self._call("noop")
        uids = sorted(u for u in self._call("search", ["UID", f"{last_uid + 1}:*"]) if u > last_uid)
        for start in range(0, len(uids), max(1, batch)):
            chunk = uids[start : start + batch]
            data = self._call("fetch", chunk, _FETCH_ITEMS)
            for uid in chunk:
                item = data.get(uid)
                if item is None:  # expunged between SEARCH and FETCH
                    continue
                raw = item.get(b"BODY[]") or b""
                when = item.get(b"INTERNALDATE")
                if isinstance(when, datetime):
                    when = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
                else:
                    when = None
                yield FetchedMessage(
                    uid=uid,
                    flags=tuple(_text(f) for f in item.get(b"FLAGS", ())),
                    raw=raw if isinstance(raw, bytes) else bytes(raw),
                    internaldate=when,
                )

    def list_folders(self) -> list[tuple[tuple[str, ...], str]]:
        """(flags, name) for every folder, e.g. ((r"\\HasNoChildren", r"\\Sent"), "Sent")."""
        return [
            (tuple(_text(f) for f in flags), _text(name))
            for flags, _delim, name in self._call("list_folders")
        ]

    def find_sent_folder(self) -> str | None:
        """The folder our replies land in: SPECIAL-USE \\Sent, else a well-known name."""
        folders = self.list_folders()
        for flags, name in folders:
            if any(f.lower() == "\\sent" for f in flags):
                return name
        wanted = {n.lower() for n in SENT_FOLDER_NAMES}
        for _flags, name in folders:
            leaf = name.replace("\\", "/").replace(".", "/").split("/")[-1]
            if leaf.lower() in wanted or name.lower() in wanted:
                return name
        return None

    def append(
        self, folder: str, raw: bytes, *, seen: bool = True, when: datetime | None = None
    ) -> int | None:
        """Store a message (our sent reply) in ``folder``; its UID if the server says."""
        flags = (b"\\Seen",) if seen else ()
        response = self._call("append", folder, raw, flags=flags, msg_time=when)
        text = _text(response) if isinstance(response, bytes | str) else ""
        if "APPENDUID" in text:
            try:
                return int(text.split("APPENDUID", 1)[1].split("]", 1)[0].split()[1])
            except (IndexError, ValueError):
                return None
        return None

    # waiting for new mail ---------------------------------------------------------------

    def wait_for_change(
        self,
        timeout: float,
        stop: threading.Event,
        *,
        check_every: float = IDLE_CHECK_SECONDS,
        on_idle: Callable[[], None] | None = None,
    ) -> bool:
        """IMAP IDLE until the folder's messages change (True), ``timeout`` passes or
        ``stop`` is set (False). Only for servers where :func:`supports_idle` is True.

        The socket is looked at every ``check_every`` seconds so that another thread can
        end the wait quickly through ``stop``; IDLE is re-issued every
        :data:`IDLE_RENEW_SECONDS`. ``on_idle`` runs each time the server has accepted IDLE
        (from then on a change is reported). A dropped connection raises :class:`MailError`;
        the session cannot be used afterwards except to ``close()`` it.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        client = self.client
        changed = False
        try:
            while not changed and not stop.is_set() and time.monotonic() < deadline:
                client.idle()
                if on_idle is not None:
                    on_idle()
                changed = self._idle_until(
                    min(deadline, time.monotonic() + IDLE_RENEW_SECONDS), stop, check_every
                )
                if stop.is_set():
                    # Leave quickly even if the server has gone quiet; close() follows.
                    client.socket().settimeout(min(self.settings.timeout, 2.0))
                _text, late = client.idle_done()
                changed = changed or _has_change(late)
        except Exception as exc:
            raise self._error(exc) from exc
        return changed

    def _idle_until(self, until: float, stop: threading.Event, check_every: float) -> bool:
        early_empty = 0
        while not stop.is_set():
            started = time.monotonic()
            wait = min(check_every, until - started)
            if wait <= 0:
                return False
            responses = self.client.idle_check(timeout=wait)
            if _has_change(responses):
                return True
            if responses or time.monotonic() - started >= wait / 2:
                early_empty = 0
                continue
            early_empty += 1
            if early_empty >= _EARLY_EMPTY_LIMIT:
                raise MailError(
                    "protocol", f"{self._where[0].upper()}{self._where[1:]} closed the connection."
                )
        return False


def supports_idle(session: ImapSession) -> bool:
    """True when the server offers IMAP IDLE (RFC 2177); otherwise polling has to do."""
    return bool(session._call("has_capability", "IDLE"))


def _has_change(responses: list[Any]) -> bool:
    """``[(3, b"EXISTS"), (b"OK", b"Still here")]`` -> True: a message came or went."""
    for response in responses:
        if isinstance(response, tuple) and len(response) >= 2:
            word = response[1]
            if isinstance(word, bytes) and word.upper() in _CHANGE_WORDS:
                return True
    return False


def test_connection(
    imap: ImapSettings,
    smtp: SmtpSettings,
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> list[CheckResult]:
    """Check both servers separately so the GUI can say which one fails and why."""
    results: list[CheckResult] = []
    try:
        with ImapSession(imap, ssl_context=ssl_context) as session:
            session.folder_state()
        results.append(CheckResult("imap", True, None, f"IMAP: logged in to {imap.host}."))
    except MailError as exc:
        results.append(CheckResult("imap", False, exc.kind, f"IMAP: {exc.message}"))
    try:
        check_smtp(smtp, ssl_context)
        results.append(CheckResult("smtp", True, None, f"SMTP: logged in to {smtp.host}."))
    except MailError as exc:
        results.append(CheckResult("smtp", False, exc.kind, f"SMTP: {exc.message}"))
    return results


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
