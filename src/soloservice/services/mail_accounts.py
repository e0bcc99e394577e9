"""Mail accounts: the founder adds a mailbox once; passwords go to the SecretStore."""

from __future__ import annotations

import builtins
import ssl
from dataclasses import dataclass
from datetime import datetime
from typing import get_args

from sqlmodel import Session, col, select

from soloservice.channels.email.errors import Security
from soloservice.channels.email.imap import CheckResult, ImapSettings, test_connection
from soloservice.channels.email.smtp import SmtpSettings
from soloservice.domain.identity import InvalidIdentity, normalise_email
from soloservice.domain.mail_ports import DEFAULT_PORTS
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound, ServiceError
from soloservice.services.secrets import SecretPlace, SecretStore, SecretUnavailable
from soloservice.storage.mail_tables import MailAccountRow


@dataclass(frozen=True)
class AccountInput:
    name: str
    email: str
    imap_host: str
    smtp_host: str
    username: str
    imap_port: int | None = None
    imap_security: str = "ssl"
    smtp_port: int | None = None
    smtp_security: str = "starttls"
    password_env: str | None = None
    folder: str = "INBOX"
    sent_folder: str | None = None
    display_name: str = ""
    signature: str = ""


@dataclass(frozen=True)
class AccountView:
    id: int
    name: str
    email: str
    display_name: str
    imap_host: str
    imap_port: int
    imap_security: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    username: str
    password_env: str | None
    folder: str
    sent_folder: str | None
    signature: str
    enabled: bool
    last_sync_at: datetime | None
    last_error: str | None
    #: the provider files relayed mail in Sent (True), does not (False), not yet seen (None)
    sent_files_relayed: bool | None = None


class PasswordMissing(ServiceError):
    pass


def secret_key(account_name: str) -> str:
    return f"mail:{account_name}"


def _security(value: str, what: str) -> Security:
    allowed = get_args(Security)
    if value not in allowed:
        raise InvalidInput(f"{what} security must be one of {', '.join(allowed)}, not {value!r}")
    return value  # type: ignore[return-value]


def _view(row: MailAccountRow) -> AccountView:
    assert row.id is not None
    return AccountView(
        id=row.id,
        name=row.name,
        email=row.email,
        display_name=row.display_name,
        imap_host=row.imap_host,
        imap_port=row.imap_port,
        imap_security=row.imap_security,
        smtp_host=row.smtp_host,
        smtp_port=row.smtp_port,
        smtp_security=row.smtp_security,
        username=row.username,
        password_env=row.password_env,
        folder=row.folder,
        sent_folder=row.sent_folder,
        signature=row.signature,
        enabled=row.enabled,
        last_sync_at=row.last_sync_at,
        last_error=row.last_error,
        sent_files_relayed=row.sent_files_relayed,
    )


class MailAccountService:
    def __init__(self, ctx: ServiceContext, secrets: SecretStore) -> None:
        self.ctx = ctx
        self.secrets = secrets

    def _validate(self, data: AccountInput) -> MailAccountRow:
        name = data.name.strip()
        if not name:
            raise InvalidInput("an account needs a name")
        try:
            email = normalise_email(data.email)
        except InvalidIdentity as exc:
            raise InvalidInput(str(exc)) from exc
        imap_security = _security(data.imap_security, "IMAP")
        smtp_security = _security(data.smtp_security, "SMTP")
        for host, what in ((data.imap_host, "IMAP"), (data.smtp_host, "SMTP")):
            if not host.strip() or any(ch.isspace() for ch in host.strip()):
                raise InvalidInput(f"the {what} host {host!r} is not a host name")
        ports = (data.imap_port, data.smtp_port)
        if any(p is not None and not 0 < p < 65536 for p in ports):
            raise InvalidInput("ports must be between 1 and 65535")
        if not data.username.strip():
            raise InvalidInput("an account needs a user name")
        return MailAccountRow(
            name=name,
            email=email,
            display_name=data.display_name.strip(),
            imap_host=data.imap_host.strip(),
            imap_port=data.imap_port or DEFAULT_PORTS[("imap", imap_security)],
            imap_security=imap_security,
            smtp_host=data.smtp_host.strip(),
            smtp_port=data.smtp_port or DEFAULT_PORTS[("smtp", smtp_security)],
            smtp_security=smtp_security,
            username=data.username.strip(),
            password_env=(data.password_env or "").strip() or None,
            folder=data.folder.strip() or "INBOX",
            sent_folder=(data.sent_folder or "").strip() or None,
            signature=data.signature,
            created_at=self.ctx.now(),
        )

    def add(
        self,
        data: AccountInput,
        password: str | None = None,
        place: SecretPlace = SecretPlace.KEYRING,
    ) -> tuple[AccountView, SecretPlace | None]:
        """Store the account; returns where the password went (None: none given)."""
        row = self._validate(data)
        with self.ctx.db.session() as session:
            if session.exec(select(MailAccountRow).where(MailAccountRow.name == row.name)).first():
                raise InvalidInput(f"an account named {row.name!r} exists already")
            session.add(row)
            session.flush()
            view = _view(row)
        stored = self.secrets.put(secret_key(view.name), password, place) if password else None
        return view, stored

    def update(
        self,
        name: str,
        data: AccountInput,
        password: str | None = None,
        place: SecretPlace = SecretPlace.KEYRING,
    ) -> AccountView:
        fresh = self._validate(data)
        with self.ctx.db.session() as session:
            row = self._row(session, name)
            before_sent, before_smtp = row.sent_folder, row.smtp_host
            for attr in (
                "email",
                "display_name",
                "imap_host",
                "imap_port",
                "imap_security",
                "smtp_host",
                "smtp_port",
                "smtp_security",
                "username",
                "password_env",
                "folder",
                "sent_folder",
                "signature",
            ):
                setattr(row, attr, getattr(fresh, attr))
            if row.sent_folder != before_sent or row.smtp_host != before_smtp:
                row.sent_files_relayed = None  # another folder or provider: learn it again
            view = _view(row)
        if password:
            self.secrets.put(secret_key(name), password, place)
        return view

    def _row(self, session: Session, name: str) -> MailAccountRow:
        row = session.exec(select(MailAccountRow).where(MailAccountRow.name == name)).first()
        if row is None:
            raise NotFound(f"no mail account named {name!r}")
        return row

    def learn_sent_filing(self, account_id: int, found_in_sent: bool) -> None:
        """What a reply just sent showed: did the provider file it in Sent by itself?

        Seen once, "files" sticks (a provider that files may be slow once); "does not file"
        is only learnt while nothing is known, so one slow filing never turns it off.
        """
        with self.ctx.db.session() as session:
            row = session.get(MailAccountRow, account_id)
            if row is None:
                return
            if found_in_sent:
                row.sent_files_relayed = True
            elif row.sent_files_relayed is None:
                row.sent_files_relayed = False

    def list(self) -> list[AccountView]:
        # A read snapshot: the window asks this on its own thread (has any account?) while
        # the worker writes in batches (an import); a write session would wait for the lock.
        with self.ctx.db.read_session() as session:
            rows = session.exec(select(MailAccountRow).order_by(col(MailAccountRow.name))).all()
            return [_view(r) for r in rows]

    def get(self, name: str) -> AccountView:
        with self.ctx.db.read_session() as session:  # the GUI thread asks: never lock
            return _view(self._row(session, name))

    def remove(self, name: str) -> None:
        """Forget the account and its password; its mail stays in the inbox."""
        with self.ctx.db.session() as session:
            session.delete(self._row(session, name))
        self.secrets.delete(secret_key(name))

    def own_addresses(self) -> set[str]:
        addresses = {a.email for a in self.list()}
        if self.ctx.settings.business_email:
            addresses.add(self.ctx.settings.business_email.strip().lower())
        return addresses

    def password(self, account: AccountView) -> str:
        try:
            return self.secrets.get(secret_key(account.name), account.password_env)
        except SecretUnavailable as exc:
            raise PasswordMissing(f"account {account.name}: {exc}") from exc

    def server_settings(
        self, account: AccountView, password: str | None = None
    ) -> tuple[ImapSettings, SmtpSettings]:
        secret = password if password is not None else self.password(account)
        imap = ImapSettings(
            host=account.imap_host,
            port=account.imap_port,
            security=_security(account.imap_security, "IMAP"),
            username=account.username,
            password=secret,
            folder=account.folder,
        )
        smtp = SmtpSettings(
            host=account.smtp_host,
            port=account.smtp_port,
            security=_security(account.smtp_security, "SMTP"),
            username=account.username,
            password=secret,
        )
        return imap, smtp

    def test(
        self,
        name: str,
        password: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> builtins.list[CheckResult]:
        """Check both servers; says exactly which failed and why (DNS, refused, TLS, login)."""
        account = self.get(name)
        imap, smtp = self.server_settings(account, password)
        return test_connection(imap, smtp, ssl_context=ssl_context)

    def set_enabled(self, name: str, enabled: bool) -> AccountView:
        """Pause an account (kept with its settings, never synced) or take it up again."""
        with self.ctx.db.session() as session:
            row = self._row(session, name)
            row.enabled = enabled
            return _view(row)

    def record_sync(self, name: str, error: str | None) -> None:
        with self.ctx.db.session() as session:
            row = self._row(session, name)
            if error is None:
                row.last_sync_at = self.ctx.now()
            row.last_error = error
