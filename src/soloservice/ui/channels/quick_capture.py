"""File > Quick capture (Ctrl+Shift+C): a comment, a review or a DM seen elsewhere becomes
an inquiry in a few keystrokes — paste, Tab, channel, Tab, handle, Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import Channel, InquiryKind
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.channels.common import CtrlEnter, styled_label
from soloservice.ui.icons import channel_icon
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE
from soloservice.ui.tasks import TaskRunner


class QuickCaptureDialog(QDialog):
    """Emits ``captured(InquiryDetail)`` once the inquiry is stored."""

    captured = Signal(object)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.busy = False
        self.setWindowTitle(self.tr("Quick capture"))

        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Message text"))
        self.text_edit.setPlaceholderText(
            self.tr("Paste the comment, review or message here (Ctrl+V)")
        )
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.textChanged.connect(self._validate)
        text_label = QLabel(self.tr("&Text:"))
        text_label.setBuddy(self.text_edit)

        self.channel_combo = QComboBox()
        channels = [
            (Channel.FACEBOOK, self.tr("Facebook")),
            (Channel.INSTAGRAM, self.tr("Instagram")),
            (Channel.X, self.tr("X (Twitter)")),
            (Channel.FORM, self.tr("Review site / web / other")),
            (Channel.EMAIL, self.tr("Email (forwarded, printed…)")),
            (Channel.PHONE, self.tr("Phone / text message")),
        ]
        for channel, label in channels:
            self.channel_combo.addItem(channel_icon(channel), label, channel)
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)

        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. Trustpilot, Google review, letter"))
        self.source_label = QLabel(self.tr("&Where:"))
        self.source_label.setBuddy(self.source_edit)
        self.handle_edit = QLineEdit()
        self.handle_edit.textChanged.connect(self._validate)
        self.handle_label = QLabel(self.tr("&Handle:"))
        self.handle_label.setBuddy(self.handle_edit)
        self.handle_error = styled_label(style=ERROR_STYLE)
        self.handle_error.setObjectName("handleError")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("optional: as the person signs"))
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(self.tr("optional: link to the post or review"))

        self.kind_buttons = QButtonGroup(self)
        kinds = QHBoxLayout()
        for kind, label in (
            (InquiryKind.QUESTION, self.tr("&Question")),
            (InquiryKind.COMPLAINT, self.tr("Co&mplaint")),
            (InquiryKind.PRAISE, self.tr("&Praise")),
        ):
            button = QRadioButton(label)
            button.setProperty("kind", kind.value)
            self.kind_buttons.addButton(button)
            kinds.addWidget(button)
            button.setChecked(kind is InquiryKind.QUESTION)
        kinds.addStretch(1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(text_label, self.text_edit)
        channel_label = QLabel(self.tr("&Channel:"))
        channel_label.setBuddy(self.channel_combo)
        form.addRow(channel_label, self.channel_combo)
        form.addRow(self.source_label, self.source_edit)
        form.addRow(self.handle_label, self.handle_edit)
        form.addRow("", self.handle_error)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        link_label = QLabel(self.tr("&Link:"))
        link_label.setBuddy(self.url_edit)
        form.addRow(link_label, self.url_edit)
        form.addRow(self.tr("It is a:"), kinds)

        self.error = styled_label(style=ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Capture  (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.capture)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.capture)
        self.ctrl_enter = CtrlEnter(self.text_edit, self.capture)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.text_edit, self.channel_combo)
        self.setTabOrder(self.channel_combo, self.source_edit)
        self.setTabOrder(self.source_edit, self.handle_edit)
        self.setTabOrder(self.handle_edit, self.name_edit)
        self.setTabOrder(self.name_edit, self.url_edit)
        self._channel_changed()
        self.resize(560, 460)
        self.text_edit.setFocus()

    # -- state ---------------------------------------------------------------------------------

    def channel(self) -> Channel:
        value = self.channel_combo.currentData()
        return value if isinstance(value, Channel) else Channel(str(value))

    def kind(self) -> InquiryKind:
        button = self.kind_buttons.checkedButton()
        return InquiryKind(str(button.property("kind"))) if button else InquiryKind.QUESTION

    def _channel_changed(self, _index: int = 0) -> None:
        social = self.channel().is_social
        self.source_edit.setVisible(not social)
        self.source_label.setVisible(not social)
        if social:
            self.handle_label.setText(self.tr("&Handle:"))
            self.handle_edit.setPlaceholderText(self.tr("@handle or profile link"))
        else:
            self.handle_label.setText(self.tr("&Who:"))
            self.handle_edit.setPlaceholderText(
                self.tr("email, phone number or name (optional if the name is given)")
            )
        self._validate()

    def handle_problem(self) -> str:
        """Why the handle cannot be used ('' when it can, or is empty)."""
        return self.services.capture.handle_problem(self.channel(), self.handle_edit.text())

    def _validate(self) -> None:
        problem = self.handle_problem()
        self.handle_error.setText(problem)
        self.handle_error.setVisible(bool(problem))
        self.handle_edit.setStyleSheet(
            "QLineEdit { border: 1px solid #dc2626; }" if problem else ""
        )
        self.save_button.setEnabled(
            not self.busy and not problem and bool(self.text_edit.toPlainText().strip())
        )

    # -- saving --------------------------------------------------------------------------------

    def capture(self) -> None:
        self._validate()
        if not self.save_button.isEnabled():
            return
        channel, text, kind = self.channel(), self.text_edit.toPlainText(), self.kind()
        handle = self.handle_edit.text().strip() or None
        name = self.name_edit.text().strip() or None
        url = self.url_edit.text().strip() or None
        source = self.source_edit.text().strip() or None if not channel.is_social else None
        capture = self.services.capture
        self.busy = True
        self._validate()
        self.error.setStyleSheet(HINT_STYLE)
        self.error.setText(self.tr("Saving…"))
        self.runner.run_task(
            lambda: capture.capture(channel, text, handle, name, kind, url, source),
            self._done,
            self._failed,
        )

    def _done(self, detail: InquiryDetail) -> None:
        self.busy = False
        self.error.setStyleSheet(OK_STYLE)
        self.error.setText(self.tr("Captured as #%1").replace("%1", str(detail.id)))
        self.captured.emit(detail)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(str(error) if isinstance(error, ServiceError) else repr(error))
        self._validate()
