"""What a new founder has done so far, for the empty inbox's "what to do next" list.

Each step is ticked from the store itself (an account exists, a form inquiry exists...),
not from a flag the UI sets, so a step done from the CLI or a dialog counts just the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from soloservice.domain.types import Channel
from soloservice.paths import settings_path
from soloservice.services.context import ServiceContext
from soloservice.storage.mail_tables import MailAccountRow
from soloservice.storage.tables import InquiryRow


@dataclass(frozen=True)
class StartSteps:
    """``inquiries``: how many the store holds (the list shows only while there are none)."""

    inquiries: int
    mail_connected: bool
    hours_saved: bool
    form_imported: bool
    call_logged: bool

    @property
    def all_done(self) -> bool:
        return self.mail_connected and self.hours_saved and self.form_imported and self.call_logged


class GettingStartedService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def steps(self) -> StartSteps:
        with self.ctx.db.read_session() as session:
            by_channel = dict(
                session.exec(
                    select(InquiryRow.channel, func.count()).group_by(InquiryRow.channel)
                ).all()
            )
            accounts = session.exec(select(func.count()).select_from(MailAccountRow)).one()
        return StartSteps(
            inquiries=int(sum(by_channel.values())),
            mail_connected=int(accounts) > 0,
            hours_saved=settings_path(self.ctx.data_dir).exists(),
            form_imported=by_channel.get(Channel.FORM.value, 0) > 0,
            call_logged=by_channel.get(Channel.PHONE.value, 0) > 0,
        )
