from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from soloservice.ui.gc_guard import MainThreadCollector


def test_collector_takes_over_from_automatic_collection(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        cycles = []
        for _ in range(collector.thresholds[0] + 50):
            item: list[object] = []
            item.append(item)
            cycles.append(item)
        cycles.clear()
        assert gc.get_count()[0] > collector.thresholds[0]
        qtbot.waitUntil(lambda: gc.get_count()[0] < collector.thresholds[0], timeout=2000)
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
