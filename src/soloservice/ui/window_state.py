"""The main window's layout across runs (what is saved to ui.ini, the first sizes) and
closing the tool windows with it.

The founder's own pane sizes, column widths, side panel and geometry come back from
``ui.ini`` (a geometry only when it still fits the screen, see window_fit.py); a first start
has none, so the panes are sized for the window's width when it is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMenu, QSplitter

from soloservice.ui.inbox.pane import WIDE_WINDOW
from soloservice.ui.window_fit import restore_fitting_geometry

if TYPE_CHECKING:
    from soloservice.ui.main_window import MainWindow

#: the inquiry list's first width on a laptop screen: room for the subject (see InboxTable)
MIN_LIST_WIDTH = 500


def _splitters(window: MainWindow) -> tuple[tuple[str, QSplitter], ...]:
    # "layout2": the three-pane layout of 0.2; states saved by the old layout don't fit it
    return (
        ("layout2-main", window.splitter),
        ("layout2-right", window.pane),
        ("layout2-reading", window.pane.reading),
    )


def restore_ui_state(window: MainWindow) -> bool:
    """Bring back what ui.ini saved; True when the founder's pane sizes came back (then the
    window does not size the panes itself when it is first shown)."""
    s = window.ui_settings
    if s is None:
        return False
    state = s.value("window/state")
    if state is not None:
        window.restoreState(state)
    restore_fitting_geometry(window, s.value("window/geometry"))
    restored = False
    for key, splitter in _splitters(window):
        value = s.value(f"splitter/{key}")
        if value is not None and splitter.restoreState(value):
            restored = True
    side = s.value("window/side_panel")
    if side is not None:
        window.pane.set_side_visible(str(side).lower() in ("true", "1"))
    header = s.value("table/header")
    if header is not None:
        window.table.horizontalHeader().restoreState(header)
    return restored


def save_ui_state(window: MainWindow) -> None:
    s = window.ui_settings
    if s is None:
        return
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    for key, splitter in _splitters(window):
        s.setValue(f"splitter/{key}", splitter.saveState())
    s.setValue("window/side_panel", window.pane.side_visible())
    s.setValue("table/header", window.table.horizontalHeader().saveState())
    s.sync()


def lay_out_panes(window: MainWindow, width: int) -> None:
    """First sizes for the window's width: the list gets room for its subjects, the
    conversation the rest; the side panel opens by itself only on a wide window."""
    sidebar = max(window.sidebar.minimumWidth(), min(240, width // 8))
    rest = max(width - sidebar, 900)
    # The list needs ~500 px to keep subjects readable next to name and due time; the
    # reading column at least what the composer's row needs.
    pane = window.pane
    reading_min = pane.reading.minimumSizeHint().width() + 20
    wanted = max(int(rest * 0.42), MIN_LIST_WIDTH, window.table.readable_width())
    listing = min(wanted, rest - reading_min)
    wide = width >= WIDE_WINDOW
    pane.set_side_visible(wide)  # first: a shown side panel's minimum counts
    window.splitter.setSizes([sidebar, listing, rest - listing])
    if wide:
        side = min(460, int((rest - listing) * 0.45))
        pane.setSizes([rest - listing - side, side])
    pane.size_reading_column()


def close_tool_windows(window: MainWindow) -> bool:
    """Close every other visible top-level window (review, follow-ups, pulse, templates:
    windows of their own); False if one stays open (it asked about unsaved work)."""
    others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]
    for widget in others:
        widget.close()
    return not any(w.isVisible() for w in others if not isinstance(w, QMenu))
