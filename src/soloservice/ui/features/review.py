"""The weekly review in the main window: View > Weekly review (Ctrl+Shift+R); a number
clicked in the review shows the inquiries behind it in the main list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.ui.features._shared import bring_up, feature_action

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.review.window import ReviewWindow

SHORTCUT = "Ctrl+Shift+R"


class ReviewFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.review: ReviewWindow | None = None
        self.action = feature_action(
            window,
            QCoreApplication.translate("ReviewFeature", "&Weekly review…"),
            SHORTCUT,
            QCoreApplication.translate("ReviewFeature", "How customers were treated last week"),
            self.open,
            "today",
        )
        window.menu("view").addSeparator()
        window.menu("view").addAction(self.action)

    def open(self) -> ReviewWindow:
        """One review window, kept alive and brought to the front on every call."""
        if self.review is None:
            from soloservice.ui.review.window import ReviewWindow

            self.review = ReviewWindow(self.window.services, self.window.runner)
            self.review.setWindowTitle(
                QCoreApplication.translate("ReviewFeature", "Weekly review — SoloService")
            )
            self.review.open_inquiries.connect(self._show_inquiries)
            self.window.widget.destroyed.connect(self.review.close)
        return bring_up(self.review)

    def _show_inquiries(self, ids: list[int]) -> None:
        self.window.show_inquiry_ids(
            ids, QCoreApplication.translate("ReviewFeature", "From the weekly review")
        )


def install(window: FeatureHost) -> ReviewFeature:
    return ReviewFeature(window)
