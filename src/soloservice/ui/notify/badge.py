"""The app icon with the overdue count painted on it, for the tray."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

BADGE_RED = QColor("#d32f2f")


def badge_pixmap(base: QIcon, count: int, size: int = 64) -> QPixmap:
    """``base`` at ``size`` px with a red disc holding ``count`` (none when zero; "99+")."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base.paint(painter, 0, 0, size, size)
    if count > 0:
        text = "99+" if count > 99 else str(count)
        diameter = size * (0.62 if len(text) < 3 else 0.72)
        rect = QRectF(size - diameter, 0, diameter, diameter)
        painter.setPen(QColor("white"))
        painter.setBrush(BADGE_RED)
        painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(diameter * (0.6 if len(text) == 1 else 0.45)))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def badge_icon(base: QIcon, count: int) -> QIcon:
    result = QIcon()
    for size in (16, 22, 32, 64):
        result.addPixmap(badge_pixmap(base, count, size))
    return result
