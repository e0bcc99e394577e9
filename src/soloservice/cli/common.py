"""What every CLI command module shares: errors, JSON and table output, argument types."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from soloservice.cli.plain_io import (
    MAX_ID,
    iso,
    local,
    positive_int,
    print_json,
    print_json_line,
    record_id,
)
from soloservice.domain.value import format_money
from soloservice.services.dto import CustomerCard, InquiryDetail, InquiryListRow

#: the plain helpers every command module imports from here (defined in cli/plain_io.py)
__all__ = [
    "MAX_ID",
    "PROG",
    "CliError",
    "card_json",
    "detail_json",
    "iso",
    "local",
    "positive_int",
    "print_json",
    "print_json_line",
    "record_id",
    "row_json",
]

PROG = "soloservice"


class CliError(Exception):
    """A problem with the command line itself that argparse cannot see."""


def row_json(row: InquiryListRow, zone: tzinfo) -> dict[str, Any]:
    return {
        "id": row.id,
        "channel": row.channel.value,
        "customer": row.customer_name,
        "customer_id": row.customer_id,
        "subject": row.subject,
        "snippet": row.snippet,
        "kind": row.kind.value,
        "status": row.status.value,
        "received_at": iso(row.received_at, zone),
        "due_at": iso(row.due_at, zone),
        "snoozed_until": iso(row.snoozed_until, zone),
        "overdue": row.overdue,
        "due_today": row.due_today,
        "needs_reply": row.needs_reply,
        "lifetime_value": row.lifetime_value,
    }


def card_json(card: CustomerCard, zone: tzinfo) -> dict[str, Any]:
    return {
        "id": card.id,
        "name": card.name,
        "language": card.language.value,
        "language_source": card.language_source,
        "language_reason": card.language_reason,
        "notes": card.notes,
        "annual_value": card.annual_value,
        "expected_years": card.expected_years,
        "lifetime_value": card.lifetime_value,
        "opted_out": card.opted_out,
        "identities": [
            {"kind": i.kind.value, "value": i.value, "display": i.display} for i in card.identities
        ],
        "inquiries": [
            {
                "id": b.id,
                "channel": b.channel.value,
                "subject": b.subject,
                "kind": b.kind.value,
                "status": b.status.value,
                "received_at": iso(b.received_at, zone),
            }
            for b in card.inquiries
        ],
    }


def detail_json(detail: InquiryDetail, zone: tzinfo) -> dict[str, Any]:
    card = detail.customer
    return {
        "id": detail.id,
        "channel": detail.channel.value,
        "customer": card.name,
        "subject": detail.subject,
        "kind": detail.kind.value,
        "status": detail.status.value,
        "received_at": iso(detail.received_at, zone),
        "first_response_at": iso(detail.first_response_at, zone),
        "due_at": iso(detail.due_at, zone),
        "resolved_at": iso(detail.resolved_at, zone),
        "snoozed_until": iso(detail.snoozed_until, zone),
        "overdue": detail.overdue,
        "needs_reply_since": iso(detail.needs_reply_since, zone),
        "tags": list(detail.tags),
        "promise_kept": detail.promise_kept,
        "promise_margin_s": detail.promise_margin_s,
        "closed_loop": detail.closed_loop,
        "at_risk_public": detail.at_risk_public,
        "kind_source": detail.flags.kind_source,
        "kind_reason": detail.flags.kind_reason,
        "automatic_reason": detail.flags.automatic_reason,
        "sender_verdict": detail.flags.sender_verdict,
        "customer_card": card_json(card, zone),
        "messages": [
            {
                "id": m.id,
                "direction": m.direction.value,
                "channel": m.channel.value,
                "author": m.author,
                "text": m.text,
                "sent_at": iso(m.sent_at, zone),
                "call_duration_s": m.call_duration_s,
            }
            for m in detail.messages
        ],
        "events": [
            {
                "at": iso(e.at, zone),
                "kind": e.kind,
                "old_value": e.old_value,
                "new_value": e.new_value,
            }
            for e in detail.events
        ],
    }


def clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def inquiry_table(rows: list[InquiryListRow], zone: tzinfo) -> str:
    header = ("ID", "CHANNEL", "STATUS", "KIND", "RECEIVED", "DUE", "CUSTOMER", "SUBJECT")
    lines = [header]
    for row in rows:
        due = local(row.due_at, zone)
        if row.overdue:
            due += " !"
        elif row.due_today:
            due += " *"
        lines.append(
            (
                str(row.id),
                row.channel.value,
                row.status.value,
                row.kind.value,
                local(row.received_at, zone),
                due,
                clip(row.customer_name, 24),
                clip(row.subject, 50),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    out = []
    for line in lines:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(line[:-1])]
        out.append("  ".join([*cells, line[-1]]).rstrip())
    return "\n".join(out)


def detail_text(detail: InquiryDetail, zone: tzinfo, currency: str) -> str:
    card = detail.customer
    lines = [
        f"#{detail.id}  {detail.subject}",
        f"  {detail.channel.value} · {detail.kind.value} · {detail.status.value}"
        + ("  OVERDUE" if detail.overdue else ""),
        f"  received {local(detail.received_at, zone)}   due {local(detail.due_at, zone)}",
        *(f"  complaint noticed ({why})" for why in [detail.flags.kind_reason] if why),
        *(f"  automatic mail: {why}" for why in [detail.flags.automatic_reason] if why),
        "",
        f"Customer #{card.id}: {card.name} ({card.language.value}), "
        f"lifetime value {format_money(card.lifetime_value, currency)}",
    ]
    lines.extend(f"  {i.kind.value}: {i.display}" for i in card.identities)
    if card.notes:
        lines.append(f"  notes: {card.notes}")
    lines.append("")
    for m in detail.messages:
        extra = f" ({m.call_duration_s // 60} min call)" if m.call_duration_s else ""
        lines.append(
            f"[{local(m.sent_at, zone)}] {m.direction.value} {m.channel.value} {m.author}{extra}:"
        )
        lines.extend(f"    {text_line}" for text_line in m.text.splitlines() or [""])
    return "\n".join(lines)


# -- commands -------------------------------------------------------------------------------
