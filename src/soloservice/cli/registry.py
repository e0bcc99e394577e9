"""How command modules plug into the CLI: each has ``register(sub, common)`` returning the
commands it added, so features (mail, templates, follow-ups, ...) live in their own module."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

SubParsers = argparse._SubParsersAction  # the type argparse gives add_subparsers()


@dataclass(frozen=True)
class Command:
    """``handler(services, args)``; or ``handler(args)`` when ``needs_services`` is False
    (commands that open the window or pick their own data directory)."""

    handler: Callable[..., int]
    needs_services: bool = True


class CommandModule(Protocol):
    def register(
        self, sub: SubParsers[Any], common: argparse.ArgumentParser
    ) -> dict[str, Command]: ...
