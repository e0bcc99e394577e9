"""The social accounts dialog's own words for what the service refuses or records.

The service's messages are the CLI's: they name ``social add``'s flags (``--account-ref``,
``--token-env``), which mean nothing to a founder looking at fields. The service says *what*
is wrong (``AccountProblem``, the recorded ``TOKEN_*`` lines); the window words it here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from soloservice.services.social import (
    TOKEN_EXPIRED,
    TOKEN_MISSING,
    AccountInputError,
    AccountProblem,
)


def error_text(error: str) -> str:
    """A poll's recorded error in the window's words where it has its own."""
    if error == TOKEN_MISSING:
        return QCoreApplication.translate(
            "SocialAccounts",
            "no token stored — type it in the Token field and press “Use token for selected”",
        )
    if error == TOKEN_EXPIRED:
        return QCoreApplication.translate("SocialAccounts", "token expired — renew it")
    return error


def input_error_text(exc: AccountInputError, ref_hint: str) -> str:
    """A refused "Connect" in the dialog's terms; ``ref_hint`` says what the chosen
    platform's account id is."""
    problem = exc.problem
    if problem is AccountProblem.BAD_NAME:
        return QCoreApplication.translate(
            "SocialAccountsDialog", "The name must be one word without ':' (e.g. shop-fb)."
        )
    if problem is AccountProblem.NAME_TAKEN:
        return QCoreApplication.translate(
            "SocialAccountsDialog", "An account named %1 exists already: choose another name."
        ).replace("%1", exc.value)
    if problem is AccountProblem.NO_ACCOUNT_REF:
        return QCoreApplication.translate(
            "SocialAccountsDialog", "Type the account id: %1."
        ).replace("%1", ref_hint)
    if problem is AccountProblem.INSTAGRAM_REF:
        return QCoreApplication.translate(
            "SocialAccountsDialog",
            "For Instagram type the account id as PAGE_ID:INSTAGRAM_ACCOUNT_ID, so your "
            "own messages are told from the customer's.",
        )
    if problem is AccountProblem.BAD_BASE_URL:
        return QCoreApplication.translate(
            "SocialAccountsDialog",
            "The API address must be http:// or https:// and a host; leave it empty "
            "unless you use a test server.",
        )
    return QCoreApplication.translate(
        "SocialAccountsDialog", "Type the account's access token in the Token field."
    )
