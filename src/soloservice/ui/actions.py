"""The window's actions, menus and toolbar, in one place so shortcuts never collide."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from soloservice.ui.icons import icon


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


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


def _action(
    window: QMainWindow,
    text: str,
    shortcut: str | QKeySequence.StandardKey,
    tip: str,
    name: str = "",
) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    if name:
        action.setIcon(icon(name))
    window.addAction(action)
    return action


def _checkable(action: QAction) -> QAction:
    action.setCheckable(True)
    return action


def build_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    snooze_menu = QMenu(_tr("Sn&ooze"), window)
    snooze = _action(
        window, _tr("Sn&ooze"), "Ctrl+B", _tr("Hide the inquiry until later"), "snoozed"
    )
    snooze.setMenu(snooze_menu)
    undo = undo_stack.createUndoAction(window, _tr("&Undo"))
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = undo_stack.createRedoAction(window, _tr("&Redo"))
    redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
    window.addAction(undo)
    window.addAction(redo)
    return Actions(
        log_call=_action(window, _tr("&Log call…"), "Ctrl+L", _tr("Log a phone call"), "phone"),
        new_inquiry=_action(
            window, _tr("&New inquiry…"), "Ctrl+N", _tr("Type in an inquiry by hand"), "form"
        ),
        search=_action(window, _tr("&Search"), "Ctrl+F", _tr("Search customers and subjects")),
        mark_waiting=_action(
            window,
            _tr("Mark &waiting"),
            "Ctrl+Shift+W",
            _tr("Waiting on the customer: the reply clock pauses"),
            "waiting",
        ),
        resolve=_action(window, _tr("&Resolve"), "Ctrl+E", _tr("Mark as resolved"), "resolved"),
        reopen=_action(window, _tr("Re&open"), "Ctrl+Shift+O", _tr("Open the inquiry again")),
        add_note=_action(window, _tr("Add &note"), "Ctrl+Shift+N", _tr("Write a private note")),
        snooze=snooze,
        snooze_menu=snooze_menu,
        refresh=_action(window, _tr("&Refresh"), "F5", _tr("Reload the list and counts")),
        side_panel=_checkable(
            _action(
                window,
                _tr("&Customer and details panel"),
                "F9",
                _tr("Show or hide the customer card, remedies and follow-up beside the reply"),
            )
        ),
        quit=_action(window, _tr("&Quit"), "Ctrl+Q", _tr("Quit SoloService")),
        undo=undo,
        redo=redo,
    )


def install_menus(window: QMainWindow, a: Actions) -> tuple[dict[str, QMenu], QToolBar]:
    """Build the menu bar and toolbar; returns the menus by key (file, edit, inquiry, view,
    tools, help) so features can add to them, and the toolbar."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    file_menu.addAction(a.log_call)
    file_menu.addAction(a.new_inquiry)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(_tr("&Edit"))
    edit_menu.addAction(a.undo)
    edit_menu.addAction(a.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(a.search)
    inquiry_menu = bar.addMenu(_tr("&Inquiry"))
    inquiry_menu.addAction(a.mark_waiting)
    inquiry_menu.addAction(a.resolve)
    inquiry_menu.addAction(a.reopen)
    inquiry_menu.addSeparator()
    inquiry_menu.addAction(a.add_note)
    inquiry_menu.addMenu(a.snooze_menu)
    view_menu = bar.addMenu(_tr("&View"))
    view_menu.addAction(a.refresh)
    view_menu.addAction(a.side_panel)
    tools_menu = bar.addMenu(_tr("&Tools"))
    help_menu = bar.addMenu(_tr("&Help"))

    toolbar = QToolBar(_tr("Main toolbar"), window)
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
