"""The CLI's argument types and plain output, on the standard library alone.

``cli/common.py`` re-exports all of these next to its DTO formatters; ``search_cmds.py``
imports them from here, so that the lean search (a bare ``sqlite3`` connection) does not
depend on ``cli.common`` and through it on every DTO (``services/dto.py``).
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, tzinfo
from typing import Any

#: SQLite's INTEGER is signed 64-bit: a larger id cannot name a row, and sqlite3 raises
#: ``OverflowError`` when asked to bind it.
MAX_ID = 2**63 - 1


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    return value


def record_id(text: str) -> int:
    """The argparse type of every id argument: a whole number from 1 to 2^63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id (a whole number): {text!r}") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"not an id (from 1 to {MAX_ID}): {text!r}")
    return value


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def print_json_line(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False))


def iso(moment: datetime | None, zone: tzinfo) -> str | None:
    return moment.astimezone(zone).isoformat() if moment is not None else None


def local(moment: datetime | None, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment is not None else "-"
