"""The NPS pulse in the main window: View > NPS pulse… (Ctrl+Shift+P)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.ui.features._shared import bring_up, feature_action

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.feedback.pulse_window import PulseWindow

SHORTCUT = "Ctrl+Shift+P"


class PulseFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.pulse: PulseWindow | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("PulseFeature", "NPS &pulse…"),
            SHORTCUT,
            QCoreApplication.translate(
                "PulseFeature",
                "Ask a few customers every month how likely they are to recommend you",
            ),
            self.open,
        )
        self.action.setToolTip(
            QCoreApplication.translate("PulseFeature", "NPS pulse (%1)").replace("%1", SHORTCUT)
        )
        window.menu("view").addAction(self.action)

    def open(self) -> PulseWindow:
        if self.pulse is None:
            from soloservice.ui.feedback.pulse_window import PulseWindow

            self.pulse = PulseWindow(self.window.services, self.window.runner)
            self.pulse.changed.connect(self._changed)
            self.window.widget.destroyed.connect(self.pulse.close)
        else:
            self.pulse.reload()
        return bring_up(self.pulse)

    def _changed(self, message: str) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(message.splitlines()[0], 15_000)


def install(window: FeatureHost) -> PulseFeature:
    return PulseFeature(window)
