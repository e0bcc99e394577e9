"""The weekly review window's exports: the week on screen as a PDF (charts included) or a
CSV, and where the file went.

``ReviewExports`` is mixed into ``ReviewWindow`` (window.py); the CLI writes the same PDF with
``reports.pdf`` (``soloservice review --pdf``). The strings use the "Review" translation
context like the rest of the window.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from soloservice.reports.pdf import write_review_pdf
from soloservice.services.checklist import ChannelStatus
from soloservice.services.context import ServiceContext
from soloservice.services.errors import ServiceError
from soloservice.services.review_dto import WeekPoint, WeekReview

if TYPE_CHECKING:
    from soloservice.services.review import ReviewService


class ReviewExports:
    """Export PDF… and Export CSV…; mixed into ReviewWindow (a QWidget), which provides
    the week shown and the status line under its bar."""

    ctx: ServiceContext
    review_service: ReviewService
    review: WeekReview | None
    trends: list[WeekPoint]
    statuses: list[ChannelStatus]
    #: after an export: where the file went, with links to open it or its folder
    export_status: QLabel

    if TYPE_CHECKING:  # provided by ReviewWindow, the class this is mixed into

        def _error(self, exc: BaseException) -> None: ...

    def export_pdf(self, path: Path) -> Path:
        """Write the week on screen as a PDF (charts included); runs on the GUI thread
        because charts are graphics items."""
        if self.review is None:
            raise ServiceError(QCoreApplication.translate("Review", "the review is still loading"))
        return write_review_pdf(
            self.review,
            self.trends,
            Path(path),
            self.statuses,
            self.ctx.settings.business_name,
        )

    def export_csv(self, path: Path) -> Path:
        if self.review is None:
            raise ServiceError(QCoreApplication.translate("Review", "the review is still loading"))
        return self.review_service.to_csv(self.review, Path(path))

    def _ask_file(self, title: str, suffix: str, pattern: str) -> Path | None:
        default = f"review-{self.review.label if self.review else 'week'}.{suffix}"
        name, _ = QFileDialog.getSaveFileName(
            cast(QWidget, self), title, str(Path.home() / default), pattern
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(f".{suffix}")

    def _export(self, write: Callable[[Path], Path], path: Path | None) -> None:
        if path is None:
            return
        try:
            written = write(path)
        except (OSError, ServiceError) as exc:
            self._error(exc)
            return
        self.show_exported(Path(written))

    def show_exported(self, path: Path) -> None:
        """Say where the file went: a saved file nobody can find is a lost report."""
        file_url = QUrl.fromLocalFile(str(path)).toString()
        folder_url = QUrl.fromLocalFile(str(path.parent)).toString()
        open_file = (
            QCoreApplication.translate("Review", "Open PDF")
            if path.suffix.lower() == ".pdf"
            else QCoreApplication.translate("Review", "Open file")
        )
        open_folder = QCoreApplication.translate("Review", "Open folder")
        self.export_status.setText(
            QCoreApplication.translate("Review", "Saved to %1 — %2 · %3")
            .replace("%1", html.escape(str(path)))
            .replace("%2", f'<a href="{file_url}">{html.escape(open_file)}</a>')
            .replace(
                "%3",
                f'<a href="{folder_url}">{html.escape(open_folder)}</a>',
            )
        )
        self.export_status.setToolTip(str(path))
        self.export_status.setVisible(True)

    def _open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def _ask_pdf(self) -> None:
        self._export(
            self.export_pdf,
            self._ask_file(
                QCoreApplication.translate("Review", "Export PDF"),
                "pdf",
                QCoreApplication.translate("Review", "PDF (*.pdf)"),
            ),
        )

    def _ask_csv(self) -> None:
        self._export(
            self.export_csv,
            self._ask_file(
                QCoreApplication.translate("Review", "Export CSV"),
                "csv",
                QCoreApplication.translate("Review", "CSV (*.csv)"),
            ),
        )
