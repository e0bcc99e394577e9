"""Acknowledgements and promise explanations in the main window.

Inquiry > Acknowledge… (Ctrl+K, also on the toolbar) and Inquiry > Explain promise (Ctrl+I);
with "acknowledge automatically" on in the settings, every reload queues and sends the
acknowledgement for new email and form inquiries of the last 24 hours, once each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from soloservice.domain.types import Status
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.ui.actions import set_tip
from soloservice.ui.features._shared import feature_action, open_dialog

if TYPE_CHECKING:
    from soloservice.services.promises import AutoAckOutcome
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.templates.ack_dialog import AckDialog, PromiseDialog

ACK_SHORTCUT = "Ctrl+K"
EXPLAIN_SHORTCUT = "Ctrl+I"


class AckFeature(QObject):
    #: an automatic round finished (tests wait on it)
    auto_done = Signal(object)

    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window.widget)
        self.window = window
        self.dialog: AckDialog | None = None
        self.explain_dialog: PromiseDialog | None = None
        self.attempted: set[int] = set()
        self._running = False
        self._again = False

        self.ack_action = feature_action(
            window,
            QCoreApplication.translate("AckFeature", "Ac&knowledge…"),
            ACK_SHORTCUT,
            QCoreApplication.translate(
                "AckFeature", "Tell the customer when they will hear from you"
            ),
            self.acknowledge,
            "resolved",
        )
        self.ack_action.setIconText(QCoreApplication.translate("AckFeature", "Acknowledge"))
        self.explain_action = feature_action(
            window,
            QCoreApplication.translate("AckFeature", "E&xplain promise…"),
            EXPLAIN_SHORTCUT,
            QCoreApplication.translate("AckFeature", "How the due time was counted"),
            self.explain,
        )
        menu = window.menu("inquiry")
        menu.addSeparator()
        menu.addAction(self.ack_action)
        menu.addAction(self.explain_action)
        toolbar = window.toolbar
        existing = toolbar.actions()
        # right after "Log call" and "New inquiry": the first thing to do with a new inquiry
        if len(existing) > 2:
            toolbar.insertAction(existing[2], self.ack_action)
        else:
            toolbar.addAction(self.ack_action)
        window.inquiry_changed.connect(self._update)
        window.data_changed.connect(self.run_auto)
        self._update(window.detail)

    def _update(self, detail: object) -> None:
        """Offered only while the customer waits for a reply; the tip says why not."""
        is_detail = isinstance(detail, InquiryDetail)
        active = (
            isinstance(detail, InquiryDetail)
            and detail.status in (Status.NEW, Status.OPEN)
            and detail.needs_reply_since is not None
        )
        self.ack_action.setEnabled(active)
        tip = QCoreApplication.translate(
            "AckFeature", "Tell the customer when they will hear from you"
        )
        if is_detail and not active:
            tip = QCoreApplication.translate(
                "AckFeature", "Nothing to acknowledge: the customer is not waiting for a reply"
            )
        set_tip(self.ack_action, tip)
        self.explain_action.setEnabled(is_detail)

    # -- manual -------------------------------------------------------------------------------

    def acknowledge(self) -> AckDialog | None:
        detail = self.window.detail
        if detail is None:
            return None
        services = self.window.services
        try:
            draft = services.promises.draft_acknowledgement(detail.id)
        except ServiceError as exc:
            self.window.show_error(str(exc))
            return None
        from soloservice.ui.templates.ack_dialog import AckDialog

        dialog = AckDialog(services, self.window.runner, detail, draft, self.window.widget)
        dialog.acknowledged.connect(self._acknowledged)
        self.dialog = open_dialog(dialog, self._closed)
        return dialog

    def _closed(self) -> None:
        self.dialog = None

    def _acknowledged(self, inquiry_id: int, message: str) -> None:
        self.window.after_change(message, inquiry_id)

    def explain(self) -> PromiseDialog | None:
        detail = self.window.detail
        if detail is None:
            return None
        services = self.window.services
        try:
            text = services.promises.explain(detail.id).text()
        except (ServiceError, ValueError) as exc:
            self.window.show_error(str(exc))
            return None
        from soloservice.ui.templates.ack_dialog import PromiseDialog, promise_state

        state = promise_state(detail, services.ctx.now(), services.ctx.settings.timezone)
        dialog = PromiseDialog(text, state, self.window.widget)
        dialog.setWindowTitle(
            QCoreApplication.translate("AckFeature", "Promise for #%1 — %2")
            .replace("%1", str(detail.id))
            .replace("%2", detail.subject)
        )
        self.explain_dialog = open_dialog(dialog, self._explain_closed)
        return dialog

    def _explain_closed(self) -> None:
        self.explain_dialog = None

    # -- automatic ----------------------------------------------------------------------------

    def run_auto(self) -> bool:
        """Start an automatic round if the setting is on; False when nothing was started."""
        services = self.window.services
        if not services.ctx.settings.auto_acknowledge:
            return False
        if self._running:
            self._again = True
            return False
        self._running = True
        skip = frozenset(self.attempted)
        # each case is its own queue-then-send: on the network lane, so SMTP never stalls edits
        self.window.runner.run_network_task(
            lambda: services.promises.auto_acknowledge(services.outbox, skip),
            self._auto_finished,
            self._auto_failed,
        )
        return True

    def _auto_finished(self, outcome: AutoAckOutcome) -> None:
        self._running = False
        self.attempted.update(outcome.considered)
        if outcome.errors:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("AckFeature", "Automatic acknowledgement: %1").replace(
                    "%1", "; ".join(outcome.errors)
                ),
                30_000,
            )
        elif outcome.sent:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "AckFeature", "Sent %1 automatic acknowledgements"
                ).replace("%1", str(outcome.sent)),
                15_000,
            )
        self.auto_done.emit(outcome)
        if outcome.queued:
            self.window.reload()  # runs us again; everything is in ``attempted`` by now
        elif self._again:
            self._again = False
            self.run_auto()

    def _auto_failed(self, exc: BaseException) -> None:
        self._running = False
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "AckFeature", "Automatic acknowledgement failed: %1"
            ).replace("%1", str(exc)),
            30_000,
        )
        from soloservice.services.promises import AutoAckOutcome

        self.auto_done.emit(AutoAckOutcome(errors=(str(exc),)))


def install(window: FeatureHost) -> AckFeature:
    return AckFeature(window)
