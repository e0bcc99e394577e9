"""The reply templates dialog's preview: the template being edited, filled in for the
inquiry selected in the main window (or as written, without one), and what is empty there.

The inquiry's detail is read once per inquiry and kept: the preview follows every keystroke
in the editor, and re-reading the inquiry, its customer and identities for each one was a
burst of GUI-thread SELECTs while typing. ``forget()`` drops it (the dialog calls it when it
is hidden and when the main window says the inquiry changed). Part of the dialog in
manager.py; its strings keep the "TemplateManager" translation context they had there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from soloservice.domain.templates import Template, TemplateError, render_template
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.services.templates import template_values


class TemplatePreview(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("TemplateManager", "Preview"), parent)
        self.services = services
        #: (inquiry id, its detail or why it cannot be read), read once per inquiry
        self._detail: tuple[int, InquiryDetail | str] | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("templatePreview")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)

    def show_template(self, template: Template, inquiry_id: int | None) -> None:
        if inquiry_id is None:
            self.heading.setText(
                QCoreApplication.translate(
                    "TemplateManager", "Select an inquiry to see the template filled in."
                )
            )
            self.text.setPlainText(template.body)
            return
        detail = self.detail(inquiry_id)  # the inquiry, or why it cannot be read
        rendered, problem = None, detail if isinstance(detail, str) else ""
        if not isinstance(detail, str):
            try:
                rendered = render_template(template, template_values(self.services.ctx, detail))
            except TemplateError as exc:
                problem = str(exc)
        if rendered is None:
            self.heading.setText(
                QCoreApplication.translate("TemplateManager", "Cannot preview: %1").replace(
                    "%1", problem
                )
            )
            self.text.setPlainText("")
            return
        title = QCoreApplication.translate(
            "TemplateManager", "For inquiry #%1 — subject: %2"
        ).replace("%1", str(inquiry_id))
        title = title.replace("%2", rendered.subject)
        if rendered.empty:
            title += "\n" + QCoreApplication.translate("TemplateManager", "Empty here: %1").replace(
                "%1", ", ".join("{" + n + "}" for n in rendered.empty)
            )
        self.heading.setText(title)
        self.text.setPlainText(rendered.body)

    def detail(self, inquiry_id: int) -> InquiryDetail | str:
        """The inquiry's detail (or why it cannot be read), read only when another inquiry
        is chosen or after ``forget``."""
        if self._detail is None or self._detail[0] != inquiry_id:
            try:
                found: InquiryDetail | str = self.services.inquiries.get(inquiry_id)
            except ServiceError as exc:
                found = str(exc)
            self._detail = (inquiry_id, found)
        return self._detail[1]

    def knows_inquiry(self) -> bool:
        return self._detail is not None

    def forget(self) -> None:
        """Read the inquiry again next time (it may have changed since)."""
        self._detail = None
