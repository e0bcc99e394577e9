"""The reply drafts: what was typed for each inquiry, kept while switching inquiries and on
disk across restarts (``services/drafts.py``), written a moment after typing stops.

``ReplyDrafts`` is mixed into ``ReplyComposer`` (composer.py); its strings keep the
"ReplyComposer" translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit

from soloservice.services.drafts import Draft, DraftStore
from soloservice.services.dto import InquiryDetail
from soloservice.ui.mail.template_picker import TemplatePicker

#: how long typing pauses before the drafts are written to disk
DRAFT_SAVE_DELAY_MS = 1_000


class ReplyDrafts:
    """Drafts per inquiry; mixed into ReplyComposer, which holds the fields."""

    detail: InquiryDetail | None
    busy: bool
    body: QPlainTextEdit
    quote: QCheckBox
    warning: QLabel
    templates: TemplatePicker
    empty: set[str]
    attachments: list[Path]

    if TYPE_CHECKING:  # provided by ReplyComposer, the class this is mixed into

        def _show_attachments(self) -> None: ...

        def _update_warning(self) -> None: ...

    def _set_up_drafts(self, data_dir: Path) -> None:
        self.draft_store = DraftStore(data_dir)
        self.drafts: dict[int, Draft] = self.draft_store.load()
        # Written a moment after typing stops; a failing disk only costs the copy on disk.
        self.draft_timer = QTimer(cast(QObject, self))
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_SAVE_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_drafts)

    def save_drafts(self) -> None:
        self.draft_timer.stop()
        self._store_draft()
        try:
            self.draft_store.save(self.drafts)
        except OSError as exc:
            self.warning.setText(
                QCoreApplication.translate(
                    "ReplyComposer", "Your draft could not be saved to disk (%1); it is still here."
                ).replace("%1", str(exc))
            )
            self.warning.setVisible(True)

    def _store_draft(self) -> None:
        if self.detail is None or self.busy:
            return
        draft = Draft(
            text=self.body.toPlainText(),
            attachments=list(self.attachments),
            quote=self.quote.isChecked(),
            empty=set(self.empty),
        )
        if draft.blank:
            self.drafts.pop(self.detail.id, None)
        else:
            self.drafts[self.detail.id] = draft

    def _load_draft(self) -> None:
        draft = self.drafts.get(self.detail.id, Draft()) if self.detail else Draft()
        self.body.setPlainText(draft.text)
        self.body.moveCursor(self.body.textCursor().MoveOperation.End)
        self.attachments = list(draft.attachments)
        self.quote.setChecked(draft.quote)
        self.empty = set(draft.empty)
        self.templates.filter.clear()
        self._show_attachments()
        self._update_warning()
