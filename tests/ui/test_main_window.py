from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from soloservice.domain.types import ChannelGroup, Status
from soloservice.services.dto import InboxQuery, SortKey, View
from soloservice.services.registry import Services
from soloservice.ui.inbox.model import Column
from soloservice.ui.inbox.sidebar_model import SidebarEntry
from soloservice.ui.main_window import MainWindow
from tests.ui.conftest import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> object:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def inbox_count(window: MainWindow) -> int:
    return window.sidebar_model.counts.views[View.INBOX]


def test_log_a_call_entirely_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    before_inbox = inbox_count(window)
    before_phone = window.sidebar_model.counts.groups[ChannelGroup.PHONE]
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    dialog = window.call_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: focused() is dialog.phone)
    qtbot.keyClicks(dialog.phone, "20 30 40 50")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Jens Petersen")  # type: ignore[arg-type]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # type: ignore[arg-type]
    assert focused() is dialog.notes
    qtbot.keyClicks(dialog.notes, "Vil høre om leveringstid")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    detail = blocker.args[0]
    assert detail.customer.name == "Jens Petersen"
    assert detail.status is Status.OPEN  # a call-back is owed by default
    qtbot.waitUntil(lambda: window.table.selected_id() == detail.id)
    assert window.detail is not None and window.detail.id == detail.id
    assert inbox_count(window) == before_inbox + 1
    assert window.sidebar_model.counts.groups[ChannelGroup.PHONE] == before_phone + 1
    assert "+45 20 30 40 50" in window.card.identities.text()


def test_resolve_drops_the_inbox_count_and_ctrl_z_undoes_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    before = inbox_count(window)
    window.table.setFocus()
    target = window.table.selected_id()
    assert target is not None
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: inbox_count(window) == before - 1)
    assert services.inquiries.get(target).status is Status.RESOLVED
    assert window.model.row_of(target) is None
    assert f"Resolved #{target}" in window.statusBar().currentMessage()
    # the next inquiry is opened so the founder can go on
    assert window.detail is not None and window.detail.id != target
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: inbox_count(window) == before)
    assert services.inquiries.get(target).status is Status.NEW
    assert window.model.row_of(target) is not None


def test_mark_waiting_moves_to_waiting_view(qtbot: QtBot, window: MainWindow) -> None:
    target = window.table.selected_id()
    qtbot.keyClick(window.table, Qt.Key.Key_W, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.sidebar_model.counts.views[View.WAITING] == 1)
    window.sidebar.select_entry(SidebarEntry(view=View.WAITING))
    assert window.model.ids == [target]


def test_snooze_hides_from_inbox_and_shows_under_snoozed(qtbot: QtBot, window: MainWindow) -> None:
    before = inbox_count(window)
    target = window.table.selected_id()
    menu: QMenu = window.commands.snooze_menu
    qtbot.keyClick(window.table, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: inbox_count(window) == before - 1)
    assert window.sidebar_model.counts.views[View.SNOOZED] == 1
    assert window.model.row_of(target) is None  # type: ignore[arg-type]
    window.sidebar.select_entry(SidebarEntry(view=View.SNOOZED))
    assert window.model.ids == [target]
    assert window.model.data(window.model.index(0, Column.STATUS)) == "Snoozed"


def test_search_filters_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    assert focused() is window.search
    qtbot.keyClicks(window.search, "Nordmann")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.data(window.model.index(0, Column.CUSTOMER)) == "Ole Nordmann"
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12)
    qtbot.keyClicks(window.search, "no such thing")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert "no such thing" in window.table.empty_text()


def click_header(qtbot: QtBot, window: MainWindow, column: Column) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )


def test_sort_by_customer_by_clicking_the_header(qtbot: QtBot, window: MainWindow) -> None:
    click_header(qtbot, window, Column.CUSTOMER)
    names = [window.model.data(window.model.index(r, Column.CUSTOMER)) for r in range(12)]
    assert names == sorted(names, key=str.lower)


def test_sort_by_due_by_clicking_the_header(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    click_header(qtbot, window, Column.CUSTOMER)  # away from the default (due) order first
    by_customer = list(window.model.ids)
    click_header(qtbot, window, Column.DUE)
    by_due = services.inbox.list_ids(InboxQuery(sort=SortKey.DUE))
    assert by_due != by_customer  # the seeded inbox tells the two orders apart
    assert window.model.ids == by_due  # every row, in the service's due order
    rows = [window.model.row_data(r) for r in range(window.model.rowCount())]
    dues = [row.due_at for row in rows if row is not None]
    owed = [d for d in dues if d is not None]
    assert owed and owed == sorted(owed) and dues[: len(owed)] == owed  # soonest first


def test_arrow_keys_open_the_inquiry_and_delete_does_nothing(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.table.setFocus()
    first = window.table.selected_id()
    assert window.detail is not None and window.detail.id == first
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.model.id_at(1)
    assert window.detail.id == second
    assert window.conversation.title.text().startswith(f"#{second}")
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 12
    assert services.inquiries.get(second).status is Status.NEW  # type: ignore[arg-type]


def test_ctrl_enter_in_the_note_box_adds_a_note(qtbot: QtBot, window: MainWindow) -> None:
    target = window.table.selected_id()
    window.conversation.note_edit.setFocus()
    qtbot.keyClicks(window.conversation.note_edit, "Ringet op, lovet svar i morgen")
    qtbot.keyClick(window.conversation.note_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.conversation.note_edit.toPlainText() == "")
    assert window.detail is not None and window.detail.id == target
    assert window.detail.messages[-1].text == "Ringet op, lovet svar i morgen"
    assert "Ringet op" in window.conversation.browser.toPlainText()


def test_sidebar_channels_filter_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_entry(SidebarEntry(group=ChannelGroup.EMAIL))
    assert window.model.rowCount() == window.sidebar_model.counts.groups[ChannelGroup.EMAIL]
    assert {
        window.model.data(window.model.index(r, Column.CHANNEL))
        for r in range(window.model.rowCount())
    } == {"Email"}


def test_empty_inbox_says_so(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    assert window.model.rowCount() == 0
    assert window.table.empty_text() == "Inbox zero — nothing waiting"
    assert not window.commands.resolve.isEnabled()


def test_window_state_is_kept_in_the_data_dir(
    qtbot: QtBot, services: Services, seeded: list[int], tmp_path: Path
) -> None:
    ini = tmp_path / "ui.ini"
    window = open_window(qtbot, services, ini)
    window.splitter.setSizes([300, 700, 400])
    window.close()
    assert ini.exists()
    again = open_window(qtbot, services, ini)
    assert again.splitter.sizes()[0] == window.splitter.sizes()[0]
