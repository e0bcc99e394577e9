"""Which column of a form's CSV export holds what, and the first guess at it.

A mapping names header cells exactly as they stand in the file. The guess reads the headers
with the da/nb/en label vocabulary (``labels.py``), then with known words inside longer
headers ("Din e-mail-adresse", "Submit Date (UTC)"); every other column is kept as an extra,
listed below the message. The founder corrects the guess in the wizard, and the service
remembers the result per form (``as_dict`` / ``from_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from soloservice.channels.form.labels import StandardField, compact_label, standard_field


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds what; values are header names exactly as in the file.

    ``last_name`` is for exports that split the name in two ("Fornavn", "Efternavn"): it is
    appended to ``name``. ``extra`` columns are kept as labelled fields on the submission.
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    message: str | None = None
    submitted_at: str | None = None
    subject: str | None = None
    last_name: str | None = None
    extra: tuple[str, ...] = ()

    def used_columns(self) -> tuple[str, ...]:
        named = (
            self.name, self.email, self.phone, self.message, self.submitted_at, self.subject,
            self.last_name,
        )  # fmt: skip
        return tuple(col for col in named if col) + self.extra

    def as_dict(self) -> dict[str, str | list[str] | None]:
        """A JSON-ready form, so the mapping can be remembered per form."""
        result: dict[str, str | list[str] | None] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            result[item.name] = list(value) if isinstance(value, tuple) else value
        return result

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ColumnMapping:
        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        extra = data.get("extra")
        return cls(
            name=text("name"),
            email=text("email"),
            phone=text("phone"),
            message=text("message"),
            submitted_at=text("submitted_at"),
            subject=text("subject"),
            last_name=text("last_name"),
            extra=tuple(str(v) for v in extra) if isinstance(extra, list | tuple) else (),
        )


def guess_mapping(headers: tuple[str, ...] | list[str]) -> ColumnMapping:
    """The mapping a founder would most likely pick; every other column becomes ``extra``."""
    chosen: dict[StandardField, str] = {}
    for header in headers:
        kind = standard_field(header)
        if kind is None:
            kind = _loose_kind(header)
        if kind is not None and kind not in chosen:
            chosen[kind] = header
    name = chosen.get(StandardField.NAME) or chosen.get(StandardField.FIRST_NAME)
    last = chosen.get(StandardField.LAST_NAME) if name != chosen.get(StandardField.NAME) else None
    mapping = ColumnMapping(
        name=name,
        email=chosen.get(StandardField.EMAIL) or chosen.get(StandardField.SENDER),
        phone=chosen.get(StandardField.PHONE),
        message=chosen.get(StandardField.MESSAGE),
        submitted_at=chosen.get(StandardField.SUBMITTED_AT),
        subject=chosen.get(StandardField.SUBJECT),
        last_name=last,
    )
    used = set(mapping.used_columns())
    return replace(mapping, extra=tuple(h for h in headers if h not in used))


_LOOSE: tuple[tuple[str, StandardField], ...] = (
    ("email", StandardField.EMAIL),
    ("epost", StandardField.EMAIL),
    ("telefon", StandardField.PHONE),
    ("phone", StandardField.PHONE),
    ("mobil", StandardField.PHONE),
    ("tlf", StandardField.PHONE),
    ("contactnumber", StandardField.PHONE),
    ("kontaktnummer", StandardField.PHONE),
    ("besked", StandardField.MESSAGE),
    ("melding", StandardField.MESSAGE),
    ("message", StandardField.MESSAGE),
    ("kommentar", StandardField.MESSAGE),
    ("submitdate", StandardField.SUBMITTED_AT),
    ("submittedat", StandardField.SUBMITTED_AT),
    ("tidsstempel", StandardField.SUBMITTED_AT),
    ("timestamp", StandardField.SUBMITTED_AT),
)


def _loose_kind(header: str) -> StandardField | None:
    """Headers like "Din e-mail-adresse" or "Submit Date (UTC)": a known word inside."""
    compact = compact_label(header)
    for word, kind in _LOOSE:
        if word in compact:
            return kind
    return None
