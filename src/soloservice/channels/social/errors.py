"""What can go wrong talking to a platform, in terms the worker can act on.

A rate limit means "try again later" (``retry_after`` seconds), an expired token means
"ask the founder to reconnect", a refused reply means "copy the text and open the
conversation in the browser". Messages never contain the access token.
"""

from __future__ import annotations


class SocialApiError(Exception):
    def __init__(self, platform: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{platform}: {message}")
        self.platform = platform
        self.message = message
        self.status = status


class RateLimited(SocialApiError):
    def __init__(self, platform: str, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(platform, f"{message} (retry in {retry_after:.0f} s)", 429)
        self.retry_after = retry_after


class TokenExpired(SocialApiError):
    """The token is expired, revoked or invalid: the founder must connect the account again."""


class ReplyNotAllowed(SocialApiError):
    """The platform refuses this reply (e.g. Messenger's 24-hour window, closed X DMs)."""


class ExportFormatError(ValueError):
    """An export file or folder is not what the platform produces; names the file and why."""


class OwnerUnknown(ExportFormatError):
    """Which participant is the founder cannot be told from the export alone."""

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates
