"""Errors a user can cause and must be told about in one clear line."""

from __future__ import annotations


class ServiceError(Exception):
    """Base for every error that the UI shows in a message box and the CLI prints with exit 2."""


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass
