"""Errors a user can cause and must be told about in one clear line."""

from __future__ import annotations


class ServiceError(Exception):
    """Base for every error that the UI shows in a message box and the CLI prints with exit 2."""


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass


def describe_storage_error(exc: BaseException) -> str | None:
    """A failure of the store (disk full, database locked, read-only folder) in one line.

    Offered here so the window words such errors without importing the storage layer.
    """
    from soloservice.storage.storage_errors import describe_storage_error as describe

    return describe(exc)
