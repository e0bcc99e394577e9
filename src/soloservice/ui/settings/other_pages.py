"""The smaller settings pages: promises per channel, follow-ups and NPS, the weekly review."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from soloservice.domain.settings import Settings
from soloservice.domain.types import Channel
from soloservice.ui.settings.widgets import hhmm, time_edit, to_qtime


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label


class PromisesPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.addRow(
            _hint(
                self.tr(
                    "How many business hours until the customer hears from you. People gladly "
                    "wait when they are told how long."
                )
            )
        )
        labels = {
            Channel.EMAIL: self.tr("&Email:"),
            Channel.FORM: self.tr("&Web form:"),
            Channel.PHONE: self.tr("&Phone call-back:"),
            Channel.FACEBOOK: self.tr("&Facebook:"),
            Channel.INSTAGRAM: self.tr("&Instagram:"),
            Channel.X: self.tr("&X:"),
        }
        self.hours: dict[Channel, QDoubleSpinBox] = {}
        for channel, label in labels.items():
            spin = QDoubleSpinBox()
            spin.setRange(0.5, 200)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(self.tr(" business hours"))
            spin.valueChanged.connect(self.changed)
            self.hours[channel] = spin
            form.addRow(label, spin)
        self.after_reply = QComboBox()
        self.after_reply.addItem(self.tr("Waiting on the customer"), "waiting")
        self.after_reply.addItem(self.tr("Stays open"), "open")
        self.after_reply.setObjectName("afterReplyStatus")
        self.after_reply.currentIndexChanged.connect(self.changed)
        form.addRow(self.tr("After I &reply:"), self.after_reply)
        form.addRow(
            _hint(
                self.tr(
                    "A reply (mail, social, a logged call-back) keeps the promise: the case "
                    "leaves Due today and Overdue until the customer writes again, and a new "
                    "promise runs from that message."
                )
            )
        )
        self.auto_ack = QCheckBox(
            self.tr("&Acknowledge new email and web-form inquiries automatically")
        )
        self.auto_ack.toggled.connect(self.changed)
        form.addRow(self.auto_ack)
        form.addRow(
            _hint(
                self.tr(
                    "The acknowledgement states the promised time in the customer's language. "
                    "It does not count as the reply."
                )
            )
        )

    def load(self, settings: Settings) -> None:
        for channel, spin in self.hours.items():
            spin.setValue(float(settings.promise_hours.get(channel.value, 8.0)))
        self.auto_ack.setChecked(settings.auto_acknowledge)
        index = self.after_reply.findData(settings.after_reply_status)
        self.after_reply.setCurrentIndex(max(index, 0))

    def email_hours(self) -> float:
        return self.hours[Channel.EMAIL].value()

    def problems(self) -> list[str]:
        return []

    def apply(self, settings: Settings) -> Settings:
        hours = dict(settings.promise_hours)
        hours.update({c.value: spin.value() for c, spin in self.hours.items()})
        return dataclasses.replace(
            settings,
            promise_hours=hours,
            auto_acknowledge=self.auto_ack.isChecked(),
            after_reply_status=str(self.after_reply.currentData()),
        )


class FollowupPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delay = QSpinBox()
        self.delay.setRange(0, 60)
        self.delay.setSuffix(self.tr(" days after resolving"))
        self.rest = QSpinBox()
        self.rest.setRange(0, 730)
        self.rest.setSuffix(self.tr(" days"))
        self.include_score = QCheckBox(self.tr("Include the 0–10 &recommendation question"))
        self.per_month_choice = QRadioButton(self.tr("A fixed &number per month:"))
        self.share_choice = QRadioButton(self.tr("A &share of all customers per month:"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.per_month_choice)
        self.choice.addButton(self.share_choice)
        self.per_month = QSpinBox()
        self.per_month.setRange(0, 10_000)
        self.per_month.setSuffix(self.tr(" customers"))
        self.share = QDoubleSpinBox()
        self.share.setRange(0.1, 100)
        self.share.setDecimals(1)
        self.share.setSuffix(" %")

        form = QFormLayout(self)
        form.addRow(self.tr('Ask "are you satisfied?" &after:'), self.delay)
        form.addRow(self.include_score)
        form.addRow(self.tr("&Rest period between surveys:"), self.rest)
        form.addRow(
            _hint(
                self.tr(
                    "No customer is asked again within the rest period (about six months is "
                    "usual), whether by a follow-up or the NPS pulse."
                )
            )
        )
        pulse = QLabel(self.tr("<b>NPS pulse</b> — ask a few customers every month:"))
        form.addRow(pulse)
        row1 = QHBoxLayout()
        row1.addWidget(self.per_month_choice)
        row1.addWidget(self.per_month)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.share_choice)
        row2.addWidget(self.share)
        row2.addStretch(1)
        form.addRow(row1)
        form.addRow(row2)

        self.delay.valueChanged.connect(self.changed)
        self.rest.valueChanged.connect(self.changed)
        self.include_score.toggled.connect(self.changed)
        self.per_month.valueChanged.connect(self.changed)
        self.share.valueChanged.connect(self.changed)
        self.per_month_choice.toggled.connect(self._enable)
        self.per_month_choice.toggled.connect(self.changed)

    def _enable(self) -> None:
        by_count = self.per_month_choice.isChecked()
        self.per_month.setEnabled(by_count)
        self.share.setEnabled(not by_count)

    def load(self, settings: Settings) -> None:
        self.delay.setValue(settings.followup_delay_days)
        self.rest.setValue(settings.rest_period_days)
        self.include_score.setChecked(settings.followup_include_score)
        self.per_month.setValue(settings.pulse_per_month)
        if settings.pulse_share is None:
            self.per_month_choice.setChecked(True)
            self.share.setValue(10.0)
        else:
            self.share_choice.setChecked(True)
            self.share.setValue(settings.pulse_share * 100)
        self._enable()

    def problems(self) -> list[str]:
        return []

    def apply(self, settings: Settings) -> Settings:
        share = None if self.per_month_choice.isChecked() else self.share.value() / 100
        return dataclasses.replace(
            settings,
            followup_delay_days=self.delay.value(),
            rest_period_days=self.rest.value(),
            followup_include_score=self.include_score.isChecked(),
            pulse_per_month=self.per_month.value(),
            pulse_share=share,
        )


class ReviewPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weekday = QComboBox()
        locale = QLocale()
        for day in range(7):
            self.weekday.addItem(locale.dayName(day + 1, QLocale.FormatType.LongFormat), day)
        self.at = time_edit()
        form = QFormLayout(self)
        form.addRow(
            _hint(
                self.tr(
                    "Fifteen minutes once a week: unanswered channels, promises kept, "
                    "satisfaction. SoloService reminds you."
                )
            )
        )
        form.addRow(self.tr("Remind me on &weekday:"), self.weekday)
        form.addRow(self.tr("&At:"), self.at)
        self.weekday.currentIndexChanged.connect(self.changed)
        self.at.timeChanged.connect(self.changed)

    def load(self, settings: Settings) -> None:
        self.weekday.setCurrentIndex(settings.review_reminder_weekday)
        self.at.setTime(to_qtime(settings.review_reminder_time))

    def problems(self) -> list[str]:
        return []

    def apply(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings,
            review_reminder_weekday=int(self.weekday.currentData()),
            review_reminder_time=hhmm(self.at),
        )
