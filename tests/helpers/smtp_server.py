"""An aiosmtpd SMTP server for tests: AUTH, STARTTLS or implicit TLS, the mail it got."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from tests.helpers.mail_certs import TestCerts
from tests.helpers.mail_ports import HOST, free_port

# --- SMTP ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedMail:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    login: str | None


@dataclass
class _Collector:
    received: list[ReceivedMail] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        login = session.auth_data.login if isinstance(session.auth_data, LoginPassword) else None
        with self.lock:
            self.received.append(
                ReceivedMail(
                    mail_from=str(envelope.mail_from),
                    rcpt_tos=tuple(envelope.rcpt_tos),
                    raw=bytes(content),
                    login=login.decode() if isinstance(login, bytes) else None,
                )
            )
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on a free port; AUTH over plaintext is allowed, STARTTLS offered.

    ``stop()`` and ``start()`` may be called by a test to simulate the server being down.
    """

    def __init__(self, certs: TestCerts, username: str = "sender", password: str = "s3cret"):
        self.host = HOST
        self.port = free_port()
        self.username = username
        self.password = password
        self._certs = certs
        self._collector = _Collector()
        self._controller: Controller | None = None

    @property
    def received(self) -> list[ReceivedMail]:
        with self._collector.lock:
            return list(self._collector.received)

    def _authenticate(
        self, server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        # handled=False is essential: with handled=True aiosmtpd sends no reply and
        # the client waits forever.
        ok = (
            isinstance(data, LoginPassword)
            and data.login == self.username.encode()
            and data.password == self.password.encode()
        )
        return AuthResult(success=ok, handled=False, auth_data=data)

    def start(self) -> None:
        if self._controller is not None:
            return
        controller = Controller(
            self._collector,
            hostname=HOST,
            port=self.port,
            authenticator=self._authenticate,
            auth_require_tls=False,
            tls_context=self._certs.server_context(),
            require_starttls=False,
            ready_timeout=10,
        )
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()
