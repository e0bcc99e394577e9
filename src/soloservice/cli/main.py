"""Parsing, dispatch and the one-line error promise of the scripting CLI."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import soloservice.cli as cli_package
from soloservice import logsetup, paths
from soloservice.cli import backup_cmds, inbox_cmds
from soloservice.cli.common import PROG, CliError
from soloservice.cli.registry import Command
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.storage.settings_error import SettingsError


def command_modules() -> list[ModuleType]:
    """Every ``cli/*_cmds.py`` module, the inbox's first: a feature adds its commands by
    adding a module, without touching this file."""
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(cli_package.__path__)
        if info.name.endswith("_cmds")
    )
    names.sort(key=lambda name: name != "inbox_cmds")
    return [importlib.import_module(f"soloservice.cli.{name}") for name in names]


#: Commands that may start a store in a directory that does not exist yet (a demo, a window).
CREATING_COMMANDS = frozenset({"demo", "gui"})


def resolve_data_dir(option: str | None, *, must_exist: bool = False) -> Path:
    """``--data-dir`` wins over ``SOLOSERVICE_DATA_DIR``, which wins over platformdirs."""
    return paths.data_dir(option, must_exist=must_exist)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="One inbox for every customer inquiry. Without a command, opens the window.",
        epilog="JSON times are ISO 8601 in the local time zone of the settings, with offset.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="data directory (default: $SOLOSERVICE_DATA_DIR, else the platform's data dir)",
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help="start a new store if --data-dir / $SOLOSERVICE_DATA_DIR does not exist yet "
        "(without it such a command exits 2, except demo and gui)",
    )
    # Subcommands accept --data-dir too; SUPPRESS keeps a global one from being overwritten.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="as above")
    common.add_argument("--create", action="store_true", default=argparse.SUPPRESS, help="as above")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Command] = {}
    for module in command_modules():
        commands.update(module.register(sub, common))
    return parser, commands


def _loaded(module: str, name: str) -> tuple[type[BaseException], ...]:
    """``module.name`` if that module has been imported, else nothing: start-up does not
    import SQLAlchemy (nor storage.database) just to name their errors, and a module never
    imported cannot have raised one."""
    found = sys.modules.get(module)
    return (getattr(found, name),) if found is not None else ()


log = logging.getLogger("soloservice.cli")


def _user_errors() -> tuple[type[BaseException], ...]:
    """The errors whose message is meant for the user, as it stands."""
    known: tuple[type[BaseException], ...] = (
        ServiceError,
        SettingsError,
        CliError,
        paths.MissingDataDir,
    )
    return known + _loaded("soloservice.storage.database", "StorageError")


def _storage_text(exc: BaseException) -> str | None:
    """A full, busy, read-only or damaged store in one line (storage/storage_errors.py)."""
    from soloservice.storage.storage_errors import describe_storage_error

    return describe_storage_error(exc)


def _fail(message: str) -> int:
    # One line, always: SQLAlchemy appends a "Background on this error" line to its messages.
    first = next((line.strip() for line in message.splitlines() if line.strip()), "failed")
    log.warning("command failed: %s", first)
    print(f"{PROG}: error: {first}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    parser, commands = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return inbox_cmds.run_gui(paths.data_dir(args.data_dir))
        command = commands[args.command]
        if not command.needs_services:
            return command.handler(args)
        may_create = args.create or args.command in CREATING_COMMANDS
        data_dir = resolve_data_dir(args.data_dir, must_exist=not may_create)
        if data_dir.is_dir():  # else after open, which makes the folder private first
            logsetup.setup_logging(data_dir, process="cli")
        if command.fast is not None and (code := command.fast(data_dir, args)) is not None:
            return code  # answered without opening the store through the ORM
        services = Services.open(data_dir)
        logsetup.setup_logging(data_dir, process="cli")
        log.info("command %s", args.command)
        try:
            backup_cmds.refuse_if_damaged(services, args)
            code = command.handler(services, args)
            if code == 0:
                backup_cmds.after_command(services, args)  # today's automatic backup
            log.info("command %s: exit %d", args.command, code)
            return code
        finally:
            services.close()
    except _user_errors() as exc:
        return _fail(str(exc))
    except _loaded("sqlalchemy.exc", "SQLAlchemyError") as exc:
        return _fail(
            _storage_text(exc)
            or f"database error: {exc.__class__.__name__}: {exc.args[0] if exc.args else exc}"
        )
    except _loaded("sqlite3", "Error") as exc:  # backups and checks use sqlite3 directly
        return _fail(_storage_text(exc) or f"database error: {exc}")
    except BrokenPipeError:
        # The reader went away (``soloservice inbox | head``): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's flush quiet
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(_storage_text(exc) or f"{exc.strerror or exc}{where}")
    except ValueError as exc:  # e.g. a time zone in the settings file that does not exist
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: the traceback goes to stderr and, redacted, to the log
        log.exception("command %s failed", args.command)
        raise
    finally:
        logsetup.stop_logging()
