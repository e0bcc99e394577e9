"""Every menu entry, triggered once on a realistic window: nothing may raise.

Each entry is triggered and then given the time to do its work before anything is closed:
its worker tasks finish and their callbacks run on the GUI thread (success or error path),
the dialog or window it opens actually shows. Only then are the new windows closed, and the
callbacks that arrive after the close must not fail either (a callback touching a deleted
dialog is a classic crash). An exception anywhere in that (a slot, a callback, an event
handler), a task error nobody handled, or an error box showing a raw Python exception fails
the test, naming the entry. The window has a social account whose server is down, so "Poll
social accounts now" runs its error path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from soloservice.services.mail_accounts import AccountInput
from soloservice.services.secrets import SecretPlace
from soloservice.ui.main_window import MainWindow
from tests.helpers.mailservers import HOST, free_port

#: entries that end the session
SKIPPED = {"Quit"}
#: a raw exception shown to the user ("KeyError('x')"): an unexpected error, not a message
RAW_EXCEPTION = re.compile(r"^\s*[\w.]*(Error|Exception)\(|Traceback \(most recent call last\)")
SETTLE_TIMEOUT_MS = 15_000


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            submenu.aboutToShow.emit()  # menus filled when they open (snooze) get their entries
            found.extend(_menu_actions(submenu))
        else:
            found.append(action)
    return found


def _visible_windows(main: MainWindow) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w is not main and w.isVisible()]


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    """Until the worker is idle and every callback and posted event has run (a callback may
    start the next task, a timer of 0 ms may post one)."""
    for _ in range(5):
        QCoreApplication.processEvents()
        if not window.runner.busy:
            QCoreApplication.processEvents()
            if not window.runner.busy:
                return
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=SETTLE_TIMEOUT_MS)


def _close(window: QWidget) -> None:
    if isinstance(window, QDialog):
        window.reject()  # as Escape would; a QMessageBox too
    window.close()


@dataclass(frozen=True)
class _State:
    """What an entry can visibly change; an entry that changes none of it did nothing."""

    windows: tuple[int, ...]
    status: str
    focus: int
    detail: int | None
    tab: int
    rows: int
    checked: tuple[bool, ...]
    urls: int
    tasks: int


@dataclass
class _Watch:
    tasks: int = 0  # callbacks the worker's answers ran
    urls: int = 0  # links "opened"
    unhandled: list[BaseException] = field(default_factory=list)


def _state(window: MainWindow, actions: list[QAction], watch: _Watch) -> _State:
    focus = QApplication.focusWidget()
    return _State(
        windows=tuple(sorted(id(w) for w in _visible_windows(window))),
        status=window.statusBar().currentMessage(),
        focus=id(focus) if focus is not None else 0,
        detail=window.detail.id if window.detail is not None else None,
        tab=window.panels.currentIndex(),
        rows=window.model.rowCount(),
        checked=tuple(a.isChecked() for a in actions),
        urls=watch.urls,
        tasks=watch.tasks,
    )


@pytest.fixture
def realistic(window: MainWindow) -> Iterator[MainWindow]:
    """The seeded window plus a mail and a social account whose servers do not answer."""
    window.services.mail_accounts.add(
        AccountInput(
            name="shop",
            email="shop@example.dk",
            imap_host=HOST,
            imap_port=free_port(),
            smtp_host=HOST,
            smtp_port=free_port(),
            username="shop",
        ),
        password="secret",
        place=SecretPlace.SESSION,
    )
    window.services.social.add(
        "shop-fb",
        "facebook",
        "1044",
        token="t0ken",
        base_url=f"http://{HOST}:{free_port()}",
        place=SecretPlace.SESSION,
    )
    window.reload()
    yield window


def test_every_menu_entry_runs_without_error(
    qtbot: QtBot, realistic: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = realistic
    watch = _Watch()
    # Entries that ask for a file get "cancelled"; links are counted, not opened.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))

    def open_url(url: QUrl) -> bool:
        watch.urls += 1
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    window.runner.task_done.connect(lambda: setattr(watch, "tasks", watch.tasks + 1))
    window.runner.unhandled_error.connect(watch.unhandled.append)

    actions = [
        action
        for key in ("file", "edit", "inquiry", "view", "tools", "help")
        for action in _menu_actions(window.menu(key))
    ]
    triggered: list[str] = []
    no_effect: list[str] = []
    windows_opened = 0
    for action in actions:
        text = action.text().replace("&", "")
        if text in SKIPPED or not action.isEnabled():
            continue
        window.table.setFocus()  # where a user would be; entries that move the focus show it
        before = _state(window, actions, watch)
        old_windows = set(_visible_windows(window))
        with qtbot.captureExceptions() as exceptions:
            action.trigger()
            _settle(qtbot, window)
            after = _state(window, actions, watch)
            new_windows = [w for w in _visible_windows(window) if w not in old_windows]
            raw_errors = [
                w.text()
                for w in new_windows
                if isinstance(w, QMessageBox) and RAW_EXCEPTION.search(w.text())
            ]
            for _round in range(3):  # closing may ask something (a second box)
                opened = [w for w in _visible_windows(window) if w not in old_windows]
                if not opened:
                    break
                for widget in opened:
                    _close(widget)
                _settle(qtbot, window)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            _settle(qtbot, window)
            window.activateWindow()
        assert not exceptions, f"{text!r} raised: " + "; ".join(
            f"{kind.__name__}: {value}" for kind, value, _tb in exceptions
        )
        assert not watch.unhandled, f"{text!r}: a task failed and nobody handled it: {watch}"
        assert not raw_errors, f"{text!r} showed a raw exception: {raw_errors}"
        assert not [w for w in _visible_windows(window) if w not in old_windows], text
        triggered.append(text)
        windows_opened += bool(new_windows)
        if after == before:
            no_effect.append(text)
    assert len(triggered) >= 20, triggered
    assert windows_opened >= 15, windows_opened  # the dialogs really opened
    assert watch.tasks >= 5, watch.tasks  # and the worker's answers really arrived
    assert not no_effect, f"entries that did nothing visible: {no_effect}"
    assert window.isVisible()
