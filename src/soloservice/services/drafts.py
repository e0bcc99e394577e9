"""Unsent replies kept on disk, so a crash or a closed window never loses what was typed.

A small JSON file next to the database (like ``ui.ini``, it is the window's state, not the
customer record): written atomically a moment after typing stops, read back at start. A
service, not a widget: it writes a file, and every write lives below ui (the forget of a
customer (services/gdpr.py) clears that customer's drafts from the same file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from soloservice.storage.files import atomic_write

DRAFTS_FILE = "drafts.json"


@dataclass
class Draft:
    text: str = ""
    attachments: list[Path] = field(default_factory=list)
    quote: bool = True
    #: placeholders that came out empty in inserted templates
    empty: set[str] = field(default_factory=set)

    @property
    def blank(self) -> bool:
        return not self.text.strip() and not self.attachments


class DraftStore:
    def __init__(self, directory: Path) -> None:
        self.path = directory / DRAFTS_FILE

    def load(self) -> dict[int, Draft]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no drafts yet, or a damaged file: start empty, never fail the window
        drafts: dict[int, Draft] = {}
        if not isinstance(raw, dict):
            return drafts
        for key, value in raw.items():
            if not isinstance(value, dict) or not str(key).isdigit():
                continue
            drafts[int(key)] = Draft(
                text=str(value.get("text", "")),
                attachments=[Path(p) for p in value.get("attachments", [])],
                quote=bool(value.get("quote", True)),
                empty={str(e) for e in value.get("empty", [])},
            )
        return drafts

    def save(self, drafts: dict[int, Draft]) -> None:
        data = {
            str(inquiry_id): {
                "text": d.text,
                "attachments": [str(p) for p in d.attachments],
                "quote": d.quote,
                "empty": sorted(d.empty),
            }
            for inquiry_id, d in sorted(drafts.items())
            if not d.blank
        }
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1))
