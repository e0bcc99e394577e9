"""The weekly review window: figures per channel, the channel checklist, trends and exports.

``ReviewWindow`` is opened from the main window; ``ReviewReminder`` tells the founder when it
is time for the review.
"""

from soloservice.ui.review.reminder import ReviewReminder, connect_tray
from soloservice.ui.review.window import ReviewWindow

__all__ = ["ReviewReminder", "ReviewWindow", "connect_tray"]
