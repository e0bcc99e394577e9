"""The NPS pulse in the main window: View > NPS pulse… (Ctrl+Shift+P)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from soloservice.ui.feedback.pulse_window import PulseWindow

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+P"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PulseFeature", text)


class PulseFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.pulse: PulseWindow | None = None
        self.action = QAction(_tr("NPS &pulse…"), window.widget)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(
            _tr("Ask a few customers every month how likely they are to recommend you")
        )
        self.action.setToolTip(_tr("NPS pulse (%1)").replace("%1", SHORTCUT))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        window.menu("view").addAction(self.action)

    def open(self) -> PulseWindow:
        if self.pulse is None:
            self.pulse = PulseWindow(self.window.services, self.window.runner)
            self.pulse.changed.connect(self._changed)
            self.window.widget.destroyed.connect(self.pulse.close)
        else:
            self.pulse.reload()
        self.pulse.show()
        self.pulse.raise_()
        self.pulse.activateWindow()
        return self.pulse

    def _changed(self, message: str) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(message.splitlines()[0], 15_000)


def install(window: FeatureHost) -> PulseFeature:
    return PulseFeature(window)
