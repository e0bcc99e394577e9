"""The window's actions, menus and toolbar, in one place so shortcuts never collide."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton, QWidget

from soloservice.ui.icons import icon


@dataclass
class Actions:
    log_call: QAction
    new_inquiry: QAction
    search: QAction
    mark_waiting: QAction
    resolve: QAction
    reopen: QAction
    add_note: QAction
    snooze: QAction
    snooze_menu: QMenu
    refresh: QAction
    side_panel: QAction
    quit: QAction
    undo: QAction
    redo: QAction

    def inquiry_actions(self) -> tuple[QAction, ...]:
        return (self.mark_waiting, self.resolve, self.reopen, self.add_note, self.snooze)


def window_action(
    parent: QWidget,
    text: str,
    shortcut: str | QKeySequence.StandardKey,
    tip: str,
    name: str = "",
) -> QAction:
    """An action of the window: its shortcut works anywhere in the window, the tooltip names
    the keys and the status bar shows ``tip``. The caller adds it to the window (or host),
    so the shortcut-collision test sees every action made this way alike."""
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    set_tip(action, tip)
    if name:
        action.setIcon(icon(name))
    return action


def set_tip(action: QAction, tip: str) -> None:
    """The status tip, and the tooltip with the action's keys after it ("Resolve (Ctrl+E)")."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)


def _action(
    window: QMainWindow,
    text: str,
    shortcut: str | QKeySequence.StandardKey,
    tip: str,
    name: str = "",
) -> QAction:
    action = window_action(window, text, shortcut, tip, name)
    window.addAction(action)
    return action


def _checkable(action: QAction) -> QAction:
    action.setCheckable(True)
    return action


def build_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    snooze_menu = QMenu(QCoreApplication.translate("actions", "Sn&ooze"), window)
    snooze = _action(
        window,
        QCoreApplication.translate("actions", "Sn&ooze"),
        "Ctrl+B",
        QCoreApplication.translate("actions", "Hide the inquiry until later"),
        "snoozed",
    )
    snooze.setMenu(snooze_menu)
    undo = undo_stack.createUndoAction(window, QCoreApplication.translate("actions", "&Undo"))
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = undo_stack.createRedoAction(window, QCoreApplication.translate("actions", "&Redo"))
    redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    window.addAction(undo)
    window.addAction(redo)
    return Actions(
        log_call=_action(
            window,
            QCoreApplication.translate("actions", "&Log call…"),
            "Ctrl+L",
            QCoreApplication.translate("actions", "Log a phone call"),
            "phone",
        ),
        new_inquiry=_action(
            window,
            QCoreApplication.translate("actions", "&New inquiry…"),
            "Ctrl+N",
            QCoreApplication.translate("actions", "Type in an inquiry by hand"),
            "form",
        ),
        search=_action(
            window,
            QCoreApplication.translate("actions", "&Search"),
            "Ctrl+F",
            QCoreApplication.translate("actions", "Search customers and subjects"),
        ),
        mark_waiting=_action(
            window,
            QCoreApplication.translate("actions", "Mark &waiting"),
            "Ctrl+Shift+W",
            QCoreApplication.translate(
                "actions", "Waiting on the customer: the reply clock pauses"
            ),
            "waiting",
        ),
        resolve=_action(
            window,
            QCoreApplication.translate("actions", "&Resolve"),
            "Ctrl+E",
            QCoreApplication.translate("actions", "Mark as resolved"),
            "resolved",
        ),
        reopen=_action(
            window,
            QCoreApplication.translate("actions", "Re&open"),
            "Ctrl+Shift+O",
            QCoreApplication.translate("actions", "Open the inquiry again"),
        ),
        add_note=_action(
            window,
            QCoreApplication.translate("actions", "Add &note"),
            "Ctrl+Shift+N",
            QCoreApplication.translate("actions", "Write a private note"),
        ),
        snooze=snooze,
        snooze_menu=snooze_menu,
        refresh=_action(
            window,
            QCoreApplication.translate("actions", "&Refresh"),
            "F5",
            QCoreApplication.translate("actions", "Reload the list and counts"),
        ),
        side_panel=_checkable(
            _action(
                window,
                QCoreApplication.translate("actions", "&Customer and details panel"),
                "F9",
                QCoreApplication.translate(
                    "actions",
                    "Show or hide the customer card, remedies and follow-up beside the reply",
                ),
            )
        ),
        quit=_action(
            window,
            QCoreApplication.translate("actions", "&Quit"),
            "Ctrl+Q",
            QCoreApplication.translate("actions", "Quit SoloService"),
        ),
        undo=undo,
        redo=redo,
    )


def install_menus(window: QMainWindow, a: Actions) -> tuple[dict[str, QMenu], QToolBar]:
    """Build the menu bar and toolbar; returns the menus by key (file, edit, inquiry, view,
    tools, help) so features can add to them, and the toolbar."""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("actions", "&File"))
    file_menu.addAction(a.log_call)
    file_menu.addAction(a.new_inquiry)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(QCoreApplication.translate("actions", "&Edit"))
    edit_menu.addAction(a.undo)
    edit_menu.addAction(a.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(a.search)
    inquiry_menu = bar.addMenu(QCoreApplication.translate("actions", "&Inquiry"))
    inquiry_menu.addAction(a.mark_waiting)
    inquiry_menu.addAction(a.resolve)
    inquiry_menu.addAction(a.reopen)
    inquiry_menu.addSeparator()
    inquiry_menu.addAction(a.add_note)
    inquiry_menu.addMenu(a.snooze_menu)
    view_menu = bar.addMenu(QCoreApplication.translate("actions", "&View"))
    view_menu.addAction(a.refresh)
    view_menu.addAction(a.side_panel)
    tools_menu = bar.addMenu(QCoreApplication.translate("actions", "&Tools"))
    help_menu = bar.addMenu(QCoreApplication.translate("actions", "&Help"))

    toolbar = QToolBar(QCoreApplication.translate("actions", "Main toolbar"), window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addAction(a.log_call)
    toolbar.addAction(a.new_inquiry)
    toolbar.addSeparator()
    toolbar.addAction(a.mark_waiting)
    toolbar.addAction(a.resolve)
    toolbar.addAction(a.reopen)
    toolbar.addAction(a.snooze)
    button = toolbar.widgetForAction(a.snooze)
    if isinstance(button, QToolButton):
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    toolbar.addSeparator()
    toolbar.addAction(a.undo)
    toolbar.addAction(a.refresh)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    menus = {
        "file": file_menu,
        "edit": edit_menu,
        "inquiry": inquiry_menu,
        "view": view_menu,
        "tools": tools_menu,
        "help": help_menu,
    }
    return menus, toolbar
