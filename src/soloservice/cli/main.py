"""Parsing, dispatch and the one-line error promise of the scripting CLI."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from sqlalchemy.exc import SQLAlchemyError

import soloservice.cli as cli_package
from soloservice import paths
from soloservice.cli import inbox_cmds
from soloservice.cli.common import PROG, CliError
from soloservice.cli.registry import Command
from soloservice.services.errors import ServiceError
from soloservice.services.registry import Services
from soloservice.storage.database import StorageError
from soloservice.storage.settings_store import SettingsError


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


def resolve_data_dir(option: str | None) -> Path:
    """``--data-dir`` wins over ``SOLOSERVICE_DATA_DIR``, which wins over platformdirs."""
    return paths.data_dir(option)


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
    # Subcommands accept --data-dir too; SUPPRESS keeps a global one from being overwritten.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="as above")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Command] = {}
    for module in command_modules():
        commands.update(module.register(sub, common))
    return parser, commands


def _fail(message: str) -> int:
    # One line, always: SQLAlchemy appends a "Background on this error" line to its messages.
    first = next((line.strip() for line in message.splitlines() if line.strip()), "failed")
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
        services = Services.open(paths.data_dir(args.data_dir))
        try:
            return command.handler(services, args)
        finally:
            services.close()
    except (ServiceError, StorageError, SettingsError, CliError) as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:
        return _fail(
            f"database error: {exc.__class__.__name__}: {exc.args[0] if exc.args else exc}"
        )
    except BrokenPipeError:
        # The reader went away (``soloservice inbox | head``): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's flush quiet
        return 0
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    except ValueError as exc:  # e.g. a time zone in the settings file that does not exist
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
