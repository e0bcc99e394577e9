"""Facebook, Instagram and X in the main window: importing their exports, the connected
accounts (polled every ten minutes on the worker), and the reply tab under a social
conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from soloservice.domain.types import Channel
from soloservice.services.dto import InquiryDetail
from soloservice.services.forms import ImportSummary
from soloservice.services.social_dto import PollSummary
from soloservice.ui.channels.common import import_menu, short_summary
from soloservice.ui.channels.social_accounts import SocialAccountsDialog, poll_text
from soloservice.ui.channels.social_import import SocialImportDialog, platform_name
from soloservice.ui.channels.social_reply import SocialReplyPanel
from soloservice.ui.icons import channel_icon, icon

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

ACCOUNTS_SHORTCUT = "Ctrl+Shift+S"
POLL_INTERVAL_MS = 10 * 60 * 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("SocialFeature", text)


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
            (Channel.FACEBOOK, _tr("&Facebook export…")),
            (Channel.INSTAGRAM, _tr("I&nstagram export…")),
            (Channel.X, _tr("&X archive…")),
        ):
            action = QAction(channel_icon(platform), text, window.widget)
            action.setStatusTip(
                _tr("Import messages from a %1 data download").replace(
                    "%1", platform_name(platform)
                )
            )
            action.triggered.connect(lambda _c=False, p=platform: self.open_import(p))
            menu.addAction(action)
            self.import_actions[platform] = action

        self.accounts_action = QAction(icon("social"), _tr("&Social accounts…"), window.widget)
        self.accounts_action.setShortcut(QKeySequence(ACCOUNTS_SHORTCUT))
        self.accounts_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = _tr("Connected Facebook, Instagram and X accounts; poll now")
        self.accounts_action.setStatusTip(tip)
        self.accounts_action.setToolTip(f"{tip} ({ACCOUNTS_SHORTCUT})")
        self.accounts_action.triggered.connect(self.open_accounts)
        window.addAction(self.accounts_action)
        self.poll_action = QAction(_tr("&Poll social accounts now"), window.widget)
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
        dialog = SocialImportDialog(
            self.window.services, self.window.runner, platform, self.window.widget
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _r: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, summary: ImportSummary) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(
            _tr("Export imported: %1").replace("%1", short_summary(summary)), 15_000
        )

    # -- accounts and polling ------------------------------------------------------------------

    def open_accounts(self) -> SocialAccountsDialog:
        if self.accounts_dialog is None:
            dialog = SocialAccountsDialog(
                self.window.services, self.window.runner, self.window.widget
            )
            dialog.polled.connect(self._polled)
            self.accounts_dialog = dialog
        self.accounts_dialog.refresh()
        self.accounts_dialog.show()
        self.accounts_dialog.raise_()
        self.accounts_dialog.activateWindow()
        return self.accounts_dialog

    def poll(self) -> bool:
        """Poll every account on the worker; False when there is nothing to poll (or a poll
        is still running)."""
        if self.polling:
            return False
        social = self.window.services.social
        if not any(view.enabled for view in social.accounts()):
            return False
        self.polling = True
        self.window.runner.run_task(social.poll_all, self._polled, self._poll_failed)
        return True

    def _polled(self, summaries: list[PollSummary]) -> None:
        self.polling = False
        self.last_poll = summaries
        added = sum(s.added for s in summaries if s.ok)
        failed = [s for s in summaries if not s.ok]
        if added:
            self.window.reload()
        if failed:
            message = "; ".join(poll_text(s) for s in failed)
        elif added:
            message = _tr("Social: %1 new messages").replace("%1", str(added))
        else:
            message = ""
        if message:
            self.window.statusBar().showMessage(message, 30_000)
        if self.accounts_dialog is not None and self.accounts_dialog.isVisible():
            self.accounts_dialog.refresh()

    def _poll_failed(self, error: BaseException) -> None:
        self.polling = False
        self.window.statusBar().showMessage(
            _tr("Polling social accounts failed: %1").replace("%1", str(error)), 30_000
        )

    # -- replies -------------------------------------------------------------------------------

    def _replied(self, detail: InquiryDetail) -> None:
        window = self.window
        window.reload()
        if window.detail is not None and window.detail.id == detail.id:
            window.open_inquiry(detail.id)
        window.statusBar().showMessage(
            _tr("Reply recorded on #%1").replace("%1", str(detail.id)), 10_000
        )

    def _retitle(self, title: str) -> None:
        self.window.set_inquiry_tab_title(self.reply_panel, title)


def install(window: FeatureHost) -> SocialFeature:
    return SocialFeature(window)
