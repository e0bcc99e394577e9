"""Quick capture in the main window: File > Quick capture… (Ctrl+Shift+C)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.services.dto import InquiryDetail
from soloservice.ui.features._shared import bring_up, feature_action, open_dialog

if TYPE_CHECKING:
    from soloservice.ui.channels.quick_capture import QuickCaptureDialog
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+C"


class CaptureFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dialog: QuickCaptureDialog | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("CaptureFeature", "&Quick capture…"),
            SHORTCUT,
            QCoreApplication.translate(
                "CaptureFeature", "Paste a comment, review or message seen elsewhere"
            ),
            self.open,
            "social",
        )
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
            return bring_up(self.dialog)
        from soloservice.ui.channels.quick_capture import QuickCaptureDialog

        dialog = QuickCaptureDialog(self.window.services, self.window.runner, self.window.widget)
        dialog.captured.connect(self._captured)
        self.dialog = open_dialog(dialog, self._closed)
        return dialog

    def _closed(self) -> None:
        self.dialog = None

    def _captured(self, detail: InquiryDetail) -> None:
        message = QCoreApplication.translate("CaptureFeature", "Captured #%1").replace(
            "%1", str(detail.id)
        )
        self.window.show_created(detail, message)


def install(window: FeatureHost) -> CaptureFeature:
    return CaptureFeature(window)
