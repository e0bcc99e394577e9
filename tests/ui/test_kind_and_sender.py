"""Inquiry > Kind (Ctrl+Shift+K) and "This sender is spam" (Ctrl+J) in the real window."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import InquiryKind
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from soloservice.ui.features.kind import KindFeature
from soloservice.ui.features.sender_verdict import SenderVerdictFeature
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.helpers.eml import eml, import_mail
from tests.ui.conftest import open_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def count(window: MainWindow, view: View) -> int:
    return window.sidebar_model.counts.views[view]


def test_ctrl_shift_k_marks_a_mail_as_complaint_and_ctrl_z_undoes_it(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    import_mail(services, tmp_path, eml(1, when=clock.now - timedelta(hours=1)), "q")
    window = open_window(qtbot, services)
    feature = window.features["kind"]
    assert isinstance(feature, KindFeature)
    detail = window.detail
    assert detail is not None and detail.kind is InquiryKind.QUESTION
    assert feature.kind_actions[InquiryKind.QUESTION].isChecked()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_K, CTRL | SHIFT)
    qtbot.waitUntil(lambda: services.inquiries.get(detail.id).kind is InquiryKind.COMPLAINT)
    qtbot.waitUntil(lambda: feature.kind_actions[InquiryKind.COMPLAINT].isChecked())
    assert services.inquiries.get(detail.id).flags.kind_source == "founder"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: services.inquiries.get(detail.id).kind is InquiryKind.QUESTION)
    assert services.inquiries.get(detail.id).flags.kind_source == ""
    # the menu entry sets praise; the toggle takes a complaint back to a question
    feature.kind_actions[InquiryKind.PRAISE].trigger()
    qtbot.waitUntil(lambda: services.inquiries.get(detail.id).kind is InquiryKind.PRAISE)
    qtbot.waitUntil(lambda: feature.kind_actions[InquiryKind.PRAISE].isChecked())


def test_the_header_says_why_the_detector_called_it_a_complaint(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    raw = eml(1, when=clock.now - timedelta(hours=1), subject="Min vase kom knust")
    import_mail(services, tmp_path, raw, "vase")
    window = open_window(qtbot, services)
    assert "words: knust" in window.conversation.meta.text()
    feature = window.features["kind"]
    assert isinstance(feature, KindFeature)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_K, CTRL | SHIFT)  # a complaint: back to question
    assert window.detail is not None
    inquiry_id = window.detail.id
    qtbot.waitUntil(lambda: services.inquiries.get(inquiry_id).kind is InquiryKind.QUESTION)


def test_ctrl_j_sends_the_sender_to_automatic_mail_with_undo(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    raw = eml(1, when=clock.now - timedelta(hours=1), sender="Deals <deals@spam.example>")
    import_mail(services, tmp_path, raw, "spam")
    window = open_window(qtbot, services)
    assert count(window, View.INBOX) == 1
    assert window.detail is not None
    inquiry_id = window.detail.id
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_J, CTRL)
    qtbot.waitUntil(lambda: count(window, View.AUTOMATIC) == 1)
    assert count(window, View.INBOX) == 0
    assert services.inquiries.get(inquiry_id).flags.sender_verdict == "spam"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: count(window, View.INBOX) == 1)
    assert services.inquiries.get(inquiry_id).flags.sender_verdict == ""


def test_an_automatic_inquiry_shows_why_and_can_be_a_customer_again(
    qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    raw = eml(
        1,
        when=clock.now - timedelta(hours=1),
        sender="News <news@brand.example>",
        extra="List-Unsubscribe: <mailto:u@brand.example>\r\n",
    )
    import_mail(services, tmp_path, raw, "news")
    window = open_window(qtbot, services)
    assert window.detail is None  # nothing in the inbox
    assert count(window, View.AUTOMATIC) == 1
    (inquiry_id,) = services.inbox.list_ids(InboxQuery(view=View.AUTOMATIC))
    window.show_inquiry(inquiry_id)
    feature = window.features["sender_verdict"]
    assert isinstance(feature, SenderVerdictFeature)
    panel = feature.panel
    qtbot.waitUntil(panel.isVisible)  # shown in place of the reply composer
    assert "List-Unsubscribe" in panel.reason.text()
    assert "automatic mail: List-Unsubscribe" in window.conversation.meta.text()
    assert feature.customer_action.isEnabled()
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count(window, View.INBOX) == 1)
    detail = services.inquiries.get(inquiry_id)
    assert detail.flags.automatic_reason == "" and detail.due_at is not None
