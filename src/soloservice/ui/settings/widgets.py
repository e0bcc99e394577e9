"""Small helpers shared by the settings pages."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QTimeEdit, QWidget

from soloservice.ui.style import ERROR_STYLE


def hhmm(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


def to_qtime(text: str) -> QTime:
    hours, minutes = text.split(":")
    return QTime(int(hours), int(minutes))


def as_time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


def time_edit(parent: QWidget | None = None) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setKeyboardTracking(True)
    return edit


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
