"""The few colours the app speaks with, in one place so red means the same everywhere."""

from __future__ import annotations

ERROR = "#b91c1c"  # errors, overdue, unhappy customers
WARNING = "#a35c00"  # due today, check before sending
OK = "#15803d"  # saved, kept, valid
MUTED = "#6b7280"  # hints and secondary text

ERROR_STYLE = f"color:{ERROR};"
WARNING_STYLE = f"color:{WARNING};"
OK_STYLE = f"color:{OK};"
HINT_STYLE = f"color:{MUTED};"
