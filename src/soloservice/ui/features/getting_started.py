"""A new founder's start: the first-start assistant, once per data dir, and the empty
inbox's "what to do next" checklist in place of the inquiry list.

The window shows the checklist where the list is (``window.set_empty_inbox`` /
``show_empty_inbox``: where that is stays the window's business) while the store holds no
inquiry at all. The assistant opens only in the real app (a window with a ui.ini), when the
data dir is empty (no business name saved, no inquiries), and ui.ini remembers that it was
shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from soloservice.domain.settings import Settings
from soloservice.ui.first_start.checklist import StartChecklist

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.first_start.assistant import FirstStartAssistant

#: ui.ini key: "finished" or "skipped" once the assistant was shown for this data dir
SHOWN_KEY = "first_start/assistant"
#: the settings dialog's page with the opening hours (see ui/settings/dialog.py)
HOURS_PAGE = 1


class GettingStarted(QObject):
    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window.widget)
        self.window = window
        self.services = window.services
        self.checklist = StartChecklist()
        self.checklist.step_clicked.connect(self.open_step)
        window.set_empty_inbox(self.checklist)
        self.assistant: FirstStartAssistant | None = None
        window.data_changed.connect(self.refresh)
        self.refresh()
        if window.ui_settings is not None and self.assistant_due():
            QTimer.singleShot(0, self.open_assistant)

    # -- the checklist ---------------------------------------------------------------------

    def refresh(self) -> None:
        steps = self.services.getting_started.steps()
        self.checklist.show_steps(steps)
        self.window.show_empty_inbox(steps.inquiries == 0)

    def settings_applied(self, _settings: Settings) -> None:
        """Called by the settings feature after a save: the hours step may be done now."""
        self.refresh()

    @property
    def showing_checklist(self) -> bool:
        return self.checklist.isVisibleTo(self.window.widget)

    def open_step(self, key: str) -> QWidget | None:
        """Open the dialog a step needs and return it; Log call is the window's own action
        (as in the tray), so its dialog is the window's and None comes back."""
        from soloservice.ui.features.forms import FormsFeature
        from soloservice.ui.features.mail import MailFeature
        from soloservice.ui.features.settings import SettingsFeature

        window = self.window
        if key == "mail":
            dialog = window.feature("mail", MailFeature).open_accounts()
            dialog.changed.connect(self.refresh)
            return dialog
        if key == "hours":
            settings = window.feature("settings", SettingsFeature).open()
            settings.show_page(HOURS_PAGE)
            return settings
        if key == "form":
            wizard = window.feature("forms", FormsFeature).open_csv_wizard()
            wizard.imported.connect(lambda _s: self.refresh())
            return wizard
        if key == "call":
            window.commands.log_call.trigger()
        return None

    # -- the assistant ---------------------------------------------------------------------

    def assistant_due(self) -> bool:
        ini = self.window.ui_settings
        if ini is not None and ini.value(SHOWN_KEY):
            return False
        named = bool(self.services.ctx.settings.business_name.strip())
        return not named and self.services.getting_started.steps().inquiries == 0

    def open_assistant(self) -> FirstStartAssistant:
        from soloservice.ui.first_start.assistant import FirstStartAssistant

        if self.assistant is not None:
            self.assistant.raise_()
            return self.assistant
        assistant = FirstStartAssistant(self.services, self.window.runner, self.window.widget)
        assistant.saved.connect(self._assistant_saved)
        assistant.finished.connect(self._assistant_closed)
        self.assistant = assistant
        assistant.open()
        return assistant

    def _assistant_saved(self, settings: Settings) -> None:
        from soloservice.ui.features.settings import SettingsFeature

        try:
            feature = self.window.feature("settings", SettingsFeature)
        except LookupError:  # a window built without its features
            self.window.apply_settings(settings)
        else:
            feature.apply(settings)  # views, the status-bar link, other features
        self.refresh()

    def _assistant_closed(self, result: int) -> None:
        assistant, self.assistant = self.assistant, None
        ini = self.window.ui_settings
        if ini is not None:
            finished = assistant is not None and assistant.completed
            ini.setValue(SHOWN_KEY, "finished" if finished else "skipped")
            ini.sync()
        if assistant is not None:
            wants_csv = assistant.completed and assistant.wants_form_import()
            assistant.deleteLater()
            if wants_csv:
                self.open_step("form")
        self.refresh()


def install(window: FeatureHost) -> GettingStarted:
    return GettingStarted(window)
