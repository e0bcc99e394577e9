"""Realistic demo data: a shop's worth of inquiries in Danish, Norwegian and English.

Demo data lets a founder see the app working before connecting a real mailbox, and lets the
benchmark fill a store with 100,000 inquiries. It is written with SQLAlchemy core bulk
``insert()`` in batches inside one transaction (the ORM would be ten times slower), with ids
assigned here so messages and events can point at their inquiry without a round trip.

Everything is drawn from one seeded ``random.Random``: the same seed gives the same
customers, channels, statuses and texts. Times are relative to the context's clock, so a
pinned clock gives identical stores.

A store that already holds inquiries is refused unless ``force`` is given: demo customers
mixed into a real store could not be told apart afterwards.
"""

from __future__ import annotations

import dataclasses
import gc
import random
import time
import unicodedata
from bisect import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select

from soloservice.domain.promise import promise_outcome
from soloservice.domain.types import (
    Channel,
    InquiryKind,
    Language,
    Status,
)
from soloservice.services.context import ServiceContext
from soloservice.services.errors import InvalidInput
from soloservice.services.inquiries import make_snippet
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow
from soloservice.storage.types import UTCDateTime

DEFAULT_SEED = 2026
BATCH = 5_000
BULK_CACHE_KIB = 256 * 1024
DEMO_MARKER = "demo-data.txt"
"""A file in the data directory saying it holds demo data, so ``gui --demo`` can reopen it."""

_customer: Table = CustomerRow.__table__  # type: ignore[attr-defined]
_identity: Table = IdentityRow.__table__  # type: ignore[attr-defined]
_inquiry: Table = InquiryRow.__table__  # type: ignore[attr-defined]
_message: Table = MessageRow.__table__  # type: ignore[attr-defined]
_event: Table = EventRow.__table__  # type: ignore[attr-defined]


class StoreNotEmpty(InvalidInput):
    """Demo data would be mixed into inquiries that are already there."""


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    identities: int
    inquiries: int
    messages: int
    events: int
    by_channel: dict[str, int]
    by_status: dict[str, int]
    by_language: dict[str, int]
    snoozed: int
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return self.customers + self.identities + self.inquiries + self.messages + self.events

    def as_dict(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "identities": self.identities,
            "inquiries": self.inquiries,
            "messages": self.messages,
            "events": self.events,
            "by_channel": self.by_channel,
            "by_status": self.by_status,
            "by_language": self.by_language,
            "snoozed": self.snoozed,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows / self.seconds) if self.seconds > 0 else None,
        }


# -- vocabulary ---------------------------------------------------------------------------------

_FIRST: Mapping[Language, Sequence[str]] = {
    Language.DA: (
        "Mette",
        "Lars",
        "Anne",
        "Søren",
        "Camilla",
        "Jens",
        "Line",
        "Mikkel",
        "Pernille",
        "Rasmus",
        "Sofie",
        "Anders",
        "Ida",
        "Frederik",
        "Louise",
        "Henrik",
        "Maja",
        "Niels",
        "Trine",
        "Jesper",
        "Karen",
        "Bo",
        "Signe",
        "Thomas",
        "Birgitte",
        "Kasper",
        "Hanne",
    ),
    Language.NB: (
        "Ingrid",
        "Ola",
        "Kari",
        "Per",
        "Silje",
        "Bjørn",
        "Nora",
        "Håkon",
        "Marte",
        "Eirik",
        "Ragnhild",
        "Sindre",
        "Tone",
        "Magnus",
        "Hilde",
        "Øyvind",
        "Solveig",
        "Knut",
        "Åse",
        "Torbjørn",
        "Liv",
        "Vegard",
        "Guro",
        "Espen",
    ),
    Language.EN: (
        "Emma",
        "James",
        "Olivia",
        "Oliver",
        "Sophie",
        "Harry",
        "Charlotte",
        "George",
        "Amelia",
        "Jack",
        "Grace",
        "Daniel",
        "Hannah",
        "Thomas",
        "Lucy",
        "William",
        "Chloe",
        "Samuel",
        "Ella",
        "Ben",
    ),
}
_LAST: Mapping[Language, Sequence[str]] = {
    Language.DA: (
        "Hansen",
        "Jensen",
        "Nielsen",
        "Pedersen",
        "Andersen",
        "Christensen",
        "Larsen",
        "Sørensen",
        "Rasmussen",
        "Jørgensen",
        "Petersen",
        "Madsen",
        "Kristensen",
        "Olsen",
        "Thomsen",
        "Møller",
        "Poulsen",
        "Holm",
        "Kjær",
        "Lund",
        "Bech",
        "Dahl",
        "Frederiksen",
    ),
    Language.NB: (
        "Hansen",
        "Johansen",
        "Olsen",
        "Larsen",
        "Andersen",
        "Pedersen",
        "Nilsen",
        "Kristiansen",
        "Jensen",
        "Karlsen",
        "Berg",
        "Haugen",
        "Hagen",
        "Bakken",
        "Solberg",
        "Strand",
        "Lie",
        "Dahl",
        "Eriksen",
        "Halvorsen",
        "Moen",
        "Sæther",
    ),
    Language.EN: (
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Robinson",
        "Wright",
        "Thompson",
        "Evans",
        "Walker",
        "White",
        "Roberts",
        "Green",
        "Hall",
        "Wood",
        "Jackson",
        "Clarke",
    ),
}
_COMPANY: Mapping[Language, Sequence[str]] = {
    Language.DA: (
        "Tømrerfirmaet {last} ApS",
        "Bageriet {last}",
        "{last} Rådgivning",
        "Café {first}",
        "{last} & Søn VVS",
        "Frisør {first}",
    ),
    Language.NB: (
        "{last} Bygg AS",
        "Bakeri {last}",
        "{last} Regnskap AS",
        "Kafé {first}",
        "{last} Rør og Varme",
        "Frisør {first}",
    ),
    Language.EN: (
        "{last} Joinery Ltd",
        "{last}'s Bakery",
        "{last} Consulting",
        "Café {first}",
        "{last} Plumbing",
        "{first}'s Hair Studio",
    ),
}
_PRODUCTS: Mapping[Language, Sequence[str]] = {
    Language.DA: (
        "keramikkrus",
        "uldplaid",
        "sofapude",
        "lædertaske",
        "kaffekværn",
        "lampeskærm",
        "skærebræt i eg",
        "børnegummistøvler",
        "duftlys",
        "strikkesæt",
    ),
    Language.NB: (
        "keramikkopp",
        "ullpledd",
        "sofapute",
        "skinnveske",
        "kaffekvern",
        "lampeskjerm",
        "skjærebrett i eik",
        "barnestøvler",
        "duftlys",
        "strikkepakke",
    ),
    Language.EN: (
        "ceramic mug",
        "wool throw",
        "cushion cover",
        "leather bag",
        "coffee grinder",
        "lamp shade",
        "oak chopping board",
        "children's wellies",
        "scented candle",
        "knitting kit",
    ),
}
_EMAIL_DOMAIN: Mapping[Language, str] = {
    Language.DA: "example.dk",
    Language.NB: "example.no",
    Language.EN: "example.co.uk",
}
_PHONE_BASE: Mapping[Language, tuple[str, int]] = {
    # Ranges that ``phonenumbers`` accepts as valid mobile numbers.
    Language.DA: ("+45", 26_000_000),
    Language.NB: ("+47", 41_000_000),
    Language.EN: ("+44", 7_400_000_000),
}


@dataclass(frozen=True)
class _Scenario:
    key: str
    kind: InquiryKind
    subject: Mapping[Language, str]
    body: Mapping[Language, str]
    short: Mapping[Language, str]
    reply: Mapping[Language, str]


_SCENARIOS: tuple[_Scenario, ...] = (
    _Scenario(
        "delivery",
        InquiryKind.COMPLAINT,
        {
            Language.DA: "Min pakke er ikke kommet (ordre {order})",
            Language.NB: "Pakken min har ikke kommet (ordre {order})",
            Language.EN: "My parcel hasn't arrived (order {order})",
        },
        {
            Language.DA: "Hej\n\nJeg bestilte en {product} for {days} dage siden, og der stod "
            'levering på 2-3 hverdage. Sporingen har stået på "pakken er klar til afsendelse" '
            "siden. Det var en gave til på lørdag, så jeg er ret ked af det.\n\nKan I finde ud "
            "af hvor den er?\n\nMvh {first}",
            Language.NB: "Hei\n\nJeg bestilte en {product} for {days} dager siden, og det sto "
            'levering på 2-3 virkedager. Sporingen har stått på "klar til sending" siden. '
            "Det skulle være en gave til lørdag, så jeg er ganske skuffet.\n\nKan dere sjekke "
            "hvor den er?\n\nHilsen {first}",
            Language.EN: "Hi,\n\nI ordered a {product} {days} days ago and the site said 2-3 "
            'working days. Tracking has said "ready for dispatch" ever since. It\'s a present '
            "for Saturday, so I'm quite worried.\n\nCould you find out where it is?\n\n"
            "Thanks, {first}",
        },
        {
            Language.DA: "Hej! Min ordre {order} er stadig ikke kommet efter {days} dage 😕",
            Language.NB: "Hei! Ordren min {order} har fortsatt ikke kommet etter {days} dager 😕",
            Language.EN: "Hi! Order {order} still hasn't turned up after {days} days 😕",
        },
        {
            Language.DA: "Hej {first}\n\nUndskyld ventetiden — pakken blev forsinket hos "
            "fragtfirmaet. Jeg har sendt en ny med express i dag, uden beregning, og lagt en "
            "lille overraskelse i. Du får sporingsnummeret på mail.\n\nVenlig hilsen",
            Language.NB: "Hei {first}\n\nBeklager ventetiden — pakken ble forsinket hos "
            "transportøren. Jeg har sendt en ny med ekspress i dag, uten kostnad, og lagt ved "
            "en liten overraskelse. Du får sporingsnummeret på e-post.\n\nVennlig hilsen",
            Language.EN: "Hi {first},\n\nSo sorry for the wait — the parcel got stuck with the "
            "courier. I've sent a new one by express today, free of charge, with a small extra "
            "in the box. You'll get the tracking number by email.\n\nBest wishes",
        },
    ),
    _Scenario(
        "broken",
        InquiryKind.COMPLAINT,
        {
            Language.DA: "{product} kom i stykker",
            Language.NB: "{product} kom i stykker",
            Language.EN: "{product} arrived broken",
        },
        {
            Language.DA: "Hej\n\nPakken kom i dag, men min {product} var gået i stykker — "
            "kassen var helt mast i det ene hjørne. Jeg har taget billeder. Hvad gør vi nu? "
            "Jeg vil helst have en ny frem for pengene tilbage.\n\n{first} {last}",
            Language.NB: "Hei\n\nPakken kom i dag, men {product} var knust — esken var helt "
            "klemt i det ene hjørnet. Jeg har tatt bilder. Hva gjør vi nå? Jeg vil helst ha en "
            "ny i stedet for pengene tilbake.\n\n{first} {last}",
            Language.EN: "Hello,\n\nThe parcel came today but the {product} was broken — the "
            "box was crushed at one corner. I've taken photos. What happens now? I'd rather "
            "have a replacement than a refund.\n\n{first} {last}",
        },
        {
            Language.DA: "Min {product} kom i stykker med posten. Hvad gør jeg? 📦💔",
            Language.NB: "{product} kom knust i posten. Hva gjør jeg? 📦💔",
            Language.EN: "My {product} arrived smashed. What do I do? 📦💔",
        },
        {
            Language.DA: "Hej {first}\n\nØv, hvor ærgerligt! Du skal ikke sende den retur — "
            "jeg sender en ny {product} i morgen. Tak for billederne, så kan jeg tage det op "
            "med fragtfirmaet.\n\nVenlig hilsen",
            Language.NB: "Hei {first}\n\nÅ nei, så kjedelig! Du trenger ikke sende den i "
            "retur — jeg sender en ny {product} i morgen. Takk for bildene.\n\nVennlig hilsen",
            Language.EN: "Hi {first},\n\nOh no, I'm sorry! No need to send it back — a new "
            "{product} goes out tomorrow. Thanks for the photos, they help with the courier "
            "claim.\n\nBest wishes",
        },
    ),
    _Scenario(
        "invoice",
        InquiryKind.QUESTION,
        {
            Language.DA: "Spørgsmål til faktura {invoice}",
            Language.NB: "Spørsmål om faktura {invoice}",
            Language.EN: "Question about invoice {invoice}",
        },
        {
            Language.DA: "Hej\n\nVi har modtaget faktura {invoice} på {amount} kr, men jeg "
            "mener vi aftalte en fast pris. Kan du sende en specifikation af timerne? Og er "
            "betalingsfristen 14 eller 30 dage?\n\nMed venlig hilsen\n{first} {last}",
            Language.NB: "Hei\n\nVi har mottatt faktura {invoice} på {amount} kr, men jeg "
            "mener vi avtalte fastpris. Kan du sende en spesifikasjon av timene? Og er "
            "forfallet 14 eller 30 dager?\n\nMed vennlig hilsen\n{first} {last}",
            Language.EN: "Hi,\n\nWe've received invoice {invoice} for {amount} kr, but I "
            "thought we agreed a fixed price. Could you send a breakdown of the hours? And are "
            "the payment terms 14 or 30 days?\n\nKind regards,\n{first} {last}",
        },
        {
            Language.DA: "Hej, jeg har et spørgsmål til faktura {invoice} — kan I ringe mig op?",
            Language.NB: "Hei, jeg har et spørsmål om faktura {invoice} — kan dere ringe meg?",
            Language.EN: "Hi, I have a question about invoice {invoice} — could you call me?",
        },
        {
            Language.DA: "Hej {first}\n\nDu har ret — der er faktureret timer oven i den "
            "faste pris. Jeg har krediteret fakturaen og sendt en ny. Betalingsfristen er 30 "
            "dage.\n\nVenlig hilsen",
            Language.NB: "Hei {first}\n\nDu har rett — det er fakturert timer i tillegg til "
            "fastprisen. Jeg har kreditert fakturaen og sendt en ny. Forfall er 30 dager.\n\n"
            "Vennlig hilsen",
            Language.EN: "Hi {first},\n\nYou're right — hours were billed on top of the fixed "
            "price. I've credited that invoice and sent a corrected one. Terms are 30 days.\n\n"
            "Best regards",
        },
    ),
    _Scenario(
        "appointment",
        InquiryKind.QUESTION,
        {
            Language.DA: "Hvornår kommer håndværkeren?",
            Language.NB: "Når kommer håndverkeren?",
            Language.EN: "When is the fitter coming?",
        },
        {
            Language.DA: "Hej\n\nVi havde en aftale om at I kom og så på køkkenet {weekday}, "
            "men der kom ingen. Jeg havde taget fri fra arbejde. Kan vi finde en ny tid i "
            "næste uge, gerne om formiddagen?\n\nHilsen {first}",
            Language.NB: "Hei\n\nVi hadde avtalt at dere skulle komme og se på badet "
            "{weekday}, men ingen kom. Jeg hadde tatt fri fra jobb. Kan vi finne en ny tid "
            "neste uke, helst før lunsj?\n\nHilsen {first}",
            Language.EN: "Hi,\n\nWe'd booked you to look at the kitchen on {weekday} but nobody "
            "came. I'd taken the day off work. Can we find a new time next week, ideally in "
            "the morning?\n\nThanks, {first}",
        },
        {
            Language.DA: "Ingen dukkede op i dag til aftalen om køkkenet. Ny tid?",
            Language.NB: "Ingen dukket opp i dag som avtalt. Ny tid?",
            Language.EN: "Nobody showed up for today's appointment. New time?",
        },
        {
            Language.DA: "Hej {first}\n\nDet er jeg virkelig ked af — der skete en fejl i "
            "kalenderen. Jeg kommer tirsdag kl. 9, og første time er gratis.\n\nVenlig hilsen",
            Language.NB: "Hei {first}\n\nDet beklager jeg virkelig — det ble en feil i "
            "kalenderen. Jeg kommer tirsdag kl. 9, og første time er gratis.\n\n"
            "Vennlig hilsen",
            Language.EN: "Hi {first},\n\nI'm really sorry — a calendar mix-up on my side. I'll "
            "be there Tuesday at 9, and the first hour is on me.\n\nBest wishes",
        },
    ),
    _Scenario(
        "followup",
        InquiryKind.QUESTION,
        {
            Language.DA: "Opfølgning på vores møde",
            Language.NB: "Oppfølging etter møtet vårt",
            Language.EN: "Following up on our meeting",
        },
        {
            Language.DA: "Hej\n\nTak for et godt møde {weekday}. Du nævnte at du ville sende "
            "et tilbud på hjemmesiden og den månedlige rådgivning — har du haft tid til at se "
            "på det? Vi vil gerne i gang inden sommerferien.\n\nMvh {first} {last}",
            Language.NB: "Hei\n\nTakk for et godt møte {weekday}. Du nevnte at du skulle sende "
            "et tilbud på nettsiden og den månedlige rådgivningen — har du rukket å se på "
            "det? Vi vil gjerne komme i gang før sommerferien.\n\nMvh {first} {last}",
            Language.EN: "Hi,\n\nThanks for a good meeting on {weekday}. You mentioned you'd "
            "send a quote for the website and the monthly advice — have you had a chance to "
            "look at it? We'd like to start before the summer.\n\nBest, {first} {last}",
        },
        {
            Language.DA: "Hej! Har du nået at kigge på tilbuddet? 🙂",
            Language.NB: "Hei! Har du rukket å se på tilbudet? 🙂",
            Language.EN: "Hi! Any news on the quote? 🙂",
        },
        {
            Language.DA: "Hej {first}\n\nTak for tålmodigheden. Tilbuddet er vedhæftet — "
            "ring gerne hvis noget skal justeres.\n\nVenlig hilsen",
            Language.NB: "Hei {first}\n\nTakk for tålmodigheten. Tilbudet ligger vedlagt — "
            "ring gjerne hvis noe skal justeres.\n\nVennlig hilsen",
            Language.EN: "Hi {first},\n\nThanks for your patience. The quote is attached — "
            "give me a ring if anything needs adjusting.\n\nBest regards",
        },
    ),
    _Scenario(
        "wrong_item",
        InquiryKind.COMPLAINT,
        {
            Language.DA: "Forkert vare i pakken",
            Language.NB: "Feil vare i pakken",
            Language.EN: "Wrong item in my parcel",
        },
        {
            Language.DA: "Hej\n\nJeg bestilte en {product}, men fik noget helt andet. Det er "
            "anden gang det sker, og jeg er ærligt talt ved at være træt af det. Hvordan "
            "returnerer jeg den?\n\n{first}",
            Language.NB: "Hei\n\nJeg bestilte en {product}, men fikk noe helt annet. Det er "
            "andre gang dette skjer, og jeg begynner å bli lei. Hvordan returnerer jeg den?"
            "\n\n{first}",
            Language.EN: "Hi,\n\nI ordered a {product} but got something else entirely. This is "
            "the second time, and honestly I'm getting fed up. How do I send it back?\n\n"
            "{first}",
        },
        {
            Language.DA: "Fik forkert vare — igen. Ikke imponeret 😤",
            Language.NB: "Fikk feil vare — igjen. Ikke imponert 😤",
            Language.EN: "Wrong item — again. Not impressed 😤",
        },
        {
            Language.DA: "Hej {first}\n\nDet er simpelthen ikke godt nok, og jeg forstår godt "
            "du er træt af det. Jeg sender den rigtige {product} i dag og en returlabel, og "
            "du får 20 % af næste ordre.\n\nVenlig hilsen",
            Language.NB: "Hei {first}\n\nDet er rett og slett ikke godt nok, og jeg skjønner "
            "godt at du er lei. Jeg sender riktig {product} i dag med returlapp, og du får "
            "20 % på neste ordre.\n\nVennlig hilsen",
            Language.EN: "Hi {first},\n\nThat simply isn't good enough, and I understand why "
            "you're fed up. The right {product} goes out today with a returns label, and "
            "you'll get 20% off your next order.\n\nBest wishes",
        },
    ),
    _Scenario(
        "praise",
        InquiryKind.PRAISE,
        {
            Language.DA: "Tusind tak!",
            Language.NB: "Tusen takk!",
            Language.EN: "Thank you so much!",
        },
        {
            Language.DA: "Hej\n\nJeg ville bare sige tak for den hurtige levering og den søde "
            "håndskrevne hilsen. Min {product} er endnu flottere i virkeligheden. Jeg har "
            "allerede anbefalet jer til mine veninder.\n\nKh {first}",
            Language.NB: "Hei\n\nJeg ville bare si takk for rask levering og den hyggelige "
            "håndskrevne hilsenen. {product} er enda finere i virkeligheten. Jeg har allerede "
            "anbefalt dere til venninnene mine.\n\nKlem {first}",
            Language.EN: "Hi,\n\nJust wanted to say thank you for the quick delivery and the "
            "lovely handwritten note. The {product} is even nicer in real life. I've already "
            "recommended you to friends.\n\n{first}",
        },
        {
            Language.DA: "Elsker min nye {product}! Tak for super service ❤️",
            Language.NB: "Elsker {product}! Takk for supert service ❤️",
            Language.EN: "Love my new {product}! Brilliant service ❤️",
        },
        {
            Language.DA: "Tusind tak for de søde ord, {first} — det gør min dag!",
            Language.NB: "Tusen takk for de fine ordene, {first} — det gjør dagen min!",
            Language.EN: "Thank you so much, {first} — that made my day!",
        },
    ),
)
_SCENARIO_WEIGHTS = (24, 16, 12, 10, 10, 12, 16)

_CALL_NOTE: Mapping[Language, str] = {
    Language.DA: "Ringede om: {subject}. {first} vil gerne ringes op.",
    Language.NB: "Ringte om: {subject}. {first} vil gjerne bli ringt opp.",
    Language.EN: "Called about: {subject}. {first} would like a call back.",
}
_WAITING_QUESTION: Mapping[Language, str] = {
    Language.DA: "Hej {first}\n\nTak for din besked. Vil du sende dit ordrenummer og et "
    "billede, så finder jeg en løsning med det samme?\n\nVenlig hilsen",
    Language.NB: "Hei {first}\n\nTakk for meldingen. Kan du sende ordrenummeret og et bilde, "
    "så finner jeg en løsning med en gang?\n\nVennlig hilsen",
    Language.EN: "Hi {first},\n\nThanks for getting in touch. Could you send your order number "
    "and a photo? Then I'll sort it out straight away.\n\nBest wishes",
}
_THANKS: Mapping[Language, str] = {
    Language.DA: "Tusind tak, det er helt i orden 👍",
    Language.NB: "Tusen takk, det er helt greit 👍",
    Language.EN: "Thanks a lot, that's perfect 👍",
}
#: the customer writes again after the founder's answer: a reply is owed once more
_WROTE_BACK: Mapping[Language, str] = {
    Language.DA: "Tak for svaret. Et spørgsmål mere: hvornår kan jeg forvente at høre nærmere?",
    Language.NB: "Takk for svaret. Ett spørsmål til: når kan jeg regne med å høre mer?",
    Language.EN: "Thanks for the answer. One more question: when can I expect to hear more?",
}
#: newsletters and lists: stored as automatic mail, never promised or counted elsewhere
_AUTOMATIC = (
    ("Fragtmanden Nyhedsbrev", "nyhedsbrev@fragtmanden.example", "Ugens tilbud på fragt"),
    ("Keramik Grossisten", "no-reply@grossisten.example", "Nye varer på lager"),
)
_NOTES = (
    "Stamkunde — giv ekstra opmærksomhed.",
    "Har klaget før (forsinkelse i marts).",
    "Tjek med fragtfirmaet om skadesanmeldelse.",
    "Kunden foretrækker telefon.",
)
_WEEKDAYS: Mapping[Language, Sequence[str]] = {
    Language.DA: ("mandag", "tirsdag", "onsdag", "torsdag", "fredag"),
    Language.NB: ("mandag", "tirsdag", "onsdag", "torsdag", "fredag"),
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}

_CHANNELS = tuple(Channel)
_CHANNEL_WEIGHTS = (34, 15, 21, 13, 10, 7)
_LANGUAGES = (Language.DA, Language.NB, Language.EN)
_LANGUAGE_WEIGHTS = (50, 25, 25)
# "snoozed" is an open inquiry hidden until later; the rest are stored statuses.
_FATES = ("new", "open", "waiting", "snoozed", "resolved", "closed")
_FATE_WEIGHTS = (8, 12, 10, 5, 57, 8)
_VALUES = (500, 1_200, 2_500, 5_000, 8_000, 12_000, 20_000, 35_000, 60_000, 150_000)


def _picker(rng: random.Random, population: Sequence[Any], weights: Sequence[int]) -> Any:
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


def _ascii(text: str) -> str:
    """Names as they appear in addresses and handles: ``Søren Møller`` -> ``soeren.moeller``."""
    for src, dst in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
        text = text.replace(src, dst)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in ".-"))


@dataclass
class _DemoCustomer:
    id: int
    first: str
    last: str
    name: str
    language: Language
    social: Channel | None


# -- the store ----------------------------------------------------------------------------------


def inquiry_count(ctx: ServiceContext) -> int:
    with ctx.db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(_inquiry)).scalar_one())


def is_demo_dir(data_dir: Path) -> bool:
    return (data_dir / DEMO_MARKER).exists()


def _max_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())


def db_time(moment: datetime) -> str:
    """A time as the store keeps it: naive UTC text, as ``UTCDateTime`` on SQLite writes it.

    The bulk insert hands rows straight to the driver, because SQLAlchemy's per-row bind
    processing costs twice what SQLite spends storing the row; ``tests/services/test_demo.py``
    checks that this text is exactly what the ORM would have written.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime refused: times are stored in UTC")
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(sep=" ", timespec="microseconds")


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert rows that all have the same keys, in batches, inside the caller's transaction."""
    if not rows:
        return
    names = [column.name for column in table.columns if column.name in rows[0]]
    times = {column.name for column in table.columns if isinstance(column.type, UTCDateTime)}
    quote = conn.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    plain = [name not in times for name in names]
    pairs = list(zip(names, plain, strict=True))
    for start in range(0, len(rows), BATCH):
        batch = [
            tuple(
                row[name] if keep or row[name] is None else db_time(row[name])
                for name, keep in pairs
            )
            for row in rows[start : start + BATCH]
        ]
        conn.exec_driver_sql(sql, batch)


def generate_demo(
    ctx: ServiceContext,
    count: int = 200,
    *,
    seed: int = DEFAULT_SEED,
    force: bool = False,
) -> DemoSummary:
    """Add ``count`` demo inquiries (with customers, messages and events) in one transaction."""
    if count < 0:
        raise InvalidInput("the number of demo inquiries cannot be negative")
    started = time.perf_counter()
    existing = inquiry_count(ctx)
    if existing and not force:
        raise StoreNotEmpty(
            f"the data directory already holds {existing} inquiries; demo data goes in an "
            "empty data directory (use --data-dir DIR, or --force to add it anyway)"
        )
    # Millions of short-lived dicts make the cyclic collector run for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ctx.db.engine.begin() as conn:
            tables = _Generator(ctx, random.Random(seed), conn).run(count)
            # Index pages of 100k random customer ids and times do not fit the default 2 MB
            # page cache; without a larger one the inquiry insert is three times slower.
            cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            conn.exec_driver_sql(f"PRAGMA cache_size={-BULK_CACHE_KIB}")
            try:
                for table, rows in tables:
                    _insert(conn, table, rows)
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size={int(cache or -2000)}")
    finally:
        if collecting:
            gc.enable()
    summary: DemoSummary = tables.summary
    return dataclasses.replace(summary, seconds=time.perf_counter() - started)


class _Tables(list[tuple[Table, list[dict[str, Any]]]]):
    summary: DemoSummary


class _Generator:
    """One demo run: the rows of every table, built in memory before the bulk insert."""

    def __init__(self, ctx: ServiceContext, rng: random.Random, conn: Connection) -> None:
        self.ctx = ctx
        self.rng = rng
        self.now = ctx.now()
        self.founder = ctx.settings.founder_name or "SoloService"
        self.customer_base = _max_id(conn, _customer)
        self.inquiry_id = _max_id(conn, _inquiry)
        self.message_id = _max_id(conn, _message)
        # Identity values must be unique, also when --force adds to an earlier demo.
        self.serial_base = _max_id(conn, _identity) + self.customer_base
        self.customers: list[dict[str, Any]] = []
        self.identities: list[dict[str, Any]] = []
        self.inquiries: list[dict[str, Any]] = []
        self.messages: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.people: list[_DemoCustomer] = []
        self.senders: dict[str, int] = {}

    def _people(self, n_customers: int) -> None:
        rng = self.rng
        language_of = _picker(rng, _LANGUAGES, _LANGUAGE_WEIGHTS)
        socials = (Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X)
        for index in range(n_customers):
            cid = self.customer_base + index + 1
            serial = self.serial_base + index + 1
            language: Language = language_of()
            first = rng.choice(_FIRST[language])
            last = rng.choice(_LAST[language])
            name = f"{first} {last}"
            if rng.random() < 0.1:
                name = rng.choice(_COMPANY[language]).format(first=first, last=last)
            social = rng.choice(socials)
            person = _DemoCustomer(
                cid, first, last, name, language, social if rng.random() < 0.5 else None
            )
            self.people.append(person)
            annual = None if rng.random() < 0.3 else float(rng.choice(_VALUES))
            if annual is not None:
                annual = round(annual * rng.uniform(0.7, 1.3), -2)
            years = None if rng.random() < 0.4 else float(rng.randint(1, 10))
            self.customers.append(
                {
                    "id": cid,
                    "name": name,
                    "language": language.value,
                    "notes": rng.choice(_NOTES) if rng.random() < 0.08 else "",
                    "annual_value": annual,
                    "expected_years": years,
                    "created_at": self.now - timedelta(days=rng.uniform(30, 900)),
                }
            )
            local = f"{_ascii(first)}.{_ascii(last)}".lower()
            if rng.random() < 0.92:
                self.identities.append(
                    {
                        "customer_id": cid,
                        "kind": "email",
                        "value": f"{local}{serial}@{_EMAIL_DOMAIN[language]}",
                    }
                )
            if rng.random() < 0.7:
                prefix, base = _PHONE_BASE[language]
                self.identities.append(
                    {"customer_id": cid, "kind": "phone", "value": f"{prefix}{base + serial}"}
                )
            if person.social is not None:
                handle = local if person.social is Channel.FACEBOOK else local.replace(".", "_")
                self.identities.append(
                    {
                        "customer_id": cid,
                        "kind": person.social.value,
                        "value": f"{handle}{serial}",
                    }
                )

    def _automatic(self, iid: int) -> None:
        """A newsletter as the mail intake stores it: automatic, no promise, no reply owed."""
        name, address, subject = self.rng.choice(_AUTOMATIC)
        if self.serial_base:  # --force on an earlier demo: identity values stay unique
            address = address.replace("@", f"+{self.serial_base}@")
        if address not in self.senders:
            cid = self.customer_base + len(self.customers) + 1
            self.senders[address] = cid
            self.customers.append(
                {
                    "id": cid,
                    "name": name,
                    "language": Language.DA.value,
                    "notes": "",
                    "annual_value": None,
                    "expected_years": None,
                    "created_at": self.now - timedelta(days=60),
                }
            )
            self.identities.append({"customer_id": cid, "kind": "email", "value": address})
        received = (self.now - timedelta(hours=self.rng.uniform(1, 14 * 24))).replace(
            microsecond=0
        )
        text = f"{subject}\n\nSe hele nyhedsbrevet i din browser. Afmeld her."
        self._message(iid, "in", Channel.EMAIL.value, name, text, received)
        self._event(iid, received, "created", None, "new")
        self.inquiries.append(
            {
                "id": iid,
                "customer_id": self.senders[address],
                "channel": Channel.EMAIL.value,
                "subject": subject,
                "snippet": make_snippet(text),
                "kind": InquiryKind.QUESTION.value,
                "status": Status.NEW.value,
                "received_at": received,
                "first_response_at": None,
                "due_at": None,
                "resolved_at": None,
                "snoozed_until": None,
                "last_activity_at": received,
                "tags": "",
                "promise_kept": None,
                "promise_margin_s": None,
                "needs_reply_since": None,
                "automatic_reason": "List-Unsubscribe header (newsletter)",
            }
        )

    def _message(
        self,
        inquiry_id: int,
        direction: str,
        channel: str,
        author: str,
        text: str,
        sent_at: datetime,
        duration: int | None = None,
    ) -> None:
        self.message_id += 1
        self.messages.append(
            {
                "id": self.message_id,
                "inquiry_id": inquiry_id,
                "direction": direction,
                "channel": channel,
                "author": author,
                "text": text,
                "html": None,
                "sent_at": sent_at,
                "external_id": None,
                "call_duration_s": duration,
            }
        )

    def _event(
        self, inquiry_id: int, at: datetime, kind: str, old: str | None, new: str | None
    ) -> None:
        self.events.append(
            {"inquiry_id": inquiry_id, "at": at, "kind": kind, "old_value": old, "new_value": new}
        )

    def run(self, count: int) -> _Tables:
        rng, now, founder = self.rng, self.now, self.founder
        calendar = self.ctx.calendar
        promise = {channel: self.ctx.promise_hours(channel) for channel in Channel}
        channel_of = _picker(rng, _CHANNELS, _CHANNEL_WEIGHTS)
        scenario_of = _picker(rng, _SCENARIOS, _SCENARIO_WEIGHTS)
        fate_of = _picker(rng, _FATES, _FATE_WEIGHTS)
        by_channel: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        by_language: Counter[str] = Counter()
        snoozed = 0
        latest_reply = now - timedelta(minutes=5)

        n_customers = max(1, count * 2 // 5) if count else 0
        self._people(n_customers)
        people = self.people
        # A tenth of the customers write again and again, on different channels.
        regulars = max(1, n_customers // 10)
        for _ in range(count):
            self.inquiry_id += 1
            iid = self.inquiry_id
            if count >= 20 and rng.random() < 0.03:
                self._automatic(iid)
                by_channel[Channel.EMAIL.value] += 1
                by_status[Status.NEW.value] += 1
                continue
            pool = regulars if rng.random() < 0.35 else n_customers
            person = people[int(rng.random() * pool)]
            language = person.language
            channel: Channel = channel_of()
            if channel.is_social:
                channel = person.social or Channel.EMAIL
            scenario: _Scenario = scenario_of()
            fate: str = fate_of()
            if scenario.kind is InquiryKind.PRAISE and fate in ("waiting", "snoozed"):
                fate = "resolved"
            fields = {
                "first": person.first,
                "last": person.last,
                "order": f"#{rng.randint(10_000, 99_999)}",
                "invoice": str(rng.randint(2_000, 9_999)),
                "amount": f"{rng.randint(3, 180) * 250:,}".replace(",", "."),
                "product": rng.choice(_PRODUCTS[language]),
                "days": rng.randint(5, 14),
                "weekday": rng.choice(_WEEKDAYS[language]),
            }
            subject = scenario.subject[language].format(**fields)
            subject = subject[0].upper() + subject[1:]
            if channel is Channel.PHONE:
                text = _CALL_NOTE[language].format(subject=subject, **fields)
            elif channel.is_social:
                text = scenario.short[language].format(**fields)
            elif channel is Channel.FORM:
                text = f"{person.name}\n\n" + scenario.body[language].format(**fields)
            else:
                text = scenario.body[language].format(**fields)

            # When it came in: open work is recent, finished work spread over a year.
            if fate == "new":
                # Mostly today's mail; a few have slipped past their promise (days old,
                # so overdue whatever the weekday).
                hours = rng.uniform(0, 5) if rng.random() < 0.75 else rng.uniform(80, 240)
            elif fate in ("open", "snoozed"):
                hours = rng.uniform(1, 14 * 24)
            elif fate == "waiting":
                hours = rng.uniform(24, 20 * 24)
            else:
                hours = rng.uniform(30, 365 * 24)
            received = (now - timedelta(hours=hours)).replace(microsecond=0)
            due = calendar.add_business_hours(received, promise[channel])

            status = Status.OPEN if fate == "snoozed" else Status(fate)
            channel_value, status_value = channel.value, status.value
            by_channel[channel_value] += 1
            by_status[status_value] += 1
            by_language[language.value] += 1

            duration = rng.randint(60, 900) if channel is Channel.PHONE else None
            self._message(iid, "in", channel_value, person.name, text, received, duration)
            self._event(iid, received, "created", None, "new")
            last_activity = received
            first_response: datetime | None = None
            resolved_at: datetime | None = None
            snoozed_until: datetime | None = None
            kept: bool | None = None
            margin: int | None = None
            # The reply promise runs while the customer's last message is unanswered.
            needs_reply_since: datetime | None = received

            if status is not Status.NEW:
                # The founder answered: mostly within the promise, sometimes late.
                late = rng.random() >= 0.75
                delay = timedelta(hours=rng.uniform(6, 60) if late else rng.uniform(0.3, 6))
                first_response = max(min(received + delay, latest_reply), received)
                done = status in (Status.RESOLVED, Status.CLOSED)
                template = _WAITING_QUESTION if status is Status.WAITING else scenario.reply
                reply_channel, reply_duration = channel_value, None
                if done and rng.random() < 0.2:
                    # A phone call is often all it takes.
                    reply_channel, reply_duration = "phone", rng.randint(120, 1_200)
                self._message(
                    iid,
                    "out",
                    reply_channel,
                    founder,
                    template[language].format(**fields),
                    first_response,
                    reply_duration,
                )
                last_activity = first_response
                needs_reply_since = None
                if fate in ("open", "snoozed") and rng.random() < 0.3:
                    # The customer wrote back (recently): a new promise runs from it.
                    back = max(
                        now - timedelta(hours=rng.uniform(0.2, 4) if rng.random() < 0.8 else 30),
                        first_response + timedelta(minutes=1),
                    )
                    back = back.replace(microsecond=0)
                    wrote_back = _WROTE_BACK[language]
                    self._message(iid, "in", channel_value, person.name, wrote_back, back)
                    needs_reply_since, last_activity = back, back
                    due = calendar.add_business_hours(back, promise[channel])
                if rng.random() < 0.15:
                    note = rng.choice(_NOTES)
                    self._message(iid, "note", channel_value, founder, note, first_response)
                if done:
                    resolved_at = min(first_response + timedelta(hours=rng.uniform(0.1, 72)), now)
                    if scenario.kind is not InquiryKind.PRAISE and rng.random() < 0.4:
                        thanks = _THANKS[language]
                        self._message(iid, "in", channel_value, person.name, thanks, resolved_at)
                    last_activity = resolved_at
                self._event(iid, last_activity, "status", "new", status_value)
                first_due = calendar.add_business_hours(received, promise[channel])
                outcome = promise_outcome(first_due, first_response)
                kept, margin = outcome.kept, int(outcome.margin.total_seconds())
            if fate == "snoozed":
                snoozed += 1
                until = now + timedelta(hours=rng.uniform(3, 7 * 24))
                snoozed_until = until.replace(microsecond=0)
                self._event(iid, last_activity, "snooze", None, snoozed_until.isoformat())

            self.inquiries.append(
                {
                    "id": iid,
                    "customer_id": person.id,
                    "channel": channel_value,
                    "subject": subject,
                    "snippet": make_snippet(text),
                    "kind": scenario.kind.value,
                    "status": status_value,
                    "received_at": received,
                    "first_response_at": first_response,
                    "due_at": due,
                    "resolved_at": resolved_at,
                    "snoozed_until": snoozed_until,
                    "last_activity_at": last_activity,
                    "tags": scenario.key,
                    "promise_kept": kept,
                    "promise_margin_s": margin,
                    "needs_reply_since": needs_reply_since,
                    "automatic_reason": "",
                }
            )

        tables = _Tables(
            [
                (_customer, self.customers),
                (_identity, self.identities),
                (_inquiry, self.inquiries),
                (_message, self.messages),
                (_event, self.events),
            ]
        )
        tables.summary = DemoSummary(
            customers=len(self.customers),
            identities=len(self.identities),
            inquiries=len(self.inquiries),
            messages=len(self.messages),
            events=len(self.events),
            by_channel=dict(sorted(by_channel.items())),
            by_status=dict(sorted(by_status.items())),
            by_language=dict(sorted(by_language.items())),
            snoozed=snoozed,
            seconds=0.0,
        )
        return tables


def mark_demo_dir(data_dir: Path) -> None:
    """Leave a note that this store is demo data (read by ``gui --demo`` and by people)."""
    (data_dir / DEMO_MARKER).write_text(
        "This SoloService data directory holds generated demo data, not real customers.\n",
        encoding="utf-8",
    )
