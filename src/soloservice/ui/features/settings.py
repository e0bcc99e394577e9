"""Tools > Settings… (Ctrl+,): the founder's settings, saved to the data dir and applied live."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from soloservice.domain.settings import Settings
from soloservice.paths import settings_path
from soloservice.ui.features._shared import feature_action, open_dialog

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.settings.dialog import SettingsDialog

SHORTCUT = "Ctrl+,"


class SettingsFeature(QObject):
    #: the settings were saved and applied (features with settings_applied heard of it)
    saved = Signal(object)

    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window.widget)
        self.window = window
        self.dialog: SettingsDialog | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("SettingsFeature", "&Settings…"),
            SHORTCUT,
            QCoreApplication.translate(
                "SettingsFeature", "Business hours, holidays, promises, surveys and more"
            ),
            self.open,
        )
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        tools = window.menu("tools")
        tools.addAction(self.action)
        self.first_run_button: QPushButton | None = None
        if not self.window.services.ctx.settings.founder_name.strip():
            self._offer_first_run()

    def _offer_first_run(self) -> None:
        """Replies and acknowledgements sign with the founder's and the business's names:
        until those are set, say so once, in the status bar, with the way to fix it."""
        button = QPushButton(
            QCoreApplication.translate(
                "SettingsFeature", "Set up your name, business and opening hours…"
            )
        )
        button.setFlat(True)
        button.setStyleSheet("color:#1d4ed8; text-decoration: underline;")
        button.clicked.connect(self.open)
        # Permanent (right-hand) widgets are never painted over by status messages.
        self.window.statusBar().insertPermanentWidget(0, button)
        self.first_run_button = button
        self.saved.connect(self._first_run_done)

    def _first_run_done(self, settings: Settings) -> None:
        if self.first_run_button is not None and settings.founder_name.strip():
            self.window.statusBar().removeWidget(self.first_run_button)
            self.first_run_button.deleteLater()
            self.first_run_button = None

    @property
    def settings_file(self) -> Path:
        return settings_path(self.window.services.ctx.data_dir)

    def open(self) -> SettingsDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from soloservice.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.window.services, self.settings_file, self.window.widget)
        dialog.saved.connect(self.apply)
        self.dialog = open_dialog(dialog, self._closed)
        return dialog

    def _closed(self) -> None:
        self.dialog = None

    def apply(self, settings: Settings) -> None:
        """Refresh everything that shows a setting: views, counts, other features (the
        window calls their ``settings_applied``)."""
        window = self.window
        window.apply_settings(settings)
        window.statusBar().showMessage(
            QCoreApplication.translate("SettingsFeature", "Settings saved"), 10_000
        )
        self.saved.emit(settings)


def install(window: FeatureHost) -> SettingsFeature:
    return SettingsFeature(window)
