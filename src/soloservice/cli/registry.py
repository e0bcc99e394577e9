"""How command modules plug into the CLI: each has ``register(sub, common)`` returning the
commands it added, so features (mail, templates, follow-ups, ...) live in their own module."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

SubParsers = argparse._SubParsersAction  # the type argparse gives add_subparsers()


@dataclass(frozen=True)
class Command:
    """``handler(services, args)``; or ``handler(args)`` when ``needs_services`` is False
    (commands that open the window or pick their own data directory)."""

    handler: Callable[..., int]
    needs_services: bool = True
    #: ``fast(data_dir, args)`` is tried before the store is opened: an exit code when it
    #: could answer on its own (``sync`` with nothing new), else None for ``handler``
    fast: Callable[[Path, argparse.Namespace], int | None] | None = None


class CommandModule(Protocol):
    def register(
        self, sub: SubParsers[Any], common: argparse.ArgumentParser
    ) -> dict[str, Command]: ...
