"""Tools > Settings: every page edits a copy; nothing changes until OK saves it to disk.

Saving writes the file first and only then swaps the settings in memory, so a failed write
(full disk, read-only folder) leaves the running app and the file as they were and keeps the
dialog open with everything the founder typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.settings import Settings
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.settings_service import SettingsNotSaved
from soloservice.ui.settings.business_page import BusinessPage
from soloservice.ui.settings.hours_page import HoursPage, system_time_zone
from soloservice.ui.settings.other_pages import FollowupPage, PromisesPage, ReviewPage
from soloservice.ui.settings.widgets import error_label, show_error


class SettingsDialog(QDialog):
    #: the new settings, after they were written and applied to the services
    saved = Signal(object)

    def __init__(
        self, services: Services, settings_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.services = services
        self.settings_file = settings_file
        self.original: Settings = services.ctx.settings
        self.business = BusinessPage()
        self.promises = PromisesPage()
        self.hours = HoursPage(services.ctx.now, self.promises.email_hours)
        self.followups = FollowupPage()
        self.review = ReviewPage()
        self.pages: list[tuple[str, QWidget]] = [
            (self.tr("Business"), self.business),
            (self.tr("Hours & holidays"), self.hours),
            (self.tr("Promises"), self.promises),
            (self.tr("Follow-ups & NPS"), self.followups),
            (self.tr("Weekly review"), self.review),
        ]
        self.page_list = QListWidget()
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        self.page_list.setSpacing(3)
        self.stack = QStackedWidget()
        for number, (title, page) in enumerate(self.pages, start=1):
            self.page_list.addItem(title)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda n=number - 1: self.show_page(n))
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + 36)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.problems = error_label()
        self.problems.setObjectName("settingsProblems")
        self.save_error = error_label()
        self.save_error.setObjectName("saveError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.save_error)
        hint = QLabel(self.tr("Alt+1 … Alt+5 switch pages"))
        hint.setEnabled(False)
        footer = QHBoxLayout()
        footer.addWidget(hint)
        footer.addStretch(1)
        footer.addWidget(self.buttons)
        layout.addLayout(footer)

        first_run = not settings_file.exists()
        self.business.load(self.original)
        self.promises.load(self.original)
        self.hours.load(self.original, zone=system_time_zone() if first_run else None)
        self.followups.load(self.original)
        self.review.load(self.original)
        for _title, page in self.pages:
            page.changed.connect(self.validate)  # type: ignore[attr-defined]
        self.promises.changed.connect(self.hours.update_preview)
        self.page_list.setCurrentRow(0)
        self.validate()
        self.resize(840, 700)

    @property
    def ok_button(self) -> QWidget:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def show_page(self, index: int) -> None:
        self.page_list.setCurrentRow(index)

    def all_problems(self) -> list[str]:
        return [
            *self.business.problems(),
            *self.hours.problems(),
            *self.promises.problems(),
            *self.followups.problems(),
            *self.review.problems(),
        ]

    def validate(self) -> bool:
        problems = self.all_problems()
        show_error(self.problems, "\n".join(problems))
        self.ok_button.setEnabled(not problems)
        return not problems

    def settings(self) -> Settings:
        """The settings as on the pages (fields no page shows are kept as they were)."""
        settings = self.original
        for page in (self.business, self.hours, self.promises, self.followups, self.review):
            settings = page.apply(settings)
        return settings

    def accept(self) -> None:
        if not self.validate():
            return
        settings = self.settings()
        try:  # written, then applied, by the settings service (shared with the assistant)
            self.services.settings.save(settings, self.settings_file)
        except SettingsNotSaved as exc:
            show_error(
                self.save_error,
                self.tr("The settings could not be saved to %1: %2. Nothing was changed.")
                .replace("%1", str(self.settings_file))
                .replace("%2", exc.reason),
            )
            return
        except ServiceError as exc:
            show_error(self.save_error, str(exc))
            return
        show_error(self.save_error, "")
        self.saved.emit(settings)
        super().accept()
