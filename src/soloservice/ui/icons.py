"""Icons drawn as SVG and shipped inside the package, so an installed wheel finds them too."""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files

from PySide6.QtGui import QIcon

from soloservice.domain.types import Channel, ChannelGroup


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if it is missing."""
    resource = files("soloservice").joinpath("resources", "icons", f"{name}.svg")
    if not resource.is_file():
        return QIcon()
    with as_file(resource) as path:
        return QIcon(str(path))


def channel_icon(channel: Channel) -> QIcon:
    return icon(channel.value)


def group_icon(group: ChannelGroup) -> QIcon:
    return icon(group.value)
