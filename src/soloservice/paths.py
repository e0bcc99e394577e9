"""Where SoloService keeps its data.

The data directory comes from platformdirs and can be overridden, in order of precedence,
by ``--data-dir DIR`` on the command line or ``SOLOSERVICE_DATA_DIR`` in the environment, so
that tests, demos and cron jobs never touch the founder's real store by accident.

An explicit directory (option or environment) that does not exist is a typo more often than a
wish: a cron job pointed at it would silently work on a new, empty store and report success.
``must_exist`` lets the CLI refuse it; the platform's default directory is always created,
because a first run (``soloservice account add`` or the window) must just work.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP_NAME = "SoloService"
ENV_VAR = "SOLOSERVICE_DATA_DIR"
CACHE_ENV_VAR = "SOLOSERVICE_CACHE_DIR"
DB_FILENAME = "soloservice.sqlite3"
SETTINGS_FILENAME = "settings.json"


class MissingDataDir(Exception):
    """An explicitly chosen data directory does not exist (and creating it was not asked)."""


def data_dir(override: str | os.PathLike[str] | None = None, *, must_exist: bool = False) -> Path:
    """Return the data directory, creating it (mode 0700: it holds customer data).

    With ``must_exist`` a directory named by ``override`` or ``SOLOSERVICE_DATA_DIR`` that is
    not there raises ``MissingDataDir`` instead of being created; the default one is created.
    """
    explicit = True
    if override:
        path = Path(override).expanduser()
        source = "--data-dir"
    elif os.environ.get(ENV_VAR):
        path = Path(os.environ[ENV_VAR]).expanduser()
        source = ENV_VAR
    else:
        path = user_data_path(APP_NAME, appauthor=False)
        explicit = False
        source = ""
    if must_exist and explicit and not path.is_dir():
        what = "is not a directory" if path.exists() else "does not exist"
        raise MissingDataDir(
            f"data directory {path} ({source}) {what}; pass --create to start a new store there"
        )
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path.resolve()


def database_path(directory: Path) -> Path:
    return directory / DB_FILENAME


def settings_path(directory: Path) -> Path:
    return directory / SETTINGS_FILENAME


def cache_dir() -> Path:
    """Where derived files live that can be made again (``SOLOSERVICE_CACHE_DIR`` or the
    platform's cache directory); not created here: a cache that cannot be written is only
    slower."""
    override = os.environ.get(CACHE_ENV_VAR)
    return Path(override).expanduser() if override else user_cache_path(APP_NAME, appauthor=False)
