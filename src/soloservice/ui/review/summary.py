"""The weekly review's summary under the figures: the iceberg, the value at risk, remedies
and the NPS pulse, each number a link to the inquiries behind it.

Part of the review window (window.py); the strings use the "Review" translation context
like the rest of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from soloservice.domain.value import format_money
from soloservice.reports.labels import default_value_note, iceberg_text, month_name
from soloservice.services.review_dto import WeekReview


def ids_link(text: str, ids: tuple[int, ...]) -> str:
    """``text`` as a link to the inquiries ``ids`` (plain text without any)."""
    if not ids:
        return text
    return f'<a href="ids:{",".join(map(str, ids))}">{text}</a>'


def value_text(review: WeekReview) -> str:
    total = review.total
    value = format_money(total.value_at_risk.value, review.currency)
    note = default_value_note(
        total.value_at_risk.value, total.value_at_risk_default.value,
        review.value_defaults, review.currency,
    )  # fmt: skip
    if note:
        guessed = format_money(total.value_at_risk_default.value, review.currency)
        note = note.replace(guessed, ids_link(guessed, total.value_at_risk_default.ids), 1)
    return QCoreApplication.translate(
        "Review",
        "Value at risk: %1 — the lifetime value of customers with an open complaint "
        "or an unhappy answer.",
    ).replace("%1", ids_link(f"<b>{value}</b>", total.value_at_risk.ids)) + (
        f" {note}" if note else ""
    )


def remedy_text(review: WeekReview) -> str:
    remedies = review.remedies
    if not remedies.count:
        return QCoreApplication.translate("Review", "<b>Remedies:</b> none recorded this week.")
    parts = [
        f"{item.label} ×{item.count}: {format_money(item.cost, review.currency)}"
        for item in remedies.per_kind
    ]
    text = QCoreApplication.translate("Review", "<b>Remedies:</b> %1 — %2 in total.").replace(
        "%1", ids_link(", ".join(parts), remedies.total.ids)
    )
    text = text.replace("%2", format_money(remedies.total.value, review.currency))
    satisfied = remedies.satisfied_percent.value
    if satisfied is not None:
        text += " " + QCoreApplication.translate(
            "Review", "%1 % satisfied afterwards (%2 answers)."
        ).replace("%1", f"{satisfied:.0f}").replace("%2", str(remedies.followup_answers))
    if remedies.wrote_again.value:
        text += " " + QCoreApplication.translate("Review", "%1 wrote again since.").replace(
            "%1", ids_link(str(remedies.wrote_again.value), remedies.wrote_again.ids)
        )
    return text


def pulse_text(review: WeekReview) -> str:
    parts = []
    for month in review.pulse:
        if month.nps is None:
            parts.append(
                QCoreApplication.translate("Review", "%1: no answers yet").replace(
                    "%1", month_name(month.month)
                )
            )
        else:
            parts.append(
                QCoreApplication.translate("Review", "%1: NPS %2 from %3 answers")
                .replace("%1", month_name(month.month))
                .replace("%2", f"{month.nps:+.0f}")
                .replace("%3", str(month.answers))
            )
    return QCoreApplication.translate(
        "Review", "<b>NPS pulse</b> (customers asked at random): %1"
    ).replace("%1", "; ".join(parts))


class WeekSummary(QFrame):
    """Emits ``ids_activated(ids)`` when a linked number is clicked."""

    ids_activated = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.iceberg_label = QLabel()
        big = self.iceberg_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.iceberg_label.setFont(big)
        self.value_label = QLabel()
        self.remedy_label = QLabel()
        self.pulse_label = QLabel()
        layout = QGridLayout(self)
        layout.addWidget(self.iceberg_label, 0, 0, 1, 2)
        layout.addWidget(self.value_label, 1, 0, 1, 2)
        layout.addWidget(self.remedy_label, 2, 0)
        layout.addWidget(self.pulse_label, 2, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        for label in (self.iceberg_label, self.value_label, self.remedy_label, self.pulse_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.linkActivated.connect(self._link)

    def show_review(self, review: WeekReview) -> None:
        total = review.total
        self.iceberg_label.setText(
            ids_link(iceberg_text(total.silent_unhappy), total.complaints.ids)
        )
        self.value_label.setText(value_text(review))
        self.remedy_label.setText(remedy_text(review))
        self.pulse_label.setText(pulse_text(review))

    def _link(self, href: str) -> None:
        if href.startswith("ids:"):
            ids = [int(part) for part in href[4:].split(",") if part]
            if ids:
                self.ids_activated.emit(ids)
