"""Inquiry > Kind: complaint, question or praise on every channel (Ctrl+Shift+K toggles
"complaint").

The complaint detector marks likely complaints on arrival and says why in the header; this
is where the founder agrees or corrects it. The founder's choice wins for good (the
detector never changes it again) and is undone with Ctrl+Z like a status change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from soloservice.domain.types import InquiryKind
from soloservice.services.dto import InquiryDetail, KindChange
from soloservice.ui import formatting as fmt
from soloservice.ui.features._undo import push_done

if TYPE_CHECKING:
    from soloservice.ui.main_window import MainWindow

COMPLAINT_SHORTCUT = "Ctrl+Shift+K"


def _tr(text: str) -> str:
    return QCoreApplication.translate("KindFeature", text)


class KindFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.menu("inquiry")
        menu.addSeparator()
        self.menu = menu.addMenu(_tr("&Kind"))
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        labels = {
            InquiryKind.COMPLAINT: _tr("&Complaint"),
            InquiryKind.QUESTION: _tr("&Question"),
            InquiryKind.PRAISE: _tr("&Praise"),
        }
        self.kind_actions: dict[InquiryKind, QAction] = {}
        for kind, label in labels.items():
            action = QAction(label, window)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=kind: self.set_kind(k))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.kind_actions[kind] = action
        self.menu.addSeparator()
        self.toggle_action = QAction(_tr("Mark as &complaint"), window)
        self.toggle_action.setShortcut(QKeySequence(COMPLAINT_SHORTCUT))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.toggle_action.setStatusTip(
            _tr("Mark the inquiry as a complaint, or back to a question if it is one")
        )
        self.toggle_action.triggered.connect(self.toggle_complaint)
        self.menu.addAction(self.toggle_action)
        window.addAction(self.toggle_action)
        window.inquiry_changed.connect(self._update)
        self._update(window.detail)

    def _update(self, detail: object) -> None:
        shown = detail if isinstance(detail, InquiryDetail) else None
        for kind, action in self.kind_actions.items():
            action.setEnabled(shown is not None)
            action.setChecked(shown is not None and shown.kind is kind)
        self.toggle_action.setEnabled(shown is not None)

    def toggle_complaint(self) -> None:
        detail = self.window.detail
        if detail is None:
            return
        complaint = detail.kind is InquiryKind.COMPLAINT
        self.set_kind(InquiryKind.QUESTION if complaint else InquiryKind.COMPLAINT)

    def set_kind(self, kind: InquiryKind) -> None:
        detail = self.window.detail
        if detail is None:
            return
        inquiries = self.window.services.inquiries
        inquiry_id = detail.id
        ops = self.window.ops

        def done(change: object) -> None:
            assert isinstance(change, KindChange)
            text = (
                _tr("Marked #%1 as %2")
                .replace("%1", str(inquiry_id))
                .replace("%2", fmt.kind_name(kind).lower())
            )
            push_done(
                ops,
                text,
                inquiry_id,
                change,
                inquiries.undo_kind,
                lambda: inquiries.set_kind(inquiry_id, kind),
            )

        self.window.runner.run_task(lambda: inquiries.set_kind(inquiry_id, kind), done, ops._error)


def install(window: MainWindow) -> KindFeature:
    return KindFeature(window)
