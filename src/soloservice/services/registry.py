"""All services over one context, built once by the composition root (app.py, cli.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from soloservice.paths import database_path, settings_path
from soloservice.services.calls import CallService
from soloservice.services.capture import CaptureService
from soloservice.services.checklist import ChecklistService
from soloservice.services.context import ServiceContext
from soloservice.services.customer_import import CustomerImportService
from soloservice.services.customer_merge import CustomerMergeService
from soloservice.services.customers import CustomerService
from soloservice.services.errors import InvalidInput
from soloservice.services.followups import SurveyService
from soloservice.services.forms import FormService
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
from soloservice.services.secrets import SecretStore
from soloservice.services.social import SocialAccountService, SocialImportService
from soloservice.services.templates import TemplateService
from soloservice.storage.database import Database
from soloservice.storage.settings_store import load_settings

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


@dataclass
class Services:
    ctx: ServiceContext
    inbox: InboxService
    inquiries: InquiryService
    calls: CallService
    customers: CustomerService
    templates: TemplateService
    promises: PromiseService
    secrets: SecretStore
    mail_accounts: MailAccountService
    outbox: OutboxService
    forms: FormService
    social_import: SocialImportService
    social: SocialAccountService
    capture: CaptureService
    customer_merge: CustomerMergeService
    surveys: SurveyService
    pulse: PulseService
    remedies: RemedyService
    customer_import: CustomerImportService
    review: ReviewService
    checklist: ChecklistService
    mail_sync: MailSyncService = field(init=False)
    mail_import: MailImportService = field(init=False)

    def __post_init__(self) -> None:
        if self.surveys.schedule_in not in self.ctx.on_resolved:
            self.ctx.on_resolved.append(self.surveys.schedule_in)
        self.mail_sync = MailSyncService(self.ctx, self.mail_accounts, self.make_ingest)
        self.mail_import = MailImportService(self.ctx, self.make_ingest)

    def make_ingest(self) -> MailIngest:
        """A fresh ingest per sync/import, so it sees the accounts and rules of that moment."""
        return MailIngest(self.ctx, self.mail_accounts.own_addresses(), form_hook=self.forms.hook())

    @classmethod
    def for_context(cls, ctx: ServiceContext, secrets: SecretStore | None = None) -> Services:
        store = secrets or SecretStore(ctx.db.path.parent)
        accounts = MailAccountService(ctx, store)
        return cls(
            ctx=ctx,
            inbox=InboxService(ctx),
            inquiries=InquiryService(ctx),
            calls=CallService(ctx),
            customers=CustomerService(ctx),
            templates=TemplateService(ctx),
            promises=PromiseService(ctx),
            secrets=store,
            mail_accounts=accounts,
            outbox=OutboxService(ctx, accounts),
            forms=FormService(ctx),
            social_import=SocialImportService(ctx),
            social=SocialAccountService(ctx, store),
            capture=CaptureService(ctx),
            customer_merge=CustomerMergeService(ctx),
            surveys=SurveyService(ctx),
            pulse=PulseService(ctx),
            remedies=RemedyService(ctx),
            customer_import=CustomerImportService(ctx),
            review=ReviewService(ctx),
            checklist=ChecklistService(ctx),
        )

    @classmethod
    def open(cls, data_dir: Path) -> Services:
        """Open (and migrate) the store in ``data_dir`` with its settings.

        ``SOLOSERVICE_NOW`` (an ISO 8601 time with offset) pins the clock of every service:
        scenario tests drive the real CLI and window through a founder's week with it, and a
        report can be reproduced "as of" a moment.
        """
        settings = load_settings(settings_path(data_dir))
        clock = pinned_clock(os.environ.get(NOW_ENV, ""))
        db = Database(database_path(data_dir))
        ctx = ServiceContext(db=db, settings=settings)
        if clock is not None:
            ctx.clock = clock
        return cls.for_context(ctx)

    def close(self) -> None:
        self.ctx.db.close()
