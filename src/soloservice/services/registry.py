"""All services over one context, built once by the composition root (app.py, cli.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soloservice.paths import database_path, settings_path
from soloservice.services.calls import CallService
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerService
from soloservice.services.inbox import InboxService
from soloservice.services.inquiries import InquiryService
from soloservice.services.promises import PromiseService
from soloservice.services.templates import TemplateService
from soloservice.storage.database import Database
from soloservice.storage.settings_store import load_settings


@dataclass
class Services:
    ctx: ServiceContext
    inbox: InboxService
    inquiries: InquiryService
    calls: CallService
    customers: CustomerService
    templates: TemplateService
    promises: PromiseService

    @classmethod
    def for_context(cls, ctx: ServiceContext) -> Services:
        return cls(
            ctx=ctx,
            inbox=InboxService(ctx),
            inquiries=InquiryService(ctx),
            calls=CallService(ctx),
            customers=CustomerService(ctx),
            templates=TemplateService(ctx),
            promises=PromiseService(ctx),
        )

    @classmethod
    def open(cls, data_dir: Path) -> Services:
        """Open (and migrate) the store in ``data_dir`` with its settings."""
        settings = load_settings(settings_path(data_dir))
        db = Database(database_path(data_dir))
        return cls.for_context(ServiceContext(db=db, settings=settings))

    def close(self) -> None:
        self.ctx.db.close()
