"""The Reply tab: sending through a real aiosmtpd, the outbox when it is down, templates,
warnings and drafts."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.domain.templates import Template
from soloservice.domain.types import Channel, Language
from soloservice.services.dto import InboxQuery
from soloservice.services.registry import Services
from soloservice.ui.features.mail import MailFeature
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.factories import add_account
from tests.ui.test_mail_helpers import (  # noqa: F401  (fixtures)
    MailSetup,
    mail,
    mail_setup_fixture,
    no_keyring,
    open_mail_window,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def open_reply(qtbot: QtBot, window: MainWindow, feature: MailFeature) -> None:
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    assert window.pane.current_composer() is feature.composer
    assert feature.composer.body.hasFocus()


@pytest.fixture
def synced(services: Services, mail_setup: MailSetup) -> MailSetup:
    mail_setup.add_account()
    mail_setup.deliver(mail(1))
    mail_setup.sync()
    return mail_setup


@pytest.mark.mailserver
def test_reply_with_ctrl_return_reaches_the_customer_in_the_thread(
    qtbot: QtBot, services: Services, synced: MailSetup
) -> None:
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    assert window.detail is not None and composer.detail is not None
    assert composer.to.text() == "jorgen@example.dk"
    assert composer.subject.text() == f"Re: Ødelagt støvsuger [#{window.detail.id}]"
    appendix = composer.appendix.toPlainText()
    assert "Venlig hilsen" in appendix and "> Min støvsuger virker ikke." in appendix

    open_reply(qtbot, window, feature)
    qtbot.keyClicks(composer.body, "Hej Jorgen, vi sender en ny i dag.")
    with qtbot.waitSignal(composer.send_finished, timeout=15_000) as blocker:
        qtbot.keyClick(composer.body, Qt.Key.Key_Return, CTRL)
    assert blocker.args[0].sent == 1
    assert composer.body.toPlainText() == ""
    (received,) = synced.smtp.received
    assert received.rcpt_tos == ("jorgen@example.dk",)
    sent = message_from_bytes(received.raw, policy=default)
    assert sent["In-Reply-To"] == "<c1@example.dk>"
    assert f"[#{window.detail.id}]" in str(sent["Subject"])
    text = sent.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "vi sender en ny i dag" in text and "Venlig hilsen" in text
    assert "> Min støvsuger virker ikke." in text
    # the reply joined the conversation shown
    qtbot.waitUntil(lambda: window.detail is not None and len(window.detail.messages) == 2)
    assert "Reply sent to jorgen@example.dk" in window.statusBar().currentMessage()


@pytest.mark.mailserver
def test_smtp_down_keeps_the_reply_in_the_outbox_until_retry(
    qtbot: QtBot, services: Services, synced: MailSetup
) -> None:
    synced.smtp.stop()
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    open_reply(qtbot, window, feature)
    qtbot.keyClicks(composer.body, "Vi ringer i morgen.")
    with qtbot.waitSignal(composer.send_finished, timeout=15_000):
        qtbot.keyClick(composer.body, Qt.Key.Key_Return, CTRL)
    assert composer.body.toPlainText() == ""  # safely queued, so the draft went
    (banner,) = composer.banners
    text = banner.label.text()
    assert "In the outbox — will retry at 10:01" in text, text  # 09:00 UTC + 1 min, Copenhagen
    assert "refused" in text
    assert synced.smtp.received == []

    synced.smtp.start()
    with qtbot.waitSignal(composer.send_finished, timeout=15_000) as blocker:
        qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].sent == 1
    assert len(synced.smtp.received) == 1
    assert composer.banners == []


@pytest.mark.mailserver
def test_cancelling_an_unsent_reply_asks_first(
    qtbot: QtBot, services: Services, synced: MailSetup
) -> None:
    synced.smtp.stop()
    _window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    qtbot.keyClicks(composer.body, "Vi ringer i morgen.")
    with qtbot.waitSignal(composer.send_finished, timeout=15_000):
        composer.send()
    (banner,) = composer.banners
    qtbot.mouseClick(banner.cancel_button, Qt.MouseButton.LeftButton)
    box = composer.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert len(services.outbox.pending()) == 1
    (banner,) = composer.banners
    qtbot.mouseClick(banner.cancel_button, Qt.MouseButton.LeftButton)
    box = composer.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.banners == [])  # cancelled on the database lane
    assert services.outbox.pending() == []


@pytest.mark.mailserver
def test_template_picker_inserts_the_rendered_template(
    qtbot: QtBot, services: Services, synced: MailSetup
) -> None:
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    open_reply(qtbot, window, feature)
    qtbot.keyClicks(composer.templates.filter, "ack")
    first = composer.templates.visible_templates()[0].template
    assert first.key == "ack" and first.language is Language.DA
    qtbot.keyClick(composer.templates.filter, Qt.Key.Key_Return)
    body = composer.body.toPlainText()
    assert "Jørgen" in body and "Tak for din henvendelse" in body
    assert "{" not in body
    assert composer.templates.filter.text() == ""
    assert composer.body.hasFocus()


@pytest.mark.mailserver
def test_empty_placeholder_warns_before_sending(
    qtbot: QtBot, services: Services, synced: MailSetup
) -> None:
    services.templates.save(
        Template(
            key="callme",
            name="Ring til mig",
            language=Language.DA,
            subject="",
            body="Hej {customer.first_name}, vi ringer på {customer.phone}.",
        )
    )
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    open_reply(qtbot, window, feature)
    qtbot.keyClicks(composer.templates.filter, "callme")
    qtbot.keyClick(composer.templates.filter, Qt.Key.Key_Return)
    assert composer.body.toPlainText() == "Hej Jørgen, vi ringer på ."
    assert not composer.warning.isHidden()
    assert "customer.phone" in composer.warning.text()

    qtbot.keyClick(composer.body, Qt.Key.Key_Return, CTRL)
    box = composer.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "customer.phone" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert services.outbox.pending() == [] and synced.smtp.received == []
    assert composer.body.toPlainText() == "Hej Jørgen, vi ringer på ."

    qtbot.keyClick(composer.body, Qt.Key.Key_Return, CTRL)
    box = composer.confirm_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(composer.send_finished, timeout=15_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert len(synced.smtp.received) == 1


def test_draft_is_kept_when_switching_inquiries(
    qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    add_account(services, password="x")
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    details = [services.inquiries.get(i) for i in seeded]
    emails = [d.id for d in details if d.channel is Channel.EMAIL]
    social = next(d.id for d in details if d.channel.is_social)
    first, second = emails[0], emails[1]

    window.show_inquiry(first)
    assert composer.editor.isEnabled()
    qtbot.keyClicks(composer.body, "Halvt skrevet svar")
    window.show_inquiry(second)
    assert composer.detail is not None and composer.detail.id == second
    assert composer.body.toPlainText() == ""
    qtbot.keyClicks(composer.body, "Et andet svar")
    window.show_inquiry(social)
    assert not composer.editor.isEnabled()
    assert "social" in composer.hint.text()
    assert not feature.reply_action.isEnabled()
    window.show_inquiry(first)
    assert composer.body.toPlainText() == "Halvt skrevet svar"
    window.reload()  # a reload of the same inquiry keeps what is being typed
    assert composer.body.toPlainText() == "Halvt skrevet svar"
    window.show_inquiry(second)
    assert composer.body.toPlainText() == "Et andet svar"


def test_drafts_survive_closing_the_window(
    qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    """Nothing typed is lost: a draft is on disk a moment after typing stops, and again
    when the window closes, and comes back in the next window."""
    add_account(services, password="x")
    window, feature = open_mail_window(qtbot, services)
    email = next(i for i in seeded if services.inquiries.get(i).channel is Channel.EMAIL)
    window.show_inquiry(email)
    qtbot.keyClicks(feature.composer.body, "Vi sender en ny i morgen")
    drafts_file = services.ctx.db.path.parent / "drafts.json"
    qtbot.waitUntil(drafts_file.exists, timeout=5_000)
    window.close()
    again, feature_again = open_mail_window(qtbot, services)
    again.show_inquiry(email)
    assert feature_again.composer.body.toPlainText() == "Vi sender en ny i morgen"


def test_a_damaged_drafts_file_starts_empty(tmp_path: Path) -> None:
    from soloservice.services.drafts import Draft, DraftStore

    store = DraftStore(tmp_path)
    (tmp_path / "drafts.json").write_text("{not json")
    assert store.load() == {}
    store.save({7: Draft(text="Hej"), 8: Draft()})
    assert set(store.load()) == {7}


class _Killed(BaseException):
    """Stands in for a kill between the SMTP server's "accepted" and "recorded as sent"."""


def _die(*_args: object, **_kwargs: object) -> None:
    raise _Killed


def _interrupted_reply(services: Services, clock: FixedClock, mp: pytest.MonkeyPatch) -> int:
    """A reply the server took whose sender died before recording it: may have been sent."""
    from soloservice.services.outbox_send import OutboxSender

    (row,) = services.inbox.list_ids(InboxQuery())[:1]
    view = services.outbox.queue_reply(row, "Pakken er sendt i dag.", quote=False)
    with mp.context() as patched, pytest.raises(_Killed):
        patched.setattr(OutboxSender, "_mark_sent", _die)
        services.outbox.send_pending()
    clock.advance(minutes=11)  # the dead sender's lease is over
    assert services.outbox.send_pending().sent == 0  # no Sent folder: never sent blind
    assert services.outbox.get(view.id).status == "unknown"
    return view.id


@pytest.mark.mailserver
def test_a_reply_that_may_have_been_sent_is_marked_sent_from_its_banner(
    qtbot: QtBot,
    services: Services,
    synced: MailSetup,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outbox_id = _interrupted_reply(services, clock, monkeypatch)
    window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    (banner,) = composer.banners
    assert "May have been sent" in banner.label.text()
    assert not banner.mark_sent_button.isHidden()
    # the reason keeps the banner's width, the buttons sit under it: nothing is clipped
    qtbot.waitUntil(banner.label.isVisible)
    label = banner.label
    assert label.height() >= label.heightForWidth(label.width())
    assert banner.retry_button.y() > label.y() + label.height() - 1
    with qtbot.waitSignal(composer.send_finished, timeout=15_000):
        qtbot.mouseClick(banner.mark_sent_button, Qt.MouseButton.LeftButton)
    assert services.outbox.get(outbox_id).status == "sent"
    assert len(synced.smtp.received) == 1  # recorded, not sent a second time
    assert composer.banners == []
    qtbot.waitUntil(
        lambda: (
            window.detail is not None
            and window.detail.messages[-1].text.startswith("Pakken er sendt i dag.")
        )
    )
    assert "Recorded as sent" in window.statusBar().currentMessage()


@pytest.mark.mailserver
def test_a_queued_reply_offers_no_mark_as_sent(
    qtbot: QtBot, services: Services, synced: MailSetup
) -> None:
    synced.smtp.stop()
    _window, feature = open_mail_window(qtbot, services)
    composer = feature.composer
    qtbot.keyClicks(composer.body, "Vi ringer i morgen.")
    with qtbot.waitSignal(composer.send_finished, timeout=15_000):
        composer.send()
    (banner,) = composer.banners
    assert banner.mark_sent_button.isHidden()  # nothing reached anyone: only Retry or Cancel
