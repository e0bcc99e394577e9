"""Turning typed search text into a safe SQL LIKE pattern."""

from __future__ import annotations

LIKE_ESCAPE = "\\"


def contains_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards escaped, so "50%" or "a_b" match literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
