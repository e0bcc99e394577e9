"""Commands for customers: the card, edits, identities, opt-out, likely duplicates and merges.

Other modules add ``soloservice customer ACTION`` sub-commands (GDPR export and forget) by
calling :func:`add_customer_action` when they are imported.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from soloservice.cli.common import CliError, card_json, iso, print_json, record_id
from soloservice.cli.registry import Command
from soloservice.domain.types import IdentityKind, Language
from soloservice.services.registry import Services

if TYPE_CHECKING:
    from soloservice.services.customer_merge import MergeView
    from soloservice.services.customers import Keep

from soloservice.cli.channel_cmds import ImportHandler, ImportSource

#: Extra ``soloservice customer ACTION`` sub-commands added by other modules (GDPR export and
#: forget): name -> (help, configure, handler).
CUSTOMER_ACTIONS: dict[str, ImportSource] = {}


def add_customer_action(
    name: str,
    configure: Callable[[argparse.ArgumentParser], None],
    handler: ImportHandler,
    help: str = "",
) -> None:
    """Make ``soloservice customer NAME`` run ``handler(services, args)``."""
    if name in CUSTOMER_ACTIONS:
        raise ValueError(f"customer action {name!r} is registered twice")
    CUSTOMER_ACTIONS[name] = ImportSource(name, help, configure, handler)


# -- customers ----------------------------------------------------------------------------------


def _merge_json(view: MergeView, services: Services) -> dict[str, Any]:
    zone = services.ctx.tz
    return {
        "id": view.id,
        "survivor_id": view.survivor_id,
        "survivor": view.survivor_name,
        "merged_id": view.merged_id,
        "merged": view.merged_name,
        "identities": view.identities,
        "inquiries": view.inquiries,
        "surveys": view.surveys,
        "at": iso(view.at, zone),
        "undone_at": iso(view.undone_at, zone),
    }


def _figure(text: str | None) -> float | Keep | None:
    """A figure from the command line: absent keeps it, "default" goes back to the average."""
    from soloservice.services.customers import KEEP

    if text is None:
        return KEEP
    if text.strip().lower() == "default":
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise CliError(
            f"not a number: {text!r} (or 'default' for the business's average)"
        ) from None


def cmd_customer(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.customers import KEEP, CustomerChanges

    if args.action in CUSTOMER_ACTIONS:
        return CUSTOMER_ACTIONS[args.action].handler(services, args)
    merging = services.customer_merge
    if args.action == "suggest":
        print_json(
            [
                {
                    "customer_id": s.customer_id,
                    "name": s.name,
                    "reasons": list(s.reasons),
                    "score": round(s.score, 2),
                    "inquiries": s.inquiries,
                }
                for s in merging.suggest_matches(args.id)
            ]
        )
    elif args.action == "show":
        print_json(card_json(services.customers.card(args.id), services.ctx.tz))
    elif args.action == "edit":
        changes = CustomerChanges(
            name=KEEP if args.name is None else args.name,
            language=KEEP if args.language is None else Language(args.language),
            notes=KEEP if args.notes is None else args.notes,
            annual_value=_figure(args.annual_value),
            expected_years=_figure(args.years),
        )
        print_json(card_json(services.customers.update(args.id, changes), services.ctx.tz))
    elif args.action in ("add-identity", "remove-identity"):
        kind = IdentityKind(args.kind)
        if args.action == "add-identity":
            card = services.customers.add_identity(args.id, kind, args.value)
        else:
            card = services.customers.remove_identity(args.id, kind, args.value)
        print_json(card_json(card, services.ctx.tz))
    elif args.action == "opt-out":
        card = services.customers.set_opted_out(args.id, not args.undo)
        print_json({"id": card.id, "name": card.name, "opted_out": card.opted_out})
    elif args.action == "merge":
        print_json(_merge_json(merging.merge(args.survivor, args.merged), services))
    elif args.action == "unmerge":
        print_json(_merge_json(merging.unmerge(args.merge_id), services))
    else:
        print_json([_merge_json(v, services) for v in merging.merges(args.id)])
    return 0


# -- registration -------------------------------------------------------------------------------


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    customer = sub.add_parser(
        "customer", parents=[common], help="a customer's card, opt-out, likely duplicates, merge"
    )
    customer_actions = customer.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = customer_actions.add_parser("show", parents=[common], help="the customer card")
    show.add_argument("id", type=record_id, metavar="ID")
    show.add_argument("--json", action="store_true", help="JSON (the only format; accepted)")
    edit = customer_actions.add_parser(
        "edit", parents=[common], help="name, language, notes, own annual value and years"
    )
    edit.add_argument("id", type=record_id, metavar="ID")
    edit.add_argument("--name", metavar="NAME")
    edit.add_argument(
        "--language",
        choices=[lang.value for lang in Language],
        help="your choice: a guess from their mail never changes it again",
    )
    edit.add_argument("--notes", metavar="TEXT")
    edit.add_argument("--annual-value", metavar="AMOUNT", help="a number, or 'default'")
    edit.add_argument("--years", metavar="YEARS", help="expected years; a number or 'default'")
    for verb, text in (("add-identity", "another email, phone or handle"), ("remove-identity", "")):
        identity = customer_actions.add_parser(verb, parents=[common], help=text or None)
        identity.add_argument("id", type=record_id, metavar="ID")
        identity.add_argument("kind", choices=[kind.value for kind in IdentityKind])
        identity.add_argument("value", metavar="VALUE")
    opt_out = customer_actions.add_parser(
        "opt-out", parents=[common], help="never send this customer surveys (--undo to allow)"
    )
    opt_out.add_argument("id", type=record_id, metavar="ID")
    opt_out.add_argument("--undo", action="store_true")
    suggest = customer_actions.add_parser("suggest", parents=[common], help="likely duplicates")
    suggest.add_argument("id", type=record_id, metavar="ID")
    merge = customer_actions.add_parser(
        "merge", parents=[common], help="merge MERGED into SURVIVOR"
    )
    merge.add_argument("survivor", type=record_id, metavar="SURVIVOR")
    merge.add_argument("merged", type=record_id, metavar="MERGED")
    unmerge = customer_actions.add_parser("unmerge", parents=[common], help="undo a merge")
    unmerge.add_argument("merge_id", type=record_id, metavar="MERGE_ID")
    merges = customer_actions.add_parser("merges", parents=[common], help="list merges")
    merges.add_argument("id", type=record_id, nargs="?", metavar="ID")
    for action in CUSTOMER_ACTIONS.values():
        parser = customer_actions.add_parser(action.name, parents=[common], help=action.help)
        action.configure(parser)

    return {"customer": Command(cmd_customer)}
