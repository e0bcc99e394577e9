"""The assistant's hours page: the settings dialog's own hours page, without vacations.

Reusing the widget keeps one set of rules (domain/business_hours.py) and one look: what the
founder sets here is exactly what Tools > Settings shows later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from soloservice.domain.settings import Settings
from soloservice.ui.settings.hours_page import HoursPage, system_time_zone
from soloservice.ui.settings.widgets import error_label, show_error


class AssistantHoursPage(QWizardPage):
    def __init__(self, now: Callable[[], datetime], email_hours: Callable[[], float]) -> None:
        super().__init__()
        self.setTitle(self.tr("When you are open"))
        self.setSubTitle(
            self.tr(
                "Reply promises count only your opening hours: an email on Friday evening "
                "is due on Monday, not on Saturday."
            )
        )
        self.hours = HoursPage(now, email_hours)
        vacation_box = self.hours.vacation.parentWidget()
        if vacation_box is not None:
            vacation_box.setVisible(False)  # vacations are for later, in Settings
        self.problems = error_label()
        self.problems.setObjectName("hoursProblems")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hours, 1)
        layout.addWidget(self.problems)
        later = QLabel(self.tr("Vacations and closed days: Tools > Settings > Hours & holidays."))
        later.setEnabled(False)
        layout.addWidget(later)
        self.hours.changed.connect(self._changed)

    def load(self, settings: Settings) -> None:
        self.hours.load(settings, zone=system_time_zone())
        self._changed()

    def _changed(self) -> None:
        show_error(self.problems, "\n".join(self.hours.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.hours.problems()

    def apply(self, settings: Settings) -> Settings:
        return self.hours.apply(settings)
