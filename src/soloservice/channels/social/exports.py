"""Message exports from Facebook (Page / Messenger), Instagram and the X archive.

Every user can download their data, so this works without tokens or app review. The
readers are ``meta_export.py`` (Facebook, Instagram) and ``x_archive.py`` (X); what they
share (safe JSON, Meta's mojibake) is ``export_json.py``. Each gives a
:class:`~soloservice.channels.social.model.SocialExport`; :class:`OwnerUnknown` (in
``errors.py``) when the founder must say which participant they are.
"""

from __future__ import annotations

from pathlib import Path

from soloservice.channels.social.meta_export import read_facebook_export, read_instagram_export
from soloservice.channels.social.model import SocialExport
from soloservice.channels.social.x_archive import read_x_archive
from soloservice.domain.types import Channel


def read_export(
    platform: Channel,
    path: Path,
    *,
    owner_name: str | None = None,
    owner_id: str | None = None,
) -> SocialExport:
    """Dispatch by platform, for the CLI's ``import facebook|instagram|x PATH``."""
    if platform is Channel.FACEBOOK:
        return read_facebook_export(path, owner_name=owner_name)
    if platform is Channel.INSTAGRAM:
        return read_instagram_export(path, owner_name=owner_name)
    if platform is Channel.X:
        return read_x_archive(path, owner_id=owner_id)
    raise ValueError(f"{platform.value} has no message export")
