"""File → Backups…: see ui/backups_dialog.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from soloservice.ui.backups_dialog import BackupsDialog
    from soloservice.ui.features.host import FeatureHost


class BackupsFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dialog: BackupsDialog | None = None
        menu = window.menu("file")
        self.action = menu.addAction(QCoreApplication.translate("BackupsFeature", "&Backups…"))
        # Above "Quit", which ends the File menu after a separator.
        entries = menu.actions()
        if len(entries) >= 3 and entries[-3].isSeparator():
            menu.removeAction(self.action)
            menu.insertAction(entries[-3], self.action)
        self.action.triggered.connect(self.show_dialog)

    def show_dialog(self) -> BackupsDialog:
        if self.dialog is None:
            from soloservice.ui.backups_dialog import BackupsDialog

            self.dialog = BackupsDialog(
                self.window.services, self.window.runner, self.window.widget
            )
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install(window: FeatureHost) -> BackupsFeature:
    return BackupsFeature(window)
