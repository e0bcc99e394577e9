"""The helpers features and dialogs share (ui/features/_shared.py, ui/actions.window_action,
ui/confirm.py, ui/placeholders.py), through the real main window where they show."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from soloservice.ui.confirm import ask
from soloservice.ui.features.ack import AckFeature
from soloservice.ui.features.customer_edit import CustomerEditFeature
from soloservice.ui.features.gdpr import GdprFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.placeholders import fill

CTRL = Qt.KeyboardModifier.ControlModifier
NO_PERCENT = st.text(alphabet=st.characters(blacklist_characters="%"), max_size=12)


# -- fill -----------------------------------------------------------------------------------------


@given(a=NO_PERCENT, b=NO_PERCENT, c=NO_PERCENT, prefix=NO_PERCENT)
def test_fill_is_the_replace_chain_for_plain_values(a: str, b: str, c: str, prefix: str) -> None:
    message = f"{prefix}%2 then %1, %3 and %1 again"
    chained = message.replace("%1", a).replace("%2", b).replace("%3", c)
    assert fill(message, a, b, c) == chained


def test_fill_leaves_a_placeholder_inside_a_value_alone() -> None:
    # the replace chain turned "50%2 off" into "50x off"
    assert fill("%1 for %2", "50%2 off", "Mette") == "50%2 off for Mette"


def test_fill_keeps_a_placeholder_it_has_no_value_for() -> None:
    assert fill("%1 of %2", 3) == "3 of %2"


# -- ask ------------------------------------------------------------------------------------------


def test_ask_names_its_buttons_defaults_to_no_and_runs_only_on_yes(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    box = ask(
        parent,
        QMessageBox.Icon.Question,
        "Title",
        "Text",
        "&Do it",
        "&Keep it",
        lambda: said.append("yes"),
        lambda: said.append("closed"),
    )
    yes = box.button(QMessageBox.StandardButton.Yes)
    no = box.button(QMessageBox.StandardButton.No)
    assert (yes.text(), no.text()) == ("&Do it", "&Keep it")
    assert box.defaultButton() is no
    assert box.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    no.click()
    assert said == ["closed"]

    box = ask(
        parent,
        QMessageBox.Icon.Warning,
        "T",
        "X",
        "Y",
        "N",
        lambda: said.append("yes"),
        lambda: None,
    )
    box.button(QMessageBox.StandardButton.Yes).click()
    assert said == ["closed", "yes"]


# -- through the window ---------------------------------------------------------------------------


def test_every_window_action_with_keys_names_them_in_its_tooltip(window: MainWindow) -> None:
    """Window actions and features' actions are made by one helper: a tooltip that names
    the keys, and the tip in the status bar (Edit customer, Settings, Add remedy… had none)."""
    checked = 0
    for action in window.actions():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not keys or not action.statusTip():
            continue
        checked += 1
        assert re.search(rf"\({re.escape(keys)}\)$", action.toolTip()), action.text()
    assert checked >= 20


def test_card_links_follow_the_card_and_open_their_dialogs(
    qtbot: QtBot, window: MainWindow, seeded: list[int]
) -> None:
    edit = window.features["customer_edit"]
    gdpr = window.features["gdpr"]
    assert isinstance(edit, CustomerEditFeature) and isinstance(gdpr, GdprFeature)
    window.show_inquiry(seeded[0])
    qtbot.waitUntil(lambda: window.detail is not None, timeout=5000)
    assert edit.link.isVisibleTo(window) and gdpr.links.isVisibleTo(window)
    texts = [b.text() for b in gdpr.links.findChildren(QPushButton)]
    assert texts == ["Export their data…", "Forget…"]
    edit.link.buttons[0].click()
    dialog = edit.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.reject()
    qtbot.waitUntil(lambda: edit.dialog is None, timeout=5000)


def test_the_promise_explanation_is_let_go_once_closed(
    qtbot: QtBot, window: MainWindow, seeded: list[int]
) -> None:
    """It is deleted on close: the feature must not keep pointing at it."""
    feature = window.features["ack"]
    assert isinstance(feature, AckFeature)
    window.show_inquiry(seeded[0])
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_I, CTRL)
    dialog = feature.explain_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: feature.explain_dialog is None, timeout=5000)
