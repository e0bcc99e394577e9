"""Your data: ``import json FILE`` (a full export into an empty store) and the GDPR pair
``customer export ID FILE`` / ``customer forget ID [--yes]``.

Nothing here is a top-level command: ``import json`` is an import kind and the two customer
actions hang under ``customer``, registered through ``cli.channel_cmds`` when this module is
imported (before any parser is built).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from soloservice.cli.channel_cmds import add_import_source
from soloservice.cli.common import CliError, print_json, print_json_line, record_id
from soloservice.cli.customer_cmds import add_customer_action
from soloservice.cli.registry import Command, SubParsers
from soloservice.services.registry import Services


def _configure_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="FILE", help="a `soloservice export` file")


def _import_json(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.data_import import import_all

    print_json(import_all(services.ctx, args.path).as_json())
    return 0


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=record_id, metavar="ID")
    parser.add_argument("file", type=Path, metavar="FILE.json")


def _export(services: Services, args: argparse.Namespace) -> int:
    print_json_line(services.gdpr.export(args.id, args.file).as_json())
    return 0


def _configure_forget(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=record_id, metavar="ID")
    parser.add_argument(
        "--yes", action="store_true", help="really forget (without it: show what would go)"
    )


def _forget(services: Services, args: argparse.Namespace) -> int:
    if not args.yes:
        preview = services.gdpr.preview(args.id)
        print_json(preview.as_json())
        raise CliError(preview.confirmation())
    done = services.gdpr.forget(args.id)
    print_json_line({"forgotten": True, **done.as_json(), "name": None})
    return 0


add_import_source(
    "json", _configure_json, _import_json, help="a full `soloservice export` into an empty store"
)
add_customer_action(
    "export", _configure_export, _export, help="everything about one customer as JSON (GDPR)"
)
add_customer_action(
    "forget",
    _configure_forget,
    _forget,
    help="delete one customer's personal data, keep the review's counts (needs --yes)",
)


def register(sub: SubParsers[Any], common: argparse.ArgumentParser) -> dict[str, Command]:
    return {}
