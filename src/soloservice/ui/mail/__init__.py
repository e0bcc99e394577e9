"""The email channel in the GUI: accounts, background sync, the reply composer, attachments,
formatted (HTML) mail and the quarantine. Installed by ``ui/features/mail.py``.

New mail is fetched on start-up, on F5 and by polling every few minutes. Where the server
offers IMAP IDLE, a connection per account also waits in IDLE on a thread of its own
(idle_watcher.py) and a sync of that account starts as soon as mail arrives; servers without
IDLE rely on the polling alone, which keeps running for every account as a safety net.
``SOLOSERVICE_NO_IDLE=1`` switches IDLE off.
"""
