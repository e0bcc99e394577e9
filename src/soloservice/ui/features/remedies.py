"""Remedies on the selected inquiry: the "Remedies" tab and Inquiry > Add remedy… (Ctrl+M)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.services.dto import InquiryDetail
from soloservice.ui.features._shared import feature_action
from soloservice.ui.feedback.remedies_panel import RemediesPanel

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+M"


class RemediesFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.panel = RemediesPanel(window.services, window.runner)
        self.panel.changed.connect(self._changed)
        window.add_inquiry_tab(
            self.panel, QCoreApplication.translate("RemediesFeature", "Remedies"), order=30
        )
        self.action = feature_action(
            window,
            QCoreApplication.translate("RemediesFeature", "Add &remedy…"),
            SHORTCUT,
            QCoreApplication.translate(
                "RemediesFeature", "Record what was done to make it right, and what it cost"
            ),
            self.focus_add,
        )
        window.menu("inquiry").addSeparator()
        window.menu("inquiry").addAction(self.action)
        window.inquiry_changed.connect(self._follow)
        self._follow(window.detail)

    def _follow(self, detail: object) -> None:
        self.action.setEnabled(isinstance(detail, InquiryDetail))

    def focus_add(self) -> None:
        if self.window.detail is None:
            return
        self.window.show_inquiry_tab(self.panel)
        self.panel.focus_add()

    def _changed(self, message: str, inquiry_id: int) -> None:
        self.window.statusBar().showMessage(message, 15_000)
        self.window.data_changed.emit()  # the weekly review's remedy figures, if it is open


def install(window: FeatureHost) -> RemediesFeature:
    return RemediesFeature(window)
