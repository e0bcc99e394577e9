"""Who this is and what they are worth: the card beside the conversation."""

from __future__ import annotations

from typing import Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import IdentityKind, Language
from soloservice.services.dto import CustomerCard
from soloservice.ui import formatting as fmt
from soloservice.ui.icons import channel_icon
from soloservice.ui.plain_text import plain_label

INQUIRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CardSection(Protocol):
    """A widget added to the customer card (survey answers, merge suggestions...)."""

    def set_customer(self, card: CustomerCard | None) -> None: ...


class CustomerCardView(QFrame):
    """Emits ``inquiry_opened(id)`` when an earlier inquiry is clicked or activated."""

    inquiry_opened = Signal(int)

    def __init__(self, tz_name: str, currency: str = "kr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = ZoneInfo(tz_name)
        self.currency = currency
        self.current_inquiry: int | None = None
        self.shown: CustomerCard | None = None
        self._sections: list[CardSection] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("customerCard")

        self.name = plain_label(QLabel())  # customer text: never markup
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.identities = plain_label(QLabel())
        self.identities.setWordWrap(True)
        self.identities.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language = QLabel()
        self.language.setWordWrap(True)
        self.language.setAccessibleName(self.tr("Language"))
        self.value = QLabel()
        self.value.setWordWrap(True)
        self.history_title = QLabel(self.tr("Earlier inquiries"))
        self.history_title.setStyleSheet("color:#6b7280; font-weight:bold;")
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Earlier inquiries"))
        self.history.setFrameShape(QFrame.Shape.NoFrame)
        self.history.itemActivated.connect(self._open)
        self.history.itemClicked.connect(self._open)

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.name)
        layout.addWidget(self.identities)
        layout.addWidget(self.language)
        layout.addWidget(self.value)
        layout.addSpacing(6)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        layout.addStretch(0)
        self.show_card(None)

    def add_section(self, widget: QWidget) -> None:
        """A feature's section (survey answers, merge suggestions, ...) below the identities."""
        index = self._layout.indexOf(self.history_title)
        self._layout.insertWidget(index, widget)
        if hasattr(widget, "set_customer"):  # then it follows the card shown (CardSection)
            self._sections.append(widget)
            widget.set_customer(self.shown)

    def show_card(self, card: CustomerCard | None, current_inquiry: int | None = None) -> None:
        self.current_inquiry = current_inquiry
        self.shown = card
        for section in self._sections:
            section.set_customer(card)
        self.history.clear()
        if card is None:
            self.name.setText(self.tr("No customer"))
            self.identities.setText("")
            self.language.setText("")
            self.value.setText("")
            self.history_title.hide()
            self.history.hide()
            return
        self.name.setText(card.name or self.tr("(no name)"))
        symbols = {
            IdentityKind.PHONE: "☎",
            IdentityKind.EMAIL: "✉",
            IdentityKind.FACEBOOK: "Facebook:",
            IdentityKind.INSTAGRAM: "Instagram:",
            IdentityKind.X: "X:",
        }
        lines = [f"{symbols[i.kind]} {i.display}" for i in card.identities]
        self.identities.setText("\n".join(lines) or self.tr("No phone, email or handle yet"))
        self.language.setText(self.language_text(card))
        self.language.setToolTip(
            self.tr("Replies, acknowledgements and surveys use this language; change it with Edit")
        )
        self.value.setText(
            self.tr("Lifetime value: %1").replace(
                "%1", fmt.money(card.lifetime_value, self.currency)
            )
        )
        self.value.setToolTip(
            self.tr("Yearly value × expected years; set per customer or from the defaults")
        )
        others = [b for b in card.inquiries if b.id != current_inquiry]
        self.history_title.setVisible(True)
        self.history.setVisible(bool(others))
        if not others:
            self.history_title.setText(self.tr("No earlier inquiries"))
            return
        self.history_title.setText(
            self.tr("Earlier inquiries (%1)").replace("%1", str(len(others)))
        )
        for brief in others:
            when = fmt.short_date(brief.received_at, self.tz)
            text = f"#{brief.id}  {brief.subject}\n{fmt.status_name(brief.status)} · {when}"
            item = QListWidgetItem(channel_icon(brief.channel), text)
            item.setData(INQUIRY_ID_ROLE, brief.id)
            item.setToolTip(fmt.long_time(brief.received_at, self.tz))
            self.history.addItem(item)

    def language_name(self, language: Language) -> str:
        names = {
            Language.DA: self.tr("Danish"),
            Language.NB: self.tr("Norwegian"),
            Language.EN: self.tr("English"),
        }
        return names[language]

    def language_text(self, card: CustomerCard) -> str:
        """ "Norwegian (guessed: text, .no address)"; the stored reason is English parts
        (domain/language.py), translated one by one so the card speaks the founder's language."""
        name = self.language_name(card.language)
        if card.language_source != "guess" or not card.language_reason:
            return self.tr("Language: %1").replace("%1", name)
        parts = []
        for part in card.language_reason.split(", "):
            if part == "text":
                parts.append(self.tr("text"))
            elif part == "text in another language":
                parts.append(self.tr("text in another language"))
            elif part.endswith(" address"):
                parts.append(self.tr("%1 address").replace("%1", part.removesuffix(" address")))
            elif part.endswith(" phone"):
                parts.append(self.tr("%1 number").replace("%1", part.removesuffix(" phone")))
            else:
                parts.append(part)
        return (
            self.tr("Language: %1 (guessed: %2)")
            .replace("%1", name)
            .replace("%2", ", ".join(parts))
        )

    def _open(self, item: QListWidgetItem) -> None:
        inquiry_id = item.data(INQUIRY_ID_ROLE)
        if isinstance(inquiry_id, int):
            self.inquiry_opened.emit(inquiry_id)
