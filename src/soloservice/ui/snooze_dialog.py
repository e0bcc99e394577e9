"""Picking a custom wake-up time, in the business's local time."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class SnoozeDialog(QDialog):
    def __init__(self, tz: ZoneInfo, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.setWindowTitle(self.tr("Snooze until"))
        start = (now.astimezone(tz) + timedelta(days=1)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        self.edit = QDateTimeEdit(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy HH:mm")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Show the inquiry again on:")))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def until(self) -> datetime:
        value = self.edit.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz)
