"""Windows that fit the screen they open on.

A fixed first size (1440×860) is cut off on a 1366×768 laptop, and a geometry saved on a big
monitor is wrong once the laptop is undocked. Every top-level window goes through here: a
first size that is a share of the screen's available geometry, and a saved geometry only
when it still fits.
"""

from __future__ import annotations

import atexit
import contextlib

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

#: what a window is at most, on a large screen
PREFERRED = QSize(1600, 1000)
#: the share of the available screen a window takes when the screen is smaller
SHARE = 0.94


def screen_of(widget: QWidget) -> QScreen | None:
    screen = widget.screen() if widget.isVisible() else None
    return screen or QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def fitting_size(area: QRect, preferred: QSize = PREFERRED) -> QSize:
    """The first size: the preferred size, or most of a smaller screen."""
    width = min(preferred.width(), int(area.width() * SHARE))
    height = min(preferred.height(), int(area.height() * SHARE))
    return QSize(max(width, 640), max(height, 480))


def fit_to_screen(widget: QWidget, preferred: QSize = PREFERRED) -> None:
    """Size ``widget`` for its screen and centre it there."""
    area = available(widget)
    size = fitting_size(area, preferred).boundedTo(area.size())
    widget.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())


def keep_inside_screen(widget: QWidget) -> None:
    """Shrink and move a dialog or tool window so all of it, frame included, is on the
    screen."""
    area = available(widget)
    frame_extra = widget.frameGeometry().size() - widget.size()
    room = QSize(area.width() - frame_extra.width(), area.height() - frame_extra.height())
    size = widget.size().boundedTo(room)
    if size != widget.size():
        widget.resize(size)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def restore_fitting_geometry(widget: QWidget, saved: object) -> bool:
    """Restore a saved geometry only when it still fits the available screen."""
    if not isinstance(saved, QByteArray | bytes) or not saved:
        return False
    before = widget.saveGeometry()
    if not widget.restoreGeometry(QByteArray(saved)):
        return False
    area = available(widget)
    if area.contains(widget.geometry()) or widget.isMaximized():
        return True
    widget.restoreGeometry(before)
    return False


class ScreenGuard(QObject):
    """Keeps every dialog and tool window on its screen as it is shown.

    A window sized for a big monitor (the review, the template manager) would otherwise open
    wider than a 1280×720 laptop; one guard on the application covers every window, however
    it was created, without each one remembering to.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not isinstance(watched, QMenu | QMainWindow)
        ):
            keep_inside_screen(watched)
        return False


def install_screen_guard(app: QCoreApplication) -> ScreenGuard:
    """Once per application; later calls return the guard already installed."""
    existing = app.findChild(ScreenGuard)
    if isinstance(existing, ScreenGuard):
        return existing
    guard = ScreenGuard(app)
    app.installEventFilter(guard)
    # Taken off before the interpreter shuts down: Qt still delivers events while it tears
    # the application down, and a Python filter called then aborts the process.
    atexit.register(_remove_guard, app, guard)
    return guard


def _remove_guard(app: QCoreApplication, guard: ScreenGuard) -> None:
    with contextlib.suppress(RuntimeError):  # already deleted with the application
        app.removeEventFilter(guard)
