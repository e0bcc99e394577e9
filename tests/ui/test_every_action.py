"""Every menu entry, triggered once on a realistic window: nothing may raise.

pytest-qt turns an exception in a slot into a test failure, so this catches menu entries
that are wired to code no other test happens to run (a dialog that cannot even open).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from soloservice.ui.main_window import MainWindow

#: entries that end the session or need a file picked first
SKIPPED = {"Quit"}


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))  # type: ignore[arg-type]
        else:
            found.append(action)
    return found


def _close_new_windows(window: MainWindow, before: set[QWidget]) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is window or widget in before or not widget.isVisible():
            continue
        if isinstance(widget, QMessageBox):
            widget.reject()
        widget.close()


def test_every_menu_entry_opens_without_error(
    qtbot: QtBot, window: MainWindow, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QFileDialog

    # Entries that ask for a file get "cancelled".
    setattr_ = monkeypatch.setattr  # type: ignore[attr-defined]
    setattr_(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    setattr_(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    setattr_(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    opened: list[object] = []
    setattr_(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    triggered = []
    for key in ("file", "edit", "inquiry", "view", "tools", "help"):
        for action in _menu_actions(window.menu(key)):
            text = action.text().replace("&", "")
            if text in SKIPPED or not action.isEnabled():
                continue
            before = set(QApplication.topLevelWidgets())
            action.trigger()
            window.runner.wait()
            triggered.append(text)
            _close_new_windows(window, before)
            window.runner.wait()
    assert len(triggered) >= 20, triggered
    assert window.isVisible()
