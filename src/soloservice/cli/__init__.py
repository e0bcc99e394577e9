"""The scripting CLI: the same services as the window, for cron jobs, imports and checking.

``soloservice`` with no subcommand opens the window. Every subcommand honours ``--data-dir``
(before or after the subcommand), else ``SOLOSERVICE_DATA_DIR``, else the platform's data
directory. Bad input exits with status 2 and one ``soloservice: error: ...`` line on stderr,
never a traceback, and changes nothing stored.

JSON output uses local time with its offset in the settings' time zone (``2026-11-24T10:00:00
+01:00``), which reads naturally and is still unambiguous; ``export`` writes UTC instead.
Qt is imported only when a window is opened, so scripts never pay for it.

Each feature's commands live in their own module with a ``register(sub, common)`` function,
listed in ``cli.main.COMMAND_MODULES``.
"""

from soloservice.cli.main import build_parser, main, resolve_data_dir

__all__ = ["build_parser", "main", "resolve_data_dir"]
