"""Inquiry > Kind: complaint, question or praise on every channel (Ctrl+Shift+K toggles
"complaint").

The complaint detector marks likely complaints on arrival and says why in the header; this
is where the founder agrees or corrects it. The founder's choice wins for good (the
detector never changes it again) and is undone with Ctrl+Z like a status change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup

from soloservice.domain.types import InquiryKind
from soloservice.services.dto import InquiryDetail, KindChange
from soloservice.ui import formatting as fmt
from soloservice.ui.features._shared import feature_action
from soloservice.ui.inquiry_operations import ServiceCommand

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

COMPLAINT_SHORTCUT = "Ctrl+Shift+K"


class KindFeature(QObject):
    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window.widget)
        self.window = window
        menu = window.menu("inquiry")
        menu.addSeparator()
        self.menu = menu.addMenu(QCoreApplication.translate("KindFeature", "&Kind"))
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        labels = {
            InquiryKind.COMPLAINT: QCoreApplication.translate("KindFeature", "&Complaint"),
            InquiryKind.QUESTION: QCoreApplication.translate("KindFeature", "&Question"),
            InquiryKind.PRAISE: QCoreApplication.translate("KindFeature", "&Praise"),
        }
        self.kind_actions: dict[InquiryKind, QAction] = {}
        for kind, label in labels.items():
            action = QAction(label, window.widget)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=kind: self.set_kind(k))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.kind_actions[kind] = action
        self.menu.addSeparator()
        self.toggle_action = feature_action(
            window,
            QCoreApplication.translate("KindFeature", "Mark as &complaint"),
            COMPLAINT_SHORTCUT,
            QCoreApplication.translate(
                "KindFeature", "Mark the inquiry as a complaint, or back to a question if it is one"
            ),
            self.toggle_complaint,
        )
        self.menu.addAction(self.toggle_action)
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

        def job() -> KindChange:
            return inquiries.set_kind(inquiry_id, kind)

        def done(change: object) -> None:
            assert isinstance(change, KindChange)
            text = (
                QCoreApplication.translate("KindFeature", "Marked #%1 as %2")
                .replace("%1", str(inquiry_id))
                .replace("%2", fmt.kind_name(kind).lower())
            )
            ops.push_done(ServiceCommand(ops, text, inquiry_id, change, inquiries.undo_kind, job))

        self.window.runner.run_task(job, done, ops.report_error)


def install(window: FeatureHost) -> KindFeature:
    return KindFeature(window)
