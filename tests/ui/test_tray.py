"""Due-soon alerts, the overdue badge and the weekly reminder, driven by a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from soloservice.domain.types import Channel
from soloservice.services.customers import CustomerRef
from soloservice.services.inquiries import NewInquiry
from soloservice.services.registry import Services
from soloservice.ui.features.review import ReviewFeature
from soloservice.ui.icons import icon
from soloservice.ui.main_window import MainWindow
from soloservice.ui.notify.badge import BADGE_RED, badge_pixmap
from soloservice.ui.notify.due_watcher import DueWatcher
from soloservice.ui.notify.tray import TrayNotifier, tray_tooltip
from soloservice.ui.review.reminder import ReviewReminder
from tests.helpers.clock import FixedClock


def email(services: Services, name: str) -> int:
    return services.inquiries.create(
        NewInquiry(
            customer=CustomerRef(name=name),
            channel=Channel.EMAIL,
            subject=f"Spørgsmål fra {name}",
            text="Hej",
            received_at=services.ctx.now(),
        )
    ).id


def test_due_watcher_announces_each_inquiry_once_and_counts_overdue(
    qtbot: QtBot, services: Services, clock: FixedClock
) -> None:
    # Tuesday 10:00 in Copenhagen: both are due Wednesday 10:00 (09:00 UTC).
    ids = [email(services, "Mette"), email(services, "Ole")]
    watcher = DueWatcher(services, clock=clock, poll_ms=5)
    with qtbot.waitSignal(watcher.overdue_count_changed) as first:
        watcher.start()
    assert first.args == [0]

    clock.set(datetime(2026, 11, 25, 8, 15, tzinfo=UTC))  # 45 minutes before due
    with qtbot.waitSignal(watcher.due_soon, timeout=2000) as soon:
        pass
    assert sorted(d.id for d in soon.args[0]) == sorted(ids)
    with qtbot.assertNotEmitted(watcher.due_soon, wait=50):
        watcher.check()

    clock.set(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    with qtbot.waitSignal(watcher.overdue_count_changed, timeout=2000) as overdue:
        pass
    assert overdue.args == [2]
    watcher.stop()


def test_badge_shows_the_count_in_red() -> None:
    base = icon("app")
    zero, three, four = (badge_pixmap(base, n, 64).toImage() for n in (0, 3, 4))
    assert zero != three and three != four
    corner = three.pixelColor(64 - 10, 12)
    assert corner.red() > 180 and corner.green() < 90
    assert zero.pixelColor(64 - 10, 12) != BADGE_RED


def test_tray_tooltip_and_click_opens_the_inquiry(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    target = email(services, "Sarah")
    window.reload()
    watcher = DueWatcher(services, clock=clock, poll_ms=60_000)
    reminder = ReviewReminder(services.review.next_reminder, clock=clock, poll_ms=60_000)
    notifier = TrayNotifier(window, watcher, reminder, use_tray=True)
    assert notifier.tray is not None
    watcher.check()
    assert watcher.overdue is not None and watcher.overdue > 0  # the seeded inbox
    assert notifier.tray.toolTip() == tray_tooltip(watcher.overdue, watcher.due_today or 0)
    assert f"{watcher.overdue} overdue" in notifier.tray.toolTip()
    assert notifier.count == watcher.overdue

    clock.set(datetime(2026, 11, 25, 8, 30, tzinfo=UTC))
    with qtbot.waitSignal(notifier.notified) as alert:
        watcher.check()
    assert alert.args[0] == "due" and f"#{target}" in alert.args[2]
    notifier.tray.messageClicked.emit()
    assert window.detail is not None and window.detail.id == target

    # The review reminder through the same tray: its click opens the review, not an inquiry.
    clock.set(reminder.due)
    with qtbot.waitSignal(notifier.notified) as review_alert:
        reminder.check()
    assert review_alert.args[0] == "review"
    notifier.tray.messageClicked.emit()
    feature = window.features["review"]
    assert isinstance(feature, ReviewFeature) and feature.review is not None
    qtbot.addWidget(feature.review)
    assert feature.review.isVisible()
    assert window.detail.id == target


def test_without_a_tray_alerts_go_to_the_status_bar(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    watcher = DueWatcher(services, clock=clock, poll_ms=60_000)
    reminder = ReviewReminder(services.review.next_reminder, clock=clock, poll_ms=5)
    notifier = TrayNotifier(window, watcher, reminder, use_tray=False)
    assert notifier.tray is None
    clock.set(reminder.due)
    reminder.start()
    with qtbot.waitSignal(notifier.notified, timeout=2000):
        pass
    assert "weekly review" in window.statusBar().currentMessage()
    reminder.stop()


def test_a_long_due_soon_alert_in_the_status_bar_ends_in_an_ellipsis_before_the_counts(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FixedClock
) -> None:
    """Without a tray the list of inquiries due within the hour goes to the status bar: at
    1366 px it is cut where the counts begin, with "…", not mid-word under them."""
    for name in ("Mette Kristensen", "Ole Bertelsen", "Birgitte Poulsen", "Hansen Byggeri"):
        email(services, name)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() <= 1366)
    watcher = DueWatcher(services, clock=clock, poll_ms=60_000)
    reminder = ReviewReminder(services.review.next_reminder, clock=clock, poll_ms=60_000)
    notifier = TrayNotifier(window, watcher, reminder, use_tray=False)
    watcher.check()
    clock.set(datetime(2026, 11, 25, 8, 30, tzinfo=UTC))
    with qtbot.waitSignal(notifier.notified) as alert:
        watcher.check()
    bar = window.statusBar()
    shown = bar.currentMessage()
    whole = f"{alert.args[1]}: {alert.args[2].replace(chr(10), ' · ')}"
    assert shown.endswith("…") and whole.startswith(shown[:-1])
    assert bar.fontMetrics().horizontalAdvance(shown) <= window.counts_label.x()
    assert window.counts_label.isVisible() and window.counts_label.text()
    assert bar.toolTip() == whole  # the whole alert, on hovering it


def test_a_short_status_message_is_shown_whole(window: MainWindow) -> None:
    from soloservice.ui.status_bar import fitted_message

    assert fitted_message(window.statusBar(), "Due within the hour: #3 Ida") == (
        "Due within the hour: #3 Ida"
    )
