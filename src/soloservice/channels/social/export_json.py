"""Reading the JSON inside a platform's data export, safely and with Meta's mojibake undone.

Meta writes every string as UTF-8 bytes decoded as latin-1 ("SÃ¸ren" for "Søren"), which
:func:`fix_all` undoes; strings that are already right are left alone. An export is a file
the founder downloaded, not one we wrote: broken text, broken JSON and absurd nesting are
each an :class:`ExportFormatError` naming the file, never a crash.
"""

from __future__ import annotations

import json
from typing import Any

from soloservice.channels.social.archive import ExportSource
from soloservice.channels.social.errors import ExportFormatError


def fix_mojibake(text: str) -> str:
    """Undo Meta's latin-1 decoding of UTF-8; text that is not mojibake comes back as is."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def fix_all(value: Any) -> Any:
    """``value`` with :func:`fix_mojibake` applied to every string in it, keys too."""
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [fix_all(item) for item in value]
    if isinstance(value, dict):
        return {fix_mojibake(key): fix_all(item) for key, item in value.items()}
    return value


#: Real exports nest five or six levels; past this a file is hostile or not an export, and
#: the recursive helpers below (and the caller's stack) must not be asked to walk it.
MAX_JSON_DEPTH = 64


def _too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``value`` nests deeper than ``limit``, walked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def load_json(source: ExportSource, name: str, data: bytes | None = None) -> Any:
    """The JSON document in ``name`` (or in ``data``, read from it already)."""
    raw = source.read(name) if data is None else data
    too_deep = ExportFormatError(
        f"{name}: the file is nested too deeply to be a Facebook, Instagram or X export"
    )
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ExportFormatError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise ExportFormatError(
            f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError:  # json.loads recurses once per nesting level
        raise too_deep from None
    if _too_deep(document):
        raise too_deep
    return document
