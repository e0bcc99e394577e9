"""Reply templates: the built-in set plus the founder's own, rendered for one inquiry.

The founder's templates are stored per (key, language) and win over a built-in with the same
key, so "ack" can be rewritten in the founder's own voice without losing the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from soloservice.domain.settings import Settings
from soloservice.domain.templates import (
    BUILTIN_TEMPLATES,
    RenderedTemplate,
    Template,
    TemplateError,
    ensure_valid,
    first_name,
    render_template,
)
from soloservice.domain.types import Channel, IdentityKind, Language
from soloservice.domain.wording import format_promise
from soloservice.services.context import ServiceContext
from soloservice.services.dto import InquiryDetail
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.inquiries import InquiryService
from soloservice.storage.channel_tables import TemplateRow


@dataclass(frozen=True)
class TemplateInfo:
    template: Template
    #: a built-in the founder has overridden shows as not builtin, with this set
    overrides_builtin: bool = False


def _to_template(row: TemplateRow) -> Template:
    return Template(
        key=row.key,
        name=row.name,
        language=Language(row.language),
        subject=row.subject,
        body=row.body,
        channels=frozenset(Channel(c) for c in row.channels.split(",") if c),
        shortcut=row.shortcut or None,
        builtin=False,
    )


def sender_values(settings: Settings) -> dict[str, str | None]:
    """The founder's and the business's placeholders, the same in every mail sent."""
    return {
        "founder.name": settings.founder_name or None,
        "founder.first_name": first_name(settings.founder_name),
        "business.name": settings.business_name or None,
        "business.email": settings.business_email or None,
        "business.phone": settings.business_phone or None,
        "business.website": settings.business_website or None,
    }


def _real_name(detail: InquiryDetail) -> str | None:
    """The customer's name, or None when all we know is an address or a number.

    A customer without a name is shown by an identity ("anon@example.dk", "+45 20 30 40 50"),
    and that is stored as the name: a greeting must use the template's fallback instead of
    "Hej anon@example.dk".
    """
    name = detail.customer.name.strip()
    identities = {
        spelling.strip().casefold()
        for identity in detail.customer.identities
        for spelling in (identity.value, identity.display)
    }
    if not name or name.casefold() in identities:
        return None
    return name


def template_values(ctx: ServiceContext, detail: InquiryDetail) -> dict[str, str | None]:
    """The placeholder values for one inquiry, in its customer's language."""
    customer = detail.customer
    email = next((i.value for i in customer.identities if i.kind is IdentityKind.EMAIL), None)
    phone = next((i.display for i in customer.identities if i.kind is IdentityKind.PHONE), None)
    settings = ctx.settings
    due = (
        format_promise(detail.due_at, customer.language, settings.timezone)
        if detail.due_at is not None
        else None
    )
    name = _real_name(detail)
    return {
        "customer.name": name,
        "customer.first_name": first_name(name),
        "customer.email": email,
        "customer.phone": phone,
        "case.id": str(detail.id),
        "case.subject": detail.subject or None,
        "case.channel": detail.channel.value,
        "promise.due": due,
        **sender_values(settings),
    }


class TemplateService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)

    def all(self, language: Language | None = None) -> list[TemplateInfo]:
        """Own templates first, then the built-ins they do not override."""
        builtin_keys = {t.key for t in BUILTIN_TEMPLATES}
        with self.ctx.db.read_session() as session:  # the GUI thread asks: never lock
            rows = session.exec(
                select(TemplateRow).order_by(col(TemplateRow.key), col(TemplateRow.language))
            ).all()
        own = [_to_template(r) for r in rows]
        overridden = {(t.key, t.language) for t in own}
        result = [TemplateInfo(t, (t.key in builtin_keys)) for t in own]
        result += [
            TemplateInfo(t) for t in BUILTIN_TEMPLATES if (t.key, t.language) not in overridden
        ]
        if language is not None:
            result = [i for i in result if i.template.language is language]
        return sorted(result, key=lambda i: (i.template.key, i.template.language.value))

    def find(self, key: str, language: Language) -> Template:
        for info in self.all(language):
            if info.template.key == key:
                return info.template
        # Fall back to English, then to any language, so a reply is never blocked.
        for fallback in (Language.EN, *Language):
            for info in self.all(fallback):
                if info.template.key == key:
                    return info.template
        raise NotFound(f"no template {key!r}")

    def save(self, template: Template, replacing: tuple[str, Language] | None = None) -> Template:
        """Store the founder's template; unknown placeholders are refused here.

        ``replacing`` is the (key, language) the template was opened as: a rename or a
        change of language saves the new one and drops the old in the same transaction,
        so a failure never leaves both (or neither).
        """
        if not template.key.strip() or not template.name.strip():
            raise InvalidInput("a template needs a key and a name")
        try:
            ensure_valid(template)
        except TemplateError as exc:
            raise InvalidInput(f"template not saved: {exc}") from exc
        with self.ctx.db.session() as session:
            row = self._row(session, template.key, template.language)
            if row is None:
                row = TemplateRow(
                    key=template.key,
                    name=template.name,
                    language=template.language.value,
                    updated_at=self.ctx.now(),
                )
                session.add(row)
            row.name = template.name.strip()
            row.subject = template.subject
            row.body = template.body
            row.channels = ",".join(sorted(c.value for c in template.channels))
            row.shortcut = template.shortcut or None
            row.updated_at = self.ctx.now()
            if replacing is not None and replacing != (template.key, template.language):
                old = self._row(session, *replacing)
                if old is not None:
                    session.delete(old)
        return template

    @staticmethod
    def _row(session: Session, key: str, language: Language) -> TemplateRow | None:
        return session.exec(
            select(TemplateRow).where(
                TemplateRow.key == key, TemplateRow.language == language.value
            )
        ).first()

    def delete(self, key: str, language: Language) -> bool:
        """Delete the founder's version; a built-in with that key shows again."""
        with self.ctx.db.session() as session:
            row = self._row(session, key, language)
            if row is None:
                return False
            session.delete(row)
            return True

    def render_for(
        self, key: str, inquiry_id: int, language: Language | None = None
    ) -> RenderedTemplate:
        detail = self.inquiries.get(inquiry_id)
        template = self.find(key, language or detail.customer.language)
        return render_template(template, template_values(self.ctx, detail))

    def render_template_for(self, template: Template, inquiry_id: int) -> RenderedTemplate:
        detail = self.inquiries.get(inquiry_id)
        return render_template(template, template_values(self.ctx, detail))
