"""Tools > Reply templates… (Ctrl+Shift+T): the template manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from soloservice.ui.templates.manager import TemplateManager

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+T"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TemplatesFeature", text)


class TemplatesFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.manager: TemplateManager | None = None
        self.action = QAction(_tr("Reply &templates…"), window.widget)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(_tr("Write and customise reply templates"))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        window.menu("tools").addAction(self.action)
        window.inquiry_changed.connect(self._inquiry_changed)

    def _current(self) -> int | None:
        return self.window.detail.id if self.window.detail is not None else None

    def _inquiry_changed(self, _detail: object) -> None:
        if self.manager is not None and self.manager.isVisible():
            self.manager.update_state()

    def open(self) -> TemplateManager:
        if self.manager is None:
            self.manager = TemplateManager(self.window.services, self._current, self.window.widget)
        self.manager.show()
        self.manager.raise_()
        self.manager.activateWindow()
        return self.manager


def install(window: FeatureHost) -> TemplatesFeature:
    return TemplatesFeature(window)
