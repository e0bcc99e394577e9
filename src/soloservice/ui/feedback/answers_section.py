"""The customer card's "Satisfaction answers": every answer over time, one compact line each."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from soloservice.services.dto import CustomerCard
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui import formatting as fmt
from soloservice.ui.feedback import labels as lb

#: Older answers are summarised in a count; the card is not the place for a full history.
MAX_LINES = 8


class AnswersSection(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tz = services.ctx.tz
        self.customer_id: int | None = None
        self.title = QLabel(QCoreApplication.translate("feedback", "Satisfaction answers"))
        self.title.setStyleSheet("color:#6b7280; font-weight:bold;")
        self.lines = QLabel()
        self.lines.setObjectName("surveyAnswers")
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        self.set_customer(None)

    def set_customer(self, card: CustomerCard | None) -> None:
        self.customer_id = card.id if card is not None else None
        self.refresh()

    def refresh(self) -> None:
        if self.customer_id is None:
            self.hide()
            return
        self.show()
        try:
            history = self.services.surveys.customer_history(self.customer_id)
        except ServiceError:
            history = []
        answers = [s for s in history if s.status in ("answered", "unclear")]
        if not answers:
            self.lines.setText(
                "<span style='color:#6b7280'>"
                + escape(QCoreApplication.translate("feedback", "No answers yet"))
                + "</span>"
            )
            return
        rows: list[str] = []
        for s in reversed(answers[-MAX_LINES:]):  # newest first
            color = lb.answer_color(s)
            answer = escape(lb.answer_text(s))
            if color is not None:
                answer = f"<span style='color:{color.name()}'>{answer}</span>"
            when = escape(fmt.short_date(s.answered_at or s.asked_at, self.tz))
            kind = (
                escape(QCoreApplication.translate("feedback", "pulse")) if s.kind == "pulse" else ""
            )
            channel = escape(fmt.channel_name(s.channel))
            meta = " · ".join(p for p in (when, channel, kind) if p)
            rows.append(f"<span style='color:#6b7280'>{meta}</span>&nbsp; {answer}")
        more = len(answers) - MAX_LINES
        if more > 0:
            rows.append(
                escape(
                    QCoreApplication.translate("feedback", "… and %1 older").replace(
                        "%1", str(more)
                    )
                )
            )
        self.lines.setText("<br>".join(rows))
