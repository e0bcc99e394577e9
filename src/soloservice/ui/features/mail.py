"""Email in the main window: accounts (Ctrl+Shift+M), background sync (start-up, F5, every
five minutes, and at once when IMAP IDLE reports new mail), the Reply tab (Ctrl+R,
Ctrl+Return sends), the Attachments tab and the quarantine (Ctrl+Shift+Q)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from soloservice.ui.features._shared import bring_up, feature_action
from soloservice.ui.mail.attachments_panel import AttachmentsPanel
from soloservice.ui.mail.composer import ReplyComposer
from soloservice.ui.mail.idle_watcher import IdleWatcher, idle_switched_off
from soloservice.ui.mail.sync_controller import SyncController

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost
    from soloservice.ui.mail.accounts_dialog import AccountsDialog
    from soloservice.ui.mail.quarantine_dialog import QuarantineDialog


class MailFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.accounts_dialog: AccountsDialog | None = None
        self.quarantine_dialog: QuarantineDialog | None = None

        self.sync = SyncController(window)
        #: IDLE starts after the first sync; off with SOLOSERVICE_NO_IDLE=1 (tests set it
        #: False so that only a test that asks for IDLE gets its threads)
        self.idle_enabled = not idle_switched_off()
        self.idle = IdleWatcher(window.services.mail_accounts, window.widget)
        self.idle.new_mail.connect(self._idle_new_mail)
        self.sync.synced.connect(self._after_sync)
        # The threads must end with the window and before the store closes on quit; a
        # plain function, because the watcher may already be gone when ``destroyed`` fires.
        stop_idle = self.idle.stopper()
        window.widget.destroyed.connect(stop_idle)
        window.closing.connect(self.sync.stop_schedule)
        window.closing.connect(self.sync.cancel)
        window.closing.connect(stop_idle)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop_idle)
        self.composer = ReplyComposer(window)
        self.attachments = AttachmentsPanel(window)
        window.add_inquiry_tab(
            self.composer, QCoreApplication.translate("MailFeature", "Reply"), order=10
        )
        window.closing.connect(self.composer.save_drafts)
        window.add_inquiry_tab(
            self.attachments, QCoreApplication.translate("MailFeature", "Attachments"), order=60
        )
        self.attachments.count_changed.connect(self._attachment_count)
        self._attachment_count(self.attachments.list.count())

        self.reply_action = feature_action(
            window,
            QCoreApplication.translate("MailFeature", "&Reply"),
            "Ctrl+R",
            QCoreApplication.translate("MailFeature", "Write a reply to this inquiry"),
            self.focus_reply,
            "email",
        )
        self.accounts_action = feature_action(
            window,
            QCoreApplication.translate("MailFeature", "&Mail accounts…"),
            "Ctrl+Shift+M",
            QCoreApplication.translate("MailFeature", "Add, change or test mail accounts"),
            self.open_accounts,
        )
        self.quarantine_action = feature_action(
            window,
            QCoreApplication.translate("MailFeature", "&Quarantined mail…"),
            "Ctrl+Shift+Q",
            QCoreApplication.translate("MailFeature", "Mail that could not be read"),
            self.open_quarantine,
        )
        self.send_outbox_action = feature_action(
            window,
            QCoreApplication.translate("MailFeature", "Send &outbox now"),
            "Ctrl+Shift+Y",
            QCoreApplication.translate("MailFeature", "Send replies waiting in the outbox"),
            self.sync.send_outbox,
        )
        self.formatted_action = feature_action(
            window,
            QCoreApplication.translate("MailFeature", "Show &formatted mail…"),
            "",
            QCoreApplication.translate("MailFeature", "The HTML version, remote images blocked"),
            self.show_formatted,
        )
        self.sync.accounts_requested.connect(self.open_accounts)
        self.sync.outbox_changed.connect(self.composer.refresh_outbox)

        inquiry = window.menu("inquiry")
        inquiry.addSeparator()
        inquiry.addAction(self.reply_action)
        inquiry.addAction(self.formatted_action)
        tools = window.menu("tools")
        tools.addAction(self.accounts_action)
        tools.addAction(self.quarantine_action)
        tools.addAction(self.send_outbox_action)

        window.commands.refresh.triggered.connect(self.refresh_requested)
        window.data_changed.connect(self.composer.refresh_outbox)
        window.inquiry_changed.connect(self._inquiry_changed)
        self._inquiry_changed(window.detail)
        self.sync.start()

    # -- actions --------------------------------------------------------------------------------

    def refresh_requested(self) -> None:
        """F5: the window reloads the list; we also fetch mail, if any account is set up."""
        self.sync.start_sync()

    def start_idle(self) -> list[str]:
        """Watch every enabled account by IMAP IDLE (if switched on); the names watched."""
        if not self.idle_enabled:
            return []
        return self.idle.start()

    def _after_sync(self, summaries: object) -> None:
        # Started after the first sync rather than at once, so that start-up fetches the
        # backlog before connections are held open.
        if self.idle_enabled and not self.idle.started:
            self.start_idle()

    def _idle_new_mail(self, account_name: str) -> None:
        self.sync.request_sync(account_name)

    def _inquiry_changed(self, detail: object) -> None:
        can = self.composer.can_reply(self.window.detail)
        self.reply_action.setEnabled(can)
        self.formatted_action.setEnabled(bool(self.attachments.html_messages.count()))

    def _attachment_count(self, count: int) -> None:
        self.window.set_inquiry_tab_title(
            self.attachments,
            QCoreApplication.translate("MailFeature", "Attachments (%1)").replace("%1", str(count))
            if count
            else QCoreApplication.translate("MailFeature", "Attachments"),
        )

    def focus_reply(self) -> None:
        self.window.show_inquiry_tab(self.composer)
        self.composer.focus_body()

    def show_formatted(self) -> None:
        self.window.show_inquiry_tab(self.attachments)
        self.attachments.show_html()

    def open_accounts(self) -> AccountsDialog:
        if self.accounts_dialog is None:
            from soloservice.ui.mail.accounts_dialog import AccountsDialog

            dialog = AccountsDialog(self.window.services, self.window.runner, self.window.widget)
            dialog.changed.connect(self._accounts_changed)
            self.accounts_dialog = dialog
        self.accounts_dialog.refresh()
        return bring_up(self.accounts_dialog)

    def _accounts_changed(self) -> None:
        # The composer's From list, signature and hint depend on the accounts.
        self.composer.reload_accounts()
        # New, removed or changed servers and passwords: reconnect IDLE with the new set.
        if self.idle.started:
            self.idle.restart()
        elif not self.sync.startup_timer.isActive():  # e.g. the first account was just added
            self.start_idle()

    def open_quarantine(self) -> QuarantineDialog:
        if self.quarantine_dialog is None:
            from soloservice.ui.mail.quarantine_dialog import QuarantineDialog

            dialog = QuarantineDialog(self.window.services, self.window.runner, self.window.widget)
            dialog.changed.connect(self.window.reload)
            self.quarantine_dialog = dialog
        self.quarantine_dialog.refresh()
        return bring_up(self.quarantine_dialog)


def install(window: FeatureHost) -> MailFeature:
    return MailFeature(window)
