"""The demo's customers: names, languages, contact details and values, drawn from one seed.

Also the two small tools the demo draws with: a fast weighted pick and the ASCII form of a
name as it appears in addresses and handles.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from soloservice.domain.types import Channel, Language
from soloservice.services.demo_vocabulary import vocabulary

LANGUAGES = (Language.DA, Language.NB, Language.EN)
LANGUAGE_WEIGHTS = (50, 25, 25)

Row = dict[str, Any]


def picker(
    rng: random.Random, population: Sequence[Any], weights: Sequence[int]
) -> Callable[[], Any]:
    """A fast weighted choice: ``rng.choices`` costs more than the rest of a demo row."""
    cumulative: list[float] = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    draw = rng.random
    items = tuple(population)

    def pick() -> Any:
        return items[bisect(cumulative, draw() * total)]

    return pick


def ascii_name(text: str) -> str:
    """Names as they appear in addresses and handles: ``Søren Møller`` -> ``soeren.moeller``."""
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
        text = text.replace(src, dst)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in ".-"))


@dataclass
class DemoCustomer:
    """A demo customer as the generator needs them to write their inquiries."""

    id: int
    first: str
    last: str
    name: str
    language: Language
    social: Channel | None


@dataclass
class DemoPeople:
    """The customers of one demo run, and their rows for the customer and identity tables."""

    people: list[DemoCustomer] = field(default_factory=list)
    customers: list[Row] = field(default_factory=list)
    identities: list[Row] = field(default_factory=list)


def make_people(
    rng: random.Random,
    n_customers: int,
    *,
    now: datetime,
    customer_base: int,
    serial_base: int,
) -> DemoPeople:
    """``n_customers`` customers numbered after ``customer_base``; identity values stay unique
    by ``serial_base`` (also when ``--force`` adds to an earlier demo)."""
    words = vocabulary()
    out = DemoPeople()
    language_of = picker(rng, LANGUAGES, LANGUAGE_WEIGHTS)
    socials = (Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X)
    for index in range(n_customers):
        cid = customer_base + index + 1
        serial = serial_base + index + 1
        language: Language = language_of()
        first = rng.choice(words.first_names[language])
        last = rng.choice(words.last_names[language])
        name = f"{first} {last}"
        if rng.random() < 0.1:
            name = rng.choice(words.companies[language]).format(first=first, last=last)
        social = rng.choice(socials)
        person = DemoCustomer(
            cid, first, last, name, language, social if rng.random() < 0.5 else None
        )
        out.people.append(person)
        annual = None if rng.random() < 0.3 else float(rng.choice(words.annual_values))
        if annual is not None:
            annual = round(annual * rng.uniform(0.7, 1.3), -2)
        years = None if rng.random() < 0.4 else float(rng.randint(1, 10))
        out.customers.append(
            {
                "id": cid,
                "name": name,
                "language": language.value,
                "notes": rng.choice(words.customer_notes) if rng.random() < 0.08 else "",
                "annual_value": annual,
                "expected_years": years,
                "created_at": now - timedelta(days=rng.uniform(30, 900)),
            }
        )
        local = f"{ascii_name(first)}.{ascii_name(last)}".lower()
        if rng.random() < 0.92:
            out.identities.append(
                {
                    "customer_id": cid,
                    "kind": "email",
                    "value": f"{local}{serial}@{words.email_domains[language]}",
                }
            )
        if rng.random() < 0.7:
            prefix, base = words.phone_bases[language]
            out.identities.append(
                {"customer_id": cid, "kind": "phone", "value": f"{prefix}{base + serial}"}
            )
        if person.social is not None:
            handle = local if person.social is Channel.FACEBOOK else local.replace(".", "_")
            out.identities.append(
                {
                    "customer_id": cid,
                    "kind": person.social.value,
                    "value": f"{handle}{serial}",
                }
            )
    return out
