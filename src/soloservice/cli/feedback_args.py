"""Reading survey answers and remedies from the command line: one-line errors, never
argparse's usage block (``cli/feedback_cmds.py`` holds the commands)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from soloservice.cli.common import CliError, record_id
from soloservice.domain.types import Channel, parse_choice

if TYPE_CHECKING:
    pass

_YES = {"yes", "y", "ja", "j", "true", "1"}
_NO = {"no", "n", "nej", "nei", "false", "0"}


# -- argument reading (one-line errors, never argparse's usage block) ------------------------


def yes_no(text: str | None) -> bool | None:
    if text is None:
        return None
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CliError(f"--satisfied takes yes or no, not {text!r}")


def score_of(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        raise CliError(f"--score takes a whole number 0-10, not {text!r}") from None
    if not 0 <= value <= 10:
        raise CliError(f"--score takes a whole number 0-10, not {value}")
    return value


def id_of(text: str | None, what: str) -> int:
    if text is None:
        raise CliError(f"{what} needs an ID")
    try:
        return record_id(text)
    except argparse.ArgumentTypeError as exc:
        raise CliError(f"{what}: {exc}") from None


def channel_of(text: str | None) -> Channel | None:
    return None if text is None else parse_choice(Channel, text, "channel", CliError)


def cost_of(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise CliError(f"--cost takes an amount, not {text!r}") from None
    if value < 0 or value != value:
        raise CliError(f"--cost cannot be negative: {text}")
    return value
