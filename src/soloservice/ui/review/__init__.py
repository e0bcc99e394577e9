"""The weekly review window: figures per channel, the channel checklist, trends and exports.

``ReviewWindow`` is opened from the main window; ``ReviewReminder`` tells the founder when it
is time for the review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from soloservice.ui.review.reminder import ReviewReminder, connect_tray

if TYPE_CHECKING:
    from soloservice.ui.review.window import ReviewWindow

__all__ = ["ReviewReminder", "ReviewWindow", "connect_tray"]


def __getattr__(name: str) -> object:
    """``ReviewWindow`` on first use: the reminder is built at start-up (the tray), the
    window (charts, exports) only when the review is opened."""
    if name == "ReviewWindow":
        from soloservice.ui.review.window import ReviewWindow

        return ReviewWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
