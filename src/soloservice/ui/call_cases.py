"""Which case a call is about: one of the caller's open inquiries, or a new inquiry.

A call from a customer with an open case is nearly always about that case; logging it as a
new inquiry split the conversation and left the case's promise running. The choice defaults
to the case the dialog was opened on, else to the most recent open case for an outgoing
call (a call-back), else to a new inquiry (an incoming call may be about something new).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from soloservice.services.dto import InquiryBrief


class CaseChoice(QComboBox):
    """Emits ``chosen(id or None)`` when the founder picks an entry."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Add the call to"))
        self.setToolTip(
            self.tr("Add the call to an open case of this customer, or start a new inquiry")
        )
        #: the founder picked an entry: a later change of direction keeps their pick
        self.picked = False
        self._briefs: list[InquiryBrief] = []
        self._extra: int | None = None
        self.activated.connect(self._activated)
        self.offer([])

    def offer(self, briefs: list[InquiryBrief], extra_id: int | None = None) -> None:
        """Show ``briefs`` (most recent first), plus ``extra_id`` if it is not among them
        (the inquiry the dialog was opened on), then "New inquiry"."""
        self._briefs = list(briefs)
        self._extra = extra_id if extra_id not in {b.id for b in briefs} else None
        self.blockSignals(True)
        self.clear()
        if self._extra is not None:
            self.addItem(self.tr("Add to #%1").replace("%1", str(self._extra)), self._extra)
        for brief in self._briefs:
            label = self.tr("Add to #%1 “%2”").replace("%1", str(brief.id))
            self.addItem(label.replace("%2", brief.subject or "…"), brief.id)
        self.addItem(self.tr("New inquiry"), None)
        self.blockSignals(False)
        self.setVisible(self.count() > 1)
        self.picked = False

    def has_cases(self) -> bool:
        return self.count() > 1

    def case_ids(self) -> list[int]:
        return [int(self.itemData(i)) for i in range(self.count() - 1)]

    def chosen_id(self) -> int | None:
        if not self.has_cases():
            return None
        data = self.currentData()
        return int(data) if data is not None else None

    def select(self, inquiry_id: int | None) -> None:
        """Choose ``inquiry_id`` (None: a new inquiry) without it counting as a pick."""
        index = self.findData(inquiry_id) if inquiry_id is not None else self.count() - 1
        self.setCurrentIndex(index if index >= 0 else self.count() - 1)

    def default_for(self, outgoing: bool, preferred: int | None = None) -> None:
        """The default entry: ``preferred``, else the most recent case for a call-back."""
        if self.picked:
            return
        if preferred is not None and self.findData(preferred) >= 0:
            self.select(preferred)
        elif outgoing and self.has_cases():
            self.select(self.case_ids()[0])
        else:
            self.select(None)

    def _activated(self, _index: int) -> None:
        self.picked = True
        self.chosen.emit(self.chosen_id())
