"""The difference between two id lists, as the inbox model announces it (row_moves.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from soloservice.ui.inbox.row_moves import apply_moves, blocks, plan_moves

ids = st.lists(st.integers(0, 60), unique=True, max_size=40)


def positions(old: list[int]) -> dict[int, int]:
    return {i: row for row, i in enumerate(old)}


@given(ids, st.data())
def test_removing_and_adding_rows_gives_the_new_list(old: list[int], data: st.DataObject) -> None:
    kept = [i for i in old if data.draw(st.booleans())]
    extra = data.draw(st.lists(st.integers(100, 160), unique=True, max_size=10))
    new = list(kept)
    for i in extra:  # joiners anywhere, the order of the rows that stay unchanged
        new.insert(data.draw(st.integers(0, len(new))), i)
    moves = plan_moves(old, positions(old), new, limit=1000)
    assert moves is not None
    assert apply_moves(old, new, moves) == new


@given(ids, ids)
def test_any_plan_given_is_right(old: list[int], new: list[int]) -> None:
    moves = plan_moves(old, positions(old), new, limit=1000)
    if moves is not None:
        assert apply_moves(old, new, moves) == new
    else:  # only a new order of the rows that stay needs a reset
        stay = set(old) & set(new)
        assert [i for i in old if i in stay] != [i for i in new if i in stay]


def test_a_new_order_or_too_many_pieces_means_a_reset() -> None:
    assert plan_moves([1, 2, 3], positions([1, 2, 3]), [2, 1, 3], limit=10) is None
    old = list(range(10))
    assert plan_moves(old, positions(old), old[::2], limit=3) is None
    assert blocks([1, 2, 3, 7]) == [(1, 3), (7, 7)]
