"""The Follow-ups list as a table model: every check with its state, how to ask and the answer.

Checks are few (one per resolved case, a handful of pulse questions a month), so the model
keeps plain ``SurveyView`` rows; the window re-reads them after every change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from soloservice.services.survey_dto import SurveyView
from soloservice.ui import formatting as fmt
from soloservice.ui.feedback import labels as lb
from soloservice.ui.icons import channel_icon
from soloservice.ui.plain_text import plain_tooltip
from soloservice.ui.table_model import RowTableModel

SURVEY_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    STATE = 0
    CUSTOMER = 1
    CASE = 2
    CHANNEL = 3
    WHEN = 4
    HOW = 5
    ANSWER = 6


def _priority(state: str) -> int:
    return lb.STATE_KEYS.index(state) if state in lb.STATE_KEYS else len(lb.STATE_KEYS)


class SurveyModel(RowTableModel[SurveyView]):
    columns = Column

    """``set_surveys(rows, now)``; ``set_filter(state)`` keeps only one state (None: all)."""

    def __init__(self, tz: ZoneInfo, now: datetime) -> None:
        super().__init__()
        self.tz = tz
        self.now = now
        self._all: list[SurveyView] = []
        self._filter: str | None = None

    # -- contents ---------------------------------------------------------------------------------

    def set_surveys(self, surveys: Sequence[SurveyView], now: datetime) -> None:
        self.now = now
        self._all = list(surveys)
        self._apply()

    def set_filter(self, state: str | None) -> None:
        self._filter = state
        self._apply()

    @property
    def state_filter(self) -> str | None:
        return self._filter

    def _apply(self) -> None:
        rows = [s for s in self._all if self._filter in (None, lb.state_of(s, self.now))]
        # What needs the founder first (unclear, due), then by time, newest last.
        far = datetime.max.replace(tzinfo=self.now.tzinfo)
        rows.sort(key=lambda s: (_priority(lb.state_of(s, self.now)), lb.moment_of(s) or far, s.id))
        self.set_rows(rows)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(lb.STATE_KEYS, 0)
        for survey in self._all:
            state = lb.state_of(survey, self.now)
            out[state] = out.get(state, 0) + 1
        return out

    def survey_at(self, row: int) -> SurveyView | None:
        return self.row_at(row)

    def row_of(self, survey_id: int) -> int | None:
        for row, survey in enumerate(self._rows):
            if survey.id == survey_id:
                return row
        return None

    # -- Qt model API -----------------------------------------------------------------------------

    def title(self, column: int) -> str:
        titles = {
            Column.STATE: QCoreApplication.translate("feedback", "State"),
            Column.CUSTOMER: QCoreApplication.translate("feedback", "Customer"),
            Column.CASE: QCoreApplication.translate("feedback", "Case"),
            Column.CHANNEL: QCoreApplication.translate("feedback", "Channel"),
            Column.WHEN: QCoreApplication.translate("feedback", "Scheduled / asked"),
            Column.HOW: QCoreApplication.translate("feedback", "How to ask"),
            Column.ANSWER: QCoreApplication.translate("feedback", "Answer"),
        }
        return titles[Column(column)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        survey = self.survey_at(index.row()) if index.isValid() else None
        if survey is None:
            return None
        column = Column(index.column())
        state = lb.state_of(survey, self.now)
        if role == SURVEY_ROLE:
            return survey
        if role == ID_ROLE:
            return survey.id
        if role == STATE_ROLE:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(survey, state, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CHANNEL:
            return channel_icon(survey.channel)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(survey, state, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = None
            if column == Column.ANSWER:
                color = lb.answer_color(survey)
            elif column == Column.STATE:
                color = {"unclear": lb.ORANGE, lb.DUE: lb.RED, "skipped": lb.MUTED}.get(state)
            elif state == "skipped":
                color = lb.MUTED
            return QBrush(color) if color is not None else None
        if (
            role == Qt.ItemDataRole.FontRole
            and column == Column.STATE
            and state in (lb.DUE, "unclear")
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, survey: SurveyView, state: str, column: Column) -> str:
        if column == Column.STATE:
            return lb.state_name(state)
        if column == Column.CUSTOMER:
            return survey.customer_name or QCoreApplication.translate("feedback", "(unknown)")
        if column == Column.CASE:
            return lb.case_text(survey)
        if column == Column.CHANNEL:
            return fmt.channel_name(survey.channel)
        if column == Column.WHEN:
            return lb.when_text(survey, self.tz, self.now)
        if column == Column.HOW:
            return lb.how_to_ask(survey)
        if state == "skipped":
            return survey.skip_reason
        return lb.answer_text(survey)

    def _tooltip(self, survey: SurveyView, state: str, column: Column) -> str | None:
        if column == Column.ANSWER and survey.answer_text:
            return plain_tooltip(survey.answer_text)  # the customer's words: literal
        if column == Column.ANSWER and state == "skipped":
            return survey.skip_reason
        if column == Column.WHEN:
            moment = lb.moment_of(survey)
            return fmt.long_time(moment, self.tz) if moment else None
        if column == Column.STATE and state == "unclear":
            return QCoreApplication.translate(
                "feedback", "Press C to read the answer and classify it"
            )
        if column == Column.STATE and state in (lb.DUE, "asked", "scheduled"):
            return QCoreApplication.translate("feedback", "Y or N records the customer's answer")
        return None
