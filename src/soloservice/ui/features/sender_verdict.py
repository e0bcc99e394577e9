"""Inquiry > This sender is spam (Ctrl+J) / Not a customer / Not automatic — a customer.

Newsletters, lists, spam and no-reply senders arrive as automatic mail (the "Automatic
mail" view): never promised, acknowledged, surveyed or counted. A verdict on a sender is
remembered, so their later mail is automatic too; every verdict is undone with Ctrl+Z.
Opening an automatic inquiry shows why it is automatic, with the way back for a real
customer the filters took for a machine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from soloservice.services.dto import InquiryDetail, SenderVerdictChange
from soloservice.ui.features._shared import feature_action
from soloservice.ui.inquiry_operations import ServiceCommand

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

SPAM_SHORTCUT = "Ctrl+J"  # Thunderbird's junk key


class AutomaticPanel(QWidget):
    """Why this inquiry is automatic mail, and the button that says it is a customer."""

    def __init__(self, on_customer: Callable[[], None]) -> None:
        super().__init__()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = QLabel(
            QCoreApplication.translate(
                "SenderVerdictFeature",
                "Automatic mail is kept, but never promised, acknowledged, surveyed or "
                "counted in the review.",
            )
        )
        self.explain.setWordWrap(True)
        self.button = QPushButton(
            QCoreApplication.translate(
                "SenderVerdictFeature", "Not automatic — this is a &customer"
            )
        )
        self.button.setAutoDefault(False)
        self.button.clicked.connect(on_customer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.explain)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.detail: InquiryDetail | None = None

    def applies_to(self, detail: InquiryDetail | None) -> bool:
        return detail is not None and bool(detail.flags.automatic_reason)

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        self.detail = detail
        reason = detail.flags.automatic_reason if detail is not None else ""
        self.reason.setText(
            QCoreApplication.translate("SenderVerdictFeature", "Automatic mail: %1").replace(
                "%1", reason
            )
        )


class SenderVerdictFeature(QObject):
    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window.widget)
        self.window = window
        menu = window.menu("inquiry")
        menu.addSeparator()
        self.spam_action = feature_action(
            window,
            QCoreApplication.translate("SenderVerdictFeature", "This sender is s&pam"),
            SPAM_SHORTCUT,
            QCoreApplication.translate(
                "SenderVerdictFeature",
                "Their mail goes to Automatic mail from now on: no promise, no survey",
            ),
            lambda: self.set_verdict("spam"),
        )
        self.not_customer_action = feature_action(
            window,
            QCoreApplication.translate("SenderVerdictFeature", "Not a c&ustomer"),
            "",
            QCoreApplication.translate(
                "SenderVerdictFeature",
                "A supplier, a friend, a machine: their mail is automatic from now on",
            ),
            lambda: self.set_verdict("not_customer"),
        )
        self.customer_action = feature_action(
            window,
            QCoreApplication.translate(
                "SenderVerdictFeature", "Not automatic — this is a customer"
            ),
            "",
            QCoreApplication.translate(
                "SenderVerdictFeature",
                "Bring the inquiry back to the inbox and start its reply promise",
            ),
            self.not_automatic,
        )
        for action in (self.spam_action, self.not_customer_action, self.customer_action):
            menu.addAction(action)
        self.panel = AutomaticPanel(self.not_automatic)
        window.add_inquiry_tab(
            self.panel,
            QCoreApplication.translate("SenderVerdictFeature", "Automatic mail"),
            order=5,
        )
        window.inquiry_changed.connect(self._update)
        self._update(window.detail)

    def _update(self, detail: object) -> None:
        shown = detail if isinstance(detail, InquiryDetail) else None
        verdict = shown.flags.sender_verdict if shown is not None else ""
        automatic = shown is not None and bool(shown.flags.automatic_reason)
        self.spam_action.setEnabled(shown is not None and verdict != "spam")
        self.not_customer_action.setEnabled(shown is not None and verdict != "not_customer")
        self.customer_action.setEnabled(shown is not None and (automatic or bool(verdict)))

    # -- the changes ----------------------------------------------------------------------------

    def set_verdict(self, verdict: str) -> None:
        detail = self.window.detail
        if detail is None:
            return
        senders = self.window.services.senders
        inquiry_id = detail.id
        name = detail.customer.name
        text = (
            QCoreApplication.translate("SenderVerdictFeature", "Marked %1 as spam")
            if verdict == "spam"
            else QCoreApplication.translate("SenderVerdictFeature", "Marked %1 as not a customer")
        ).replace("%1", name)
        self._run(
            lambda: senders.set_verdict_for_inquiry(inquiry_id, verdict),
            text,
            inquiry_id,
        )

    def not_automatic(self) -> None:
        detail = self.window.detail
        if detail is None:
            return
        senders = self.window.services.senders
        inquiry_id = detail.id
        text = QCoreApplication.translate(
            "SenderVerdictFeature", "#%1 is a customer's inquiry"
        ).replace("%1", str(inquiry_id))
        self._run(lambda: senders.not_automatic(inquiry_id), text, inquiry_id)

    def _run(self, job: Callable[[], SenderVerdictChange], text: str, inquiry_id: int) -> None:
        ops = self.window.ops
        senders = self.window.services.senders

        def done(change: object) -> None:
            assert isinstance(change, SenderVerdictChange)
            ops.push_done(ServiceCommand(ops, text, inquiry_id, change, senders.undo, job))

        self.window.runner.run_task(job, done, ops.report_error)


def install(window: FeatureHost) -> SenderVerdictFeature:
    return SenderVerdictFeature(window)
