"""The "Follow-up" tab under the conversation: the check's state for this case, the untick,
quick answer buttons, and the closed-loop banner that says when to call back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Status
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.survey_dto import AnswerResult, SurveyView
from soloservice.ui import formatting as fmt
from soloservice.ui.feedback import labels as lb
from soloservice.ui.feedback.common import RECORDABLE, error_text
from soloservice.ui.tasks import TaskRunner

BANNER_STYLE = (
    "background:#fde8e8; color:#991b1b; border:1px solid #f5b5b5; border-radius:4px;"
    "padding:6px 8px; font-weight:bold;"
)
PROMOTER_STYLE = (
    "background:#e7f6ea; color:#1f6b2e; border:1px solid #b5dfbf; border-radius:4px;"
    "padding:6px 8px;"
)


class FollowupPanel(QWidget):
    """Emits ``changed(message, inquiry_id)`` after it stored something."""

    changed = Signal(str, int)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.tz = services.ctx.tz
        self.detail: InquiryDetail | None = None
        self.survey: SurveyView | None = None

        self.banner = QLabel()
        self.banner.setObjectName("closedLoopBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.promoter = QLabel(
            QCoreApplication.translate("feedback", "Happy customer: ask for a review or a referral")
        )
        self.promoter.setObjectName("promoterHint")
        self.promoter.setStyleSheet(PROMOTER_STYLE)
        self.promoter.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ask = QCheckBox(
            QCoreApplication.translate(
                "feedback", "&Ask whether the customer is satisfied when resolved"
            )
        )
        self.ask.setToolTip(
            QCoreApplication.translate(
                "feedback",
                "Untick when asking would be out of place for this case (it is still stored why)",
            )
        )
        self.yes = QPushButton(QCoreApplication.translate("feedback", "Satisfied"))
        self.no = QPushButton(QCoreApplication.translate("feedback", "Not satisfied"))
        self.yes.setToolTip(
            QCoreApplication.translate(
                "feedback", "The customer said they are satisfied (asked in person)"
            )
        )
        self.no.setToolTip(
            QCoreApplication.translate(
                "feedback",
                "The customer is not satisfied: the case reopens for a call-back within 24 h",
            )
        )
        self.score = QComboBox()
        self.score.setAccessibleName(QCoreApplication.translate("feedback", "Score"))
        self.score.addItem(QCoreApplication.translate("feedback", "no score"), None)
        for value in range(10, -1, -1):
            self.score.addItem(str(value), value)
        score_label = QLabel(QCoreApplication.translate("feedback", "Sc&ore:"))
        score_label.setBuddy(self.score)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c;")
        self.error.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(QLabel(QCoreApplication.translate("feedback", "Record an answer:")))
        buttons.addWidget(score_label)
        buttons.addWidget(self.score)
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addWidget(self.promoter)
        layout.addWidget(self.state)
        layout.addWidget(self.ask)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.ask.toggled.connect(self._ask_toggled)
        self.yes.clicked.connect(lambda: self.record(True))
        self.no.clicked.connect(lambda: self.record(False))
        self.set_inquiry(None)

    # -- showing ------------------------------------------------------------------------------

    def set_inquiry(self, detail: InquiryDetail | None) -> None:
        self.detail = detail
        self.error.clear()
        self.survey = None
        if detail is not None:
            checks = [
                s for s in self.services.surveys.for_inquiry(detail.id) if s.kind == "followup"
            ]
            self.survey = checks[-1] if checks else None
        self._show()

    def refresh(self) -> None:
        """Read the inquiry again (after the list reloaded); keeps nothing stale."""
        if self.detail is None:
            return
        try:
            detail = self.services.inquiries.get(self.detail.id)
        except ServiceError:  # deleted meanwhile: show nothing
            detail = None
        self.set_inquiry(detail)

    def _show(self) -> None:
        d = self.detail
        self.setEnabled(d is not None)
        self.ask.blockSignals(True)
        self.ask.setChecked(d is not None and not d.skip_followup)
        self.ask.blockSignals(False)
        if d is None:
            self.banner.hide()
            self.promoter.hide()
            self.state.setText(QCoreApplication.translate("feedback", "No inquiry selected"))
            return
        open_loop = d.closed_loop and d.status in (Status.NEW, Status.OPEN)
        if open_loop:
            due = (
                fmt.long_time(d.due_at, self.tz)
                if d.due_at
                else QCoreApplication.translate("feedback", "as soon as possible")
            )
            text = QCoreApplication.translate(
                "feedback", "Unhappy answer: call back by %1"
            ).replace("%1", due)
            if d.at_risk_public:
                text += "\n" + QCoreApplication.translate(
                    "feedback", "At risk of a public complaint"
                )
            self.banner.setText(text)
        self.banner.setVisible(open_loop)
        self.promoter.setVisible(self.survey is not None and self.survey.ask_for_review)
        self.state.setText(self._state_text())
        can_record = self.survey is not None and self.survey.status in RECORDABLE
        for widget in (self.yes, self.no, self.score):
            widget.setEnabled(can_record)

    def _state_text(self) -> str:
        s = self.survey
        if s is None:
            return QCoreApplication.translate(
                "feedback", "No satisfaction check yet: one is scheduled when the case is resolved."
            )
        how = lb.how_to_ask(s).lower()
        if s.status == "scheduled":
            when = fmt.long_time(s.scheduled_for, self.tz)
            return (
                QCoreApplication.translate("feedback", "Check scheduled for %1 (%2)")
                .replace("%1", when)
                .replace("%2", how)
            )
        if s.status == "asked":
            return QCoreApplication.translate(
                "feedback", "Asked %1 — waiting for the answer"
            ).replace("%1", fmt.long_time(s.asked_at, self.tz))
        if s.status == "unclear":
            return QCoreApplication.translate(
                "feedback", "The answer was unclear — classify it in Follow-ups (Ctrl+Shift+F)"
            )
        if s.status == "skipped":
            return QCoreApplication.translate("feedback", "Not asked: %1").replace(
                "%1", s.skip_reason
            )
        return (
            QCoreApplication.translate("feedback", "Answered %1: %2")
            .replace("%1", fmt.long_time(s.answered_at, self.tz))
            .replace("%2", lb.answer_text(s))
        )

    # -- changing -----------------------------------------------------------------------------

    def _ask_toggled(self, checked: bool) -> None:
        if self.detail is None:
            return
        inquiry_id = self.detail.id
        surveys = self.services.surveys
        message = (
            QCoreApplication.translate(
                "feedback", "#%1: the customer will be asked when it is resolved"
            )
            if checked
            else QCoreApplication.translate("feedback", "#%1: the customer will not be asked")
        ).replace("%1", str(inquiry_id))

        def failed(error: BaseException) -> None:
            self.error.setText(error_text(error))
            self.refresh()

        self.runner.run_task(
            lambda: surveys.set_skip(inquiry_id, not checked),
            lambda _view: self.changed.emit(message, inquiry_id),
            failed,
        )

    def record(self, satisfied: bool) -> None:
        survey, detail = self.survey, self.detail
        if survey is None or detail is None:
            return
        score = self.score.currentData()
        surveys = self.services.surveys
        if survey.status == "unclear":

            def job() -> AnswerResult:
                return surveys.classify_unclear(survey.id, satisfied, score)
        else:

            def job() -> AnswerResult:
                return surveys.record_answer(survey.id, satisfied, score)

        def done(result: AnswerResult) -> None:
            self.score.setCurrentIndex(0)
            self.changed.emit(lb.result_message(result), detail.id)

        self.runner.run_task(job, done, lambda e: self.error.setText(error_text(e)))
