"""The files attached to the reply being written: chosen, listed with their sizes, removed.

``ReplyAttachments`` is mixed into ``ReplyComposer`` (composer.py), which places the list and
the buttons; its strings keep the "ReplyComposer" translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QWidget,
)

from soloservice.ui.mail.common import human_size


class ReplyAttachments:
    """The attachment list and its buttons; mixed into ReplyComposer."""

    attachments: list[Path]
    attachment_list: QListWidget
    attach_button: QPushButton
    remove_attachment_button: QPushButton
    file_icon: QIcon

    def _build_attachments(self) -> None:
        self.attachment_list = QListWidget()
        self.attachment_list.setAccessibleName(
            QCoreApplication.translate("ReplyComposer", "Attachments")
        )
        self.attachment_list.setFlow(QListWidget.Flow.LeftToRight)
        self.attachment_list.setWrapping(False)
        self.attachment_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.file_icon = cast(QWidget, self).style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.attachment_list.setMaximumHeight(self.attachment_list.fontMetrics().height() + 14)
        self.attachment_list.setVisible(False)
        self.attach_button = QPushButton(QCoreApplication.translate("ReplyComposer", "&Attach…"))
        self.remove_attachment_button = QPushButton(
            QCoreApplication.translate("ReplyComposer", "Remove attachment")
        )
        self.remove_attachment_button.setVisible(False)
        for button in (self.attach_button, self.remove_attachment_button):
            button.setAutoDefault(False)
        self.attach_button.clicked.connect(self.choose_attachments)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        self.attachment_list.itemSelectionChanged.connect(
            lambda: self.remove_attachment_button.setVisible(
                bool(self.attachment_list.selectedItems())
            )
        )

    def choose_attachments(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            cast(QWidget, self), QCoreApplication.translate("ReplyComposer", "Attach files")
        )
        for name in names:
            self.add_attachment(Path(name))

    def add_attachment(self, path: Path) -> None:
        if path not in self.attachments:
            self.attachments.append(path)
        self._show_attachments()

    def remove_attachment(self) -> None:
        for item in self.attachment_list.selectedItems():
            path = item.data(Qt.ItemDataRole.UserRole)
            if path in self.attachments:
                self.attachments.remove(path)
        self._show_attachments()

    def _show_attachments(self) -> None:
        self.attachment_list.clear()
        for path in self.attachments:
            try:
                size = human_size(path.stat().st_size)
            except OSError:
                size = QCoreApplication.translate("ReplyComposer", "missing")
            item = QListWidgetItem(self.file_icon, f"{path.name} ({size})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
            self.attachment_list.addItem(item)
        self.attachment_list.setVisible(bool(self.attachments))
        self.remove_attachment_button.setVisible(bool(self.attachment_list.selectedItems()))
