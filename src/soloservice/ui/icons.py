"""Icons drawn as SVG (resources/icons), found in the installed package or the checkout."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from soloservice.assets import resource_dir
from soloservice.domain.types import Channel, ChannelGroup


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if it is missing."""
    path = resource_dir("icons") / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def channel_icon(channel: Channel) -> QIcon:
    return icon(channel.value)


def group_icon(group: ChannelGroup) -> QIcon:
    return icon(group.value)
