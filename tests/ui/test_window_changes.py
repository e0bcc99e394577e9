"""After a change the window redraws only what changed (issue 14, item 5).

A note refetches its row; a resolve removes its row (``rowsRemoved``, no reset) and moves
the selection to the neighbour; rows of other inquiries are never asked of the database again.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Direction, Status
from soloservice.services.changes import Changes
from soloservice.services.demo import generate_demo
from soloservice.services.dto import InboxQuery, InquiryListRow, View
from soloservice.services.registry import Services
from soloservice.ui.inbox.model import InboxModel
from soloservice.ui.main_window import MainWindow
from tests.helpers.clock import FixedClock
from tests.ui.conftest import open_window
from tests.ui.helpers import seed_inbox


class Watch:
    """Counts what the inbox model tells its views and which rows it asks for."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        model = window.model
        self.resets = 0
        self.removed: list[tuple[int, int]] = []
        self.inserted: list[tuple[int, int]] = []
        self.asked: list[int] = []
        self.recounts = 0
        model.modelReset.connect(self._reset)
        model.rowsRemoved.connect(lambda _p, first, last: self.removed.append((first, last)))
        model.rowsInserted.connect(lambda _p, first, last: self.inserted.append((first, last)))
        inbox = window.services.inbox
        rows = inbox.rows

        def asking(ids: list[int]) -> list[InquiryListRow]:
            self.asked.extend(ids)
            return rows(ids)

        monkeypatch.setattr(inbox, "rows", asking)
        sidebar = window.sidebar_model
        refresh = sidebar.refresh

        def recount() -> None:
            self.recounts += 1
            refresh()

        monkeypatch.setattr(sidebar, "refresh", recount)

    def _reset(self) -> None:
        self.resets += 1


@pytest.fixture
def big(qtbot: QtBot, services: Services, clock: FixedClock) -> Iterator[MainWindow]:
    generate_demo(services.ctx, 3000)
    with services.ctx.db.engine.begin() as conn:  # every one of them in the Inbox view
        conn.exec_driver_sql("UPDATE inquiry SET status = 'open', snoozed_until = NULL")
    window = open_window(qtbot, services)
    assert window.model.rowCount() >= 2000
    yield window
    window.runner.wait()


def settle(qtbot: QtBot, window: MainWindow) -> None:
    window.runner.wait()
    qtbot.wait(50)  # let the list repaint (it asks for the rows it shows)


def test_resolving_one_of_thousands_removes_its_row_without_a_reset(
    qtbot: QtBot, big: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, model = big, big.model
    window.table.select_row(4)
    target, neighbour = model.id_at(4), model.id_at(5)
    assert target is not None and neighbour is not None
    settle(qtbot, window)
    before = window.sidebar_model.counts.views[View.INBOX]
    cached_before = set(model.ids[:100])
    watch = Watch(window, monkeypatch)
    window.ops.set_status(target, Status.RESOLVED)
    qtbot.waitUntil(lambda: model.row_of(target) is None)
    settle(qtbot, window)
    assert watch.resets == 0
    assert watch.removed == [(4, 4)]
    assert not set(watch.asked) & cached_before  # no other row was fetched again
    assert window.table.selected_id() == neighbour  # triage goes on with the next one
    assert window.table.selectionModel().isRowSelected(4)
    assert window.detail is not None and window.detail.id == neighbour
    assert watch.recounts == 1
    assert window.sidebar_model.counts.views[View.INBOX] == before - 1


def test_a_note_refetches_only_its_row_and_keeps_the_selection(
    qtbot: QtBot, big: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, model = big, big.model
    window.table.select_row(3)
    target = model.id_at(3)
    assert target is not None
    settle(qtbot, window)
    ids = list(model.ids)
    watch = Watch(window, monkeypatch)
    window.add_note(target, "Rang og lovede svar i morgen")
    qtbot.waitUntil(
        lambda: (
            window.detail is not None
            and any(m.direction is Direction.NOTE for m in window.detail.messages)
        )
    )
    settle(qtbot, window)
    model.row_data(3)  # painted or not: the row is read afresh, once
    assert watch.resets == 0 and watch.removed == [] and watch.inserted == []
    assert watch.asked == [target]
    assert model.ids == ids
    assert window.table.selected_id() == target
    assert window.detail.id == target
    assert watch.recounts == 0  # a note moves nothing between views


def test_a_case_opened_from_elsewhere_stays_shown_after_it_leaves_the_view(
    qtbot: QtBot, services: Services, seeded: list[int]
) -> None:
    window = open_window(qtbot, services)
    window.table.select_row(0)
    outside = seeded[-1]
    services.inquiries.set_status(outside, Status.RESOLVED)  # from the CLI, beside the window
    window.reload()
    assert window.model.row_of(outside) is None
    window.show_inquiry(outside)  # from search or a card: not in the Inbox view
    assert window.detail is not None and window.detail.id == outside
    window.ops.set_status(outside, Status.CLOSED)
    qtbot.waitUntil(lambda: window.detail is not None and window.detail.status is Status.CLOSED)
    window.runner.wait()
    assert window.detail.id == outside


def test_reconcile_removes_and_inserts_rows_and_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, seeded: list[int], clock: FixedClock
) -> None:
    model = InboxModel(services, InboxQuery())
    qtmodeltester.check(model)
    resets: list[None] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(None))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    services.inquiries.set_status(model.ids[1], Status.RESOLVED)
    services.inquiries.set_status(model.ids[2], Status.RESOLVED)
    model.reconcile()
    assert model.ids == services.inbox.list_ids(model.query)
    added = seed_inbox(services, clock.now, 2)
    model.reconcile()
    assert model.ids == services.inbox.list_ids(model.query)
    assert set(added) <= set(model.ids)
    assert resets == [] and inserted
    qtmodeltester.check(model)
    for row in range(model.rowCount()):
        data = model.row_data(row)
        assert data is not None and data.id == model.ids[row]


def test_changes_merge() -> None:
    merged = Changes.rows(1) | Changes.status(2)
    assert merged.inquiry_ids == {1, 2} and merged.membership and merged.counts
    assert not merged.customers
    assert Changes().empty and not Changes.rows(3).empty
