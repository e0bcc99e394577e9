"""Run the Alembic migrations shipped inside the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


class MigrationError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except OperationalError:
            return None
    return None if row is None else str(row[0])


def upgrade_to_head(engine: Engine) -> None:
    """Migrate with foreign keys off, as SQLite requires for table rebuilds, then check them.

    ``batch_alter_table`` rebuilds a table by copying it; with ``foreign_keys`` on, dropping
    the old copy would cascade or fail. Integrity is verified afterwards instead, and a
    violation rolls the whole upgrade back.
    """
    if current_revision(engine) == head_revision():
        return  # the common case at every start: nothing to do, and alembic is not run
    config = alembic_config(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"migration broke {len(broken)} foreign key(s)")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
