"""Platform names for menus and messages, in a module of their own.

The Import menu's entries are built at start-up; importing the import dialog for its
``platform_name`` pulled the social importers into every launch (tests/ui/test_launch_imports.py).
"""

from __future__ import annotations

from soloservice.domain.types import Channel


def platform_name(platform: Channel) -> str:
    return {Channel.FACEBOOK: "Facebook", Channel.INSTAGRAM: "Instagram", Channel.X: "X"}.get(
        platform, platform.value.title()
    )
