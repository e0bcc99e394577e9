"""The mail-sync test harness: a real Dovecot user, a real aiosmtpd, the composed services
on a fixed clock, and mails written as the customers' clients write them. Used by every test
that syncs or sends (tests/services/test_mail_sync.py and the outbox, follow-up, pulse and
ingest tests)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from soloservice.services.mail_accounts import AccountInput, MailAccountService
from soloservice.services.mail_sync import MailSyncService, SyncSummary
from soloservice.services.outbox import OutboxService
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, SecretStore
from soloservice.storage.tables import InquiryRow, MessageRow
from tests.helpers.clock import FixedClock
from tests.helpers.mailservers import DovecotServer, MailUser, SmtpServer, TestCerts

OWN = "hej@butik.dk"
#: Tuesday 3 March 2026, 10:00 in Copenhagen; mails are dated shortly before.
START = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
REPO_ROOT = Path(__file__).resolve().parents[2]


def mail(
    n: int,
    *,
    sender: str = "Jørgen Hansen <jorgen@example.dk>",
    subject: str = "Ødelagt støvsuger",
    body: str = "Min støvsuger virker ikke.",
    in_reply_to: str | None = None,
    references: str | None = None,
    minute: int | None = None,
    extra: str = "",
    to: str = OWN,
    hour: int = 8,
) -> bytes:
    when = START.replace(hour=hour, minute=(minute if minute is not None else n % 60))
    head = (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
        f"Message-ID: <c{n}@example.dk>\r\nDate: {format_datetime(when)}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
    )
    if in_reply_to:
        head += f"In-Reply-To: {in_reply_to}\r\n"
    if references:
        head += f"References: {references}\r\n"
    return (head + extra + "\r\n" + body + "\r\n").encode()


@dataclass
class MailEnv:
    services: Services
    secrets: SecretStore
    accounts: MailAccountService
    sync: MailSyncService
    outbox: OutboxService
    dovecot: DovecotServer
    user: MailUser
    smtp: SmtpServer
    clock: FixedClock
    data_dir: Path

    def deliver(self, *raws: bytes, folder: str = "INBOX") -> list[int]:
        return self.dovecot.deliver(self.user, *raws, folder=folder)

    def run(self, **kwargs: object) -> SyncSummary:
        (summary,) = self.sync.sync("shop", **kwargs)  # type: ignore[arg-type]
        return summary

    def inquiries(self) -> list[InquiryRow]:
        with self.services.ctx.db.session() as session:
            return list(session.exec(select(InquiryRow).order_by(col(InquiryRow.id))))

    def messages(self, inquiry_id: int | None = None) -> list[MessageRow]:
        with self.services.ctx.db.session() as session:
            query = select(MessageRow).order_by(col(MessageRow.id))
            if inquiry_id is not None:
                query = query.where(MessageRow.inquiry_id == inquiry_id)
            return list(session.exec(query))

    def admin(self, *commands: tuple[str, str]) -> None:
        client = self.dovecot.connect(self.user)
        try:
            for command, folder in commands:
                getattr(client, command)(folder)
        finally:
            client.logout()


@pytest.fixture
def mail_env(
    services: Services,
    dovecot: DovecotServer,
    mailbox: MailUser,
    test_certs: TestCerts,
    clock: FixedClock,
    data_dir: Path,
) -> Iterator[MailEnv]:
    clock.set(START)  # 10:00 in Copenhagen on a Tuesday; the mails came an hour earlier
    smtp = SmtpServer(test_certs, username=mailbox.name, password=mailbox.password)
    smtp.start()
    secrets = SecretStore(data_dir)
    accounts = MailAccountService(services.ctx, secrets)
    accounts.add(
        AccountInput(
            name="shop",
            email=OWN,
            display_name="Butikken",
            imap_host=dovecot.host,
            imap_port=dovecot.imap_port,
            imap_security="none",
            smtp_host=smtp.host,
            smtp_port=smtp.port,
            smtp_security="none",
            username=mailbox.name,
            signature="Venlig hilsen\nSøs, Butikken",
        ),
        password=mailbox.password,
        place=SecretPlace.SESSION,
    )
    env = MailEnv(
        services=services,
        secrets=secrets,
        accounts=accounts,
        sync=MailSyncService(services.ctx, accounts, batch_size=3),
        outbox=OutboxService(services.ctx, accounts),
        dovecot=dovecot,
        user=mailbox,
        smtp=smtp,
        clock=clock,
        data_dir=data_dir,
    )
    yield env
    smtp.stop()


def set_account(env: MailEnv, **changes: object) -> None:
    view = env.accounts.get("shop")
    fields = {name: getattr(view, name) for name in AccountInput.__dataclass_fields__}
    fields.update(changes)
    env.accounts.update("shop", AccountInput(**fields))  # type: ignore[arg-type]
