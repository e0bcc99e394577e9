"""Turning stored values (UTC times, amounts, enums) into what the founder reads.

Times are stored in UTC and shown in the business's time zone from the settings, not the
machine's, so a founder travelling with the laptop still sees promises in shop time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from soloservice.domain.types import (
    Channel,
    ChannelGroup,
    Direction,
    IdentityKind,
    InquiryKind,
    Status,
)
from soloservice.domain.value import format_money


def to_local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz)


def _qdatetime(local: datetime) -> QDateTime:
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def short_time(moment: datetime | None, tz: ZoneInfo, now: datetime) -> str:
    """Compact for a list: "14:05" today, "Yesterday 09:12", "12 Mar 14:05", "12 Mar 2023"."""
    if moment is None:
        return ""
    local = to_local(moment, tz)
    today = to_local(now, tz).date()
    qdt = _qdatetime(local)
    locale = QLocale()
    clock = locale.toString(qdt.time(), "HH:mm")
    if local.date() == today:
        return clock
    if local.date() == today - timedelta(days=1):
        return QCoreApplication.translate("formatting", "Yesterday %1").replace("%1", clock)
    if local.date() == today + timedelta(days=1):
        return QCoreApplication.translate("formatting", "Tomorrow %1").replace("%1", clock)
    if local.year == today.year:
        return locale.toString(qdt, "d MMM HH:mm")
    return locale.toString(qdt, "d MMM yyyy")


def sample_short_time() -> str:
    """The widest list date this locale writes (for sizing columns): a long month name,
    two-digit day and hour, in the current year."""
    widest = ""
    for month in range(1, 13):
        text = QLocale().toString(QDateTime(QDate(2000, month, 28), QTime(23, 58)), "d MMM HH:mm")
        if len(text) > len(widest):
            widest = text
    for relative in (
        QCoreApplication.translate("formatting", "Yesterday %1"),
        QCoreApplication.translate("formatting", "Tomorrow %1"),
    ):
        text = relative.replace("%1", "23:58")
        if len(text) > len(widest):
            widest = text
    return widest


def long_time(moment: datetime | None, tz: ZoneInfo) -> str:
    """Full date and time for headers and tooltips: "Tue 24 Nov 2026 10:00"."""
    if moment is None:
        return ""
    return QLocale().toString(_qdatetime(to_local(moment, tz)), "ddd d MMM yyyy HH:mm")


def short_date(moment: datetime | None, tz: ZoneInfo) -> str:
    if moment is None:
        return ""
    return QLocale().toString(_qdatetime(to_local(moment, tz)), "d MMM yyyy")


def span(delta: timedelta) -> str:
    """A rough duration for humans: "3 d 4 h", "2 h 5 min", "12 min"."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return (
            QCoreApplication.translate("formatting", "%1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            QCoreApplication.translate("formatting", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(mins))
        )
    return QCoreApplication.translate("formatting", "%1 min").replace("%1", str(mins))


def call_duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


def money(amount: float, currency: str = "kr") -> str:
    return format_money(amount, currency)


#: Each enum's words, marked for pyside6-lupdate here and translated one at a time as they
#: are asked for: the inbox asks for a channel and a status name on every painted row.
_CHANNEL_NAMES = {
    Channel.EMAIL: QT_TRANSLATE_NOOP("formatting", "Email"),
    Channel.FORM: QT_TRANSLATE_NOOP("formatting", "Form"),
    Channel.PHONE: QT_TRANSLATE_NOOP("formatting", "Phone"),
    Channel.FACEBOOK: QT_TRANSLATE_NOOP("formatting", "Facebook"),
    Channel.INSTAGRAM: QT_TRANSLATE_NOOP("formatting", "Instagram"),
    Channel.X: QT_TRANSLATE_NOOP("formatting", "X"),
}
_GROUP_NAMES = {
    ChannelGroup.EMAIL: QT_TRANSLATE_NOOP("formatting", "Email"),
    ChannelGroup.FORM: QT_TRANSLATE_NOOP("formatting", "Form"),
    ChannelGroup.PHONE: QT_TRANSLATE_NOOP("formatting", "Phone"),
    ChannelGroup.SOCIAL: QT_TRANSLATE_NOOP("formatting", "Social"),
}
_STATUS_NAMES = {
    Status.NEW: QT_TRANSLATE_NOOP("formatting", "New"),
    Status.OPEN: QT_TRANSLATE_NOOP("formatting", "Open"),
    Status.WAITING: QT_TRANSLATE_NOOP("formatting", "Waiting"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("formatting", "Resolved"),
    Status.CLOSED: QT_TRANSLATE_NOOP("formatting", "Closed"),
}
_KIND_NAMES = {
    InquiryKind.COMPLAINT: QT_TRANSLATE_NOOP("formatting", "Complaint"),
    InquiryKind.QUESTION: QT_TRANSLATE_NOOP("formatting", "Question"),
    InquiryKind.PRAISE: QT_TRANSLATE_NOOP("formatting", "Praise"),
}
_DIRECTION_NAMES = {
    Direction.IN: QT_TRANSLATE_NOOP("formatting", "From customer"),
    Direction.OUT: QT_TRANSLATE_NOOP("formatting", "Reply"),
    Direction.NOTE: QT_TRANSLATE_NOOP("formatting", "Note"),
}


def channel_name(channel: Channel) -> str:
    return QCoreApplication.translate("formatting", str(_CHANNEL_NAMES[channel]))


def group_name(group: ChannelGroup) -> str:
    return QCoreApplication.translate("formatting", str(_GROUP_NAMES[group]))


def status_name(status: Status) -> str:
    return QCoreApplication.translate("formatting", str(_STATUS_NAMES[status]))


def kind_name(kind: InquiryKind) -> str:
    return QCoreApplication.translate("formatting", str(_KIND_NAMES[kind]))


def identity_kind_name(kind: IdentityKind) -> str:
    """Every way to reach a customer is also a channel, and is called the same."""
    return channel_name(Channel(kind.value))


def direction_name(direction: Direction) -> str:
    return QCoreApplication.translate("formatting", str(_DIRECTION_NAMES[direction]))
