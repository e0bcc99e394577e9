"""Facebook, Instagram and X conversations in the inbox: export imports and live connectors.

The export import is here; how a conversation is stored and its customer found is
``services/social_threads.py``, the live connectors ``services/social_accounts.py`` and what
they return ``services/social_dto.py``.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from soloservice.channels.social.errors import ExportFormatError, OwnerUnknown
from soloservice.channels.social.exports import read_export
from soloservice.channels.social.model import SocialExport
from soloservice.domain.types import Channel
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.import_summary import ImportFailed, ImportSummary
from soloservice.services.social_threads import (
    ThreadCounts,
    ThreadStore,
    export_source,
    import_summary,
)

EXPORT_ORIGIN = "export"
TOKEN_EXPIRED = "token expired — renew it"
#: what a poll or reply records when no token is found (a session-only one after a restart);
#: the secret store's own message names the mail CLI's --password-env
TOKEN_MISSING = "no token stored — renew it"


def token_missing(token_env: str | None) -> str:
    """The one line a poll records when the account's token cannot be found."""
    if token_env:
        return f"no token stored, and the environment variable {token_env} is not set"
    return TOKEN_MISSING


class AccountProblem(Enum):
    """What is wrong with an account being connected, and in which field."""

    BAD_NAME = "name"
    NAME_TAKEN = "name-taken"
    NO_ACCOUNT_REF = "account-ref"
    INSTAGRAM_REF = "instagram-ref"
    BAD_BASE_URL = "base-url"
    NO_TOKEN = "token"


class AccountInputError(InvalidInput):
    """A refused ``social add``. The message names the CLI's flags; the window words the
    ``problem`` itself (its fields are not flags), with ``value`` (the name, the address)."""

    def __init__(self, message: str, problem: AccountProblem, value: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.value = value


class OwnerNeeded(ImportFailed):
    """Which participant is the founder cannot be told from the export: pick one."""

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


def parse_platform(text: str | Channel) -> Channel:
    try:
        channel = Channel(str(text).strip().lower())
    except ValueError:
        channel = None
    if channel is None or not channel.is_social:
        raise InvalidInput(f"unknown platform {text!r} (use facebook, instagram or x)")
    return channel


class SocialImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.store = ThreadStore(ctx)

    def read(
        self, platform: Channel | str, path: Path | str, owner: str | None = None
    ) -> SocialExport:
        """Read an export without storing it (the GUI shows what it holds first)."""
        channel = parse_platform(platform)
        try:
            if channel is Channel.X:
                return read_export(channel, Path(path), owner_id=owner)
            return read_export(channel, Path(path), owner_name=owner)
        except OwnerUnknown as exc:
            raise OwnerNeeded(f"{exc} (give it with --owner)", exc.candidates) from exc
        except ExportFormatError as exc:
            raise ImportFailed(str(exc)) from exc

    def import_export(
        self, platform: Channel | str, path: Path | str, owner: str | None = None
    ) -> ImportSummary:
        """Import a "Download your information" export or X archive, in one transaction.

        ``owner`` is the page/account name for Facebook and Instagram, the account id for
        X; without it, it is inferred from the export.
        """
        export = self.read(platform, path, owner)
        counts = ThreadCounts()
        source = export_source(export.platform)
        with self.ctx.db.session() as session:
            for thread in export.threads:
                self.store.store(
                    session,
                    thread,
                    source=source,
                    origin=EXPORT_ORIGIN,
                    owner_label=export.owner,
                    counts=counts,
                )
        errors = []
        if export.skipped_messages:
            errors.append(f"{export.skipped_messages} unsent or empty messages were skipped")
        return import_summary(counts, errors)
