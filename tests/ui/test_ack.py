"""Acknowledgements from the main window: recorded for phone, sent for email; automatic."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel
from soloservice.services.registry import Services
from soloservice.ui.features.ack import AckFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.templates.ack_dialog import AckDialog
from tests.helpers.factories import add_account
from tests.helpers.mailservers import SmtpServer
from tests.ui.helpers import log_calls

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def feature_of(window: MainWindow) -> AckFeature:
    feature = window.features["ack"]
    assert isinstance(feature, AckFeature)
    return feature


def press_ctrl_k(qtbot: QtBot, window: MainWindow) -> AckDialog:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_K, CTRL)
    dialog = feature_of(window).dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def test_phone_acknowledgement_is_recorded_not_a_response(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    call_id = log_calls(services)[0]  # a call-back is owed
    window.reload()
    window.show_inquiry(call_id)
    assert window.detail is not None and window.detail.channel is Channel.PHONE
    dialog = press_ctrl_k(qtbot, window)
    assert dialog.primary.text() == "&Record as given"
    assert not dialog.subject.isVisible()
    assert "Due " in dialog.state.text()
    assert "senest" in dialog.body.toPlainText()  # Danish: "Vi ringer dig op senest …"
    qtbot.mouseClick(dialog.copy, LEFT)
    assert QGuiApplication.clipboard().text() == dialog.body.toPlainText()
    with qtbot.waitSignal(dialog.acknowledged, timeout=5000):
        qtbot.mouseClick(dialog.primary, LEFT)
    detail = services.inquiries.get(call_id)
    acks = [m for m in detail.messages if m.is_ack]
    assert len(acks) == 1 and "senest" in acks[0].text
    assert detail.ack_sent_at is not None and detail.first_response_at is None
    assert "Acknowledgement recorded" in window.statusBar().currentMessage()


def test_email_acknowledgement_is_sent_through_the_outbox(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: list[int], smtp_server: SmtpServer
) -> None:
    add_account(services, smtp=smtp_server)
    window.show_inquiry(seeded[0])  # Mette, by email, in Danish
    dialog = press_ctrl_k(qtbot, window)
    assert dialog.primary.text() == "&Send" and dialog.subject.isVisible()
    with qtbot.waitSignal(dialog.acknowledged, timeout=10_000):
        qtbot.mouseClick(dialog.primary, LEFT)
    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ("mette@example.dk",)
    detail = services.inquiries.get(seeded[0])
    assert detail.ack_sent_at is not None and detail.first_response_at is None
    assert [m.is_ack for m in detail.messages if m.direction.value == "out"] == [True]


def test_without_a_mail_account_the_dialog_stays_open_with_the_error(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: list[int]
) -> None:
    window.show_inquiry(seeded[0])
    dialog = press_ctrl_k(qtbot, window)
    qtbot.keyClicks(dialog.body, "Ekstra linje")
    text = dialog.body.toPlainText()
    qtbot.mouseClick(dialog.primary, LEFT)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.isVisible() and "account" in dialog.error.text().lower()
    assert dialog.body.toPlainText() == text and dialog.primary.isEnabled()


def test_explain_promise_shows_the_computation(
    qtbot: QtBot, window: MainWindow, seeded: list[int]
) -> None:
    window.show_inquiry(seeded[0])
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)
    dialog = feature_of(window).explain_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "Promise: 8h of business hours" in text and "Due " in text
    assert dialog.state.text().startswith(("Due", "Overdue"))


def test_auto_acknowledge_sends_once_for_new_email_and_form_inquiries(
    qtbot: QtBot, window: MainWindow, services: Services, seeded: list[int], smtp_server: SmtpServer
) -> None:
    add_account(services, smtp=smtp_server)
    services.ctx.update_settings(dataclasses.replace(services.ctx.settings, auto_acknowledge=True))
    feature = feature_of(window)
    with qtbot.waitSignal(feature.auto_done, timeout=20_000) as blocker:
        assert feature.run_auto()
    outcome = blocker.args[0]
    # Seeded inquiries 0-7 arrived within 24 h; of those 0, 2, 5 are email and 1, 4 form.
    assert sorted(outcome.queued) == sorted(seeded[i] for i in (0, 1, 2, 4, 5))
    assert outcome.sent == 5 and len(smtp_server.received) == 5
    # The reload after sending ran another round, which found nothing new.
    qtbot.waitUntil(lambda: not feature._running)
    with qtbot.waitSignal(feature.auto_done, timeout=10_000) as again:
        feature.run_auto()
    assert again.args[0].queued == () and len(smtp_server.received) == 5
    for i in (0, 1, 2, 4, 5):
        assert services.inquiries.get(seeded[i]).ack_sent_at is not None
    assert services.inquiries.get(seeded[3]).ack_sent_at is None  # Facebook: never automatic
