"""Building and sending the founder's replies over SMTP.

The headers matter more than the body: Message-ID is ours so the reply can be stored
and recognised when it comes back through the Sent folder, and In-Reply-To/References
put it into the customer's thread in their mail client.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, make_msgid

from .errors import MailError, Security, classify_network_error
from .threads import message_ids_in, normalise_message_id

MAX_REFERENCES = 20


@dataclass(frozen=True)
class OutgoingMail:
    from_addr: str
    to: tuple[str, ...]
    subject: str
    text: str
    from_name: str = ""
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    attachments: tuple[tuple[str, str, bytes], ...] = ()  # (filename, content type, data)
    message_id: str | None = None  # None: generate one in the sender's domain
    cc: tuple[str, ...] = ()


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: Security = "starttls"
    username: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 30.0


def new_message_id(from_addr: str) -> str:
    domain = from_addr.rpartition("@")[2].strip().lower() or "soloservice.invalid"
    return make_msgid(domain=domain)


def _address(addr: str, name: str = "") -> Address:
    local, _, domain = addr.strip().rpartition("@")
    if not local or not domain:
        raise MailError("rejected", f"'{addr}' is not an email address.")
    return Address(display_name=name, username=local, domain=domain)


def build_message(out: OutgoingMail) -> EmailMessage:
    """A UTF-8 MIME message with threading headers; References keeps the newest 20 ids."""
    if not out.to:
        raise MailError("rejected", "The reply has no recipient.")
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = _address(out.from_addr, out.from_name)
    msg["To"] = [_address(addr) for addr in out.to]
    if out.cc:
        msg["Cc"] = [_address(addr) for addr in out.cc]
    msg["Subject"] = out.subject.replace("\r", " ").replace("\n", " ")
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = normalise_message_id(out.message_id) or new_message_id(out.from_addr)
    parent = normalise_message_id(out.in_reply_to)
    refs = [ref for ref in message_ids_in(" ".join(out.references)) if ref != parent]
    if parent:
        refs.append(parent)
        msg["In-Reply-To"] = parent
    if refs:
        # Keep the root (first) and the newest ones, as RFC 5322 suggests when trimming.
        kept = refs if len(refs) <= MAX_REFERENCES else [refs[0], *refs[-(MAX_REFERENCES - 1) :]]
        msg["References"] = " ".join(kept)
    msg["MIME-Version"] = "1.0"
    msg.set_content(out.text, charset="utf-8")
    for filename, content_type, data in out.attachments:
        maintype, _, subtype = content_type.partition("/")
        if not subtype:
            maintype, subtype = "application", "octet-stream"
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg


def _connect(settings: SmtpSettings, context: ssl.SSLContext) -> smtplib.SMTP:
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    return client


def _start_session(settings: SmtpSettings, ssl_context: ssl.SSLContext | None) -> smtplib.SMTP:
    """Connected, encrypted as configured and logged in; the caller quits it."""
    context = ssl_context or ssl.create_default_context()
    where = f"{settings.host}:{settings.port}"
    try:
        client = _connect(settings, context)
    except Exception as exc:
        raise classify_network_error(exc, "SMTP", settings.host, settings.port) from exc
    try:
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise MailError("tls", f"The SMTP server {where} does not offer STARTTLS.")
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            if not client.has_extn("auth"):
                raise MailError("login", f"The SMTP server {where} does not accept a login here.")
            client.login(settings.username, settings.password)
    except smtplib.SMTPAuthenticationError as exc:
        _quietly_close(client)
        raise MailError(
            "login", f"The SMTP server {where} rejected the username or password."
        ) from exc
    except smtplib.SMTPException as exc:
        _quietly_close(client)
        raise MailError("protocol", f"The SMTP server {where} answered: {exc}.") from exc
    except MailError:
        _quietly_close(client)
        raise
    except Exception as exc:
        _quietly_close(client)
        raise classify_network_error(exc, "SMTP", settings.host, settings.port) from exc
    return client


def _quietly_close(client: smtplib.SMTP) -> None:
    with contextlib.suppress(Exception):
        client.close()


def check_smtp(settings: SmtpSettings, ssl_context: ssl.SSLContext | None = None) -> None:
    """Connect, secure and log in without sending; raises MailError on the first failure."""
    client = _start_session(settings, ssl_context)
    try:
        client.quit()
    except Exception:
        _quietly_close(client)


def send(
    settings: SmtpSettings, out: OutgoingMail, *, ssl_context: ssl.SSLContext | None = None
) -> str:
    """Send and return the Message-ID used, or raise MailError when nothing was sent.

    A partial refusal (some recipients accepted) counts as sent: raising would make an
    outbox retry and deliver twice to those who got it.
    """
    msg = build_message(out)
    message_id = str(msg["Message-ID"])
    where = f"{settings.host}:{settings.port}"
    client = _start_session(settings, ssl_context)
    try:
        client.send_message(msg, from_addr=out.from_addr)
    except smtplib.SMTPRecipientsRefused as exc:
        names = ", ".join(str(r) for r in exc.recipients)
        raise MailError("rejected", f"The SMTP server refused the recipient(s): {names}.") from exc
    except smtplib.SMTPSenderRefused as exc:
        raise MailError(
            "rejected", f"The SMTP server refused the sender {out.from_addr}: {exc.smtp_error!r}."
        ) from exc
    except smtplib.SMTPDataError as exc:
        raise MailError("rejected", f"The SMTP server refused the message: {exc}.") from exc
    except smtplib.SMTPException as exc:
        raise MailError("protocol", f"The SMTP server {where} answered: {exc}.") from exc
    except Exception as exc:
        raise classify_network_error(exc, "SMTP", settings.host, settings.port) from exc
    finally:
        try:
            client.quit()
        except Exception:
            _quietly_close(client)
    return message_id
