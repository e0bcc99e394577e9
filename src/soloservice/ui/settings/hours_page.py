"""Opening hours, time zone, public holidays and vacation, with a live due-time preview.

The preview computes a real due time from the values on the page (not the saved ones), so
the founder sees what a change means before saving it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import phonenumbers
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soloservice.domain.business_hours import (
    HoursProblem,
    closes_before_opens,
    hours_problems,
    time_zones,
)
from soloservice.domain.promise import BusinessCalendar
from soloservice.domain.settings import Settings
from soloservice.domain.settings_rules import holiday_countries as supported_holiday_countries
from soloservice.ui import formatting as fmt
from soloservice.ui.settings.widgets import (
    as_time,
    error_label,
    hhmm,
    show_error,
    time_edit,
    to_qtime,
)

#: offered first in the holiday list: where SoloService's founders mostly are
PREFERRED_COUNTRIES = ("DK", "NO", "SE", "DE", "GB", "FI", "IS", "NL")


def system_time_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    return name if name in time_zones() else "UTC"


def country_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyCountry:
        return code
    return QLocale.territoryToString(territory)


@cache
def holiday_countries() -> tuple[str, ...]:
    supported = supported_holiday_countries()
    preferred = [c for c in PREFERRED_COUNTRIES if c in supported]
    rest = sorted((c for c in supported if c not in preferred), key=country_name)
    return (*preferred, *rest)


def day_runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive days folded into (first, last) runs, so a vacation shows as one line."""
    runs: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if runs and day == runs[-1][1] + timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DayRow:
    """One weekday: open or closed, and from/to."""

    def __init__(self, weekday: int, name: str) -> None:
        self.weekday = weekday
        self.open = QCheckBox(name)
        self.opens = time_edit()
        self.closes = time_edit()
        self.opens.setAccessibleName(name + " opens")
        self.closes.setAccessibleName(name + " closes")
        self.error = error_label()
        self.open.toggled.connect(self._enable)

    def _enable(self, on: bool) -> None:
        self.opens.setEnabled(on)
        self.closes.setEnabled(on)

    def load(self, span: tuple[str, str] | None) -> None:
        self.open.setChecked(span is not None)
        opens, closes = span or ("09:00", "17:00")
        self.opens.setTime(to_qtime(opens))
        self.closes.setTime(to_qtime(closes))
        self._enable(span is not None)

    def span(self) -> tuple[str, str] | None:
        return (hhmm(self.opens), hhmm(self.closes)) if self.open.isChecked() else None

    def problem(self) -> str:
        if not self.open.isChecked():
            return ""
        if closes_before_opens(as_time(self.opens), as_time(self.closes)):
            return QCoreApplication.translate(
                "HoursPage", "Closes before it opens (00:00 means midnight)."
            )
        return ""


class HoursPage(QWidget):
    changed = Signal()

    def __init__(
        self,
        now: Callable[[], datetime],
        email_hours: Callable[[], float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.email_hours = email_hours
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItems(list(time_zones()))
        completer = QCompleter(list(time_zones()), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setMinimumContentsLength(22)
        self.zone_error = error_label()

        locale = QLocale()
        self.days = [
            DayRow(d, locale.dayName(d + 1, QLocale.FormatType.LongFormat)) for d in range(7)
        ]
        hours_box = QGroupBox(self.tr("Opening hours"))
        grid = QGridLayout(hours_box)
        grid.setColumnStretch(4, 1)
        for i, row in enumerate(self.days):
            grid.addWidget(row.open, i, 0)
            grid.addWidget(row.opens, i, 1)
            grid.addWidget(QLabel("–"), i, 2)
            grid.addWidget(row.closes, i, 3)
            grid.addWidget(row.error, i, 4)

        self.country = QComboBox()
        self.country.addItem(self.tr("No public holidays"), None)
        for code in holiday_countries():
            self.country.addItem(f"{country_name(code)} ({code})", code)
        self.christmas_eve = QCheckBox(self.tr("Closed on 24 &December (Christmas Eve)"))

        vacation_box = QGroupBox(self.tr("Vacation and other closed days"))
        self.vacation = QListWidget()
        self.vacation.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.vacation.setMinimumHeight(70)
        self.vacation.setMaximumHeight(120)
        self.vacation_from = QDateEdit()
        self.vacation_to = QDateEdit()
        for edit in (self.vacation_from, self.vacation_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
        self.vacation_from.setAccessibleName(self.tr("First closed day"))
        self.vacation_to.setAccessibleName(self.tr("Last closed day"))
        self.add_vacation = QPushButton(self.tr("&Add"))
        self.remove_vacation = QPushButton(self.tr("&Remove"))
        self.remove_vacation.setEnabled(False)
        self.vacation_error = error_label()
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("From")))
        add_row.addWidget(self.vacation_from)
        add_row.addWidget(QLabel(self.tr("to")))
        add_row.addWidget(self.vacation_to)
        add_row.addWidget(self.add_vacation)
        add_row.addStretch(1)
        add_row.addWidget(self.remove_vacation)
        vacation_layout = QVBoxLayout(vacation_box)
        vacation_layout.addWidget(self.vacation)
        vacation_layout.addLayout(add_row)
        vacation_layout.addWidget(self.vacation_error)

        self.preview = QLabel()
        self.preview.setObjectName("duePreview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("font-weight: 600;")

        top = QFormLayout()
        top.addRow(self.tr("&Time zone:"), self.zone)
        top.addRow("", self.zone_error)
        top.addRow(self.tr("Public &holidays:"), self.country)
        top.addRow("", self.christmas_eve)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hours_box)
        layout.addWidget(vacation_box)
        layout.addWidget(self.preview)
        layout.addStretch(1)

        self.zone.currentTextChanged.connect(self.changed)
        self.country.currentIndexChanged.connect(self.changed)
        self.christmas_eve.toggled.connect(self.changed)
        for row in self.days:
            row.open.toggled.connect(self.changed)
            row.opens.timeChanged.connect(self.changed)
            row.closes.timeChanged.connect(self.changed)
        self.vacation_from.dateChanged.connect(self._from_changed)
        self.add_vacation.clicked.connect(self.add_vacation_range)
        self.remove_vacation.clicked.connect(self.remove_selected_vacation)
        self.vacation.itemSelectionChanged.connect(
            lambda: self.remove_vacation.setEnabled(bool(self.vacation.selectedItems()))
        )
        self.changed.connect(self.update_checks)

    # -- values ------------------------------------------------------------------------------

    def load(self, settings: Settings, zone: str | None = None) -> None:
        self.zone.setCurrentText(zone or settings.timezone)
        index = self.country.findData(settings.holiday_country)
        self.country.setCurrentIndex(max(0, index))
        self.christmas_eve.setChecked(settings.close_christmas_eve)
        for row in self.days:
            row.load(settings.business_hours.get(row.weekday))
        self.set_closed_days(date.fromisoformat(d) for d in settings.closed_days)
        today = self.now().astimezone(ZoneInfo(settings.timezone)).date()
        self.vacation_from.setDate(_qdate(today))
        self.vacation_to.setDate(_qdate(today))
        self.update_checks()

    def closed_days(self) -> list[date]:
        days: list[date] = []
        for i in range(self.vacation.count()):
            first, last = self.vacation.item(i).data(Qt.ItemDataRole.UserRole)
            day = first
            while day <= last:
                days.append(day)
                day += timedelta(days=1)
        return days

    def set_closed_days(self, days: Iterable[date]) -> None:
        self.vacation.clear()
        for first, last in day_runs(days):
            tz = ZoneInfo("UTC")
            start = datetime.combine(first, time(12), tz)
            end = datetime.combine(last, time(12), tz)
            if first == last:
                text = fmt.short_date(start, tz)
            else:
                count = (last - first).days + 1
                text = (
                    self.tr("%1 – %2 (%3 days)")
                    .replace("%1", fmt.short_date(start, tz))
                    .replace("%2", fmt.short_date(end, tz))
                    .replace("%3", str(count))
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (first, last))
            self.vacation.addItem(item)

    def _from_changed(self, value: QDate) -> None:
        if self.vacation_to.date() < value:
            self.vacation_to.setDate(value)

    def add_vacation_range(self) -> None:
        first, last = _pydate(self.vacation_from.date()), _pydate(self.vacation_to.date())
        if last < first:
            show_error(self.vacation_error, self.tr("The last day is before the first."))
            return
        show_error(self.vacation_error, "")
        new = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        self.set_closed_days([*self.closed_days(), *new])
        self.changed.emit()

    def remove_selected_vacation(self) -> None:
        for item in self.vacation.selectedItems():
            self.vacation.takeItem(self.vacation.row(item))
        self.changed.emit()

    def business_hours(self) -> dict[int, tuple[str, str]]:
        return {row.weekday: span for row in self.days if (span := row.span()) is not None}

    def problems(self) -> list[str]:
        # The rules live in domain/business_hours.py (the assistant checks the same).
        out: list[str] = []
        hours = {
            row.weekday: (as_time(row.opens), as_time(row.closes))
            for row in self.days
            if row.open.isChecked()
        }
        for issue in hours_problems(self.zone.currentText(), hours):
            if issue.problem is HoursProblem.UNKNOWN_ZONE:
                out.append(self.tr("Unknown time zone."))
            elif issue.problem is HoursProblem.NEVER_OPEN:
                out.append(self.tr("The business must be open on at least one day."))
            else:
                row = self.days[issue.weekday or 0]
                out.append(f"{row.open.text()}: {row.problem()}")
        return out

    def apply(self, settings: Settings) -> Settings:
        country = self.country.currentData()
        # Numbers typed without +45/+47 are read as local to the business's country.
        region = country if country in phonenumbers.SUPPORTED_REGIONS else settings.phone_region
        return dataclasses.replace(
            settings,
            phone_region=region,
            timezone=self.zone.currentText(),
            holiday_country=country,
            close_christmas_eve=self.christmas_eve.isChecked(),
            business_hours=self.business_hours(),
            closed_days=tuple(d.isoformat() for d in sorted(self.closed_days())),
        )

    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(
            timezone=self.zone.currentText(),
            hours={
                row.weekday: (as_time(row.opens), as_time(row.closes))
                for row in self.days
                if row.open.isChecked()
            },
            holiday_country=self.country.currentData(),
            closed_days=frozenset(self.closed_days()),
            close_christmas_eve=self.christmas_eve.isChecked(),
        )

    # -- checks and preview ------------------------------------------------------------------

    def update_checks(self) -> None:
        for row in self.days:
            show_error(row.error, row.problem())
        known = self.zone.currentText() in time_zones()
        show_error(self.zone_error, "" if known else self.tr("Pick a time zone from the list."))
        self.update_preview()

    def update_preview(self) -> None:
        if self.problems():
            self.preview.setText(self.tr("Fix the hours above to see when replies are due."))
            return
        try:
            calendar = self.calendar()
            now = self.now()
            due = calendar.add_business_hours(now, self.email_hours())
        except ValueError as exc:
            self.preview.setText(str(exc))
            return
        tz = ZoneInfo(calendar.timezone)
        self.preview.setText(
            self.tr("An email received now (%1) is due %2.")
            .replace("%1", fmt.long_time(now, tz))
            .replace("%2", fmt.long_time(due, tz))
        )

    def focus_first_problem(self) -> QWidget | None:
        for row in self.days:
            if row.problem():
                return row.closes
        return None
