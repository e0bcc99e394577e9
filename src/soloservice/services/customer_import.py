"""The customer base from a shop or accounting export: name, email, phone, revenue, since.

The pulse needs the customers who never wrote, and the remedy display needs what each one is
worth. Exports come from Shopify, Dinero, e-conomic, Tripletex, Fiken or Excel, with Danish or
Norwegian headers, ``;`` separators and ``20.000,00`` amounts; the CSV reading is the form
import's (``channels/form/csv_file.sniff``), which already copes with all that.

Importing again is safe: a row is matched to a customer by email first, then by phone, and
only fills in or updates what the file says. A file that cannot be read stores nothing; a bad
row is reported with its line and the others are imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from soloservice.channels.form.csv_file import ImportFormatError, sniff
from soloservice.channels.form.export_dates import parse_timestamp
from soloservice.channels.form.labels import StandardField, compact_label, standard_field
from soloservice.domain.identity import InvalidIdentity, check_phone, normalise_email
from soloservice.domain.language import guess_language
from soloservice.domain.types import IdentityKind, Language
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.storage.tables import CustomerRow, IdentityRow

_ALL_ROWS = 10**9

_REVENUE_WORDS = (
    "annualrevenue", "revenue", "yearlyrevenue", "annualvalue", "omsaetning", "omsetning",
    "arligomsaetning", "arligomsetning", "arsomsaetning", "arsomsetning", "omsaetningpraar",
    "omsetningperar", "salesperyear", "totalspent", "kobtfor", "kjoptfor", "vaerdi", "verdi",
    "value", "sales", "salg",
)  # fmt: skip
_SINCE_WORDS = (
    "customersince", "kundesiden", "kundesidan", "since", "siden", "firstorder",
    "forsteordre", "forsteordre", "forstekob", "forstekjop", "created", "createdat",
    "oprettet", "opprettet", "startdato", "startdate", "firstpurchase",
)  # fmt: skip
_LANGUAGE_WORDS = ("language", "sprog", "sprak", "locale")
_LANGUAGE_VALUES = {
    "da": Language.DA, "dk": Language.DA, "dansk": Language.DA, "danish": Language.DA,
    "nb": Language.NB, "no": Language.NB, "nn": Language.NB, "norsk": Language.NB,
    "bokmal": Language.NB, "norwegian": Language.NB, "en": Language.EN, "engelsk": Language.EN,
    "english": Language.EN,
}  # fmt: skip

_AMOUNT_JUNK = re.compile(r"(?i)\s|kr\.?|nok|dkk|sek|eur|€|\$|,-$")


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    created: int
    updated: int
    #: rows that matched a customer and changed nothing
    skipped: int
    #: "line 7: not an email address: 'x'", for rows that could not be used
    errors: tuple[str, ...] = ()
    #: rows imported with a value worth checking (a phone number in an unknown range)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Columns:
    name: int | None
    first_name: int | None
    last_name: int | None
    email: int | None
    phone: int | None
    revenue: int | None
    since: int | None
    language: int | None


def _match(compact: str, words: tuple[str, ...]) -> bool:
    """An exact header, or a longer known word inside it ("Årlig omsætning (DKK)")."""
    return compact in words or any(len(w) >= 7 and w in compact for w in words)


def _find(headers: tuple[str, ...]) -> _Columns:
    standard: dict[StandardField, int] = {}
    extra: dict[str, int] = {}
    for index, header in enumerate(headers):
        compact = compact_label(header)
        found = False
        for words, key in (
            (_REVENUE_WORDS, "revenue"),
            (_SINCE_WORDS, "since"),
            (_LANGUAGE_WORDS, "language"),
        ):
            if key not in extra and _match(compact, words):
                extra[key] = index
                found = True
                break
        if found:
            continue
        kind = standard_field(header)
        if kind is None and "mail" in compact:
            kind = StandardField.EMAIL
        if kind is not None and kind not in standard:
            standard[kind] = index
    since = extra.get("since")
    return _Columns(
        name=standard.get(StandardField.NAME),
        first_name=standard.get(StandardField.FIRST_NAME),
        last_name=standard.get(StandardField.LAST_NAME),
        email=standard.get(StandardField.EMAIL),
        phone=standard.get(StandardField.PHONE),
        revenue=extra.get("revenue"),
        # an export's "Date"/"Dato" column is most likely when the customer was created
        since=since if since is not None else standard.get(StandardField.SUBMITTED_AT),
        language=extra.get("language"),
    )


def parse_amount(raw: str) -> float:
    """``20.000,50``, ``20,000.50``, ``20 000 kr``, ``kr. 1.250,-`` -> a number."""
    text = _AMOUNT_JUNK.sub("", raw.strip()).replace("\u00a0", "")
    if not text:
        raise ValueError("empty amount")
    negative = text.startswith("-")
    text = text.lstrip("-+")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        head, _, tail = text.rpartition(",")
        # "20,000" is twenty thousand; "199,95" is a price with øre
        text = text.replace(",", "") if len(tail) == 3 and head else text.replace(",", ".")
    elif text.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", text):
        text = text.replace(".", "")  # "20.000" in Danish writing
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not a number")
    return -value if negative else value


def _cell(row: tuple[str, ...], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


class CustomerImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def import_customers_csv(self, path: Path | str) -> ImportSummary:
        path = Path(path)
        try:
            preview = sniff(path, sample_rows=_ALL_ROWS)
        except ImportFormatError as exc:
            raise InvalidInput(f"customer import: {exc}") from exc
        except OSError as exc:
            raise InvalidInput(f"customer import: cannot read {path}: {exc.strerror}") from exc
        columns = _find(preview.headers)
        if columns.email is None and columns.phone is None:
            raise InvalidInput(
                f"customer import: {path.name} has no email or phone column "
                f"(columns: {', '.join(preview.headers)})"
            )
        created = updated = skipped = 0
        errors: list[str] = []
        warnings: list[str] = []
        with self.ctx.db.session() as session:
            for number, row in enumerate(preview.rows, start=2):
                notes: list[str] = []
                try:
                    result = self._row(session, row, columns, notes)
                except _RowProblem as exc:
                    errors.append(f"line {number}: {exc}")
                    continue
                warnings.extend(f"line {number}: {note}" for note in notes)
                if result == "created":
                    created += 1
                elif result == "updated":
                    updated += 1
                else:
                    skipped += 1
        return ImportSummary(
            rows=len(preview.rows),
            created=created,
            updated=updated,
            skipped=skipped,
            errors=tuple(errors),
            warnings=tuple(warnings),
        )

    def _row(
        self, session: Session, row: tuple[str, ...], columns: _Columns, warnings: list[str]
    ) -> str:
        settings = self.ctx.settings
        name = _cell(row, columns.name)
        if not name:
            name = " ".join(
                p for p in (_cell(row, columns.first_name), _cell(row, columns.last_name)) if p
            )
        email = phone = None
        try:
            if _cell(row, columns.email):
                email = normalise_email(_cell(row, columns.email))
            if _cell(row, columns.phone):
                # A number in a range the phone library does not know yet is kept, with a
                # warning: refusing it would drop the whole customer.
                checked = check_phone(_cell(row, columns.phone), settings.phone_region)
                phone = checked.e164
                if checked.warning:
                    warnings.append(checked.warning)
        except InvalidIdentity as exc:
            raise _RowProblem(str(exc)) from exc
        if email is None and phone is None:
            raise _RowProblem("no email or phone number to recognise the customer by")
        revenue: float | None = None
        if _cell(row, columns.revenue):
            try:
                revenue = parse_amount(_cell(row, columns.revenue))
            except ValueError:
                raise _RowProblem(
                    f"annual revenue is not an amount: {_cell(row, columns.revenue)!r}"
                ) from None
            if revenue < 0:
                raise _RowProblem(f"annual revenue cannot be negative: {revenue:g}")
        since: datetime | None = None
        if _cell(row, columns.since):
            try:
                since = parse_timestamp(_cell(row, columns.since), self.ctx.tz)
            except ValueError:
                raise _RowProblem(
                    f"customer since is not a date: {_cell(row, columns.since)!r}"
                ) from None
        language = _LANGUAGE_VALUES.get(_cell(row, columns.language).lower())

        by_email = self._owner(session, IdentityKind.EMAIL, email)
        by_phone = self._owner(session, IdentityKind.PHONE, phone)
        if by_email is not None and by_phone is not None and by_email.id != by_phone.id:
            raise _RowProblem(
                f"{email} and {phone} belong to two different customers "
                f"(#{by_email.id} and #{by_phone.id}); merge them first"
            )
        customer = by_email or by_phone
        if customer is None:
            # A language column is the founder's own record; otherwise the address and phone
            # country guess it, and their first message may still correct that guess.
            guess = guess_language(
                None,
                emails=[email] if email else [],
                phones=[phone] if phone else [],
                default=settings.founder_language,
            )
            customer = CustomerRow(
                name=name or email or phone or "",
                language=(language or guess.language).value,
                language_source="founder" if language else ("guess" if guess.guessed else ""),
                language_reason="" if language else guess.reason,
                annual_value=revenue,
                customer_since=since,
                created_at=self.ctx.now(),
            )
            session.add(customer)
            session.flush()
            assert customer.id is not None
            for kind, value in ((IdentityKind.EMAIL, email), (IdentityKind.PHONE, phone)):
                if value is not None:
                    session.add(IdentityRow(customer_id=customer.id, kind=kind.value, value=value))
            session.flush()
            return "created"
        assert customer.id is not None
        changed = False
        if name and (not customer.name.strip() or customer.name in (email, phone)):
            customer.name, changed = name, True
        if revenue is not None and customer.annual_value != revenue:
            customer.annual_value, changed = revenue, True
        if since is not None and (
            customer.customer_since is None or since < customer.customer_since
        ):
            customer.customer_since, changed = since, True
        if language is not None and (
            customer.language != language.value or customer.language_source != "founder"
        ):
            customer.language, changed = language.value, True
            customer.language_source, customer.language_reason = "founder", ""
        for kind, value, owner in (
            (IdentityKind.EMAIL, email, by_email),
            (IdentityKind.PHONE, phone, by_phone),
        ):
            if value is not None and owner is None:
                session.add(IdentityRow(customer_id=customer.id, kind=kind.value, value=value))
                changed = True
        session.flush()
        return "updated" if changed else "unchanged"

    def _owner(self, session: Session, kind: IdentityKind, value: str | None) -> CustomerRow | None:
        """The customer holding this identity, following merges to the one that is shown."""
        if value is None:
            return None
        identity = session.exec(
            select(IdentityRow).where(IdentityRow.kind == kind.value, IdentityRow.value == value)
        ).first()
        if identity is None:
            return None
        customer = session.get(CustomerRow, identity.customer_id)
        seen: set[int] = set()
        while customer is not None and customer.merged_into_id is not None:
            if customer.merged_into_id in seen:
                break
            seen.add(customer.merged_into_id)
            customer = session.get(CustomerRow, customer.merged_into_id)
        return customer


class _RowProblem(Exception):
    pass
