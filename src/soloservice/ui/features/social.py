"""Facebook, Instagram and X in the main window: importing their exports, the connected
accounts (polled every ten minutes on the worker), and the reply tab under a social
conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction

from soloservice.domain.types import Channel
from soloservice.plurals import PluralContext
from soloservice.services.dto import InquiryDetail
from soloservice.services.import_summary import ImportSummary
from soloservice.services.social_dto import PollSummary
from soloservice.ui.channels.common import import_menu, short_summary
from soloservice.ui.channels.platforms import platform_name
from soloservice.ui.channels.social_reply import SocialReplyPanel
from soloservice.ui.features._shared import bring_up, feature_action, open_dialog
from soloservice.ui.icons import channel_icon

if TYPE_CHECKING:
    from soloservice.ui.channels.social_accounts import SocialAccountsDialog
    from soloservice.ui.channels.social_import import SocialImportDialog
    from soloservice.ui.features.host import FeatureHost

ACCOUNTS_SHORTCUT = "Ctrl+Shift+S"
POLL_INTERVAL_MS = 10 * 60 * 1000


#: counted messages ("%n … (s)"): a context lupdate reads as plurals (soloservice/plurals.py)
SocialCounts = PluralContext("SocialCounts")


class SocialFeature:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.accounts_dialog: SocialAccountsDialog | None = None
        self.import_dialog: SocialImportDialog | None = None
        self.polling = False
        self.last_poll: list[PollSummary] = []

        menu = import_menu(window)
        self.import_actions: dict[Channel, QAction] = {}
        for platform, text in (
            (Channel.FACEBOOK, QCoreApplication.translate("SocialFeature", "&Facebook export…")),
            (Channel.INSTAGRAM, QCoreApplication.translate("SocialFeature", "I&nstagram export…")),
            (Channel.X, QCoreApplication.translate("SocialFeature", "&X archive…")),
        ):
            action = QAction(channel_icon(platform), text, window.widget)
            action.setStatusTip(
                QCoreApplication.translate(
                    "SocialFeature", "Import messages from a %1 data download"
                ).replace("%1", platform_name(platform))
            )
            action.triggered.connect(lambda _c=False, p=platform: self.open_import(p))
            menu.addAction(action)
            self.import_actions[platform] = action

        self.accounts_action = feature_action(
            window,
            QCoreApplication.translate("SocialFeature", "&Social accounts…"),
            ACCOUNTS_SHORTCUT,
            QCoreApplication.translate(
                "SocialFeature", "Connected Facebook, Instagram and X accounts; poll now"
            ),
            self.open_accounts,
            "social",
        )
        self.poll_action = QAction(
            QCoreApplication.translate("SocialFeature", "&Poll social accounts now"), window.widget
        )
        self.poll_action.triggered.connect(self.poll)
        tools = window.menu("tools")
        tools.addAction(self.accounts_action)
        tools.addAction(self.poll_action)

        self.timer = QTimer(window.widget)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

        self.reply_panel = SocialReplyPanel(window.services, window.runner)
        self.reply_panel.replied.connect(self._replied)
        self.reply_panel.title_changed.connect(self._retitle)
        window.add_inquiry_tab(self.reply_panel, self.reply_panel.title(), order=11)

    # -- imports -------------------------------------------------------------------------------

    def open_import(self, platform: Channel) -> SocialImportDialog:
        from soloservice.ui.channels.social_import import SocialImportDialog

        dialog = SocialImportDialog(
            self.window.services, self.window.runner, platform, self.window.widget
        )
        dialog.imported.connect(self._imported)
        self.import_dialog = open_dialog(dialog, self._import_closed)
        return dialog

    def _import_closed(self) -> None:
        self.import_dialog = None

    def _imported(self, summary: ImportSummary) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("SocialFeature", "Export imported: %1").replace(
                "%1", short_summary(summary)
            ),
            15_000,
        )

    # -- accounts and polling ------------------------------------------------------------------

    def open_accounts(self) -> SocialAccountsDialog:
        if self.accounts_dialog is None:
            from soloservice.ui.channels.social_accounts import SocialAccountsDialog

            dialog = SocialAccountsDialog(
                self.window.services, self.window.runner, self.window.widget
            )
            dialog.polled.connect(self._polled)
            self.accounts_dialog = dialog
        self.accounts_dialog.refresh()
        return bring_up(self.accounts_dialog)

    def poll(self) -> bool:
        """Poll every account on the worker; False when there is nothing to poll (or a poll
        is still running)."""
        if self.polling:
            return False
        social = self.window.services.social
        if not any(view.enabled for view in social.accounts()):
            return False
        self.polling = True
        self.window.runner.run_network_task(social.poll_all, self._polled, self._poll_failed)
        return True

    def _polled(self, summaries: list[PollSummary]) -> None:
        self.polling = False
        self.last_poll = summaries
        added = sum(s.added for s in summaries if s.ok)
        failed = [s for s in summaries if not s.ok]
        if added:
            self.window.reload()
        if failed:
            from soloservice.ui.channels.social_accounts import poll_text

            message = "; ".join(poll_text(s) for s in failed)
        elif added:
            message = SocialCounts.tr("Social: %n new message(s)", "", added)
        else:
            message = ""
        if message:
            self.window.statusBar().showMessage(message, 30_000)
        if self.accounts_dialog is not None and self.accounts_dialog.isVisible():
            self.accounts_dialog.refresh()

    def _poll_failed(self, error: BaseException) -> None:
        self.polling = False
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "SocialFeature", "Polling social accounts failed: %1"
            ).replace("%1", str(error)),
            30_000,
        )

    # -- replies -------------------------------------------------------------------------------

    def _replied(self, detail: InquiryDetail) -> None:
        window = self.window
        window.reload()
        if window.detail is not None and window.detail.id == detail.id:
            window.open_inquiry(detail.id)
        window.statusBar().showMessage(
            QCoreApplication.translate("SocialFeature", "Reply recorded on #%1").replace(
                "%1", str(detail.id)
            ),
            10_000,
        )

    def _retitle(self, title: str) -> None:
        self.window.set_inquiry_tab_title(self.reply_panel, title)


def install(window: FeatureHost) -> SocialFeature:
    return SocialFeature(window)
