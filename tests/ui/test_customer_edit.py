"""Editing a customer from the card: own value figures, a second way to reach them, opt-out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Language
from soloservice.ui.customer_edit_dialog import CustomerEditDialog
from soloservice.ui.features.customer_edit import CustomerEditFeature
from soloservice.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_editor(qtbot: QtBot, window: MainWindow) -> CustomerEditDialog:
    feature = window.features["customer_edit"]
    assert isinstance(feature, CustomerEditFeature)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = feature.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_own_value_language_and_a_phone_number(qtbot: QtBot, window: MainWindow) -> None:
    assert window.detail is not None
    customer_id = window.detail.customer.id
    dialog = open_editor(qtbot, window)
    qtbot.mouseClick(dialog.annual.own, Qt.MouseButton.LeftButton)
    dialog.annual.spin.setFocus()
    dialog.annual.spin.selectAll()
    qtbot.keyClicks(dialog.annual.spin, "50000")
    assert "250.000" in dialog.worth.text()  # 50.000 kr x the default 5 years
    dialog.language.setCurrentIndex(1)  # Norsk
    dialog.new_kind.setCurrentIndex(1)  # Phone
    qtbot.keyClicks(dialog.new_value, "+47 412 34 567")
    qtbot.keyClick(dialog.new_value, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.opted_out, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    card = window.services.customers.card(customer_id)
    assert card.annual_value == 50_000 and card.lifetime_value == 250_000
    assert card.language is Language.NB
    assert "+4741234567" in {i.value for i in card.identities}
    assert card.opted_out
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.customer.opted_out)


def test_a_bad_number_keeps_the_dialog_open(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_editor(qtbot, window)
    dialog.new_kind.setCurrentIndex(1)  # Phone
    qtbot.keyClicks(dialog.new_value, "12")
    qtbot.keyClick(dialog.new_value, Qt.Key.Key_Return)
    dialog.save()
    qtbot.waitUntil(dialog.error.isVisible)
    assert "phone number" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()
