"""``set-kind ID complaint|question|praise``: the founder's word on what an inquiry is.

The complaint detector marks likely complaints on arrival; this is how the founder agrees
or corrects it, on any channel. The founder's kind always wins: the detector never changes
it again, even when the customer writes once more.
"""

from __future__ import annotations

import argparse

from soloservice.cli.common import print_json, record_id
from soloservice.cli.registry import Command, SubParsers
from soloservice.domain.types import InquiryKind
from soloservice.services.registry import Services


def cmd_set_kind(services: Services, args: argparse.Namespace) -> int:
    change = services.inquiries.set_kind(args.id, args.kind)
    if args.json:
        print_json(
            {
                "id": change.inquiry_id,
                "kind": change.new_kind.value,
                "old_kind": change.old_kind.value,
                "kind_source": "founder",
                "old_kind_source": change.old_source,
            }
        )
    else:
        print(f"#{change.inquiry_id}: {change.old_kind.value} -> {change.new_kind.value}")
    return 0


def register(
    sub: SubParsers[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    parser = sub.add_parser(
        "set-kind",
        parents=[common],
        help="say what an inquiry is (complaint, question or praise); it wins over the detector",
    )
    parser.add_argument("id", type=record_id, metavar="ID", help="inquiry id")
    parser.add_argument("kind", choices=[k.value for k in InquiryKind])
    parser.add_argument("--json", action="store_true")
    return {"set-kind": Command(cmd_set_kind)}
