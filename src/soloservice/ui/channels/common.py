"""Small pieces the channel dialogs share: the File > Import submenu, summaries, styles."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from soloservice.services.import_summary import ImportSummary
from soloservice.ui.style import HINT_STYLE

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

IMPORT_MENU_NAME = "importMenu"
IMPORT_SHORTCUT = "Ctrl+Shift+I"


def import_menu(window: FeatureHost) -> QMenu:
    """File > Import, shared by every feature that imports something; made on first use,
    just above Quit, so the file menu keeps its order whatever installs first."""
    file_menu = window.menu("file")
    for action in file_menu.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == IMPORT_MENU_NAME:
            return menu
    menu = QMenu(QCoreApplication.translate("channels", "&Import"), file_menu)
    menu.setObjectName(IMPORT_MENU_NAME)
    # One shortcut for every import: it pops the submenu up in the middle of the window.
    popup = QAction(QCoreApplication.translate("channels", "Import…"), window.widget)
    popup.setShortcut(QKeySequence(IMPORT_SHORTCUT))
    popup.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    popup.setObjectName("importPopup")
    widget = window.widget
    popup.triggered.connect(lambda: menu.popup(widget.mapToGlobal(widget.rect().center())))
    window.addAction(popup)
    quit_action = window.commands.quit
    if quit_action in file_menu.actions():
        file_menu.insertMenu(quit_action, menu)
        file_menu.insertSeparator(quit_action)
    else:
        file_menu.addMenu(menu)
    return menu


def summary_lines(summary: ImportSummary) -> list[str]:
    """An import summary in plain words; errors and warnings listed (the first 20)."""
    lines = [
        QCoreApplication.translate("channels", "%1 rows or messages read").replace(
            "%1", str(summary.rows)
        ),
        QCoreApplication.translate("channels", "%1 new inquiries").replace(
            "%1", str(summary.new_inquiries)
        ),
    ]
    if summary.added != summary.new_inquiries:
        lines.append(
            QCoreApplication.translate("channels", "%1 messages added").replace(
                "%1", str(summary.added)
            )
        )
    lines.append(
        QCoreApplication.translate("channels", "%1 already there (skipped)").replace(
            "%1", str(summary.duplicates)
        )
    )
    for title, items in (
        (QCoreApplication.translate("channels", "Skipped"), summary.errors),
        (QCoreApplication.translate("channels", "Note"), summary.warnings),
    ):
        for item in items[:20]:
            lines.append(f"{title}: {item}")
        if len(items) > 20:
            lines.append(
                QCoreApplication.translate("channels", "… and %1 more").replace(
                    "%1", str(len(items) - 20)
                )
            )
    return lines


def short_summary(summary: ImportSummary) -> str:
    if summary.added == summary.new_inquiries:
        return (
            QCoreApplication.translate("channels", "%1 new inquiries, %2 already there")
            .replace("%1", str(summary.new_inquiries))
            .replace("%2", str(summary.duplicates))
        )
    return (
        QCoreApplication.translate(
            "channels", "%1 new inquiries, %2 messages added, %3 already there"
        )
        .replace("%1", str(summary.new_inquiries))
        .replace("%2", str(summary.added))
        .replace("%3", str(summary.duplicates))
    )


def styled_label(text: str = "", style: str = HINT_STYLE, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(style)
    label.setWordWrap(wrap)
    return label


class CtrlEnter(QObject):
    """Ctrl+Enter in a text box runs ``callback`` (a box would otherwise take the key)."""

    def __init__(self, edit: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(edit)
        self.callback = callback
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.callback()
            event.accept()
            return True
        return super().eventFilter(watched, event)
