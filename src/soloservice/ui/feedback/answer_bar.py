"""The inline answer field of the Follow-ups window: Y or N, then a score, then Enter.

Built for the founder who just asked a customer on the phone: two keystrokes and the answer
is stored. The score and the comment are optional: Enter with an empty score stores the
yes/no alone. Esc cancels and stores nothing, as Esc does everywhere else (it used to save,
which stored half-typed answers when the founder only meant to back out).

For an unclear mail answer the bar shows what the customer wrote and why the reader would
not guess, so the founder classifies it from the text itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.services.survey_dto import SurveyView
from soloservice.ui.feedback import labels as lb


class AnswerBar(QFrame):
    """Emits ``submitted(survey, satisfied, score, comment)``; ``cancelled`` on Cancel."""

    submitted = Signal(object, object, object, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#answerBar { background: #f4f7fb; }")
        self.survey: SurveyView | None = None

        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.unclear_box = QWidget()
        unclear = QVBoxLayout(self.unclear_box)
        unclear.setContentsMargins(0, 0, 0, 0)
        unclear.setSpacing(2)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color:#a35c00;")
        self.customer_text = QPlainTextEdit()
        self.customer_text.setReadOnly(True)
        self.customer_text.setMaximumHeight(96)
        self.customer_text.setAccessibleName(
            QCoreApplication.translate("feedback", "What the customer wrote")
        )
        self.customer_text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        unclear.addWidget(QLabel(QCoreApplication.translate("feedback", "The customer wrote:")))
        unclear.addWidget(self.customer_text)
        unclear.addWidget(self.reason)

        self.yes = QPushButton(QCoreApplication.translate("feedback", "Yes (Y)"))
        self.no = QPushButton(QCoreApplication.translate("feedback", "No (N)"))
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(button)
        self.score = QLineEdit()
        self.score.setMaxLength(2)
        self.score.setFixedWidth(56)
        self.score.setPlaceholderText(QCoreApplication.translate("feedback", "0–10"))
        self.score.setAccessibleName(QCoreApplication.translate("feedback", "Score 0 to 10"))
        self.score.setToolTip(
            QCoreApplication.translate("feedback", "Optional score 0–10; Enter saves, Esc cancels")
        )
        score_label = QLabel(QCoreApplication.translate("feedback", "&Score:"))
        score_label.setBuddy(self.score)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(
            QCoreApplication.translate("feedback", "Comment (optional)")
        )
        self.comment.setAccessibleName(QCoreApplication.translate("feedback", "Comment"))
        self.comment_label = QLabel(QCoreApplication.translate("feedback", "Co&mment:"))
        self.comment_label.setBuddy(self.comment)
        self.filler = QWidget()
        self.save = QPushButton(QCoreApplication.translate("feedback", "Save"))
        self.save.setToolTip(QCoreApplication.translate("feedback", "Save the answer (Enter)"))
        self.cancel = QPushButton(QCoreApplication.translate("feedback", "Cancel"))
        self.cancel.setToolTip(QCoreApplication.translate("feedback", "Close without saving (Esc)"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel(
            QCoreApplication.translate(
                "feedback", "Enter saves (the score is optional) · Esc cancels"
            )
        )
        self.hint.setStyleSheet("color:#6b7280;")

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(QCoreApplication.translate("feedback", "Satisfied?")))
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addSpacing(12)
        row.addWidget(score_label)
        row.addWidget(self.score)
        row.addSpacing(12)
        row.addWidget(self.comment_label)
        row.addWidget(self.comment, 1)
        row.addWidget(self.filler, 1)
        row.addWidget(self.save)
        row.addWidget(self.cancel)
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.unclear_box, 1, 0)
        layout.addLayout(row, 2, 0)
        layout.addWidget(self.hint, 3, 0)
        layout.addWidget(self.error, 4, 0)

        self.save.clicked.connect(lambda: self.submit(with_score=True))
        self.cancel.clicked.connect(self.close_bar)
        self.score.installEventFilter(self)
        self.comment.installEventFilter(self)
        self.setFocusProxy(self.score)
        self.hide()

    # -- opening ------------------------------------------------------------------------------

    def start(self, survey: SurveyView, satisfied: bool | None) -> None:
        self.survey = survey
        classify = survey.status == "unclear"
        who = survey.customer_name or QCoreApplication.translate("feedback", "(unknown)")
        case = lb.case_text(survey)
        title = (
            QCoreApplication.translate("feedback", "Classify the answer of %1")
            if classify
            else QCoreApplication.translate("feedback", "Answer of %1")
        )
        self.title.setText(title.replace("%1", who) + (f" — {case}" if case else ""))
        self.unclear_box.setVisible(classify)
        self.customer_text.setPlainText(survey.answer_text.strip() or survey.comment)
        self.reason.setText(
            QCoreApplication.translate("feedback", "Why it was not read automatically: %1").replace(
                "%1",
                survey.skip_reason
                or QCoreApplication.translate("feedback", "no clear yes/no or score"),
            )
        )
        self.comment.setVisible(not classify)
        self.comment_label.setVisible(not classify)
        self.filler.setVisible(classify)
        self.comment.clear()
        self.score.clear()
        self.set_satisfied(satisfied)
        self.error.hide()
        self.show()
        self.score.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_satisfied(self, satisfied: bool | None) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(satisfied is True)
        self.no.setChecked(satisfied is False)
        self.group.setExclusive(True)

    def satisfied(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    # -- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if watched is self.score and plain and key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            self.set_satisfied(key == Qt.Key.Key_Y)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit(with_score=True)
            return True
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc with the focus on Save or Cancel cancels too (the fields have their filter)."""
        if event.key() == Qt.Key.Key_Escape and self.isVisible():
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- saving -------------------------------------------------------------------------------

    def submit(self, with_score: bool) -> None:
        if self.survey is None:
            return
        score: int | None = None
        text = self.score.text().strip()
        if with_score and text:
            try:
                score = int(text)
            except ValueError:
                score = -1
            if not 0 <= score <= 10:
                self.show_error(
                    QCoreApplication.translate(
                        "feedback", "A score is a whole number from 0 to 10."
                    )
                )
                self.score.selectAll()
                return
        satisfied = self.satisfied()
        if satisfied is None and score is None:
            self.show_error(
                QCoreApplication.translate(
                    "feedback", "Press Y or N, or type a score from 0 to 10."
                )
            )
            return
        self.error.hide()
        self.submitted.emit(self.survey, satisfied, score, self.comment.text().strip())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def close_bar(self) -> None:
        self.survey = None
        self.hide()
        self.cancelled.emit()
