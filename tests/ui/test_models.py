from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel, ChannelGroup, InquiryKind, Status
from soloservice.services.demo import generate_demo
from soloservice.services.dto import InboxQuery, SortKey, View
from soloservice.services.registry import Services
from soloservice.ui.inbox.cells import OVERDUE_FG
from soloservice.ui.inbox.model import (
    ID_ROLE,
    PAGE_SIZE,
    Column,
    InboxModel,
)
from soloservice.ui.inbox.sidebar_model import COUNT_ROLE, ENTRIES, SidebarEntry, SidebarModel
from soloservice.ui.inbox.table import InboxTable
from tests.helpers.clock import FixedClock


def test_inbox_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, seeded: list[int]
) -> None:
    model = InboxModel(services)
    assert model.rowCount() == len(seeded)
    qtmodeltester.check(model)
    model.sort(Column.CUSTOMER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    services.inquiries.set_status(seeded[0], Status.RESOLVED)
    model.refresh()
    assert model.rowCount() == len(seeded) - 1
    qtmodeltester.check(model)


def test_sorting_by_due_happens_in_sql(services: Services, seeded: list[int]) -> None:
    model = InboxModel(services, InboxQuery(sort=SortKey.RECEIVED))
    model.sort(Column.DUE, Qt.SortOrder.AscendingOrder)
    assert model.query.sort is SortKey.DUE
    dues = [model.row_data(r).due_at for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert dues == sorted(dues)  # type: ignore[type-var]
    model.sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    dues_desc = [model.row_data(r).due_at for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert dues_desc == sorted(dues, reverse=True)  # type: ignore[type-var]


def test_overdue_rows_are_red_and_bold(
    services: Services, seeded: list[int], clock: FixedClock
) -> None:
    clock.advance(days=3)
    model = InboxModel(services)
    index = model.index(0, Column.DUE)
    row = model.row_data(0)
    assert row is not None and row.overdue
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_FG
    assert model.data(index, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, Column.CHANNEL), Qt.ItemDataRole.DecorationRole) is not None


def test_filtering_by_channel_group_and_search(services: Services, seeded: list[int]) -> None:
    model = InboxModel(services, InboxQuery(group=ChannelGroup.SOCIAL))
    channels = {model.row_data(r).channel for r in range(model.rowCount())}  # type: ignore[union-attr]
    assert channels and channels <= {Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X}
    model.set_query(InboxQuery(search="nordmann"))
    assert model.rowCount() == 1
    assert model.data(model.index(0, Column.CUSTOMER)) == "Ole Nordmann"


def test_a_large_inbox_only_fetches_the_rows_it_shows(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    generate_demo(services.ctx, 3000)  # the service's own bulk path: seconds, not minutes
    total = services.inbox.count(InboxQuery())
    assert total > 3 * PAGE_SIZE
    model = InboxModel(services)
    assert model.rowCount() == total
    assert model.cached_count == 0
    table = InboxTable(model)
    qtbot.addWidget(table)
    table.resize(900, 600)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: model.cached_count > 0)
    assert model.cached_count <= PAGE_SIZE
    assert model.fetched_rows < total
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_count > PAGE_SIZE)
    assert model.cached_count <= 3 * PAGE_SIZE
    assert model.data(model.index(total - 1, 0), ID_ROLE) == model.ids[-1]


def test_sidebar_model_counts_and_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, seeded: list[int], clock: FixedClock
) -> None:
    model = SidebarModel(services)
    qtmodeltester.check(model)
    inbox_row = model.row_of(SidebarEntry(view=View.INBOX))
    assert model.data(model.index(inbox_row, 0), COUNT_ROLE) == len(seeded)
    header_row = next(i for i, e in enumerate(ENTRIES) if e.is_header)
    assert not model.flags(model.index(header_row, 0)) & Qt.ItemFlag.ItemIsSelectable
    services.inquiries.snooze(seeded[0], clock.now + timedelta(days=1))
    model.refresh()
    assert model.data(model.index(inbox_row, 0), COUNT_ROLE) == len(seeded) - 1
    snoozed_row = model.row_of(SidebarEntry(view=View.SNOOZED))
    assert model.data(model.index(snoozed_row, 0), COUNT_ROLE) == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
    qtmodeltester.check(model)


def test_closed_loop_cases_stand_out_in_red(qtmodeltester: ModelTester, services: Services) -> None:
    """An unhappy follow-up answer reopens the case: it must be impossible to miss."""
    from soloservice.ui.inbox.cells import CLOSED_LOOP_FG
    from soloservice.ui.inbox.model import Column, InboxModel
    from tests.helpers.factories import make_inquiry, resolve

    unhappy = make_inquiry(services, email="sad@example.dk")
    plain = make_inquiry(services, email="ok@example.dk", kind=InquiryKind.QUESTION)
    check = resolve(services, unhappy.id)
    services.surveys.record_answer(check.id, satisfied=False, score=2)  # reopens: call back
    assert services.inquiries.get(unhappy.id).closed_loop
    model = InboxModel(services)
    qtmodeltester.check(model)
    rows = {model.id_at(r): r for r in range(model.rowCount())}
    status = model.index(rows[unhappy.id], Column.STATUS)
    assert model.data(status) == "Call back!"
    assert model.data(status, Qt.ItemDataRole.ForegroundRole).color() == CLOSED_LOOP_FG
    subject = model.index(rows[unhappy.id], Column.SUBJECT)
    assert "call back within 24 hours" in model.data(subject, Qt.ItemDataRole.ToolTipRole)
    assert model.data(subject, Qt.ItemDataRole.DecorationRole) is not None
    plain_subject = model.index(rows[plain.id], Column.SUBJECT)
    assert model.data(plain_subject, Qt.ItemDataRole.DecorationRole) is None
