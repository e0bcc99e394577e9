"""The first-start assistant's mailbox page without a mail server: an empty address skips it,
a bad one is refused in words with nothing stored, the servers are guessed from the address
until typed by hand, the port follows the security choice, and a connection test against
servers that refuse says so per server and keeps the account for later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from soloservice.ui.features.getting_started import GettingStarted
from soloservice.ui.first_start.assistant import FirstStartAssistant
from soloservice.ui.first_start.mailbox_page import MailboxPage, account_name
from soloservice.ui.main_window import UI_SETTINGS_FILE, MainWindow
from tests.ui.test_mail_helpers import no_keyring  # noqa: F401  (autouse: never a real keyring)

NEXT = QWizard.WizardButton.NextButton


@pytest.fixture
def fresh(data_dir: Path) -> Iterator[Services]:
    services = Services.open(data_dir)
    yield services
    services.close()


@pytest.fixture
def wizard(qtbot: QtBot, fresh: Services, data_dir: Path) -> FirstStartAssistant:
    window = MainWindow(fresh, settings_file=data_dir / UI_SETTINGS_FILE)
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.wait())
    window.show()
    qtbot.waitExposed(window)
    feature = window.features["getting_started"]
    assert isinstance(feature, GettingStarted)
    qtbot.waitUntil(lambda: feature.assistant is not None and feature.assistant.isVisible())
    assistant = feature.assistant
    assert assistant is not None
    qtbot.keyClicks(assistant.about.business_name, "Butikken")
    for _page in range(3):
        click(qtbot, assistant, NEXT)
    assert assistant.currentPage() is assistant.mailbox
    return assistant


def click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def refusing_servers(qtbot: QtBot, page: MailboxPage) -> None:
    """Both servers on this machine's port 1: the connection is refused at once."""
    for host, port in ((page.imap_host, page.imap_port), (page.smtp_host, page.smtp_port)):
        host.clear()
        qtbot.keyClicks(host, "127.0.0.1")
        port.setValue(1)
    page.imap_security.set_value("none")
    page.smtp_security.set_value("none")
    page.imap_port.setValue(1)
    page.smtp_port.setValue(1)


def test_an_empty_address_skips_the_page_and_stores_no_account(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    assert not page.wanted()
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is not page
    assert fresh.mail_accounts.list() == []


def test_a_blank_address_counts_as_empty(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "   ")
    assert not page.wanted()
    click(qtbot, wizard, NEXT)
    assert fresh.mail_accounts.list() == []


def test_the_servers_are_guessed_from_the_address(
    qtbot: QtBot, wizard: FirstStartAssistant
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "hej@hygge-keramik.dk")
    assert page.imap_host.text() == "imap.hygge-keramik.dk"
    assert page.smtp_host.text() == "smtp.hygge-keramik.dk"
    assert page.account_input().username == "hej@hygge-keramik.dk"  # the address by default
    assert page.account_input().name == "hygge-keramik"


def test_a_server_typed_by_hand_is_kept_when_the_address_changes(
    qtbot: QtBot, wizard: FirstStartAssistant
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "hej@butik.dk")
    page.imap_host.clear()
    qtbot.keyClicks(page.imap_host, "mail.one.com")  # isModified: typed by the founder
    page.email.clear()
    qtbot.keyClicks(page.email, "kontakt@shop.no")
    assert page.imap_host.text() == "mail.one.com"
    assert page.smtp_host.text() == "smtp.shop.no"


@pytest.mark.parametrize(
    "kind,security,port",
    [("imap", "starttls", 143), ("imap", "ssl", 993), ("smtp", "ssl", 465),
     ("smtp", "none", 25), ("smtp", "starttls", 587)],
)  # fmt: skip
def test_the_port_follows_the_security_choice(
    qtbot: QtBot, wizard: FirstStartAssistant, kind: str, security: str, port: int
) -> None:
    page = wizard.mailbox
    box, spin = (
        (page.imap_security, page.imap_port) if kind == "imap"
        else (page.smtp_security, page.smtp_port)
    )  # fmt: skip
    if box.value() == security:  # force a change so the port is set from the choice
        box.set_value("none" if security != "none" else "ssl")
    box.set_value(security)
    assert spin.value() == port


def test_a_bad_address_is_refused_at_next_and_nothing_is_stored(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "hej@")
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page  # stays, with the reason
    assert page.result.text()
    assert fresh.mail_accounts.list() == []


def test_a_test_with_a_bad_address_says_why_without_connecting(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "hej@")
    with qtbot.waitSignal(page.tested, timeout=10_000) as signal:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert signal.args == [[]]
    assert page.result.text() and page.test_button.isEnabled() and not page.testing
    assert fresh.mail_accounts.list() == []


def test_the_test_button_does_nothing_without_an_address(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    with qtbot.assertNotEmitted(page.tested, wait=50):
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert fresh.mail_accounts.list() == []


def test_refusing_servers_are_reported_per_server_and_the_account_is_kept(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "hej@butik.dk")
    refusing_servers(qtbot, page)
    qtbot.keyClicks(page.password, "hemmeligt")
    with qtbot.waitSignal(page.tested, timeout=30_000) as signal:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        assert not page.test_button.isEnabled()  # one test at a time
        assert page.result.text() == "Connecting to both servers…"
    (results,) = signal.args
    assert len(results) == 2 and not any(r.ok for r in results)
    assert page.result.text().count("<br>") == 1  # a line per server
    assert page.test_button.isEnabled()
    (account,) = fresh.mail_accounts.list()
    assert (account.name, account.email, account.imap_port) == ("butik", "hej@butik.dk", 1)
    assert page.saved_name == "butik"


def test_next_after_a_test_updates_the_same_account(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "hej@butik.dk")
    refusing_servers(qtbot, page)
    with qtbot.waitSignal(page.tested, timeout=30_000):
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.username, "butik-login")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is not page
    (account,) = fresh.mail_accounts.list()  # one account, not a second "butik"
    assert account.username == "butik-login"


def test_next_with_an_untested_address_keeps_the_account(
    qtbot: QtBot, wizard: FirstStartAssistant, fresh: Services
) -> None:
    page = wizard.mailbox
    qtbot.keyClicks(page.email, "kontakt@keramik.no")
    click(qtbot, wizard, NEXT)
    (account,) = fresh.mail_accounts.list()
    assert account.name == "keramik" and account.smtp_host == "smtp.keramik.no"


@pytest.mark.parametrize(
    "email,name",
    [("hej@butik.dk", "butik"), ("a@b", "b"), ("info@mail.shop.co.uk", "mail"), ("x@", "mail")],
)
def test_the_account_is_named_after_the_domain(email: str, name: str) -> None:
    assert account_name(email) == name
