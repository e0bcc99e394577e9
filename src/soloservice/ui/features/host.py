"""What a feature may use of the main window: the extension points, and nothing else.

Features were handed the whole ``MainWindow``, so any of them could reach into the table,
the splitters or another feature's widgets, and a change to the window's layout could break
a feature far away. ``FeatureHost`` names what DEVELOPERS.md lists as the plug-in points;
features are typed against it (``install(window: FeatureHost)``) and none imports
ui/main_window.py (tests/test_architecture.py), ``MainWindow`` satisfies it
(tests/ui/test_features.py), mypy checks the bodies.

``widget`` is the window as a plain ``QWidget``: the parent for a feature's actions,
dialogs and controllers, so that they die with the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QStatusBar, QToolBar, QWidget

    from soloservice.domain.settings import Settings
    from soloservice.services.dto import InquiryDetail, ViewCounts
    from soloservice.services.registry import Services
    from soloservice.ui.actions import Actions
    from soloservice.ui.inquiry_operations import InquiryOps
    from soloservice.ui.tasks import TaskRunner

F = TypeVar("F")


@runtime_checkable
class FeatureHost(Protocol):
    #: every service, over the window's context
    services: Services
    #: the one ordered worker: results come back on the GUI thread
    runner: TaskRunner
    #: the inquiry shown, or None
    detail: InquiryDetail | None
    toolbar: QToolBar
    #: the window's own actions (Refresh, Quit, New inquiry…), to chain to or place beside
    commands: Actions
    #: changes to inquiries off the GUI thread, with undo (ui/inquiry_operations.py)
    ops: InquiryOps

    @property
    def widget(self) -> QWidget:
        """The window, as the parent of a feature's actions, dialogs and controllers."""
        ...

    @property
    def ui_settings(self) -> QSettings | None:
        """The window's ui.ini beside the store, for what the founder saw or chose on this
        machine; None in a window built without one (tests, the scenario suite)."""
        ...

    # -- signals (emitted on the GUI thread) ------------------------------------------------------

    @property
    def inquiry_changed(self) -> SignalInstance:
        """The shown inquiry changed (an ``InquiryDetail`` or None)."""
        ...

    @property
    def data_changed(self) -> SignalInstance:
        """The list and counts were reloaded after a change."""
        ...

    @property
    def closing(self) -> SignalInstance:
        """The window is closing: stop long work."""
        ...

    # -- extension points -----------------------------------------------------------------------

    def menu(self, key: str) -> QMenu: ...

    def addAction(self, action: QAction, /) -> None: ...

    def add_inquiry_tab(self, widget: QWidget, title: str, order: int = 50) -> None: ...

    def set_inquiry_tab_title(self, widget: QWidget, title: str) -> None: ...

    def show_inquiry_tab(self, widget: QWidget) -> None: ...

    def add_card_section(self, widget: QWidget) -> None: ...

    def set_empty_inbox(self, widget: QWidget) -> None:
        """The page shown in place of the inquiry list while the store is empty."""
        ...

    def show_empty_inbox(self, empty: bool) -> None:
        """That page (True) or the list (False, which then takes the keyboard)."""
        ...

    def show_inquiry_ids(self, ids: list[int], label: str) -> None: ...

    def apply_settings(self, settings: Settings) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    # -- asking the window to act ---------------------------------------------------------------

    def reload(self) -> None: ...

    def view_counts(self) -> ViewCounts:
        """The counts the sidebar shows, from the last (re)load: reused instead of counting
        every view again (a count at 100k inquiries is the slowest query of a reload)."""
        ...

    def open_inquiry(self, inquiry_id: object) -> None: ...

    def show_inquiry(self, inquiry_id: int) -> None: ...

    def after_change(self, message: str, inquiry_id: object) -> None: ...

    def show_created(self, detail: InquiryDetail, message: str) -> None:
        """A new inquiry: reload, select it (the message says when the view hides it)."""
        ...

    def show_error(self, message: str) -> None: ...

    def feature(self, name: str, cls: type[F]) -> F: ...
