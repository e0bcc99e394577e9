"""Ctrl+N: an inquiry typed in by hand (a letter, a chat at a market stall)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.ui.main_window import MainWindow
from soloservice.ui.new_inquiry_dialog import NewInquiryDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def open_dialog(qtbot: QtBot, window: MainWindow) -> NewInquiryDialog:
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.new_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_typed_inquiry_appears_selected_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.name, "Kari Nordmann")
    qtbot.keyClicks(dialog.identity, "kari@example.no")
    qtbot.keyClicks(dialog.subject, "Bestilling til jul")
    qtbot.keyClicks(dialog.text, "Kan dere levere før 20. desember?")
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    detail = blocker.args[0]
    assert detail.subject == "Bestilling til jul"
    assert detail.customer.identities[0].value == "kari@example.no"
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.id == detail.id)


def test_bad_address_is_refused_inline_and_nothing_typed_is_lost(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.model.rowCount()
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.name, "Kari")
    qtbot.keyClicks(dialog.identity, "not-an-address")
    qtbot.keyClicks(dialog.text, "Hei")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "not an email address" in dialog.error.text()
    assert dialog.isVisible() and dialog.text.toPlainText() == "Hei"
    assert dialog.save_button is not None and dialog.save_button.isEnabled()
    assert window.model.rowCount() == before
    dialog.reject()
