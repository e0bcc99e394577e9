"""All services over one context, built once by the composition root (app.py, cli.py).

Each service is built on first use (a cached property importing its module then): a CLI
command pays only for the services it touches, and ``soloservice --help`` for none of them
(see tests/test_startup_imports.py). Importing this module imports no SQLAlchemy.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from soloservice.paths import database_path, settings_path
from soloservice.services.errors import InvalidInput
from soloservice.storage.files import create_private, secure_data_dir

if TYPE_CHECKING:
    from sqlmodel import Session

    from soloservice.services.backups import BackupService
    from soloservice.services.calls import CallService
    from soloservice.services.capture import CaptureService
    from soloservice.services.checklist import ChecklistService
    from soloservice.services.context import ServiceContext
    from soloservice.services.customer_edit import CustomerEditService
    from soloservice.services.customer_import import CustomerImportService
    from soloservice.services.customer_merge import CustomerMergeService
    from soloservice.services.customers import CustomerService
    from soloservice.services.followups import SurveyService
    from soloservice.services.forms import FormService
    from soloservice.services.gdpr import GdprService
    from soloservice.services.getting_started import GettingStartedService
    from soloservice.services.inbox import InboxService
    from soloservice.services.inquiries import InquiryService
    from soloservice.services.mail_accounts import MailAccountService
    from soloservice.services.mail_import import MailImportService
    from soloservice.services.mail_ingest import MailIngest
    from soloservice.services.mail_sync import MailSyncService
    from soloservice.services.outbox import OutboxService
    from soloservice.services.promises import PromiseService
    from soloservice.services.pulse import PulseService
    from soloservice.services.remedies import RemedyService
    from soloservice.services.review import ReviewService
    from soloservice.services.search import SearchService
    from soloservice.services.secrets import SecretStore
    from soloservice.services.sender_verdicts import SenderVerdictService
    from soloservice.services.settings_service import SettingsService
    from soloservice.services.social import SocialImportService
    from soloservice.services.social_accounts import SocialAccountService
    from soloservice.services.templates import TemplateService
    from soloservice.storage.database import Database

NOW_ENV = "SOLOSERVICE_NOW"


def pinned_clock(text: str) -> Callable[[], datetime] | None:
    """The clock ``SOLOSERVICE_NOW`` asks for, or None when it is unset."""
    if not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{NOW_ENV} is not an ISO 8601 time: {text.strip()!r}") from None
    if moment.tzinfo is None:
        raise InvalidInput(f"{NOW_ENV} needs a UTC offset, e.g. 2026-11-24T10:00+01:00")
    fixed = moment.astimezone(UTC)
    return lambda: fixed


def open_database(path: Path) -> Database:
    """The store, after ``PRAGMA quick_check``: a damaged one opens read-only, unmigrated,
    so nothing writes to it before the founder has chosen to restore (see storage/readonly.py)."""
    from soloservice.storage.backup import startup_damage
    from soloservice.storage.database import Database
    from soloservice.storage.readonly import ReadOnlyDatabase

    secure_data_dir(path.parent)
    create_private(path)
    damage = startup_damage(path)
    return Database(path) if damage is None else ReadOnlyDatabase(path, damage)


class Services:
    """Every service over one ``ServiceContext``; each built on first use, then kept.

    The survey hooks are wired into the context at once (through methods of this object),
    so resolving or reopening an inquiry schedules or cancels its follow-up check even
    when nothing has touched ``surveys`` yet.
    """

    def __init__(self, ctx: ServiceContext, secrets: SecretStore | None = None) -> None:
        self.ctx = ctx
        if secrets is not None:
            self.secrets = secrets
        if self._schedule_survey not in ctx.on_resolved:
            ctx.on_resolved.append(self._schedule_survey)
        if self._cancel_survey not in ctx.on_reopened:
            ctx.on_reopened.append(self._cancel_survey)

    def _schedule_survey(self, session: Session, inquiry_id: int) -> object:
        return self.surveys.schedule_in(session, self.inquiries.row(session, inquiry_id))

    def _cancel_survey(self, session: Session, inquiry_id: int) -> object:
        return self.surveys.cancel_in(session, self.inquiries.row(session, inquiry_id))

    @cached_property
    def secrets(self) -> SecretStore:
        from soloservice.services.secrets import SecretStore

        return SecretStore(self.ctx.data_dir)

    @cached_property
    def inbox(self) -> InboxService:
        from soloservice.services.inbox import InboxService

        return InboxService(self.ctx)

    @cached_property
    def inquiries(self) -> InquiryService:
        from soloservice.services.inquiries import InquiryService

        return InquiryService(self.ctx)

    @cached_property
    def calls(self) -> CallService:
        from soloservice.services.calls import CallService

        return CallService(self.ctx)

    @cached_property
    def customers(self) -> CustomerService:
        from soloservice.services.customers import CustomerService

        return CustomerService(self.ctx)

    @cached_property
    def customer_edit(self) -> CustomerEditService:
        """The customer dialog's whole edit, in one transaction."""
        from soloservice.services.customer_edit import CustomerEditService

        return CustomerEditService(self.ctx)

    @cached_property
    def templates(self) -> TemplateService:
        from soloservice.services.templates import TemplateService

        return TemplateService(self.ctx)

    @cached_property
    def promises(self) -> PromiseService:
        from soloservice.services.promises import PromiseService

        return PromiseService(self.ctx)

    @cached_property
    def mail_accounts(self) -> MailAccountService:
        from soloservice.services.mail_accounts import MailAccountService

        return MailAccountService(self.ctx, self.secrets)

    @cached_property
    def outbox(self) -> OutboxService:
        from soloservice.services.outbox import OutboxService

        return OutboxService(self.ctx, self.mail_accounts)

    @cached_property
    def forms(self) -> FormService:
        from soloservice.services.forms import FormService

        return FormService(self.ctx)

    @cached_property
    def social_import(self) -> SocialImportService:
        from soloservice.services.social import SocialImportService

        return SocialImportService(self.ctx)

    @cached_property
    def social(self) -> SocialAccountService:
        from soloservice.services.social_accounts import SocialAccountService

        return SocialAccountService(self.ctx, self.secrets)

    @cached_property
    def capture(self) -> CaptureService:
        from soloservice.services.capture import CaptureService

        return CaptureService(self.ctx)

    @cached_property
    def customer_merge(self) -> CustomerMergeService:
        from soloservice.services.customer_merge import CustomerMergeService

        return CustomerMergeService(self.ctx)

    @cached_property
    def surveys(self) -> SurveyService:
        from soloservice.services.followups import SurveyService

        return SurveyService(self.ctx)

    @cached_property
    def pulse(self) -> PulseService:
        from soloservice.services.pulse import PulseService

        return PulseService(self.ctx)

    @cached_property
    def remedies(self) -> RemedyService:
        from soloservice.services.remedies import RemedyService

        return RemedyService(self.ctx)

    @cached_property
    def customer_import(self) -> CustomerImportService:
        from soloservice.services.customer_import import CustomerImportService

        return CustomerImportService(self.ctx)

    @cached_property
    def review(self) -> ReviewService:
        from soloservice.services.review import ReviewService

        return ReviewService(self.ctx)

    @cached_property
    def checklist(self) -> ChecklistService:
        from soloservice.services.checklist import ChecklistService

        return ChecklistService(self.ctx)

    @cached_property
    def senders(self) -> SenderVerdictService:
        """The founder's "spam" / "not a customer" / "this is a customer" on a sender."""
        from soloservice.services.sender_verdicts import SenderVerdictService

        return SenderVerdictService(self.ctx)

    @cached_property
    def mail_sync(self) -> MailSyncService:
        from soloservice.services.mail_sync import MailSyncService

        return MailSyncService(self.ctx, self.mail_accounts, self.make_ingest)

    @cached_property
    def mail_import(self) -> MailImportService:
        from soloservice.services.mail_import import MailImportService

        return MailImportService(self.ctx, self.make_ingest)

    @cached_property
    def search(self) -> SearchService:
        """Full-text search over every message, subject and customer (FTS5)."""
        from soloservice.services.search import SearchService

        return SearchService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        from soloservice.services.backups import BackupService

        return BackupService(self.ctx)

    @cached_property
    def settings(self) -> SettingsService:
        """Saving settings (the settings dialog and the first-start assistant)."""
        from soloservice.services.settings_service import SettingsService

        return SettingsService(self.ctx)

    @cached_property
    def getting_started(self) -> GettingStartedService:
        """The empty inbox's "what to do next" steps."""
        from soloservice.services.getting_started import GettingStartedService

        return GettingStartedService(self.ctx)

    @cached_property
    def gdpr(self) -> GdprService:
        """A customer's data export and "forget this customer" (GDPR)."""
        from soloservice.services.gdpr import GdprService

        return GdprService(self.ctx)

    def make_ingest(self) -> MailIngest:
        """A fresh ingest per sync/import, so it sees the accounts and rules of that moment."""
        from soloservice.services.mail_ingest import MailIngest

        # The survey hook reads a customer's mailed answer to a follow-up check or the NPS
        # pulse (one hook for both) before threading could take it for a new message.
        return MailIngest(
            self.ctx,
            self.mail_accounts.own_addresses(),
            form_hook=self.forms.hook(),
            survey_hook=self.surveys.answer_hook,
        )

    @classmethod
    def for_context(cls, ctx: ServiceContext, secrets: SecretStore | None = None) -> Services:
        return cls(ctx, secrets)

    @classmethod
    def open(cls, data_dir: Path) -> Services:
        """Open (and migrate) the store in ``data_dir`` with its settings.

        ``SOLOSERVICE_NOW`` (an ISO 8601 time with offset) pins the clock of every service:
        scenario tests drive the real CLI and window through a founder's week with it, and a
        report can be reproduced "as of" a moment.
        """
        from soloservice.services.context import ServiceContext
        from soloservice.storage.settings_store import load_settings

        settings = load_settings(settings_path(data_dir))
        clock = pinned_clock(os.environ.get(NOW_ENV, ""))

        db = open_database(database_path(data_dir))
        ctx = ServiceContext(db=db, settings=settings)
        if clock is not None:
            ctx.clock = clock
        return cls.for_context(ctx)

    def close(self) -> None:
        self.ctx.db.close()
        secure_data_dir(self.ctx.data_dir)  # files made during the run, e.g. by Qt
