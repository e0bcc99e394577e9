"""One demo run: the rows of every table, built in memory before the bulk insert.

Everything is drawn from one seeded ``random.Random``; times are relative to the context's
clock, so a pinned clock and seed give identical stores. The words come from
``services/demo_vocabulary.py``, the customers from ``services/demo_people.py``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, Table

from soloservice.domain.promise import promise_outcome
from soloservice.domain.types import Channel, InquiryKind, Language, Status
from soloservice.services.bulk_insert import max_id
from soloservice.services.context import ServiceContext
from soloservice.services.demo_people import DemoCustomer, Row, make_people, picker
from soloservice.services.demo_vocabulary import Scenario, vocabulary
from soloservice.services.inquiry_rules import make_snippet
from soloservice.storage.tables import CustomerRow, EventRow, IdentityRow, InquiryRow, MessageRow

CUSTOMER: Table = CustomerRow.__table__  # type: ignore[attr-defined]
IDENTITY: Table = IdentityRow.__table__  # type: ignore[attr-defined]
INQUIRY: Table = InquiryRow.__table__  # type: ignore[attr-defined]
MESSAGE: Table = MessageRow.__table__  # type: ignore[attr-defined]
EVENT: Table = EventRow.__table__  # type: ignore[attr-defined]

_CHANNELS = tuple(Channel)
_CHANNEL_WEIGHTS = (34, 15, 21, 13, 10, 7)
# "snoozed" is an open inquiry hidden until later; the rest are stored statuses.
_FATES = ("new", "open", "waiting", "snoozed", "resolved", "closed")
_FATE_WEIGHTS = (8, 12, 10, 5, 57, 8)


@dataclass
class DemoRows:
    """The rows to insert, table by table in insertion order, and what they add up to."""

    tables: list[tuple[Table, list[Row]]]
    by_channel: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)
    snoozed: int = 0


class DemoGenerator:
    """One demo run over an open connection (to number rows after those already there)."""

    def __init__(self, ctx: ServiceContext, rng: random.Random, conn: Connection) -> None:
        self.ctx = ctx
        self.rng = rng
        self.now = ctx.now()
        self.founder = ctx.settings.founder_name or "SoloService"
        self.customer_base = max_id(conn, CUSTOMER)
        self.inquiry_id = max_id(conn, INQUIRY)
        self.message_id = max_id(conn, MESSAGE)
        # Identity values must be unique, also when --force adds to an earlier demo.
        self.serial_base = max_id(conn, IDENTITY) + self.customer_base
        self.customers: list[Row] = []
        self.identities: list[Row] = []
        self.inquiries: list[Row] = []
        self.messages: list[Row] = []
        self.events: list[Row] = []
        self.people: list[DemoCustomer] = []
        self.senders: dict[str, int] = {}

    def _people(self, n_customers: int) -> None:
        made = make_people(
            self.rng,
            n_customers,
            now=self.now,
            customer_base=self.customer_base,
            serial_base=self.serial_base,
        )
        self.people, self.customers, self.identities = made.people, made.customers, made.identities

    def _automatic(self, iid: int) -> None:
        """A newsletter as the mail intake stores it: automatic, no promise, no reply owed."""
        sender = self.rng.choice(vocabulary().automatic_senders)
        name, address, subject = sender.name, sender.address, sender.subject
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
        received = (self.now - timedelta(hours=self.rng.uniform(1, 14 * 24))).replace(microsecond=0)
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

    def run(self, count: int) -> DemoRows:
        rng, now, founder = self.rng, self.now, self.founder
        words = vocabulary()
        calendar = self.ctx.calendar
        promise = {channel: self.ctx.promise_hours(channel) for channel in Channel}
        channel_of = picker(rng, _CHANNELS, _CHANNEL_WEIGHTS)
        scenario_of = picker(rng, words.scenarios, [s.weight for s in words.scenarios])
        fate_of = picker(rng, _FATES, _FATE_WEIGHTS)
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
            scenario: Scenario = scenario_of()
            fate: str = fate_of()
            if scenario.kind is InquiryKind.PRAISE and fate in ("waiting", "snoozed"):
                fate = "resolved"
            fields = {
                "first": person.first,
                "last": person.last,
                "order": f"#{rng.randint(10_000, 99_999)}",
                "invoice": str(rng.randint(2_000, 9_999)),
                "amount": f"{rng.randint(3, 180) * 250:,}".replace(",", "."),
                "product": rng.choice(words.products[language]),
                "days": rng.randint(5, 14),
                "weekday": rng.choice(words.weekdays[language]),
            }
            subject = scenario.subject[language].format(**fields)
            subject = subject[0].upper() + subject[1:]
            if channel is Channel.PHONE:
                text = words.call_note[language].format(subject=subject, **fields)
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
                template = words.waiting_question if status is Status.WAITING else scenario.reply
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
                    wrote_back = words.wrote_back[language]
                    self._message(iid, "in", channel_value, person.name, wrote_back, back)
                    needs_reply_since, last_activity = back, back
                    due = calendar.add_business_hours(back, promise[channel])
                if rng.random() < 0.15:
                    note = rng.choice(words.customer_notes)
                    self._message(iid, "note", channel_value, founder, note, first_response)
                if done:
                    resolved_at = min(first_response + timedelta(hours=rng.uniform(0.1, 72)), now)
                    if scenario.kind is not InquiryKind.PRAISE and rng.random() < 0.4:
                        thanks = words.thanks[language]
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

        return DemoRows(
            [
                (CUSTOMER, self.customers),
                (IDENTITY, self.identities),
                (INQUIRY, self.inquiries),
                (MESSAGE, self.messages),
                (EVENT, self.events),
            ],
            by_channel=by_channel,
            by_status=by_status,
            by_language=by_language,
            snoozed=snoozed,
        )
