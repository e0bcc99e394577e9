"""The empty inbox's "what to do next" list: four first steps, each a link to its dialog.

Shown instead of the inquiry list while the store holds no inquiry at all (a new founder's
first look); once there is one, the list comes back and shows "Inbox zero" when all is
answered. The ticks come from the store (services/getting_started.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from soloservice.services.getting_started import StartSteps
from soloservice.ui.style import HINT_STYLE, OK_STYLE

#: the steps in the order shown: key, StartSteps attribute
STEPS = (
    ("mail", "mail_connected"),
    ("hours", "hours_saved"),
    ("form", "form_imported"),
    ("call", "call_logged"),
)


class StepRow:
    def __init__(self, key: str, text: str, hint: str) -> None:
        self.key = key
        self.tick = QLabel()
        self.tick.setFixedWidth(22)
        self.tick.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton(text)
        self.button.setObjectName(f"step_{key}")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setStyleSheet(
            "QPushButton { color:#1d4ed8; text-decoration: underline; text-align: left;"
            " padding: 2px; }"
        )
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.done = False

    def set_done(self, done: bool) -> None:
        self.done = done
        self.tick.setText("✔" if done else "○")
        self.tick.setStyleSheet(OK_STYLE + "font-weight:bold;" if done else HINT_STYLE)
        self.tick.setAccessibleName(
            QCoreApplication.translate("GettingStarted", "Done")
            if done
            else QCoreApplication.translate("GettingStarted", "Not done yet")
        )


class StartChecklist(QFrame):
    """``step_clicked(key)``: "mail", "hours", "form" or "call"."""

    step_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startChecklist")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(
            QCoreApplication.translate("GettingStarted", "Welcome to SoloService — what to do next")
        )
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        title.setWordWrap(True)
        intro = QLabel(
            QCoreApplication.translate(
                "GettingStarted",
                "No inquiries yet. These steps bring your customers' messages in; "
                "each can be done later.",
            )
        )
        intro.setWordWrap(True)
        texts = {
            "mail": (
                QCoreApplication.translate("GettingStarted", "Connect your mailbox…"),
                QCoreApplication.translate(
                    "GettingStarted",
                    "Mail to your business address becomes inquiries with a reply promise.",
                ),
            ),
            "hours": (
                QCoreApplication.translate("GettingStarted", "Set your business hours…"),
                QCoreApplication.translate(
                    "GettingStarted", "Promised reply times count only the hours you are open."
                ),
            ),
            "form": (
                QCoreApplication.translate("GettingStarted", "Import a form export (CSV)…"),
                QCoreApplication.translate(
                    "GettingStarted",
                    "Entries from your website's contact form, exported as a CSV file.",
                ),
            ),
            "call": (
                QCoreApplication.translate("GettingStarted", "Log a first call…"),
                QCoreApplication.translate(
                    "GettingStarted", "Phone calls you took, so call-backs get a promise too."
                ),
            ),
        }
        self.rows: dict[str, StepRow] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        for n, (key, _attr) in enumerate(STEPS):
            text, hint = texts[key]
            row = StepRow(key, text, hint)
            row.set_done(False)
            row.button.clicked.connect(lambda _c=False, k=key: self.step_clicked.emit(k))
            grid.addWidget(row.tick, 2 * n, 0)
            grid.addWidget(row.button, 2 * n, 1, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(row.hint, 2 * n + 1, 1)
            self.rows[key] = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_steps(self, steps: StartSteps) -> None:
        for key, attr in STEPS:
            self.rows[key].set_done(bool(getattr(steps, attr)))

    def done_keys(self) -> set[str]:
        return {key for key, row in self.rows.items() if row.done}
