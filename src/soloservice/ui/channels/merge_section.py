"""The customer card's "Same person?" section: likely duplicates with a Merge button, and
the merges this customer absorbed with Un-merge.

Nothing is merged without a confirmation naming both customers, their identities and how
many inquiries each has, because a wrong merge shows one person's history to another.
Suggestions are computed on the worker; a stale answer (the card moved on) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.types import IdentityKind
from soloservice.services.customer_merge import MatchSuggestion, MergeView
from soloservice.services.dto import CustomerCard
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.ui.confirm import ask
from soloservice.ui.tasks import TaskRunner

MAX_SHOWN = 3


@dataclass(frozen=True)
class _Loaded:
    customer_id: int
    suggestions: list[MatchSuggestion]
    merges: list[MergeView]


_KIND_PREFIX = {
    IdentityKind.PHONE: "☎ ",
    IdentityKind.EMAIL: "✉ ",
    IdentityKind.FACEBOOK: "Facebook: ",
    IdentityKind.INSTAGRAM: "Instagram: ",
    IdentityKind.X: "X: ",
}


def identity_lines(card: CustomerCard) -> str:
    """The customer's identities as the card shows them, on one line."""
    return ", ".join(_KIND_PREFIX.get(i.kind, "") + i.display for i in card.identities) or "—"


class MergeSection(QWidget):
    """Emits ``merged(MergeView)`` and ``unmerged(MergeView)`` after the change is stored,
    ``loaded()`` whenever suggestions arrived (tests wait on it)."""

    merged = Signal(object)
    unmerged = Signal(object)
    failed = Signal(str)
    loaded = Signal()

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.card: CustomerCard | None = None
        self.suggestions: list[MatchSuggestion] = []
        self.merges: list[MergeView] = []
        self.confirm_box: QMessageBox | None = None
        self.merge_buttons: list[QPushButton] = []
        self.unmerge_buttons: list[QPushButton] = []
        self.setObjectName("mergeSection")
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addLayout(self.grid)
        self.setVisible(False)

    # -- loading -------------------------------------------------------------------------------

    def set_customer(self, card: CustomerCard | None) -> None:
        previous = self.card.id if self.card is not None else None
        self.card = card
        if card is None:
            self._show([], [])
            return
        if card.id != previous:
            self._show([], [])
        self.refresh()

    def refresh(self) -> None:
        card = self.card
        if card is None:
            return
        merge = self.services.customer_merge
        customer_id = card.id
        self.runner.run_task(
            lambda: _Loaded(
                customer_id,
                merge.suggest_matches(customer_id, limit=MAX_SHOWN),
                [m for m in merge.merges(customer_id) if m.survivor_id == customer_id],
            ),
            self._loaded,
            lambda _error: None,  # suggestions are a help, not worth an error box
        )

    def _loaded(self, loaded: _Loaded) -> None:
        if self.card is None or self.card.id != loaded.customer_id:
            return
        self._show(loaded.suggestions, loaded.merges)
        self.loaded.emit()

    def _show(self, suggestions: list[MatchSuggestion], merges: list[MergeView]) -> None:
        self.suggestions = suggestions
        self.merges = merges
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.merge_buttons, self.unmerge_buttons = [], []
        row = 0
        for suggestion in suggestions[:MAX_SHOWN]:
            reasons = "; ".join(suggestion.reasons)
            label = QLabel(
                self.tr("Same person? <b>%1</b> <span style='color:#6b7280'>(%2)</span>")
                .replace("%1", _escape(suggestion.name or "?"))
                .replace("%2", _escape(reasons))
            )
            label.setWordWrap(True)
            label.setToolTip(
                self.tr("%1 inquiries · customer %2")
                .replace("%1", str(suggestion.inquiries))
                .replace("%2", str(suggestion.customer_id))
            )
            button = QPushButton(self.tr("Merge…"))
            button.setToolTip(self.tr("Make them one customer (asks first; can be undone)"))
            button.clicked.connect(lambda _c=False, s=suggestion: self.ask_merge(s))
            self.merge_buttons.append(button)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
            row += 1
        for merge in merges:
            if merge.undone_at is not None:
                continue
            label = QLabel(
                self.tr("Merged from %1 (%2 inquiries)")
                .replace("%1", merge.merged_name or "?")
                .replace("%2", str(merge.inquiries))
            )
            label.setStyleSheet("color:#6b7280;")
            label.setWordWrap(True)
            button = QPushButton(self.tr("Un-merge"))
            button.setToolTip(
                self.tr("Give %1 back their own inquiries").replace("%1", merge.merged_name)
            )
            button.clicked.connect(lambda _c=False, m=merge: self.unmerge(m.id))
            self.unmerge_buttons.append(button)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
            row += 1
        self.setVisible(row > 0)

    # -- merging -------------------------------------------------------------------------------

    def ask_merge(self, suggestion: MatchSuggestion) -> QMessageBox | None:
        card = self.card
        if card is None:
            return None
        try:
            other = self.services.customers.card(suggestion.customer_id)
        except ServiceError as exc:
            self.failed.emit(str(exc))
            return None
        text = self.tr(
            "Merge these two customers into one?\n\n"
            "Keeps: %1 (inquiries: %3)\n    %2\n\n"
            "Merged in: %4 (inquiries: %6)\n    %5\n\n"
            "Every inquiry and message is kept. You can un-merge later from the card."
        )
        for key, value in (
            ("%1", card.name or "?"),
            ("%2", identity_lines(card)),
            ("%3", str(len(card.inquiries))),
            ("%4", other.name or "?"),
            ("%5", identity_lines(other)),
            ("%6", str(len(other.inquiries))),
        ):
            text = text.replace(key, value)
        survivor, merged = card.id, other.id
        box = ask(
            self.window(),
            QMessageBox.Icon.Question,
            self.tr("Same person?"),
            text,
            self.tr("&Merge them"),
            self.tr("&Keep apart"),
            lambda: self.merge(survivor, merged),
            self._confirm_closed,
        )
        self.confirm_box = box
        return box

    def _confirm_closed(self) -> None:
        self.confirm_box = None

    def merge(self, survivor_id: int, merged_id: int) -> None:
        service = self.services.customer_merge
        self.runner.run_task(
            lambda: service.merge(survivor_id, merged_id), self._merged, self._failed
        )

    def _merged(self, view: MergeView) -> None:
        self.merged.emit(view)
        self.refresh()

    def unmerge(self, merge_id: int) -> None:
        service = self.services.customer_merge
        self.runner.run_task(lambda: service.unmerge(merge_id), self._unmerged, self._failed)

    def _unmerged(self, view: MergeView) -> None:
        self.unmerged.emit(view)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(str(error) if isinstance(error, ServiceError) else repr(error))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
