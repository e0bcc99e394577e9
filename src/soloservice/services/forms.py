"""Web forms: notification rules, the mail hook that applies them, and CSV imports.

A form notification is mailed by the form service, but the inquiry belongs to the person
who filled in the form. The founder's own rules come before the built-in ones, so a
customised notification can always be recognised without fighting a built-in rule.

A CSV import stores its rows in batches of ``CSV_BATCH`` rows, one transaction each: a file
that cannot be read stores nothing (it is read and checked before the first batch), and a
cancel (checked between batches) or a crash keeps a clean prefix of whole batches. Each
imported row leaves an ``import_key``, so importing the same export again adds nothing twice
and simply finishes a cancelled import. Batches rather than all-or-nothing because a 6,000-row
export takes a minute: the founder sees it move, and a cancel after 5,000 rows keeps them.

Old entries (an export of years of submissions) can be imported as already answered
(``resolve_older_than_days``): resolved on arrival, with no promise and no follow-up check,
so they do not flood Overdue.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from soloservice.channels.email.parse import ParsedMail, Quarantined, parse_message
from soloservice.channels.form.csv_import import (
    ColumnMapping,
    CsvSubmission,
    ImportFormatError,
    RowError,
    guess_mapping,
    read_submissions,
    sniff,
)
from soloservice.channels.form.labels import compact_label, standard_field
from soloservice.channels.form.rules import (
    BUILTIN_RULES,
    FormRule,
    FormSubmission,
    InvalidRule,
    SampleMail,
    extract_submission,
    match_rule,
)
from soloservice.domain.types import Channel, IdentityKind, Status
from soloservice.services.context import ServiceContext
from soloservice.services.customers import CustomerRef
from soloservice.services.errors import InvalidInput, NotFound, ServiceError
from soloservice.services.inquiries import InquiryService, NewInquiry
from soloservice.storage.channel_tables import CsvMappingRow, FormRuleRow, ImportKeyRow
from soloservice.storage.tables import EventRow, IdentityRow, InquiryRow, MessageRow

FORM_CSV_SOURCE = "form-csv"
#: rows stored per transaction by a CSV import; progress is reported and a cancel honoured
#: after each batch
CSV_BATCH = 250
#: ``progress(done, total)``: rows of the file worked through so far
ImportProgress = Callable[[int, int], None]
_BUILTIN_NAMES = frozenset(rule.name.casefold() for rule in BUILTIN_RULES)
#: Fields that end up on the customer card or as the message itself, not listed below it.
_NOT_LISTED = frozenset({"name", "first_name", "last_name", "email", "message", "subject"})
_NOT_LISTED |= {"ignore", "sender", "submitted_at"}


class ImportFailed(ServiceError):
    """The file cannot be imported at all; nothing was stored. The message says why."""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did. ``rows`` counts the rows or messages read from the file,
    ``added`` those stored (in new inquiries or added to existing conversations),
    ``duplicates`` those already stored by an earlier import. ``errors`` are skipped rows;
    ``warnings`` rows kept with a value that could not be read (a bad date, say)."""

    rows: int = 0
    new_inquiries: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: stopped between two batches: ``new_inquiries`` were stored, the rest of the file not
    cancelled: bool = False
    #: rows of the file (after skipping unreadable ones) the import would have stored
    total: int = 0
    #: new inquiries stored already resolved because they were older than asked
    resolved: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "new_inquiries": self.new_inquiries,
            "added": self.added,
            "duplicates": self.duplicates,
            "resolved": self.resolved,
            "cancelled": self.cancelled,
            "errors": list(self.errors),
            "warnings": list(self.warnings),
        }


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


@dataclass(frozen=True)
class CsvImportPreview:
    """What the CSV wizard shows: the file's first rows and the mapping to start from.

    ``remembered`` says the mapping is the one used last time for this form.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    delimiter: str
    encoding: str
    mapping: ColumnMapping
    remembered: bool


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


def sample_from_mail(parsed: ParsedMail) -> SampleMail:
    """A fetched mail in the shape the rule preview reads."""
    return SampleMail(
        from_addr=parsed.from_addr,
        subject=parsed.subject,
        text=parsed.text,
        reply_to=parsed.reply_to,
        html_text=parsed.html,
    )


# -- the mail hook ---------------------------------------------------------------------------


def _field_kind(rule: FormRule, label: str) -> str | None:
    compact = compact_label(label)
    for key, target in rule.field_map.items():
        if compact_label(key) == compact:
            return target
    found = standard_field(label)
    return found.value if found is not None else None


def submission_text(rule: FormRule, submission: FormSubmission) -> str:
    """The message, with the form's other answers listed below it (order, phone, ...)."""
    message = (submission.message or "").strip()
    listed = [
        f"{label}: {value}"
        for label, value in submission.fields
        if _field_kind(rule, label) not in _NOT_LISTED and f"{label}: {value}" not in message
    ]
    if not listed:
        return message
    return f"{message}\n\n" + "\n".join(listed) if message else "\n".join(listed)


def submission_customer(submission: FormSubmission) -> CustomerRef:
    """Who filled in the form: matched by email, else phone; named as they wrote it."""
    name = submission.name or ""
    if submission.email:
        # The phone next to the email is theirs too: a later call finds the same customer.
        more = ((IdentityKind.PHONE, submission.phone),) if submission.phone else ()
        return CustomerRef(name=name, identity_kind=IdentityKind.EMAIL,
                           identity_value=submission.email, more_identities=more)  # fmt: skip
    if submission.phone:
        return CustomerRef(name=name, identity_kind=IdentityKind.PHONE,
                           identity_value=submission.phone)  # fmt: skip
    return CustomerRef(name=name or f"{submission.form_name} visitor")


def _tag(text: str) -> str:
    return "form:" + " ".join(text.replace(",", " ").split())


class FormMailHook:
    """Turns a matching notification mail into a form inquiry (``MailIngest``'s FormHook).

    The rules are read once, when the hook is made: a sync of a thousand mails does not
    query the rule table a thousand times. Make a new hook after editing rules.
    """

    def __init__(self, rules: tuple[FormRule, ...], region: str) -> None:
        self.rules = rules
        self.region = region

    def match(self, parsed: ParsedMail) -> tuple[FormRule, FormSubmission] | None:
        for rule in self.rules:
            if not rule.matches(parsed.from_addr, parsed.subject):
                continue
            submission = extract_submission(
                rule,
                from_addr=parsed.from_addr,
                reply_to=parsed.reply_to,
                subject=parsed.subject,
                text=parsed.text,
                html_text=parsed.html,
                region=self.region,
            )
            if submission is not None:
                return rule, submission
        return None

    def __call__(self, parsed: ParsedMail) -> NewInquiry | None:
        found = self.match(parsed)
        if found is None:
            return None
        rule, submission = found
        text = submission_text(rule, submission)
        return NewInquiry(
            customer=submission_customer(submission),
            channel=Channel.FORM,
            subject=submission.subject or ("" if text else submission.form_name),
            text=text,
            received_at=parsed.date,
            author=submission.name or submission.email or submission.phone or "",
            external_id=parsed.message_id,
            tags=(_tag(submission.form_name),),
        )


# -- the service -----------------------------------------------------------------------------


class FormService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.inquiries = InquiryService(ctx)
        self._hook: FormMailHook | None = None

    # -- rules ---------------------------------------------------------------------------------

    def rules(self) -> list[FormRuleView]:
        """The founder's rules first (in the order they were made), then the built-ins."""
        with self.ctx.db.session() as session:
            rows = session.exec(select(FormRuleRow).order_by(col(FormRuleRow.id))).all()
            own = [FormRuleView(row.id, _rule_of(row), row.enabled, False) for row in rows]
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
        if rule.name.strip().casefold() in _BUILTIN_NAMES:
            raise InvalidInput(f"{rule.name!r} is the name of a built-in rule; choose another")
        if rule.sender_pattern is None and rule.subject_pattern is None:
            raise InvalidInput("a rule needs a sender or a subject pattern, or it matches nothing")
        with self.ctx.db.session() as session:
            if self._row(session, rule.name) is not None:
                raise InvalidInput(f"a form rule named {rule.name!r} exists already")
            row = FormRuleRow(
                name=rule.name.strip(),
                sender_pattern=rule.sender_pattern,
                subject_pattern=rule.subject_pattern,
                field_map_json=_rule_json(rule),
                enabled=enabled,
                created_at=self.ctx.now(),
            )
            session.add(row)
            session.flush()
            view = FormRuleView(row.id, _rule_of(row), row.enabled, False)
        self._hook = None
        return view

    def update_rule(self, name: str, rule: FormRule, *, enabled: bool = True) -> FormRuleView:
        """Replace the rule called ``name`` (the new one may be renamed)."""
        if rule.sender_pattern is None and rule.subject_pattern is None:
            raise InvalidInput("a rule needs a sender or a subject pattern, or it matches nothing")
        with self.ctx.db.session() as session:
            row = self._own_row(session, name)
            if rule.name.casefold() != row.name.casefold():
                if rule.name.strip().casefold() in _BUILTIN_NAMES:
                    raise InvalidInput(f"{rule.name!r} is the name of a built-in rule")
                if self._row(session, rule.name) is not None:
                    raise InvalidInput(f"a form rule named {rule.name!r} exists already")
            row.name = rule.name.strip()
            row.sender_pattern = rule.sender_pattern
            row.subject_pattern = rule.subject_pattern
            row.field_map_json = _rule_json(rule)
            row.enabled = enabled
            view = FormRuleView(row.id, _rule_of(row), row.enabled, False)
        self._hook = None
        return view

    def remove_rule(self, name: str) -> None:
        with self.ctx.db.session() as session:
            session.delete(self._own_row(session, name))
        self._hook = None

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
        return extract_submission(
            rule,
            from_addr=sample.from_addr,
            reply_to=sample.reply_to,
            subject=sample.subject,
            text=sample.text,
            html_text=sample.html_text,
            region=self.ctx.settings.phone_region,
        )

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
        rules = self.active_rules()
        for rule in rules:
            submission = self.preview(rule, sample)
            if submission is not None:
                return rule, submission
        return match_rule(rules, parsed.from_addr, parsed.subject), None

    def hook(self) -> FormMailHook:
        """A hook with the current rules, for one sync or import run."""
        return FormMailHook(self.active_rules(), self.ctx.settings.phone_region)

    def form_hook(self, parsed: ParsedMail) -> NewInquiry | None:
        """``MailIngest``'s FormHook; the rules are cached until edited through this service."""
        if self._hook is None:
            self._hook = self.hook()
        return self._hook(parsed)

    # -- CSV mappings --------------------------------------------------------------------------

    def mappings(self) -> dict[str, ColumnMapping]:
        with self.ctx.db.session() as session:
            rows = session.exec(select(CsvMappingRow).order_by(col(CsvMappingRow.name))).all()
            return {row.name: _mapping_of(row) for row in rows}

    def mapping(self, name: str) -> ColumnMapping | None:
        with self.ctx.db.session() as session:
            row = session.exec(select(CsvMappingRow).where(CsvMappingRow.name == name)).first()
            return _mapping_of(row) if row is not None else None

    def save_mapping(self, name: str, mapping: ColumnMapping) -> None:
        with self.ctx.db.session() as session:
            self._save_mapping(session, name, mapping)

    def _save_mapping(self, session: Session, name: str, mapping: ColumnMapping) -> None:
        if not name.strip():
            raise InvalidInput("a mapping needs a name (the form's name)")
        row = session.exec(select(CsvMappingRow).where(CsvMappingRow.name == name)).first()
        data = json.dumps(mapping.as_dict(), ensure_ascii=False)
        if row is None:
            session.add(
                CsvMappingRow(name=name.strip(), mapping_json=data, created_at=self.ctx.now())
            )
        else:
            row.mapping_json = data

    # -- CSV import ----------------------------------------------------------------------------

    def csv_preview(self, path: Path | str, form_name: str | None = None) -> CsvImportPreview:
        try:
            found = sniff(Path(path))
        except ImportFormatError as exc:
            raise ImportFailed(str(exc)) from exc
        remembered = self.mapping(form_name) if form_name else None
        if remembered is not None and not set(remembered.used_columns()) <= set(found.headers):
            remembered = None  # the export's columns changed: start from a fresh guess
        return CsvImportPreview(
            headers=found.headers,
            rows=found.rows,
            delimiter=found.delimiter,
            encoding=found.encoding,
            mapping=remembered or guess_mapping(found.headers),
            remembered=remembered is not None,
        )

    def import_csv(
        self,
        path: Path | str,
        mapping_name: str | None = None,
        mapping: ColumnMapping | None = None,
        form_name: str | None = None,
        *,
        progress: ImportProgress | None = None,
        cancel: threading.Event | None = None,
        resolve_older_than_days: int | None = None,
        batch_size: int = CSV_BATCH,
    ) -> ImportSummary:
        """Import a form's CSV export; the mapping is remembered under the form's name.

        The mapping is ``mapping`` if given, else the one remembered as ``mapping_name``
        (which must exist), else the one remembered for ``form_name``, else a guess from
        the headers. The form's name defaults to the mapping's name, else the file's name.

        ``progress(done, total)`` is called after every batch (on the caller's thread);
        ``cancel`` is checked before each batch, so a cancelled import keeps whole batches.
        Entries sent more than ``resolve_older_than_days`` days ago are stored resolved.
        """
        if resolve_older_than_days is not None and resolve_older_than_days < 0:
            raise InvalidInput("--resolve-older-than needs a number of days, 0 or more")
        source = Path(path)
        form = (form_name or mapping_name or source.stem).strip()
        chosen = mapping
        if chosen is None and mapping_name is not None:
            chosen = self.mapping(mapping_name)
            if chosen is None:
                known = ", ".join(self.mappings()) or "none yet"
                raise NotFound(f"no CSV mapping named {mapping_name!r} (known: {known})")
        if chosen is None:
            chosen = self.mapping(form)
        if chosen is None:
            try:
                chosen = guess_mapping(sniff(source).headers)
            except ImportFormatError as exc:
                raise ImportFailed(str(exc)) from exc
        row_errors: list[RowError] = []
        try:
            # Read (and check) the whole file before the first write: a broken file stores
            # nothing, and the total is known for the progress bar.
            submissions = list(
                read_submissions(
                    source,
                    chosen,
                    errors=row_errors,
                    region=self.ctx.settings.phone_region,
                    local_tz=self.ctx.tz,
                )
            )
        except ImportFormatError as exc:
            raise ImportFailed(str(exc)) from exc
        cutoff = (
            None
            if resolve_older_than_days is None
            else self.ctx.now() - timedelta(days=resolve_older_than_days)
        )
        total = len(submissions)
        new = duplicates = resolved = done = 0
        cancelled = False
        warnings: list[str] = []
        size = max(1, batch_size)
        if progress is not None:
            progress(0, total)
        for start in range(0, max(total, 1), size):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            with self.ctx.db.session() as session:
                for submission in submissions[start : start + size]:
                    warnings.extend(f"line {submission.line}: {w}" for w in submission.warnings)
                    if self._imported(session, submission.row_key):
                        duplicates += 1
                        continue
                    old = (
                        cutoff is not None
                        and submission.submitted_at is not None
                        and submission.submitted_at < cutoff
                    )
                    self._store_row(session, submission, chosen, form, resolve=old)
                    new += 1
                    resolved += int(old)
                if start == 0:
                    self._save_mapping(session, form, chosen)
            done = min(total, start + size)
            if progress is not None and total:
                progress(done, total)
        errors = [f"line {e.line}: {e.reason}" for e in row_errors]
        return ImportSummary(
            rows=new + duplicates + len(row_errors),
            new_inquiries=new,
            added=new,
            duplicates=duplicates,
            errors=errors,
            warnings=warnings,
            cancelled=cancelled,
            total=total,
            resolved=resolved,
        )

    def _imported(self, session: Session, key: str) -> bool:
        found = session.exec(
            select(ImportKeyRow.id).where(
                ImportKeyRow.source == FORM_CSV_SOURCE, ImportKeyRow.key == key
            )
        ).first()
        return found is not None

    def _store_row(
        self,
        session: Session,
        submission: CsvSubmission,
        mapping: ColumnMapping,
        form: str,
        *,
        resolve: bool = False,
    ) -> None:
        email, phone = submission.email, submission.phone
        ref = CustomerRef(
            name=submission.name or "",
            identity_kind=IdentityKind.EMAIL if email else IdentityKind.PHONE if phone else None,
            identity_value=email or phone or "",
            more_identities=((IdentityKind.PHONE, phone),) if email and phone else (),
        )
        shown_elsewhere = {
            mapping.name, mapping.last_name, mapping.email, mapping.message, mapping.subject,
            mapping.submitted_at,
        }  # fmt: skip
        listed = [
            f"{label}: {value}"
            for label, value in submission.fields
            if label not in shown_elsewhere
        ]
        message = (submission.message or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        text = "\n\n".join(part for part in (message, "\n".join(listed)) if part)
        row = self.inquiries.create_in(
            session,
            NewInquiry(
                customer=ref,
                channel=Channel.FORM,
                subject=submission.subject or ("" if message else form),
                text=text,
                received_at=submission.submitted_at,
                author=submission.name or email or phone or "",
                tags=(_tag(form),),
            ),
        )
        if email and phone:
            _attach_if_free(session, row.customer_id, IdentityKind.PHONE, phone)
        if resolve:
            _resolve_as_old(session, row)
        session.flush()
        first = session.exec(
            select(MessageRow.id)
            .where(MessageRow.inquiry_id == row.id)
            .order_by(col(MessageRow.id))
        ).first()
        session.add(
            ImportKeyRow(
                source=FORM_CSV_SOURCE,
                key=submission.row_key,
                message_row_id=first,
                imported_at=self.ctx.now(),
            )
        )


def _resolve_as_old(session: Session, row: InquiryRow) -> None:
    """An entry from long ago was answered back then, outside SoloService: resolved when it
    came, with no promise to keep or break and no "are you satisfied?" check (the resolve
    hooks are not run: nobody wants a survey about a form they sent last year)."""
    assert row.id is not None
    row.status = Status.RESOLVED.value
    row.resolved_at = row.received_at
    row.due_at = None
    row.needs_reply_since = None
    session.add(
        EventRow(
            inquiry_id=row.id,
            at=row.received_at,
            kind="status",
            old_value=Status.NEW.value,
            new_value=Status.RESOLVED.value,
        )
    )


def _attach_if_free(session: Session, customer_id: int, kind: IdentityKind, value: str) -> None:
    """A second identity (the phone next to the email) joins the customer unless it is
    already someone's: then it is left alone rather than merging two people silently."""
    taken = session.exec(
        select(IdentityRow.id).where(IdentityRow.kind == kind.value, IdentityRow.value == value)
    ).first()
    if taken is None:
        session.add(IdentityRow(customer_id=customer_id, kind=kind.value, value=value))


def _mapping_of(row: CsvMappingRow) -> ColumnMapping:
    try:
        data = json.loads(row.mapping_json or "{}")
    except ValueError:
        data = {}
    return ColumnMapping.from_dict(data if isinstance(data, dict) else {})


__all__ = [
    "CSV_BATCH",
    "FORM_CSV_SOURCE",
    "CsvImportPreview",
    "FormMailHook",
    "FormRuleView",
    "FormService",
    "ImportFailed",
    "ImportSummary",
    "make_rule",
    "sample_from_mail",
    "submission_customer",
    "submission_text",
]
