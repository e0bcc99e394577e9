"""Commands about reply-time promises, acknowledgements and reply templates."""

from __future__ import annotations

import argparse
from typing import Any

from soloservice.cli.common import CliError, iso, print_json, record_id
from soloservice.cli.registry import Command
from soloservice.domain.types import Language, parse_choice
from soloservice.services.registry import Services


def _language(text: str | None) -> Language | None:
    return None if text is None else parse_choice(Language, text, "language", CliError)


def cmd_promise(services: Services, args: argparse.Namespace) -> int:
    detail = services.inquiries.get(args.id)
    explanation = services.promises.explain(args.id)
    zone = services.ctx.tz
    if args.json:
        print_json(
            {
                "id": detail.id,
                "channel": detail.channel.value,
                "status": detail.status.value,
                "received_at": iso(detail.received_at, zone),
                "promise_hours": explanation.hours,
                "computed_due_at": iso(explanation.due, zone),
                "due_at": iso(detail.due_at, zone),
                "steps": [
                    {
                        "day": step.day.isoformat(),
                        "counted_hours": step.counted.total_seconds() / 3600,
                        "note": step.note,
                    }
                    for step in explanation.steps
                ],
                "first_response_at": iso(detail.first_response_at, zone),
                "promise_kept": detail.promise_kept,
                "promise_margin_s": detail.promise_margin_s,
            }
        )
        return 0
    print(f"#{detail.id} {detail.subject} ({detail.channel.value}, {detail.status.value})")
    print(explanation.text())
    if detail.due_at is not None and detail.due_at != explanation.due:
        print(
            f"Current due time {iso(detail.due_at, zone)}: moved by time spent waiting on the "
            "customer or by a new message from them."
        )
    if detail.first_response_at is not None:
        verdict = "kept" if detail.promise_kept else "broken"
        margin = abs(detail.promise_margin_s or 0) / 3600
        side = "early" if detail.promise_kept else "late"
        print(
            f"First response {iso(detail.first_response_at, zone)}: promise {verdict}, "
            f"{margin:.1f} h {side}."
        )
    return 0


def cmd_acknowledge(services: Services, args: argparse.Namespace) -> int:
    draft = services.promises.draft_acknowledgement(args.id)
    if args.record:
        services.promises.record_acknowledgement(args.id, draft.body)
    print_json(
        {
            "id": draft.inquiry_id,
            "subject": draft.subject,
            "body": draft.body,
            "empty_placeholders": list(draft.empty_placeholders),
            "recorded": bool(args.record),
            # the time the text states; fresh_promise: the case's own promise had passed
            "due_at": iso(draft.due_at, services.ctx.tz),
            "fresh_promise": draft.fresh_promise,
        }
    )
    return 0


def cmd_template(services: Services, args: argparse.Namespace) -> int:
    if args.action == "list":
        language = _language(args.language)
        rows: list[dict[str, Any]] = [
            {
                "key": info.template.key,
                "name": info.template.name,
                "language": info.template.language.value,
                "shortcut": info.template.shortcut,
                "builtin": info.template.builtin,
                "overrides_builtin": info.overrides_builtin,
                "channels": sorted(c.value for c in info.template.channels),
            }
            for info in services.templates.all(language)
        ]
        if args.json:
            print_json(rows)
        else:
            for row in rows:
                origin = "built-in" if row["builtin"] else "own"
                shortcut = f" /{row['shortcut']}" if row["shortcut"] else ""
                print(f"{row['key']:<20} {row['language']}  {origin:<8} {row['name']}{shortcut}")
        return 0
    if not args.name:
        raise CliError("template render needs a template key, e.g. 'template render ack'")
    if args.inquiry is None:
        raise CliError("template render needs --inquiry ID")
    rendered = services.templates.render_for(args.name, args.inquiry, _language(args.language))
    if args.json:
        print_json(
            {"subject": rendered.subject, "body": rendered.body, "empty": list(rendered.empty)}
        )
    else:
        print(f"Subject: {rendered.subject}\n\n{rendered.body}")
        if rendered.empty:
            print(f"\n(warning: no value for {', '.join(rendered.empty)})")
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    promise = sub.add_parser(
        "promise", parents=[common], help="explain how an inquiry's due time was computed"
    )
    promise.add_argument("id", type=record_id, metavar="ID")
    promise.add_argument("--json", action="store_true")

    ack = sub.add_parser(
        "acknowledge",
        parents=[common],
        help="draft the acknowledgement that states the promise (--record stores it as given)",
    )
    ack.add_argument("id", type=record_id, metavar="ID")
    ack.add_argument("--record", action="store_true", help="record it as sent to the customer")

    template = sub.add_parser("template", parents=[common], help="list or render reply templates")
    template.add_argument("action", choices=["list", "render"])
    template.add_argument("name", nargs="?", metavar="NAME", help="template key, for render")
    template.add_argument("--inquiry", type=record_id, metavar="ID")
    template.add_argument("--language", metavar="LANG", help="da, nb or en")
    template.add_argument("--json", action="store_true")
    return {
        "promise": Command(cmd_promise),
        "acknowledge": Command(cmd_acknowledge),
        "template": Command(cmd_template),
    }
