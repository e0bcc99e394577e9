"""Finding the caller while the number is typed: the call dialog's customer matching.

Split from ``call_dialog.py`` to keep it short. The number is normalised as it is typed so
a mistyped digit shows before saving; a number in a range the phone library does not know
is shown as a warning, not an error (it is saved). Typing part of a number or a name lists
matching customers; a complete number that belongs to exactly one customer picks them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit

from soloservice.domain.identity import (
    InvalidIdentity,
    format_phone,
    looks_like_phone,
    normalise_phone,
    phone_warning,
)
from soloservice.services.dto import CustomerMatch
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.style import ERROR_STYLE, HINT_STYLE, OK_STYLE, WARNING_STYLE

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerMatching:
    """Mixed into CallDialog (a QDialog): the widgets are the dialog's."""

    services: Services
    phone: QLineEdit
    phone_hint: QLabel
    name: QLineEdit
    notes: QPlainTextEdit
    match_list: QListWidget
    customer_hint: QLabel
    search_timer: QTimer
    customer_id: int | None
    matches: list[CustomerMatch]
    _picked: CustomerMatch | None

    def customer_changed(self) -> None:
        """The picked customer changed (or was dropped); the dialog offers their cases."""

    def normalised_phone(self) -> str | None:
        """E.164, "" when nothing is typed; None when what is typed is not a number."""
        text = self.phone.text().strip()
        if not text:
            return ""
        try:
            return normalise_phone(text, self.services.ctx.settings.phone_region)
        except InvalidIdentity:
            return None

    def _update_phone_hint(self) -> None:
        value = self.normalised_phone()
        if value == "":
            self.phone_hint.setStyleSheet(HINT_STYLE)
            self.phone_hint.setText(
                QCoreApplication.translate(
                    "CustomerMatching", "Type the number; the country defaults to %1"
                ).replace("%1", self.services.ctx.settings.phone_region)
            )
        elif value is None:
            self.phone_hint.setStyleSheet(ERROR_STYLE)
            self.phone_hint.setText(
                QCoreApplication.translate("CustomerMatching", "Not a valid phone number yet")
            )
        elif phone_warning(self.phone.text(), self.services.ctx.settings.phone_region):
            # Possible but in no range the phone library knows: saved all the same.
            self.phone_hint.setStyleSheet(WARNING_STYLE)
            self.phone_hint.setText(
                QCoreApplication.translate(
                    "CustomerMatching", "⚠ %1: not a known number range; it will be saved, check it"
                ).replace("%1", format_phone(value))
            )
        else:
            self.phone_hint.setStyleSheet(OK_STYLE)
            self.phone_hint.setText("✓ " + format_phone(value))

    def _phone_edited(self, _text: str) -> None:
        self._unpick()
        self._update_phone_hint()
        self.search_timer.start()

    def _name_edited(self, _text: str) -> None:
        if self._picked is not None and self.name.text() != self._picked.name:
            self._unpick()
        self.search_timer.start()

    def search_now(self) -> None:
        self.search_timer.stop()
        phone_text = self.phone.text().strip()
        if phone_text and looks_like_phone(phone_text):
            text = phone_text
        elif self.name.hasFocus() or not phone_text:
            text = self.name.text().strip()
        else:
            text = phone_text
        try:
            self.matches = self.services.customers.search(text) if len(text) >= 2 else []
        except ServiceError:
            self.matches = []
        self.match_list.clear()
        for match in self.matches:
            details = ", ".join((*match.phones, *match.emails))
            label = match.name + (f"  —  {details}" if details else "")
            if match.open_inquiries:
                label += "  " + QCoreApplication.translate("CustomerMatching", "(%1 open)").replace(
                    "%1", str(match.open_inquiries)
                )
            item = QListWidgetItem(label)
            item.setData(MATCH_ROLE, match.id)
            self.match_list.addItem(item)
        rows = max(1, min(len(self.matches), 5))
        self.match_list.setFixedHeight(self.match_list.sizeHintForRow(0) * rows + 6)
        self.match_list.setVisible(bool(self.matches) and self._picked is None)
        if self.matches:
            self.match_list.setCurrentRow(0)
        self._auto_pick()

    def _auto_pick(self) -> None:
        """A complete number that belongs to exactly one customer is that customer."""
        value = self.normalised_phone()
        if not value or self._picked is not None:
            return
        shown = format_phone(value)
        exact = [m for m in self.matches if shown in m.phones]
        if len(exact) == 1:
            self.pick(exact[0])

    def pick(self, match: CustomerMatch) -> None:
        self._picked = match
        self.customer_id = match.id
        self.name.setText(match.name)
        if not self.phone.text().strip() and match.phones:
            self.phone.setText(match.phones[0])
            self._update_phone_hint()
        self.match_list.hide()
        hint = QCoreApplication.translate("CustomerMatching", "Existing customer: %1").replace(
            "%1", match.name
        )
        if match.open_inquiries:
            hint += " · " + QCoreApplication.translate(
                "CustomerMatching", "%1 open inquiries"
            ).replace("%1", str(match.open_inquiries))
        self.customer_hint.setStyleSheet(OK_STYLE)
        self.customer_hint.setText(hint)
        self.customer_changed()

    def _pick_item(self, item: QListWidgetItem) -> None:
        match_id = item.data(MATCH_ROLE)
        for match in self.matches:
            if match.id == match_id:
                self.pick(match)
                self.notes.setFocus()
                return

    def _unpick(self) -> None:
        if self._picked is None and self.customer_id is None:
            return
        self._picked = None
        self.customer_id = None
        self.customer_hint.setStyleSheet(HINT_STYLE)
        self.customer_hint.setText(QCoreApplication.translate("CustomerMatching", "New customer"))
        self.customer_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)  # type: ignore[misc, no-any-return]
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain
        if watched in (self.phone, self.name):
            if self.search_timer.isActive() and (enter or key == Qt.Key.Key_Down):
                self.search_now()
            has_matches = self.match_list.isVisible() and self.match_list.count() > 0
            if key == Qt.Key.Key_Down and has_matches:
                self.match_list.setFocus()
                if self.match_list.currentRow() < 0:
                    self.match_list.setCurrentRow(0)
                return True
            if enter:
                if has_matches:
                    item = self.match_list.currentItem() or self.match_list.item(0)
                    self._pick_item(item)
                else:
                    (self.name if watched is self.phone else self.notes).setFocus()
                return True
        elif watched is self.match_list:
            if enter:
                item = self.match_list.currentItem()
                if item is not None:
                    self._pick_item(item)
                return True
            if key == Qt.Key.Key_Up and self.match_list.currentRow() <= 0:
                self.phone.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                self.match_list.hide()
                self.phone.setFocus()
                return True
        return super().eventFilter(watched, event)  # type: ignore[misc, no-any-return]
