"""Mail accounts: validation, connection checks on the real servers, no password in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.mail_accounts import AccountInput, MailAccountService
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace, SecretStore
from tests.helpers.mail_env import MailEnv, mail, mail_env

__all__ = ["mail_env"]

BASIC = AccountInput(
    name="shop",
    email="Hej@Butik.dk",
    imap_host="imap.butik.dk",
    smtp_host="smtp.butik.dk",
    username="hej@butik.dk",
)


def test_add_list_update_remove(services: Services, data_dir: Path) -> None:
    accounts = MailAccountService(services.ctx, SecretStore(data_dir))
    view, place = accounts.add(BASIC, password="pw", place=SecretPlace.SESSION)
    assert place is SecretPlace.SESSION
    assert (view.email, view.imap_port, view.smtp_port) == ("hej@butik.dk", 993, 587)
    assert (view.imap_security, view.smtp_security, view.folder) == ("ssl", "starttls", "INBOX")
    assert [a.name for a in accounts.list()] == ["shop"]
    assert "hej@butik.dk" in accounts.own_addresses()
    with pytest.raises(InvalidInput, match="exists already"):
        accounts.add(BASIC)
    for bad in (
        AccountInput(**{**BASIC.__dict__, "imap_security": "tls"}),
        AccountInput(**{**BASIC.__dict__, "email": "not-an-address"}),
        AccountInput(**{**BASIC.__dict__, "imap_host": "imap butik"}),
        AccountInput(**{**BASIC.__dict__, "smtp_port": 70000}),
        AccountInput(**{**BASIC.__dict__, "name": " "}),
    ):
        with pytest.raises(InvalidInput):
            accounts.add(bad)
    updated = accounts.update(
        "shop", AccountInput(**{**BASIC.__dict__, "smtp_security": "ssl", "sent_folder": "Sendt"})
    )
    assert (updated.smtp_port, updated.sent_folder) == (465, "Sendt")
    assert accounts.password(updated) == "pw"
    accounts.remove("shop")
    assert accounts.list() == []
    with pytest.raises(NotFound):
        accounts.get("shop")


@pytest.mark.mailserver
def test_connection_check_says_which_server_fails(mail_env: MailEnv) -> None:
    ok = mail_env.accounts.test("shop")
    assert [(r.server, r.ok) for r in ok] == [("imap", True), ("smtp", True)]
    wrong = mail_env.accounts.test("shop", password="wrong")
    assert [(r.server, r.ok, r.kind) for r in wrong] == [
        ("imap", False, "login"),
        ("smtp", False, "login"),
    ]
    assert all(r.message for r in wrong)


@pytest.mark.mailserver
def test_password_never_reaches_the_database(mail_env: MailEnv) -> None:
    mail_env.deliver(mail(1))
    assert mail_env.run().new_inquiries == 1
    mail_env.accounts.test("shop")
    mail_env.services.ctx.db.engine.dispose()  # the raw files on disk are what is checked
    password = mail_env.user.password.encode()
    files = list(mail_env.data_dir.glob("soloservice.sqlite3*"))
    assert files
    for path in files:
        assert password not in path.read_bytes(), path
