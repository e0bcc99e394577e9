"""Features plug into the main window here, so the window itself stays small.

Every module in this package has ``install(window: FeatureHost) -> object`` (host.py: the
extension points, not the whole window); what it returns (the feature's controller) is
kept in ``window.features[module name]`` and read back typed with
``window.feature(name, ControllerClass)``. It may add menu
entries (``window.menu("tools")``), toolbar buttons (``window.toolbar``), tabs under the
conversation (``window.add_inquiry_tab``), sections of the customer card
(``window.add_card_section``) and react to ``window.inquiry_changed`` /
``window.data_changed``. Modules are installed in name order.

Importing and installing every feature costs about half a second at launch, and none of
them is on the first inbox page. The app therefore installs them after that page is on the
screen (``FeatureInstaller.install_later``), one module per event-loop turn so the window
answers input in between; anything that needs a feature before then (``window.feature``,
``window.features``, the tests' ``open_window``) calls ``ensure()``, which installs what is
left at once. A feature reads ``window.detail`` when it is installed (the first inquiry
may be on screen before it), then follows ``window.inquiry_changed``.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

#: modules here that are not features
NOT_FEATURES = frozenset({"host"})
#: keys that only modify the next one (pressed first: Ctrl, then M)
_MODIFIER_KEYS = frozenset(
    k.value
    for k in (
        Qt.Key.Key_Control,
        Qt.Key.Key_Shift,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_unknown,
    )
)
#: a key pressed with one of these (or a function key) may be a feature's shortcut
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def feature_names() -> list[str]:
    """Every feature module's name, in the order they are installed."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_") and info.name not in NOT_FEATURES
    )


def install_feature(window: FeatureHost, name: str) -> object:
    return importlib.import_module(f"{__name__}.{name}").install(window)


def install_features(window: FeatureHost) -> dict[str, object]:
    return {name: install_feature(window, name) for name in feature_names()}


class FeatureInstaller(QObject):
    """Installs a window's features, now (``ensure``) or over the next event-loop turns
    (``install_later``); ``installed`` fires once, when the last one is in."""

    installed = Signal()

    def __init__(self, window: FeatureHost, names: list[str] | None = None) -> None:
        super().__init__(window.widget)
        self.window = window
        #: what is installed so far (the window's ``features``)
        self.features: dict[str, object] = {}
        self.pending: list[str] = feature_names() if names is None else list(names)
        self.done = not self.pending
        self._installing = False
        # A window closed before its features were all in (Ctrl+Q at once, a test that
        # is over) installs no more: a late feature would start work on a closed window.
        window.closing.connect(self.cancel)
        app = QCoreApplication.instance()
        self._app = app if not self.done else None
        if self._app is not None:
            # A shortcut pressed before its feature is in is not lost (see eventFilter).
            self._app.installEventFilter(self)

    def cancel(self) -> None:
        """Install nothing more (the window is closing)."""
        self.pending.clear()
        self._stop_watching_keys()

    def _stop_watching_keys(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A key press in the window that may be a shortcut, while features are still
        waiting: install them now and run the action the key belongs to, if there is one.
        Typing (no Ctrl/Alt/Meta, no function key) passes untouched."""
        if (
            event.type() != QEvent.Type.KeyPress
            or not self.pending
            or self._installing
            or not isinstance(event, QKeyEvent)
            or not isinstance(watched, QWidget)
            or watched.window() is not self.window.widget
        ):
            return False
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        function_key = Qt.Key.Key_F1.value <= key <= Qt.Key.Key_F35.value
        if not function_key and not event.modifiers() & _SHORTCUT_MODIFIERS:
            return False
        self.ensure()
        pressed = QKeySequence(event.keyCombination())
        for action in self.window.widget.findChildren(QAction):
            if action.isEnabled() and any(s == pressed for s in action.shortcuts()):
                action.trigger()
                return True
        return False

    def install_later(self) -> None:
        """Install one feature per event-loop turn from the next turn on."""
        if not self.done:
            QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        if not self.pending or self._installing:
            return
        try:
            self._install(self.pending[:1])
        finally:  # a feature that failed (the crash dialog shows it) stops no other
            if self.pending:
                QTimer.singleShot(0, self, self._step)

    def ensure(self) -> dict[str, object]:
        """Install every feature not installed yet, now; the features so far while one is
        being installed (a feature that asks for another during its own install sees those
        before it, as when they were all installed in one go)."""
        if self.pending and not self._installing:
            self._install(list(self.pending))
        return self.features

    def _install(self, names: list[str]) -> None:
        self._installing = True
        try:
            for name in names:
                self.pending.remove(name)
                self.features[name] = install_feature(self.window, name)
        finally:
            self._installing = False
            if not self.pending and not self.done:
                self.done = True
                self._stop_watching_keys()
                self.installed.emit()
