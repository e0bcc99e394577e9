"""A message's formatted (HTML) view, sanitised, with remote content blocked.

The stored HTML already has every remote reference removed (nh3, see channels/email/html.py);
the browser here also refuses to load anything from the network by itself. Only when the
founder presses "Load remote content for this message" is that message's HTML fetched with
its remote references, and its images downloaded on the worker (size-capped) — never for
another message, so a tracking pixel cannot report back unasked.
"""

from __future__ import annotations

import re
import urllib.request
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from soloservice.plurals import PluralContext
from soloservice.services.registry import Services
from soloservice.ui.mail.common import MUTED_COLOR
from soloservice.ui.tasks import TaskRunner

HtmlView = PluralContext("HtmlView")

MAX_IMAGES = 30
MAX_IMAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_S = 10
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']?(https?://[^"'\s>]+)""", re.IGNORECASE)


def fetch_images(html: str) -> dict[str, bytes]:
    """Download the images an HTML mail refers to (worker thread; failures are skipped)."""
    images: dict[str, bytes] = {}
    for url in list(dict.fromkeys(_IMG_SRC.findall(html)))[:MAX_IMAGES]:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "SoloService"})
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
                data = response.read(MAX_IMAGE_BYTES + 1)
        except Exception:  # a broken image must not stop the others
            continue
        if len(data) <= MAX_IMAGE_BYTES:
            images[url] = data
    return images


class BlockingBrowser(QTextBrowser):
    """Shows only what it was given: no resource is ever fetched from the network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.allowed: dict[str, bytes] = {}
        self.blocked: list[str] = []

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        name = url.toString() if isinstance(url, QUrl) else str(url)
        if name in self.allowed:
            return QByteArray(self.allowed[name])
        if name.startswith(("http:", "https:", "ftp:", "//")):
            self.blocked.append(name)
            return None
        if kind == int(QTextDocument.ResourceType.ImageResource.value) and not name.startswith(
            "data:"
        ):
            return None  # cid: parts and local files are not loaded either
        return super().loadResource(kind, url)

    def _open_link(self, url: QUrl) -> None:
        # Links are followed only in the system browser, and only on a click.
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


class HtmlDialog(QDialog):
    """Non-modal: the founder can keep it open next to the main window."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.message_id: int | None = None
        self.remote_loaded = False
        self.setWindowTitle(QCoreApplication.translate("HtmlView", "Formatted message"))
        self.browser = BlockingBrowser()
        self.browser.setAccessibleName(QCoreApplication.translate("HtmlView", "Formatted message"))
        self.note = QLabel(
            QCoreApplication.translate(
                "HtmlView",
                "Remote images and content are blocked, so the sender cannot see "
                "that you opened the mail.",
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color:{MUTED_COLOR}")
        self.load_button = QPushButton(
            QCoreApplication.translate("HtmlView", "&Load remote content for this message")
        )
        self.load_button.setAutoDefault(False)
        self.load_button.clicked.connect(self.load_remote)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.load_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def show_message(self, message_id: int, html: str, title: str = "") -> None:
        self.message_id = message_id
        self.remote_loaded = False
        self.browser.allowed = {}
        self.browser.blocked = []
        if title:
            self.setWindowTitle(
                QCoreApplication.translate("HtmlView", "Formatted: %1").replace("%1", title)
            )
        self.browser.setHtml(html)
        self.load_button.setEnabled(True)
        self.note.setText(
            QCoreApplication.translate(
                "HtmlView",
                "Remote images and content are blocked, so the sender cannot see "
                "that you opened the mail.",
            )
        )

    def load_remote(self) -> None:
        message_id = self.message_id
        if message_id is None:
            return
        self.load_button.setEnabled(False)
        self.note.setText(QCoreApplication.translate("HtmlView", "Loading remote content…"))
        sync = self.services.mail_sync

        def job() -> tuple[str | None, dict[str, bytes]]:
            html = sync.remote_html(message_id)
            return html, (fetch_images(html) if html else {})

        def done(result: object) -> None:
            if self.message_id != message_id or not isinstance(result, tuple):
                return
            html, images = result
            if not html:
                self.note.setText(
                    QCoreApplication.translate("HtmlView", "This message has no formatted version.")
                )
                return
            self.browser.allowed = dict(images)
            self.browser.setHtml(html)
            self.remote_loaded = True
            self.note.setText(
                HtmlView.tr(
                    "Remote content loaded for this message (%n image(s)).", "", len(images)
                )
            )

        def failed(error: BaseException) -> None:
            self.load_button.setEnabled(True)
            self.note.setText(
                QCoreApplication.translate("HtmlView", "Could not load remote content: %1").replace(
                    "%1", str(error)
                )
            )

        self.runner.run_network_task(job, done, failed)  # fetches the remote images
