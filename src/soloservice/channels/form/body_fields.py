"""The ``Label: value`` pairs in a plain-text form notification, in order.

Form services write their notifications in a handful of layouts: ``Label: value`` on one
line, ``Label:`` or a bare known label with the value on the lines below, WPForms'
``--- Label ---`` and tab-separated rows (what an HTML table becomes, see ``html_text.py``).
A message runs over several lines and blank lines until the next *known* label, so a
customer writing "Ordre: 1042" inside their message does not cut it short; other fields end
at a blank line. What the pairs mean is decided by ``channels/form/extract.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from soloservice.channels.form.labels import field_kind

_WP_LABEL = re.compile(r"^-{2,}\s*(?P<label>\S.*?)\s*-{2,}$")
_COLON_LABEL = re.compile(r"^(?P<label>[^:\t]{1,80}?)\s*[:：]\s*(?P<value>.*)$")
_TAB_LABEL = re.compile(r"^(?P<label>[^\t]{1,60}?)\t+(?P<value>.*)$")
#: a mail signature separator: what follows is the service's footer, not the form
_SIGNATURE = {"--", "-- ", "—"}


@dataclass
class _Field:
    label: str
    lines: list[str]
    kind: str | None

    def value(self) -> str:
        lines = list(self.lines)
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(line.rstrip() for line in lines).strip()


def _plausible_label(label: str) -> bool:
    """A sentence, a URL or an address before a colon is text, not a label."""
    text = label.strip()
    if not text or len(text.split()) > 12:
        return False
    if text[-1].isdigit() or "://" in text or "@" in text or text.startswith(("http", "www.")):
        return False
    return any(ch.isalpha() for ch in text)


def _label_line(line: str, field_map: Mapping[str, str]) -> tuple[str, str, bool] | None:
    """``(label, value, known)`` when the line starts a field, else None."""
    stripped = line.strip()
    wp = _WP_LABEL.match(stripped)
    if wp:
        label = wp.group("label")
        return label, "", field_kind(label, field_map) is not None
    for pattern in (_COLON_LABEL, _TAB_LABEL):
        found = pattern.match(stripped)
        if (
            found
            and _plausible_label(found.group("label"))
            and not found.group("value").startswith("//")
        ):
            label = found.group("label").strip().rstrip("*").strip()
            return label, found.group("value").strip(), field_kind(label, field_map) is not None
    bare = stripped.rstrip(":?*").strip()
    if bare and field_kind(bare, field_map) is not None and len(bare) <= 60:
        return bare, "", True
    return None


def parse_fields(
    text: str, field_map: Mapping[str, str] | None = None, stop_markers: Iterable[str] = ()
) -> tuple[tuple[str, str], ...]:
    """Every ``Label: value`` pair in a plain-text notification, in order, none empty.

    ``field_map`` names labels the vocabulary does not know (so they end a message);
    reading stops at a signature separator or a line starting with one of ``stop_markers``.
    """
    mapping = field_map or {}
    markers = tuple(marker.lower() for marker in stop_markers if marker)
    found: list[_Field] = []
    current: _Field | None = None
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.rstrip()
        if line in _SIGNATURE or (markers and line.strip().lower().startswith(markers)):
            break
        candidate = _label_line(line, mapping)
        in_message = current is not None and current.kind == "message"
        if candidate is not None and (not in_message or candidate[2]):
            label, value, _known = candidate
            current = _Field(label, [value] if value else [], field_kind(label, mapping))
            found.append(current)
            continue
        if current is None:
            continue
        if in_message:
            current.lines.append(line)
        elif not line.strip():
            if current.value():
                current = None
        else:
            current.lines.append(line)
    return tuple((item.label, item.value()) for item in found if item.value())
