"""``%1``, ``%2`` … in a translated message, filled in one pass.

Translators may reorder the placeholders ("%2 for %1"), so messages carry numbered ones
and code fills them after ``tr()``. A chain of ``.replace("%1", a).replace("%2", b)`` also
rewrites a ``%2`` that ``a`` happened to contain (a subject line "50%2 off"); this does not.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(message: str, *values: object) -> str:
    """``message`` with ``%1`` … ``%9`` replaced by ``values`` (as ``str``); a number
    without a value is left as it stands."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, message)
