"""The usual port of each mail protocol under each kind of connection security.

Both the account service (a port left empty is saved as the usual one) and the account
form (which fills it in as the security is chosen) need the same table.
"""

from __future__ import annotations

#: connection security, strongest first, as stored and as offered in the form
SECURITY = ("ssl", "starttls", "none")

#: (protocol, security) -> the usual port
DEFAULT_PORTS: dict[tuple[str, str], int] = {
    ("imap", "ssl"): 993,
    ("imap", "starttls"): 143,
    ("imap", "none"): 143,
    ("smtp", "ssl"): 465,
    ("smtp", "starttls"): 587,
    ("smtp", "none"): 25,
}
