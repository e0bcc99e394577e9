"""Help: the keyboard shortcuts (read from the window's own actions, so never out of date),
where the data lives, and About."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from soloservice import __version__

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost


def shortcut_rows(window: FeatureHost) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, sorted by what."""
    rows = {
        action.text().replace("&", "").rstrip("…"): action.shortcut().toString(
            QKeySequence.SequenceFormat.NativeText
        )
        for action in window.widget.findChildren(QAction)
        if not action.shortcut().isEmpty()
    }
    return sorted(rows.items(), key=lambda row: row[0].lower())


class HelpFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.box: QMessageBox | None = None
        menu = window.menu("help")
        self.shortcuts_action = menu.addAction(
            QCoreApplication.translate("HelpFeature", "&Keyboard shortcuts")
        )
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        window.addAction(self.shortcuts_action)
        self.folder_action = menu.addAction(
            QCoreApplication.translate("HelpFeature", "Open the &data folder")
        )
        self.folder_action.triggered.connect(self.open_data_folder)
        menu.addSeparator()
        self.about_action = menu.addAction(
            QCoreApplication.translate("HelpFeature", "&About SoloService")
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    @property
    def data_dir(self) -> str:
        return str(self.window.services.ctx.data_dir)

    def _show(self, title: str, html: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.NoIcon, title, html, QMessageBox.StandardButton.Ok)
        box.setParent(self.window.widget, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
        self.box = box
        return box

    def show_shortcuts(self) -> QMessageBox:
        rows = "".join(
            f"<tr><td>{escape(what)}</td><td style='padding-left:16px'><b>{escape(keys)}</b>"
            "</td></tr>"
            for what, keys in shortcut_rows(self.window)
        )
        return self._show(
            QCoreApplication.translate("HelpFeature", "Keyboard shortcuts"),
            f"<table>{rows}</table>",
        )

    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(self.data_dir))

    def show_about(self) -> QMessageBox:
        text = (
            f"<h3>SoloService {escape(__version__)}</h3>"
            + "<p>"
            + escape(
                QCoreApplication.translate(
                    "HelpFeature", "One inbox for every customer inquiry and complaint."
                )
            )
            + "</p><p>"
            + escape(QCoreApplication.translate("HelpFeature", "Your data: %1")).replace(
                "%1", f"<code>{escape(self.data_dir)}</code>"
            )
            + "</p>"
        )
        return self._show(QCoreApplication.translate("HelpFeature", "About SoloService"), text)


def install(window: FeatureHost) -> HelpFeature:
    return HelpFeature(window)
