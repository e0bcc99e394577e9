"""Which rows left and which joined a view, as runs the model can announce to its views.

After a change that may move inquiries between views the id query runs again; announcing
the difference (``rowsRemoved`` / ``rowsInserted``) instead of a reset keeps the rows already
fetched, the scroll position and the selection. A new order of the rows that stayed (or a
difference in too many pieces) is answered with a reset instead: ``plan_moves`` says None.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Moves:
    #: (first, last) rows of the old list that leave it, top to bottom
    removed: list[tuple[int, int]]
    #: (first, last) rows of the new list that join it, top to bottom
    added: list[tuple[int, int]]


def blocks(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of neighbours: [1, 2, 3, 7] -> (1, 3), (7, 7)."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def plan_moves(
    old: Sequence[int], positions: Mapping[int, int], new: Sequence[int], limit: int
) -> Moves | None:
    """How to turn ``old`` (``positions``: id -> row in it) into ``new`` by removing rows and
    then inserting rows (each run in the order given); None when the rows that stay changed
    order or there are more than ``limit`` runs."""
    new_set = set(new)
    if [i for i in old if i in new_set] != [i for i in new if i in positions]:
        return None
    removed = blocks([row for row, i in enumerate(old) if i not in new_set])
    added = blocks([row for row, i in enumerate(new) if i not in positions])
    if len(removed) + len(added) > limit:
        return None
    return Moves(removed, added)


def apply_moves(old: Sequence[int], new: Sequence[int], moves: Moves) -> list[int]:
    """``old`` after ``moves``, in the order the model makes them (removals from the bottom
    up, then insertions top down); equals ``new`` (tests check it)."""
    ids = list(old)
    for first, last in reversed(moves.removed):
        del ids[first : last + 1]
    for first, last in moves.added:
        ids[first:first] = new[first : last + 1]
    return ids
