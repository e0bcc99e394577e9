"""The Reply tab shows, and sends, the signature once (issue 11, item 9): a text that signs
off already gets no second signature, in the preview below the editor nor in the mail."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default

import pytest
from pytestqt.qtbot import QtBot

from soloservice.services.registry import Services
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

pytestmark = pytest.mark.mailserver


def test_a_signed_text_gets_no_second_signature(
    qtbot: QtBot, services: Services, mail_setup: MailSetup
) -> None:
    mail_setup.add_account()  # signature "Venlig hilsen\nSøs, Butikken"
    mail_setup.deliver(mail(1))
    mail_setup.sync()
    _window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    assert "Søs, Butikken" in composer.appendix.toPlainText()

    composer.body.setPlainText(
        "Hej Jørgen\n\nVi sender en ny i dag.\n\nVenlig hilsen\nSøs, Butikken"
    )
    appendix = composer.appendix.toPlainText()
    assert "Søs, Butikken" not in appendix and "Venlig hilsen" not in appendix
    assert "> Min støvsuger virker ikke." in appendix

    with qtbot.waitSignal(composer.send_finished, timeout=15_000) as blocker:
        composer.send()
    assert blocker.args[0].sent == 1
    (received,) = mail_setup.smtp.received
    sent = message_from_bytes(received.raw, policy=default)
    text = sent.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert text.count("Søs, Butikken") == 1 and text.count("Venlig hilsen") == 1, text
