"""The first sync's fetch-ahead thread (services/prefetch.py): order, errors, early stop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from soloservice.services.prefetch import Prefetched


def test_items_arrive_in_order() -> None:
    with Prefetched(iter(range(500)), ahead=7) as ahead:
        assert list(ahead) == list(range(500))


def test_an_error_of_the_source_is_raised_in_the_consumer() -> None:
    def source() -> Iterator[int]:
        yield 1
        raise ConnectionError("the server went away")

    with Prefetched(source(), ahead=3) as ahead, pytest.raises(ConnectionError):
        list(ahead)


def test_stopping_early_stops_the_thread_before_the_source_is_closed() -> None:
    taken: list[int] = []

    def source() -> Iterator[int]:
        for n in range(10_000):
            taken.append(n)
            yield n

    ahead = Prefetched(source(), ahead=5)
    for item in ahead:
        if item == 2:
            break
    ahead.close()
    assert not ahead._thread.is_alive()
    assert len(taken) <= 2 + 1 + 5 + 1  # never more than `ahead` beyond what was taken
