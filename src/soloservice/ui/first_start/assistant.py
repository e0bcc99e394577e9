"""The first-start assistant: a short, skippable QWizard for an empty data dir.

Business and founder names, language, time zone and hours, what a customer is worth,
optionally a mailbox (tested on the worker) and a form export. Finish saves the settings
through the settings service (the same path as Tools > Settings); "Skip for now" saves
nothing and leaves the status-bar link to the settings. Everything can be changed later.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from soloservice.domain.settings import Settings
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.first_start.about_page import AboutPage
from soloservice.ui.first_start.done_page import DonePage
from soloservice.ui.first_start.hours_page import AssistantHoursPage
from soloservice.ui.first_start.mailbox_page import MailboxPage
from soloservice.ui.first_start.value_page import ValuePage
from soloservice.ui.settings.widgets import error_label, show_error
from soloservice.ui.tasks import TaskRunner


class FirstStartAssistant(QWizard):
    """``saved(Settings)`` after Finish wrote the settings."""

    saved = Signal(object)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.completed = False
        self.setWindowTitle(self.tr("Set up SoloService"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Skip for now"))
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("Nothing is saved; set this up later in Tools > Settings…")
        )
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        settings = services.ctx.settings
        email_hours = lambda: settings.promise_hours.get("email", 8.0)  # noqa: E731
        self.about = AboutPage()
        self.hours = AssistantHoursPage(services.ctx.now, email_hours)
        self.value = ValuePage()
        self.mailbox = MailboxPage(services, runner)
        self.last = DonePage()
        self.save_error = error_label()
        self.save_error.setObjectName("assistantSaveError")
        self.last.box.addWidget(self.save_error)
        for page in (self.about, self.hours, self.value, self.mailbox, self.last):
            self.addPage(page)
        self.about.load(settings)
        self.hours.load(settings)
        self.value.load(settings)
        self.resize(760, 620)

    def settings(self) -> Settings:
        settings = self.services.ctx.settings
        for page in (self.about, self.hours, self.value):
            settings = page.apply(settings)
        return settings

    def wants_form_import(self) -> bool:
        return self.last.import_csv.isChecked()

    def accept(self) -> None:
        settings = self.settings()
        try:
            self.services.settings.save(settings)
        except ServiceError as exc:
            show_error(
                self.save_error,
                self.tr("Your answers could not be saved: %1").replace("%1", str(exc)),
            )
            return
        self.completed = True
        self.saved.emit(settings)
        super().accept()
