"""ui layer."""

from soloservice import qt_import  # noqa: F401  (first: see there)
