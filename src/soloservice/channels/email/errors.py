"""One error type for both mail servers, so the UI can say exactly what went wrong.

The ``kind`` is a short machine word the GUI and the CLI can branch on (for example to
offer "check the password" only for ``login``); the message is an English sentence a
founder can act on without reading a traceback.
"""

from __future__ import annotations

import socket
import ssl
from typing import Literal

ErrorKind = Literal["dns", "refused", "timeout", "tls", "login", "rejected", "protocol"]
Security = Literal["ssl", "starttls", "none"]


class MailError(Exception):
    """A failure talking to an IMAP or SMTP server, classified for the user."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"MailError({self.kind!r}, {self.message!r})"


def classify_network_error(exc: BaseException, server: str, host: str, port: int) -> MailError:
    """Map the socket-level errors both protocols share; ``server`` is "IMAP" or "SMTP"."""
    where = f"the {server} server {host}:{port}"
    if isinstance(exc, MailError):
        return exc
    if isinstance(exc, socket.gaierror):
        return MailError("dns", f"Could not find {where}: the name '{host}' does not resolve.")
    if isinstance(exc, ConnectionRefusedError):
        return MailError(
            "refused", f"{where[0].upper()}{where[1:]} refused the connection (wrong port?)."
        )
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError("timeout", f"Timed out waiting for {where}.")
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = exc.verify_message or str(exc)
        return MailError("tls", f"The TLS certificate of {where} could not be verified: {reason}.")
    if isinstance(exc, ssl.SSLError):
        return MailError("tls", f"The TLS handshake with {where} failed: {exc.reason or exc}.")
    if isinstance(exc, ConnectionResetError | BrokenPipeError | EOFError):
        return MailError("protocol", f"{where[0].upper()}{where[1:]} closed the connection.")
    if isinstance(exc, OSError):
        return MailError("refused", f"Could not connect to {where}: {exc.strerror or exc}.")
    return MailError("protocol", f"Unexpected answer from {where}: {exc}.")
