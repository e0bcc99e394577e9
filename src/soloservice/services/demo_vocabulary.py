"""What demo customers are called and write, read from ``resources/demo/*.json``.

The words are data, not code: ``people.json`` holds names, companies, products and contact
details per language, ``scenarios.json`` what customers write about and how the founder
answers. Order in the files matters, since one seeded ``random.Random`` picks from them and
the same seed must give the same store.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from soloservice.assets import resource_dir
from soloservice.domain.types import InquiryKind, Language

PerLanguage = Mapping[Language, str]


@dataclass(frozen=True)
class Scenario:
    """One thing a customer writes about, in every language, with the founder's answer."""

    key: str
    kind: InquiryKind
    weight: int
    subject: PerLanguage
    body: PerLanguage
    short: PerLanguage
    reply: PerLanguage


@dataclass(frozen=True)
class AutomaticSender:
    """A newsletter or list the mailbox receives: stored as automatic mail, never promised."""

    name: str
    address: str
    subject: str


@dataclass(frozen=True)
class Vocabulary:
    first_names: Mapping[Language, Sequence[str]]
    last_names: Mapping[Language, Sequence[str]]
    companies: Mapping[Language, Sequence[str]]
    products: Mapping[Language, Sequence[str]]
    email_domains: PerLanguage
    #: ranges that ``phonenumbers`` accepts as valid mobile numbers: (prefix, first number)
    phone_bases: Mapping[Language, tuple[str, int]]
    weekdays: Mapping[Language, Sequence[str]]
    customer_notes: Sequence[str]
    annual_values: Sequence[int]
    scenarios: Sequence[Scenario]
    call_note: PerLanguage
    waiting_question: PerLanguage
    thanks: PerLanguage
    #: the customer writes again after the founder's answer: a reply is owed once more
    wrote_back: PerLanguage
    automatic_senders: Sequence[AutomaticSender]


def _read(name: str) -> dict[str, Any]:
    resource = resource_dir("demo") / name
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


def _texts(raw: Mapping[str, str]) -> PerLanguage:
    return {Language(code): text for code, text in raw.items()}


def _lists(raw: Mapping[str, Sequence[str]]) -> Mapping[Language, Sequence[str]]:
    return {Language(code): tuple(items) for code, items in raw.items()}


@cache
def vocabulary() -> Vocabulary:
    """The demo words, read once per process."""
    people, scenes = _read("people.json"), _read("scenarios.json")
    return Vocabulary(
        first_names=_lists(people["first_names"]),
        last_names=_lists(people["last_names"]),
        companies=_lists(people["companies"]),
        products=_lists(people["products"]),
        email_domains=_texts(people["email_domains"]),
        phone_bases={
            Language(code): (prefix, int(base))
            for code, (prefix, base) in people["phone_bases"].items()
        },
        weekdays=_lists(people["weekdays"]),
        customer_notes=tuple(people["customer_notes"]),
        annual_values=tuple(int(v) for v in people["annual_values"]),
        scenarios=tuple(
            Scenario(
                key=s["key"],
                kind=InquiryKind(s["kind"]),
                weight=int(s["weight"]),
                subject=_texts(s["subject"]),
                body=_texts(s["body"]),
                short=_texts(s["short"]),
                reply=_texts(s["reply"]),
            )
            for s in scenes["scenarios"]
        ),
        call_note=_texts(scenes["call_note"]),
        waiting_question=_texts(scenes["waiting_question"]),
        thanks=_texts(scenes["thanks"]),
        wrote_back=_texts(scenes["wrote_back"]),
        automatic_senders=tuple(AutomaticSender(**a) for a in scenes["automatic_senders"]),
    )
