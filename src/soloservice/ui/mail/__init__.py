"""The email channel in the GUI: accounts, background sync, the reply composer, attachments,
formatted (HTML) mail and the quarantine. Installed by ``ui/features/mail.py``.

New mail is found by polling (a sync every few minutes, on start-up and on F5), not IMAP
IDLE: one short connection per sync works the same on every server and needs no thread that
holds a connection open.
"""
