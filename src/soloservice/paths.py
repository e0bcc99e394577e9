"""Where SoloService keeps its data.

The data directory comes from platformdirs and can be overridden, in order of precedence,
by ``--data-dir DIR`` on the command line or ``SOLOSERVICE_DATA_DIR`` in the environment, so
that tests, demos and cron jobs never touch the founder's real store by accident.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "SoloService"
ENV_VAR = "SOLOSERVICE_DATA_DIR"
DB_FILENAME = "soloservice.sqlite3"
SETTINGS_FILENAME = "settings.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory, creating it (mode 0700: it holds customer data)."""
    if override:
        path = Path(override).expanduser()
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR]).expanduser()
    else:
        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path.resolve()


def database_path(directory: Path) -> Path:
    return directory / DB_FILENAME


def settings_path(directory: Path) -> Path:
    return directory / SETTINGS_FILENAME
