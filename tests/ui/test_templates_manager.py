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
from tests.ui.gui_thread_guard import GuiThreadGuard, guard_gui_thread

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
    with qtbot.waitSignal(manager.templates_changed):  # saved on the database lane
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
    with qtbot.waitSignal(manager.templates_changed):
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
    with qtbot.waitSignal(manager.templates_changed):
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


def detail_reads(guard: GuiThreadGuard) -> int:
    """The reads the template dialog made (its preview reading the inquiry's detail)."""
    return sum(n for site, n in guard.read_sites().items() if "ui/templates/" in site)


def test_typing_in_the_editor_reads_the_inquiry_once(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """The preview follows every keystroke from the inquiry read when it was chosen: typing
    N characters reads nothing more (it used to read the detail again for each one)."""
    manager = open_manager(qtbot, window)
    assert window.detail is not None
    customer = window.detail.customer.name
    assert manager.select("ack", Language.DA)
    qtbot.mouseClick(manager.customise_button, LEFT)
    manager.body.moveCursor(QTextCursor.MoveOperation.End)
    typed = " Hej {customer.name}, vi ringer i morgen."
    # the engine itself: the guard counts every read the GUI thread makes on it
    with guard_gui_thread(services.ctx.db.engine) as guard:
        qtbot.keyClicks(manager.body, typed)
        qtbot.keyClicks(manager.subject, " (svar)")
    assert manager.body.toPlainText().endswith(typed)
    preview = manager.preview.text.toPlainText()
    assert preview.endswith(f" Hej {customer}, vi ringer i morgen.")
    assert "(svar)" in manager.preview_title.text()
    assert detail_reads(guard) == 0, guard.read_sites()

    # Another inquiry chosen in the main window: read once, then typing reads nothing again.
    other_id = next(i for i in window.model.ids if i != window.detail.id)
    with guard_gui_thread(services.ctx.db.engine) as guard:  # counts reads, as above
        window.show_inquiry(other_id)
        qtbot.waitUntil(lambda: window.detail is not None and window.detail.id == other_id)
        qtbot.waitUntil(lambda: f"#{other_id}" in manager.preview_title.text())
        after_choice = detail_reads(guard)
        qtbot.keyClicks(manager.body, " PS")
    assert after_choice > 0  # the newly chosen inquiry, read for the preview
    assert detail_reads(guard) == after_choice
    assert manager.preview.text.toPlainText().endswith(" PS")


def test_the_preview_reads_the_inquiry_again_when_it_changed(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """Kept, not frozen: the dialog shown again, or the main window's inquiry changing,
    reads it afresh."""
    manager = open_manager(qtbot, window)
    assert window.detail is not None
    inquiry = window.detail
    qtbot.mouseClick(manager.new_button, LEFT)
    qtbot.keyClicks(manager.body, "Kære {customer.name}")
    assert manager.preview.text.toPlainText() == f"Kære {inquiry.customer.name}"
    services.customers.update(inquiry.customer.id, CustomerChanges(name="Søs Ærbø"))
    qtbot.keyClicks(manager.body, "!")
    assert manager.preview.text.toPlainText() == f"Kære {inquiry.customer.name}!"  # kept
    window.open_inquiry(inquiry.id)  # the main window shows the inquiry again
    qtbot.waitUntil(lambda: manager.preview.text.toPlainText() == "Kære Søs Ærbø!")

    manager.hide()
    services.customers.update(inquiry.customer.id, CustomerChanges(name="Mette Holm"))
    feature = window.features["templates"]
    assert isinstance(feature, TemplatesFeature) and feature.open() is manager
    assert manager.preview.text.toPlainText() == "Kære Mette Holm!"
