"""What a queued mail needs from the store: the conversation it joins and the account it
goes out from (the named one, else the one the conversation came in on, else the first)."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.domain.types import Direction, IdentityKind, Language
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.outbox_dto import Attachment, NoMailAccount, NoRecipient
from soloservice.services.reply_text import attribution, quote
from soloservice.storage.mail_tables import MailAccountRow, MailItemRow
from soloservice.storage.tables import CustomerRow, IdentityRow, InquiryRow, MessageRow


def pick_account(
    session: Session, name: str | None, thread_account_id: int | None = None
) -> MailAccountRow:
    """The named account, else the one the conversation came in on, else the first enabled."""
    if name is not None:
        row = session.exec(select(MailAccountRow).where(MailAccountRow.name == name)).first()
        if row is None:
            raise NotFound(f"no mail account named {name!r}")
        return row
    if thread_account_id is not None:
        found = session.get(MailAccountRow, thread_account_id)
        if found is not None and found.enabled:
            return found
    row = session.exec(
        select(MailAccountRow)
        .where(MailAccountRow.enabled == True)  # noqa: E712 - SQL, not Python
        .order_by(col(MailAccountRow.id))
    ).first()
    if row is None:
        raise NoMailAccount("no mail account is set up to send from: add one first")
    return row


def load_attachment(item: Attachment) -> tuple[str, str, bytes]:
    if isinstance(item, Path):
        try:
            data = item.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"cannot read the attachment {item}: {exc.strerror}") from exc
        ctype = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
        return item.name, ctype, data
    name, ctype, data = item
    return name, ctype or "application/octet-stream", data


@dataclass(frozen=True)
class Thread:
    """What a reply needs to know about the conversation it answers."""

    to_addr: str
    in_reply_to: str | None
    references: tuple[str, ...]
    quoted: str | None
    account_id: int | None


def thread_messages(session: Session, inquiry_id: int) -> list[MessageRow]:
    """The conversation in order, notes left out: what a reply threads onto and quotes."""
    return list(
        session.exec(
            select(MessageRow)
            .where(MessageRow.inquiry_id == inquiry_id, MessageRow.direction != Direction.NOTE)
            .order_by(col(MessageRow.sent_at), col(MessageRow.id))
        ).all()
    )


def thread_of(
    ctx: ServiceContext, session: Session, inquiry: InquiryRow, with_quote: bool
) -> Thread:
    assert inquiry.id is not None
    messages = thread_messages(session, inquiry.id)
    references = tuple(dict.fromkeys(m.external_id for m in messages if m.external_id))
    inbound = [m for m in messages if m.direction == Direction.IN.value]
    latest = inbound[-1] if inbound else None
    parsed = _source_of(session, latest) if latest is not None else None
    item_account = account_of_thread(session, [m.id for m in messages if m.id])
    to_addr = (parsed.reply_to or parsed.from_addr) if parsed is not None else ""
    if not to_addr:
        to_addr = _customer_email(session, inquiry)
    quoted: str | None = None
    if with_quote and latest is not None and latest.text.strip():
        customer = session.get(CustomerRow, inquiry.customer_id)
        language = Language(customer.language) if customer is not None else Language.EN
        who = latest.author or (customer.name if customer else "") or to_addr
        if parsed is not None and parsed.from_name and parsed.from_addr:
            who = f"{parsed.from_name} <{parsed.from_addr}>"
        when = latest.sent_at.astimezone(ctx.tz)
        quoted = f"{attribution(language, when, who)}\n{quote(latest.text)}"
    in_reply_to = None
    for message in reversed(inbound):
        if message.external_id:
            in_reply_to = message.external_id
            break
    return Thread(to_addr, in_reply_to, references, quoted, item_account)


def _source_of(session: Session, message: MessageRow) -> ParsedMail | None:
    raw = session.exec(
        select(MailItemRow.raw)
        .where(MailItemRow.message_row_id == message.id)
        .order_by(col(MailItemRow.id))
    ).first()
    if not raw:
        return None
    parsed = parse_message(raw, received=message.sent_at)
    return parsed if isinstance(parsed, ParsedMail) else None


def account_of_thread(session: Session, message_ids: list[int]) -> int | None:
    if not message_ids:
        return None
    return session.exec(
        select(MailItemRow.account_id)
        .where(
            col(MailItemRow.message_row_id).in_(message_ids),
            col(MailItemRow.account_id).is_not(None),
        )
        .order_by(col(MailItemRow.id).desc())
    ).first()


def _customer_email(session: Session, inquiry: InquiryRow) -> str:
    identity = session.exec(
        select(IdentityRow)
        .where(
            IdentityRow.customer_id == inquiry.customer_id,
            IdentityRow.kind == IdentityKind.EMAIL.value,
        )
        .order_by(col(IdentityRow.id).desc())
    ).first()
    if identity is None:
        raise NoRecipient(f"inquiry {inquiry.id}: the customer has no email address to reply to")
    return identity.value
