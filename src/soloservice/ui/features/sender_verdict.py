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
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from soloservice.services.dto import InquiryDetail, SenderVerdictChange
from soloservice.ui.features._undo import push_done

if TYPE_CHECKING:
    from soloservice.ui.main_window import MainWindow

SPAM_SHORTCUT = "Ctrl+J"  # Thunderbird's junk key


def _tr(text: str) -> str:
    return QCoreApplication.translate("SenderVerdictFeature", text)


class AutomaticPanel(QWidget):
    """Why this inquiry is automatic mail, and the button that says it is a customer."""

    def __init__(self, on_customer: Callable[[], None]) -> None:
        super().__init__()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = QLabel(
            _tr(
                "Automatic mail is kept, but never promised, acknowledged, surveyed or "
                "counted in the review."
            )
        )
        self.explain.setWordWrap(True)
        self.button = QPushButton(_tr("Not automatic — this is a &customer"))
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
        self.reason.setText(_tr("Automatic mail: %1").replace("%1", reason))


class SenderVerdictFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.menu("inquiry")
        menu.addSeparator()
        self.spam_action = QAction(_tr("This sender is s&pam"), window)
        self.spam_action.setShortcut(QKeySequence(SPAM_SHORTCUT))
        self.spam_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.spam_action.setStatusTip(
            _tr("Their mail goes to Automatic mail from now on: no promise, no survey")
        )
        self.spam_action.triggered.connect(lambda: self.set_verdict("spam"))
        self.not_customer_action = QAction(_tr("Not a c&ustomer"), window)
        self.not_customer_action.setStatusTip(
            _tr("A supplier, a friend, a machine: their mail is automatic from now on")
        )
        self.not_customer_action.triggered.connect(lambda: self.set_verdict("not_customer"))
        self.customer_action = QAction(_tr("Not automatic — this is a customer"), window)
        self.customer_action.setStatusTip(
            _tr("Bring the inquiry back to the inbox and start its reply promise")
        )
        self.customer_action.triggered.connect(self.not_automatic)
        for action in (self.spam_action, self.not_customer_action, self.customer_action):
            menu.addAction(action)
            window.addAction(action)
        self.panel = AutomaticPanel(self.not_automatic)
        window.add_inquiry_tab(self.panel, _tr("Automatic mail"), order=5)
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
            _tr("Marked %1 as spam") if verdict == "spam" else _tr("Marked %1 as not a customer")
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
        text = _tr("#%1 is a customer's inquiry").replace("%1", str(inquiry_id))
        self._run(lambda: senders.not_automatic(inquiry_id), text, inquiry_id)

    def _run(self, job: Callable[[], SenderVerdictChange], text: str, inquiry_id: int) -> None:
        ops = self.window.ops
        senders = self.window.services.senders

        def done(change: object) -> None:
            assert isinstance(change, SenderVerdictChange)
            push_done(ops, text, inquiry_id, change, senders.undo, job)

        self.window.runner.run_task(job, done, ops._error)


def install(window: MainWindow) -> SenderVerdictFeature:
    return SenderVerdictFeature(window)
