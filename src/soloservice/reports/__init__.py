"""Reports drawn with Qt but below the window: the weekly review as PDF, its charts, labels.

Both the review window (ui/review/) and ``soloservice review --pdf`` (cli/review_cmds.py)
write the same PDF; it needs Qt (QPdfWriter, QtCharts) so it cannot live in services, and
the CLI may not import ui. This layer may use Qt and the services' DTOs, never ui, cli,
the ORM or the store's tables (tests/test_architecture.py).
"""

from soloservice import qt_import  # noqa: F401  (first: see there)
