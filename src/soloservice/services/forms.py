"""Web forms: the founder's notification rules, their previews, and the mail hook.

A form notification is mailed by the form service, but the inquiry belongs to the person
who filled in the form. The founder's own rules come before the built-in ones, so a
customised notification can always be recognised without fighting a built-in rule.

The rules are here; the inquiry a submission becomes is ``services/form_mail.py`` and the
CSV import, mixed into :class:`FormService`, ``services/form_csv.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.channels.form.builtin_rules import BUILTIN_RULES
from soloservice.channels.form.extract import extract_from_sample
from soloservice.channels.form.rules import (
    FormRule,
    FormSubmission,
    InvalidRule,
    SampleMail,
    match_rule,
)
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.form_csv import FormCsvImport
from soloservice.services.form_mail import FormMailHook, sample_from_mail
from soloservice.services.inquiries import InquiryService, NewInquiry
from soloservice.storage.channel_tables import FormRuleRow

__all__ = ["FormRuleView", "FormService", "make_rule"]

_BUILTIN_NAMES = frozenset(rule.name.casefold() for rule in BUILTIN_RULES)


@dataclass(frozen=True)
class FormRuleView:
    """A rule as the rule list shows it; built-ins have no id and cannot be edited."""

    id: int | None
    rule: FormRule
    enabled: bool
    builtin: bool

    @property
    def name(self) -> str:
        return self.rule.name


# -- rules in the store ----------------------------------------------------------------------


def _rule_json(rule: FormRule) -> str:
    return json.dumps(
        {
            "fields": dict(rule.field_map),
            "form_name": rule.form_name,
            "stop_markers": list(rule.stop_markers),
        },
        ensure_ascii=False,
    )


def _rule_of(row: FormRuleRow) -> FormRule:
    """The stored rule; the JSON column also accepts a plain ``{label: field}`` map."""
    try:
        data = json.loads(row.field_map_json or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    fields = data.get("fields") if isinstance(data.get("fields"), dict) else None
    form_name = data.get("form_name") if fields is not None else None
    markers = data.get("stop_markers") if fields is not None else None
    field_map = fields if fields is not None else data
    return FormRule(
        name=row.name,
        sender_pattern=row.sender_pattern,
        subject_pattern=row.subject_pattern,
        field_map={str(k): str(v) for k, v in field_map.items() if isinstance(v, str)},
        form_name=form_name if isinstance(form_name, str) and form_name else None,
        stop_markers=tuple(str(m) for m in markers) if isinstance(markers, list) else (),
    )


def _view_of(row: FormRuleRow) -> FormRuleView:
    return FormRuleView(row.id, _rule_of(row), row.enabled, False)


def make_rule(
    name: str,
    *,
    sender_pattern: str | None = None,
    subject_pattern: str | None = None,
    field_map: dict[str, str] | None = None,
    form_name: str | None = None,
    stop_markers: tuple[str, ...] | list[str] = (),
) -> FormRule:
    """A rule from the editor's fields; blank patterns mean "not used"."""

    def blank_is_none(value: str | None) -> str | None:
        return value if value is not None and value.strip() else None

    try:
        return FormRule(
            name=name.strip(),
            sender_pattern=blank_is_none(sender_pattern),
            subject_pattern=blank_is_none(subject_pattern),
            field_map=dict(field_map or {}),
            form_name=blank_is_none(form_name),
            stop_markers=tuple(m for m in stop_markers if m.strip()),
        )
    except InvalidRule as exc:
        raise InvalidInput(str(exc)) from exc


# -- the service -----------------------------------------------------------------------------


class FormService(FormCsvImport):
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)
        self._hook: FormMailHook | None = None

    # -- rules ---------------------------------------------------------------------------------

    def rules(self) -> list[FormRuleView]:
        """The founder's rules first (in the order they were made), then the built-ins."""
        with self.ctx.db.read_session() as session:  # the GUI thread asks: never lock
            rows = session.exec(select(FormRuleRow).order_by(col(FormRuleRow.id))).all()
            own = [_view_of(row) for row in rows]
        return own + [FormRuleView(None, rule, True, True) for rule in BUILTIN_RULES]

    def active_rules(self) -> tuple[FormRule, ...]:
        return tuple(view.rule for view in self.rules() if view.enabled)

    def rule(self, name: str) -> FormRuleView:
        wanted = name.strip().casefold()
        for view in self.rules():
            if view.name.casefold() == wanted:
                return view
        raise NotFound(f"no form rule named {name!r}")

    def add_rule(self, rule: FormRule, *, enabled: bool = True) -> FormRuleView:
        with self.ctx.db.session() as session:
            self._check_new_name(session, rule)
            row = FormRuleRow(name=rule.name.strip(), created_at=self.ctx.now())
            _fill(row, rule, enabled)
            session.add(row)
            session.flush()
            view = _view_of(row)
        self._hook = None
        return view

    def update_rule(self, name: str, rule: FormRule, *, enabled: bool = True) -> FormRuleView:
        """Replace the rule called ``name`` (the new one may be renamed)."""
        with self.ctx.db.session() as session:
            row = self._own_row(session, name)
            if rule.name.strip().casefold() != row.name.casefold():
                self._check_new_name(session, rule)
            else:
                _check_patterns(rule)
            _fill(row, rule, enabled)
            view = _view_of(row)
        self._hook = None
        return view

    def remove_rule(self, name: str) -> None:
        with self.ctx.db.session() as session:
            session.delete(self._own_row(session, name))
        self._hook = None

    def _check_new_name(self, session: Session, rule: FormRule) -> None:
        """A new name may not be a built-in's or another rule's."""
        if rule.name.strip().casefold() in _BUILTIN_NAMES:
            raise InvalidInput(f"{rule.name!r} is the name of a built-in rule; choose another")
        _check_patterns(rule)
        if self._row(session, rule.name) is not None:
            raise InvalidInput(f"a form rule named {rule.name!r} exists already")

    def _row(self, session: Session, name: str) -> FormRuleRow | None:
        wanted = name.strip().casefold()
        for row in session.exec(select(FormRuleRow)):
            if row.name.casefold() == wanted:
                return row
        return None

    def _own_row(self, session: Session, name: str) -> FormRuleRow:
        row = self._row(session, name)
        if row is None:
            if name.strip().casefold() in _BUILTIN_NAMES:
                raise InvalidInput(f"{name!r} is a built-in rule and cannot be changed")
            raise NotFound(f"no form rule named {name!r}")
        return row

    # -- previews and the hook -----------------------------------------------------------------

    def preview(self, rule: FormRule, sample: SampleMail) -> FormSubmission | None:
        """What ``rule`` reads from ``sample``; None when it does not apply (live preview)."""
        return extract_from_sample(rule, sample, self.ctx.settings.phone_region)

    def test_mail(
        self, raw: bytes, rule_name: str | None = None
    ) -> tuple[FormRule | None, FormSubmission | None]:
        """Run one rule (or every active rule) on a raw mail, e.g. a saved .eml file."""
        parsed = parse_message(raw, received=self.ctx.now())
        if isinstance(parsed, Quarantined):
            raise InvalidInput(f"the mail cannot be read: {parsed.reason}")
        sample = sample_from_mail(parsed)
        if rule_name is not None:
            rule = self.rule(rule_name).rule
            return rule, self.preview(rule, sample)
        hook = self.hook()
        found = hook.first_match(sample)
        if found is not None:
            return found
        return match_rule(hook.rules, parsed.from_addr, parsed.subject), None

    def hook(self) -> FormMailHook:
        """A hook with the current rules, for one sync or import run."""
        return FormMailHook(self.active_rules(), self.ctx.settings.phone_region)

    def form_hook(self, parsed: ParsedMail) -> NewInquiry | None:
        """``MailIngest``'s FormHook; the rules are cached until edited through this service."""
        if self._hook is None:
            self._hook = self.hook()
        return self._hook(parsed)


def _check_patterns(rule: FormRule) -> None:
    if rule.sender_pattern is None and rule.subject_pattern is None:
        raise InvalidInput("a rule needs a sender or a subject pattern, or it matches nothing")


def _fill(row: FormRuleRow, rule: FormRule, enabled: bool) -> None:
    """Write ``rule`` into its row (a new one or the one it replaces)."""
    row.name = rule.name.strip()
    row.sender_pattern = rule.sender_pattern
    row.subject_pattern = rule.subject_pattern
    row.field_map_json = _rule_json(rule)
    row.enabled = enabled
