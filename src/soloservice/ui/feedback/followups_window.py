"""The Follow-ups window: every "are you satisfied?" check, sending the due ones, recording
answers in two keystrokes and classifying the unclear ones.

The window never touches the main list itself: it emits ``changed(message)`` after any change
(the feature reloads the main window) and ``open_inquiry(id)`` for a double-click.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.outbox_dto import OutboxResult
from soloservice.services.registry import Services
from soloservice.services.survey_dto import AnswerResult, SendSummary, SurveyView
from soloservice.ui.feedback import labels as lb
from soloservice.ui.feedback.answer_bar import AnswerBar
from soloservice.ui.feedback.common import RECORDABLE, error_text
from soloservice.ui.feedback.survey_model import Column, SurveyModel
from soloservice.ui.headers import keep_titles_readable
from soloservice.ui.plain_text import plain_label
from soloservice.ui.tasks import TaskRunner

#: Keys that act on the selected check (no modifier): answer yes / no, classify.
ANSWER_KEYS = {Qt.Key.Key_Y: "y", Qt.Key.Key_N: "n", Qt.Key.Key_C: "c"}


class SurveyTable(QTableView):
    """A table that turns Y / N / C into commands and Enter into "open the case"."""

    command = Signal(str)
    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in ANSWER_KEYS:
            self.command.emit(ANSWER_KEYS[Qt.Key(event.key())])
            event.accept()
            return
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def send_message(summary: SendSummary, sent: OutboxResult | None) -> str:
    """ "4 sent, 2 to ask in person" — and what did not go as planned."""
    text = (
        QCoreApplication.translate("feedback", "%1 sent, %2 to ask in person")
        .replace("%1", str(summary.queued if sent is None else sent.sent))
        .replace("%2", str(summary.in_person))
    )
    if sent is not None and sent.sent < summary.queued:
        waiting = summary.queued - sent.sent
        text += "; " + QCoreApplication.translate("feedback", "%1 waiting in the outbox").replace(
            "%1", str(waiting)
        )
        if sent.errors:
            text += f" ({sent.errors[0]})"
    if summary.skipped:
        text += "; " + QCoreApplication.translate("feedback", "%1 skipped").replace(
            "%1", str(summary.skipped)
        )
    if summary.errors:
        text += "; " + summary.errors[0]
    return text


class FollowupsWindow(QWidget):
    #: data changed (an answer, sent checks): the main window reloads; the message is for it
    changed = Signal(str)
    #: an answer was stored (the AnswerResult), for whoever wants to follow up
    answered = Signal(object)
    #: the due checks were sent (the status line text)
    sent = Signal(str)
    #: the founder wants to see this inquiry in the main window
    open_inquiry = Signal(int)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.runner = runner
        self.setWindowTitle(QCoreApplication.translate("feedback", "Follow-ups — SoloService"))
        self.resize(1100, 600)

        self.model = SurveyModel(services.ctx.tz, services.ctx.now())
        self.filter = QComboBox()
        self.filter.setAccessibleName(QCoreApplication.translate("feedback", "Show"))
        filter_label = QLabel(QCoreApplication.translate("feedback", "S&how:"))
        filter_label.setBuddy(self.filter)
        self.send_button = QPushButton(
            QCoreApplication.translate("feedback", "&Send due checks by mail")
        )
        self.send_button.setToolTip(
            QCoreApplication.translate(
                "feedback",
                "Mail the due checks to email and form customers; the others are asked in person",
            )
        )
        self.refresh_button = QPushButton(QCoreApplication.translate("feedback", "&Refresh"))
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.setToolTip(
            QCoreApplication.translate("feedback", "Read the checks again (F5)")
        )

        self.table = SurveyTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(QCoreApplication.translate("feedback", "Follow-up checks"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (Column.STATE, 120),
            (Column.CUSTOMER, 150),
            (Column.CASE, 260),
            (Column.CHANNEL, 100),
            (Column.WHEN, 130),
            (Column.HOW, 110),
        ):
            self.table.setColumnWidth(column, width)
        keep_titles_readable(self.table)

        self.keys_hint = QLabel(
            QCoreApplication.translate(
                "feedback",
                "Y / N: the customer's answer, then a score 0–10 and Enter · "
                "C: classify an unclear answer · Enter or double-click: open the case",
            )
        )
        self.keys_hint.setStyleSheet("color:#6b7280;")
        self.keys_hint.setWordWrap(True)
        self.answer_bar = AnswerBar()
        self.status_line = plain_label(QLabel())  # may quote a customer's answer
        self.status_line.setObjectName("followupsStatus")
        self.status_line.setWordWrap(True)
        self.status_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line.setMinimumHeight(22)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answer_bar)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.status_line)

        self.filter.currentIndexChanged.connect(self._filter_chosen)
        self.send_button.clicked.connect(self.send_due)
        self.refresh_button.clicked.connect(self.reload)
        self.table.command.connect(self._command)
        self.table.open_requested.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.answer_bar.submitted.connect(self._submit)
        self.answer_bar.cancelled.connect(lambda: self.table.setFocus())
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected()
        self.model.set_surveys(self.services.surveys.list(), self.services.ctx.now())
        self._fill_filter()
        if selected is not None:
            self.select(selected.id)
        elif self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _fill_filter(self) -> None:
        counts = self.model.counts()
        current = self.model.state_filter
        self.filter.blockSignals(True)
        self.filter.clear()
        total = sum(counts.values())
        self.filter.addItem(f"{lb.filter_name(None)} ({total})", None)
        for state in lb.STATE_KEYS:
            self.filter.addItem(f"{lb.state_name(state)} ({counts.get(state, 0)})", state)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)

    def _filter_chosen(self, index: int) -> None:
        data: Any = self.filter.itemData(index)
        self.show_state(data if isinstance(data, str) else None)

    def show_state(self, state: str | None) -> None:
        """Show only checks in this state ("due", "unclear", ...; None: all)."""
        self.model.set_filter(state)
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(max(0, self.filter.findData(state)))
        self.filter.blockSignals(False)
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def selected(self) -> SurveyView | None:
        index = self.table.currentIndex()
        return self.model.survey_at(index.row()) if index.isValid() else None

    def select(self, survey_id: int) -> bool:
        row = self.model.row_of(survey_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_selected(self) -> None:
        survey = self.selected()
        if survey is None:
            return
        target = survey.inquiry_id if survey.kind == "followup" else survey.followup_inquiry_id
        if target is not None:
            self.open_inquiry.emit(target)

    # -- answering ----------------------------------------------------------------------------

    def _command(self, key: str) -> None:
        survey = self.selected()
        if survey is None:
            return
        if survey.status not in RECORDABLE:
            why = (
                QCoreApplication.translate("feedback", "This check is already answered.")
                if survey.status == "answered"
                else QCoreApplication.translate("feedback", "This check was skipped: %1").replace(
                    "%1", survey.skip_reason
                )
            )
            self.status_line.setText(why)
            return
        if key == "c" and survey.status != "unclear":
            self.status_line.setText(
                QCoreApplication.translate(
                    "feedback", "Only unclear answers are classified; Y or N records one."
                )
            )
            return
        satisfied = {"y": True, "n": False}.get(key)
        self.answer_bar.start(survey, satisfied)

    def begin_answer(self, survey_id: int, satisfied: bool | None) -> None:
        """Open the answer field for a check (what Y / N do on the selected row)."""
        if self.select(survey_id):
            self._command({True: "y", False: "n"}.get(satisfied, "c"))  # type: ignore[arg-type]

    def _submit(
        self, survey: SurveyView, satisfied: bool | None, score: int | None, comment: str
    ) -> None:
        surveys = self.services.surveys
        self.answer_bar.setEnabled(False)
        if survey.status == "unclear":

            def job() -> AnswerResult:
                return surveys.classify_unclear(survey.id, satisfied, score)
        else:

            def job() -> AnswerResult:
                return surveys.record_answer(survey.id, satisfied, score, comment)

        self.runner.run_task(job, self._saved, self._save_failed)

    def _saved(self, result: AnswerResult) -> None:
        self.answer_bar.setEnabled(True)
        self.answer_bar.close_bar()
        message = lb.result_message(result)
        self.status_line.setText(message)
        self.reload()
        self.select(result.survey.id)
        self.table.setFocus()
        self.changed.emit(message)
        self.answered.emit(result)

    def _save_failed(self, error: BaseException) -> None:
        self.answer_bar.setEnabled(True)
        self.answer_bar.show_error(error_text(error))  # what was typed stays in the bar

    # -- sending ------------------------------------------------------------------------------

    def send_due(self) -> None:
        surveys, outbox = self.services.surveys, self.services.outbox

        def job() -> tuple[SendSummary, OutboxResult | None]:
            summary = surveys.send_due()
            return summary, (outbox.send_pending() if summary.queued else None)

        self.send_button.setEnabled(False)
        self.status_line.setText(QCoreApplication.translate("feedback", "Sending the due checks…"))
        # queues (its own transactions), then waits on SMTP: never ahead of the database lane
        self.runner.run_network_task(job, self._sent, self._send_failed)

    def _sent(self, result: tuple[SendSummary, OutboxResult | None]) -> None:
        self.send_button.setEnabled(True)
        message = send_message(*result)
        self.status_line.setText(message)
        self.reload()
        self.changed.emit(message)
        self.sent.emit(message)

    def _send_failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        message = error_text(error)
        self.status_line.setText(message)
        self.reload()
        self.sent.emit(message)
