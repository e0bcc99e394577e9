"""The weekly review in the main window: View > Weekly review (Ctrl+Shift+R); a number
clicked in the review shows the inquiries behind it in the main list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from soloservice.ui.icons import icon
from soloservice.ui.review.window import ReviewWindow

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SHORTCUT = "Ctrl+Shift+R"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewFeature", text)


class ReviewFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.review: ReviewWindow | None = None
        self.action = QAction(_tr("&Weekly review…"), window.widget)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(_tr("How customers were treated last week"))
        self.action.setIcon(icon("today"))
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        window.menu("view").addSeparator()
        window.menu("view").addAction(self.action)

    def open(self) -> ReviewWindow:
        """One review window, kept alive and brought to the front on every call."""
        if self.review is None:
            self.review = ReviewWindow(self.window.services, self.window.runner)
            self.review.setWindowTitle(_tr("Weekly review — SoloService"))
            self.review.open_inquiries.connect(self._show_inquiries)
            self.window.widget.destroyed.connect(self.review.close)
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        return self.review

    def _show_inquiries(self, ids: list[int]) -> None:
        self.window.show_inquiry_ids(ids, _tr("From the weekly review"))


def install(window: FeatureHost) -> ReviewFeature:
    return ReviewFeature(window)
