"""``sender spam|not-customer|clear|customer ID``: the founder's word on who sent an inquiry.

ID is an inquiry id (what ``inbox`` lists), or a customer id with ``--customer``. "spam" and
"not-customer" are remembered for the sender: their open inquiries and every later mail
from their addresses become automatic mail (``inbox --view automatic``), never promised,
acknowledged, surveyed or counted. "clear" takes the verdict back; "customer" says one
automatic inquiry (a newsletter filter's mistake) is a real customer writing.
"""

from __future__ import annotations

import argparse

from soloservice.cli.common import CliError, print_json, record_id
from soloservice.cli.registry import Command, SubParsers
from soloservice.services.dto import SenderVerdictChange
from soloservice.services.registry import Services

_VERDICT = {"spam": "spam", "not-customer": "not_customer", "clear": ""}


def cmd_sender(services: Services, args: argparse.Namespace) -> int:
    senders = services.senders
    if args.action == "customer":
        if args.customer:
            raise CliError("'sender customer' takes an inquiry id, not --customer")
        change = senders.not_automatic(args.id)
    elif args.customer:
        change = senders.set_verdict(args.id, _VERDICT[args.action])
    else:
        change = senders.set_verdict_for_inquiry(args.id, _VERDICT[args.action])
    if args.json:
        print_json(change_json(change))
    else:
        verdict = change.new_verdict.replace("_", " ") or "none"
        print(f"customer #{change.customer_id}: sender verdict {verdict}")
        for mark in change.inquiries:
            state = f"automatic ({mark.new_reason})" if mark.new_reason else "not automatic"
            print(f"  #{mark.inquiry_id}: {state}")
    return 0


def change_json(change: SenderVerdictChange) -> dict[str, object]:
    return {
        "customer_id": change.customer_id,
        "sender_verdict": change.new_verdict,
        "old_sender_verdict": change.old_verdict,
        "inquiries": [
            {
                "id": m.inquiry_id,
                "automatic_reason": m.new_reason,
                "old_automatic_reason": m.old_reason,
            }
            for m in change.inquiries
        ],
    }


def register(
    sub: SubParsers[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    parser = sub.add_parser(
        "sender",
        parents=[common],
        help="mark who sent an inquiry as spam or not a customer (remembered), or a customer",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=["spam", "not-customer", "clear", "customer"])
    parser.add_argument(
        "id", type=record_id, metavar="ID", help="inquiry id (customer id with --customer)"
    )
    parser.add_argument("--customer", action="store_true", help="ID is a customer id")
    parser.add_argument("--json", action="store_true")
    return {"sender": Command(cmd_sender)}
