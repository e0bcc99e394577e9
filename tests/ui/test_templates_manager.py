"""The template manager: customise a built-in, refuse unknown placeholders, restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Language
from soloservice.services.customers import CustomerChanges
from soloservice.services.registry import Services
from soloservice.ui.features.templates import TemplatesFeature
from soloservice.ui.main_window import MainWindow
from soloservice.ui.templates.manager import TemplateManager

LEFT = Qt.MouseButton.LeftButton


def open_manager(qtbot: QtBot, window: MainWindow) -> TemplateManager:
    feature = window.features["templates"]
    assert isinstance(feature, TemplatesFeature)
    window.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    manager = feature.manager
    assert manager is not None and manager.isVisible()
    qtbot.addWidget(manager)
    qtbot.waitExposed(manager)
    manager.activateWindow()
    qtbot.waitUntil(manager.isActiveWindow)
    return manager


def answer(qtbot: QtBot, manager: TemplateManager, role: QMessageBox.ButtonRole) -> None:
    box = manager.question
    assert box is not None and box.isVisible()
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
    qtbot.mouseClick(button, LEFT)


def test_customise_a_builtin_then_restore_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    manager = open_manager(qtbot, window)
    assert manager.select("ack", Language.DA)
    assert manager.body.isReadOnly() and not manager.save_button.isEnabled()
    assert "Built-in" in manager.origin.text()
    # The preview is the selected inquiry's customer, in the template's language.
    assert window.detail is not None
    assert str(window.detail.id) in manager.preview_title.text()

    qtbot.mouseClick(manager.customise_button, LEFT)
    assert not manager.body.isReadOnly()
    manager.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(manager.body, Qt.Key.Key_Return)
    qtbot.keyClicks(manager.body, "PS: Ring gerne på ")
    # Double-clicking a placeholder inserts it at the cursor.
    item = next(
        manager.placeholders.item(i)
        for i in range(manager.placeholders.count())
        if manager.placeholders.item(i).data(Qt.ItemDataRole.UserRole) == "business.phone"
    )
    manager.placeholders.itemDoubleClicked.emit(item)
    assert manager.body.toPlainText().endswith("PS: Ring gerne på {business.phone}")
    assert manager.save_button.isEnabled()
    qtbot.mouseClick(manager.save_button, LEFT)

    found = services.templates.find("ack", Language.DA)
    assert not found.builtin and found.body.endswith("PS: Ring gerne på {business.phone}")
    assert services.templates.find("ack", Language.NB).builtin  # only Danish was customised
    assert "customised" in manager.tree.currentItem().text(0)
    assert manager.delete_button.text() == "&Restore the built-in"
    # The founder says this customer writes Danish (what they wrote may read as Norwegian):
    # their acknowledgement then uses the customised Danish text.
    services.customers.update(window.detail.customer.id, CustomerChanges(language=Language.DA))
    danish = window.detail.id
    draft = services.promises.draft_acknowledgement(danish)
    assert "PS: Ring gerne på" in draft.body

    qtbot.mouseClick(manager.delete_button, LEFT)
    answer(qtbot, manager, QMessageBox.ButtonRole.RejectRole)
    assert not services.templates.find("ack", Language.DA).builtin
    qtbot.mouseClick(manager.delete_button, LEFT)
    answer(qtbot, manager, QMessageBox.ButtonRole.AcceptRole)
    assert services.templates.find("ack", Language.DA).builtin
    assert "built-in" in manager.tree.currentItem().text(0)


def test_unknown_placeholder_disables_save(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    manager = open_manager(qtbot, window)
    qtbot.mouseClick(manager.new_button, LEFT)
    qtbot.keyClicks(manager.name, "Tak for ros")
    qtbot.keyClicks(manager.key, "praise")
    manager.language.setCurrentIndex(manager.language.findData(Language.EN.value))
    qtbot.keyClicks(manager.subject, "Thank you")
    qtbot.keyClicks(manager.body, "Hi {kunde.navn}, thanks!")
    assert not manager.save_button.isEnabled()
    assert manager.problems.isVisible()
    assert "unknown placeholder {kunde.navn}" in manager.problems.text()

    manager.body.selectAll()
    qtbot.keyClicks(manager.body, "Hi {customer.first_name|there}, thanks! {founder.name}")
    assert not manager.problems.isVisible() and manager.save_button.isEnabled()
    qtbot.keyClick(manager, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = services.templates.find("praise", Language.EN)
    assert saved.name == "Tak for ros" and saved.body.startswith("Hi {customer.first_name|there}")
    assert "own" in manager.tree.currentItem().text(0)
    # Ctrl+S on an unchanged template does nothing; a filter hides non-matching ones.
    qtbot.keyClicks(manager.search, "ros")
    names = [
        manager.tree.topLevelItem(i).child(j).text(0)
        for i in range(manager.tree.topLevelItemCount())
        for j in range(manager.tree.topLevelItem(i).childCount())
    ]
    assert names == ["Tak for ros  (own)"]
