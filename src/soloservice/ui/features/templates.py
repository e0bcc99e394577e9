"""Tools > Reply templates… (Ctrl+Shift+T): the template manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.ui.features._shared import bring_up, feature_action

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.templates.manager import TemplateManager

SHORTCUT = "Ctrl+Shift+T"


class TemplatesFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.manager: TemplateManager | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("TemplatesFeature", "Reply &templates…"),
            SHORTCUT,
            QCoreApplication.translate("TemplatesFeature", "Write and customise reply templates"),
            self.open,
        )
        window.menu("tools").addAction(self.action)
        window.inquiry_changed.connect(self._inquiry_changed)

    def _current(self) -> int | None:
        return self.window.detail.id if self.window.detail is not None else None

    def _inquiry_changed(self, _detail: object) -> None:
        if self.manager is not None and self.manager.isVisible():
            self.manager.update_state()

    def open(self) -> TemplateManager:
        if self.manager is None:
            from soloservice.ui.templates.manager import TemplateManager

            self.manager = TemplateManager(
                self.window.services, self._current, self.window.widget, self.window.runner
            )
        bring_up(self.manager)
        return self.manager


def install(window: FeatureHost) -> TemplatesFeature:
    return TemplatesFeature(window)
