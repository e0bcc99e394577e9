"""What each cell of the inbox list says (ui/inbox/cells.py), as rules over any row.

The founder reads the list at a glance: an answered case shows no running promise, an
overdue one says by how much and is red, a snoozed one says until when, an unhappy
follow-up answer waiting for its call-back says "Call back" (with "!" when a public
complaint is at risk), and nothing a customer wrote is ever read as markup. Checked as
properties over generated rows, then once through the real window's model.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from soloservice.domain.types import Channel, InquiryKind, Status
from soloservice.services.dto import InquiryListRow
from soloservice.ui.inbox import cells
from soloservice.ui.inbox.cells import Column
from tests.properties.conftest import PROPERTIES

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
moments = st.integers(min_value=-30 * 24 * 60, max_value=30 * 24 * 60).map(
    lambda minutes: NOW + timedelta(minutes=minutes)
)


@st.composite
def rows(draw: st.DrawFn) -> InquiryListRow:
    due = draw(st.none() | moments)
    return InquiryListRow(
        id=draw(st.integers(1, 10**6)),
        customer_id=draw(st.integers(1, 10**6)),
        customer_name=draw(texts),
        channel=draw(st.sampled_from(list(Channel))),
        subject=draw(texts),
        snippet=draw(texts),
        kind=draw(st.sampled_from(list(InquiryKind))),
        status=draw(st.sampled_from(list(Status))),
        received_at=draw(moments),
        due_at=due,
        snoozed_until=draw(st.none() | moments),
        lifetime_value=draw(st.floats(0, 1e9, allow_nan=False)),
        overdue=draw(st.booleans()) and due is not None and due < NOW,
        due_today=draw(st.booleans()),
        closed_loop=draw(st.booleans()),
        at_risk_public=draw(st.booleans()),
        needs_reply=draw(st.booleans()),
    )


def shown(row: InquiryListRow, column: Column) -> str:
    return cells.display(row, column, CPH, NOW, "DKK")


@PROPERTIES
@given(rows())
def test_an_answered_case_shows_no_running_promise(row: InquiryListRow) -> None:
    due = shown(row, Column.DUE)
    if not row.needs_reply or row.due_at is None:
        assert due == "—"
        assert cells.tooltip(row, Column.DUE, CPH, NOW, {}) is None
    else:
        assert due != "—"


@PROPERTIES
@given(rows())
def test_the_due_tooltip_says_late_or_promised(row: InquiryListRow) -> None:
    tip = cells.tooltip(row, Column.DUE, CPH, NOW, {})
    if row.due_at is None or not row.needs_reply:
        assert tip is None
    elif row.overdue:
        assert tip is not None and tip.startswith("Overdue by ") and "(promised " in tip
    else:
        assert tip is not None and tip.startswith("Answer promised by ")


@PROPERTIES
@given(rows())
def test_the_status_says_call_back_before_anything_but_a_snooze(row: InquiryListRow) -> None:
    status = shown(row, Column.STATUS)
    awaiting = row.closed_loop and row.status in (Status.NEW, Status.OPEN)
    if cells.snoozed(row, NOW):
        assert status == "Snoozed"
        assert (cells.tooltip(row, Column.STATUS, CPH, NOW, {}) or "").startswith("Snoozed until")
    elif awaiting:
        assert status == ("Call back!" if row.at_risk_public else "Call back")
    else:
        assert status not in ("Snoozed", "Call back", "Call back!")


@PROPERTIES
@given(rows())
def test_colours_follow_urgency(row: InquiryListRow) -> None:
    awaiting = row.closed_loop and row.status in (Status.NEW, Status.OPEN)
    due = cells.foreground(row, Column.DUE)
    if row.overdue:
        assert due is not None and due.color() == cells.OVERDUE_FG
    elif row.due_today:
        assert due is not None and due.color() == cells.DUE_TODAY_FG
    else:
        assert due is None
    subject = cells.foreground(row, Column.SUBJECT)
    assert (subject is not None) == awaiting
    for quiet in (Column.RECEIVED, Column.VALUE):
        brush = cells.foreground(row, quiet)
        assert brush is not None and brush.color() == cells.MUTED_FG


@PROPERTIES
@given(rows())
def test_customer_text_in_a_tooltip_is_never_markup(row: InquiryListRow) -> None:
    tip = cells.tooltip(row, Column.SUBJECT, CPH, NOW, {})
    assert tip is not None
    assert not tip.startswith("<qt>")  # plain_tooltip: shown literally, whatever it holds
    if row.kind is InquiryKind.COMPLAINT and not (
        row.closed_loop and row.status in (Status.NEW, Status.OPEN)
    ):
        assert "Complaint" in tip


@PROPERTIES
@given(rows(), texts)
def test_a_search_snippet_is_escaped_rich_text(row: InquiryListRow, passage: str) -> None:
    tip = cells.tooltip(row, Column.SUBJECT, CPH, NOW, {row.id: passage})
    assert tip is not None and tip.startswith("<qt>") and tip.endswith("</qt>")
    inner = tip[len("<qt>") : -len("</qt>")]
    # the only markup is the highlight around matched words; the customer's "<" is text
    assert "<" not in re.sub(r'<b style="[^"<>]*">|</b>', "", inner)


@PROPERTIES
@given(rows())
def test_a_nameless_customer_is_shown_as_unknown(row: InquiryListRow) -> None:
    name = shown(row, Column.CUSTOMER)
    assert name == (row.customer_name or "(unknown)")


def test_the_window_model_shows_what_the_cells_say(qtbot: object, services: object) -> None:
    """The same rules through the real model the main window builds."""
    from soloservice.services.registry import Services
    from soloservice.ui.inbox.model import InboxModel
    from tests.helpers.factories import phone_inquiry

    assert isinstance(services, Services)
    created = phone_inquiry(services, name="Mette Ærbø", phone="+4520000000")
    model = InboxModel(services)
    row = model.row_of(created)
    assert row is not None
    index = model.index(row, int(Column.CUSTOMER))
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "Mette Ærbø"
    due = model.index(row, int(Column.DUE))
    assert model.data(due, Qt.ItemDataRole.DisplayRole) != "—"  # a new call is owed a reply
    assert str(model.data(due, Qt.ItemDataRole.ToolTipRole)).startswith(
        ("Answer promised by", "Overdue by")
    )
