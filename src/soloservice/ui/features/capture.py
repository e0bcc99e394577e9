"""Quick capture in the main window: File > Quick capture… (Ctrl+Shift+C)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from soloservice.services.dto import InquiryDetail
from soloservice.ui.channels.quick_capture import QuickCaptureDialog
from soloservice.ui.icons import icon

if TYPE_CHECKING:
    from soloservice.ui.main_window import MainWindow

SHORTCUT = "Ctrl+Shift+C"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaptureFeature", text)


class CaptureFeature:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: QuickCaptureDialog | None = None
        self.action = QAction(icon("social"), _tr("&Quick capture…"), window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = _tr("Paste a comment, review or message seen elsewhere")
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{tip} ({SHORTCUT})")
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        file_menu = window.menu("file")
        after_new = window.commands.new_inquiry
        actions = file_menu.actions()
        index = actions.index(after_new) + 1 if after_new in actions else len(actions)
        if index < len(actions):
            file_menu.insertAction(actions[index], self.action)
        else:
            file_menu.addAction(self.action)

    def open(self) -> QuickCaptureDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = QuickCaptureDialog(self.window.services, self.window.runner, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.captured.connect(self._captured)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _captured(self, detail: InquiryDetail) -> None:
        window = self.window
        window.reload()
        message = _tr("Captured #%1").replace("%1", str(detail.id))
        if not window.table.select_id(detail.id):
            window.open_inquiry(detail.id)
            message += " — " + _tr("not in this view")
        window.statusBar().showMessage(message, 15_000)
        window.table.setFocus()


def install(window: MainWindow) -> CaptureFeature:
    return CaptureFeature(window)
