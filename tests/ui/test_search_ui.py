"""The search box of the real main window: results as you type, off the GUI thread, with the
matching passage shown (escaped, then highlighted) for the rows that matched."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soloservice.domain.search_query import MARK_END, MARK_START
from soloservice.services.dto import InboxQuery, View
from soloservice.services.registry import Services
from soloservice.ui.inbox.model import Column
from soloservice.ui.inbox.search import SEARCH_DELAY_MS, SNIPPET_ROLE, snippet_html
from soloservice.ui.inbox.sidebar_model import SidebarEntry
from soloservice.ui.main_window import MainWindow
from tests.helpers.factories import make_inquiry

CTRL = Qt.KeyboardModifier.ControlModifier


def customers(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(r, Column.CUSTOMER)) for r in range(model.rowCount())]


def subject_index(window: MainWindow, row: int = 0) -> Any:
    return window.model.index(row, Column.SUBJECT)


def test_typing_a_word_of_a_message_shows_the_matching_rows(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert SEARCH_DELAY_MS <= 150
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.search, "penge")  # "pengene" is only in Peter's message
    qtbot.waitUntil(lambda: customers(window) == ["Peter Nielsen"])
    snippet = window.model.data(subject_index(window), SNIPPET_ROLE)
    assert f"{MARK_START}pengene{MARK_END}" in snippet
    tooltip = window.model.data(subject_index(window), Qt.ItemDataRole.ToolTipRole)
    assert "<b" in tooltip and "pengene</b>" in tooltip
    assert window.model.data(window.model.index(0, Column.CUSTOMER), SNIPPET_ROLE) is None
    assert not window.table.viewport().grab().isNull()  # the highlighted cell paints
    assert window.table.selected_id() == window.model.id_at(0)

    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12)
    assert window.model.data(subject_index(window), SNIPPET_ROLE) is None


def test_the_search_runs_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original: Callable[[InboxQuery], list[int]] = services.inbox.list_ids

    def recording(query: InboxQuery) -> list[int]:
        if query.search:
            threads.append(threading.current_thread().name)
            assert threading.current_thread() is not threading.main_thread()
        return original(query)

    monkeypatch.setattr(services.inbox, "list_ids", recording)
    qtbot.keyClicks(window.search, "Kruset")
    qtbot.waitUntil(lambda: customers(window) == ["Anne Sørensen"])
    assert threads and threading.main_thread().name not in threads


def test_only_the_newest_answer_is_shown(qtbot: QtBot, window: MainWindow) -> None:
    base = window.model.query
    window.searches.request(dataclasses.replace(base, search="pakke"))
    window.searches.request(dataclasses.replace(base, search="penge"))
    qtbot.waitUntil(lambda: window.searches.pending is None)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.model.query.search == "penge"
    assert customers(window) == ["Peter Nielsen"]


def test_a_view_chosen_while_searching_keeps_the_search(qtbot: QtBot, window: MainWindow) -> None:
    window.searches.request(dataclasses.replace(window.model.query, search="penge"))
    window.sidebar.select_entry(SidebarEntry(view=View.RESOLVED))
    qtbot.waitUntil(lambda: window.searches.pending is None and not window.runner.busy)
    assert window.model.query.view is View.RESOLVED
    assert window.model.query.search == "penge"
    assert window.model.rowCount() == 0  # Peter's inquiry is not resolved


def test_customer_text_is_escaped_before_it_is_highlighted(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    make_inquiry(
        services,
        name="Hacker",
        email="h@example.com",
        subject="Spørgsmål",
        text='<img src="x" onerror="alert(1)"> <b>fed</b> glasur',
    )
    window.reload()
    qtbot.keyClicks(window.search, "glasur")
    qtbot.waitUntil(lambda: customers(window) == ["Hacker"])
    tooltip = window.model.data(subject_index(window), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip
    assert "&lt;b&gt;fed&lt;/b&gt;" in tooltip
    assert "glasur</b>" in tooltip
    assert "<script" not in snippet_html("<script>x</script>")


@pytest.mark.parametrize("text", ['"', "*", "-", "AND", "from:", "channel:", "#", '"unclosed'])
def test_hostile_typing_never_fails(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.model.query.search == text)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.last_error == ""


def test_from_and_channel_filters_in_the_box(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "from:sarah")
    qtbot.waitUntil(lambda: customers(window) == ["Sarah Miller"])
    window.search.clear()
    qtbot.keyClicks(window.search, "channel:instagram")
    qtbot.waitUntil(lambda: customers(window) == ["Kari Hansen"])
