"""Which field labels mean name, email, phone, message, subject or date, in da/nb/en.

Forms are built by founders who label fields however they like ("Dit navn", "E-post",
"Tlf.", "Hvad drejer det sig om?"). Labels and CSV headers are compared in a compact form
(lower case, letters and digits only) so "E-mail:", "e_mail" and "EMAIL *" are one label.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum


class StandardField(StrEnum):
    """The fields SoloService needs to attach a submission to a customer."""

    NAME = "name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    PHONE = "phone"
    MESSAGE = "message"
    SUBJECT = "subject"
    SUBMITTED_AT = "submitted_at"
    SENDER = "sender"  # "From: Name <email>" as Contact Form 7 writes it


_SYNONYMS: dict[StandardField, tuple[str, ...]] = {
    StandardField.NAME: (
        "name", "navn", "fullname", "fuldenavn", "fulltnavn", "fullstendignavn", "yourname",
        "ditnavn", "dittnavn", "kontaktperson", "contactname", "namn", "fornavnogefternavn",
        "fornavnogetternavn", "hvadhedderdu", "hvaheterdu", "whatsyourname", "whatisyourname",
        "ditfuldenavn", "dittfulleanavn", "yourfullname",
    ),
    StandardField.FIRST_NAME: ("firstname", "fornavn", "givenname"),
    StandardField.LAST_NAME: ("lastname", "efternavn", "etternavn", "surname", "familyname"),
    StandardField.EMAIL: (
        "email", "mail", "epost", "emailaddress", "emailadresse", "epostadresse", "youremail",
        "dinemail", "dinepost", "mailadresse", "replyto", "svarmail",
    ),
    StandardField.PHONE: (
        "phone", "telefon", "tlf", "tlfnr", "telefonnummer", "phonenumber", "telephone", "tel",
        "mobil", "mobile", "mobilnummer", "mobilnr", "mobilephone", "yourphone", "mobiltelefon",
        "telefonnr", "cellphone",
    ),
    StandardField.MESSAGE: (
        "message", "besked", "melding", "kommentar", "kommentarer", "comment", "comments",
        "messagebody", "yourmessage", "dinbesked", "dinmelding", "commentormessage",
        "henvendelse", "dinhenvendelse", "sporgsmal", "sporsmal", "question", "beskrivelse",
        "description", "enquiry", "inquiry", "text", "tekst", "meddelelse", "beskjed",
        "hvadkanvihjaelpemed", "hvakanvihjelpemed", "howcanwehelp", "body",
        "beskrivproblemet", "beskrivproblemer", "describetheproblem", "reklamation",
        "reklamasjon", "klage", "complaint",
    ),
    StandardField.SUBJECT: (
        "subject", "emne", "vedr", "vedrorende", "angaende", "topic", "yoursubject", "tema",
        "overskrift",
    ),
    StandardField.SUBMITTED_AT: (
        "submittedat", "submitted", "submitdate", "submitdateutc", "submissiondate", "date",
        "dato", "datetime", "timestamp", "tidsstempel", "tidspunkt", "created", "createdat",
        "entrydate", "dateadded", "indsendt", "sendt", "innsendt", "tid", "time",
    ),
    StandardField.SENDER: ("from", "fra", "afsender", "avsender", "sender"),
}  # fmt: skip

_LOOKUP: dict[str, StandardField] = {
    word: standard for standard, words in _SYNONYMS.items() for word in words
}

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def compact_label(label: str) -> str:
    """Lower case, Danish/Norwegian letters folded, everything but letters and digits dropped."""
    return _NOT_ALNUM.sub("", label.lower().translate(_TRANSLITERATE))


def standard_field(label: str) -> StandardField | None:
    """The standard field a form label or CSV header means, or None for anything else."""
    return _LOOKUP.get(compact_label(label))


def field_kind(label: str, own: Mapping[str, str]) -> str | None:
    """What a label means: the rule's own ``{label: field}`` map first (compared compactly),
    then the built-in vocabulary; None for a label that is neither (an order number, say)."""
    compact = compact_label(label)
    for key, target in own.items():
        if compact_label(key) == compact:
            return target
    found = standard_field(label)
    return found.value if found is not None else None
