"""Commands for follow-up checks, the NPS pulse, remedies and the customer-base import.

Argument reading is ``cli/feedback_args.py``, the printed forms ``cli/feedback_format.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from soloservice.cli.channel_cmds import add_import_source
from soloservice.cli.common import CliError, clip, iso, local, print_json, record_id
from soloservice.cli.feedback_args import channel_of, cost_of, id_of, score_of, yes_no
from soloservice.cli.feedback_format import (
    remedy_json,
    result_json,
    summary_json,
    survey_json,
    survey_table,
)
from soloservice.cli.registry import Command
from soloservice.domain.value import format_money
from soloservice.services.registry import Services

if TYPE_CHECKING:
    from soloservice.services.customer_import import CustomerImportService
    from soloservice.services.followups import SurveyService
    from soloservice.services.pulse import PulseService
    from soloservice.services.remedies import RemedyService
    from soloservice.services.survey_dto import SendSummary

# -- services this module needs (the registry may not carry them yet) -------------------------

#: ``services.survey_dto.STATUSES``, spelled out: importing that module at start-up costs the
#: holiday calendars (tests/test_startup_imports.py checks the two agree)
STATUS_NAMES = ("scheduled", "skipped", "asked", "answered", "unclear")


def _surveys(services: Services) -> SurveyService:
    from soloservice.services.followups import SurveyService

    found = getattr(services, "surveys", None)
    return found if isinstance(found, SurveyService) else SurveyService(services.ctx)


def _pulse(services: Services) -> PulseService:
    from soloservice.services.pulse import PulseService

    found = getattr(services, "pulse", None)
    return found if isinstance(found, PulseService) else PulseService(services.ctx)


def _remedies(services: Services) -> RemedyService:
    from soloservice.services.remedies import RemedyService

    found = getattr(services, "remedies", None)
    return found if isinstance(found, RemedyService) else RemedyService(services.ctx)


def _importer(services: Services) -> CustomerImportService:
    from soloservice.services.customer_import import CustomerImportService

    found = getattr(services, "customer_import", None)
    if isinstance(found, CustomerImportService):
        return found
    return CustomerImportService(services.ctx)


def _send_outbox(services: Services, summary: SendSummary, no_send: bool) -> dict[str, Any]:
    out = summary_json(summary)
    if summary.queued and not no_send:
        out["outbox"] = services.outbox.send_pending().as_json()
    return out


# -- commands -----------------------------------------------------------------------------------


def cmd_followups(services: Services, args: argparse.Namespace) -> int:
    zone = services.ctx.tz
    surveys = _surveys(services)
    action = args.action or "list"
    if action == "list":
        from soloservice.services.survey_dto import STATUSES

        if args.status is not None and args.status not in STATUSES:
            raise CliError(f"unknown status {args.status!r} (use one of: {', '.join(STATUSES)})")
        rows = surveys.due() if args.due else surveys.list(status=args.status)
        if args.json:
            print_json([survey_json(v, zone) for v in rows])
        elif rows:
            print(survey_table(rows, zone))
        else:
            print("no follow-ups due" if args.due else "no follow-ups yet")
        return 0
    if action == "send":
        summary = surveys.send_due(account_name=args.account)
        print_json(_send_outbox(services, summary, args.no_send))
        return 0
    if action == "skip":
        inquiry_id = id_of(args.id, "followups skip")
        view = surveys.set_skip(inquiry_id, not args.undo)
        print_json(survey_json(view, zone) if view else {"inquiry_id": inquiry_id})
        return 0
    survey_id = id_of(args.id, f"followups {action}")
    satisfied, score = yes_no(args.satisfied), score_of(args.score)
    if satisfied is None and score is None:
        raise CliError(f"followups {action} needs --satisfied yes|no and/or --score N")
    if action == "record":
        result = surveys.record_answer(
            survey_id, satisfied, score, args.comment or "", channel_of(args.channel)
        )
    else:
        result = surveys.classify_unclear(survey_id, satisfied, score)
    print_json(result_json(result, zone))
    return 0


def cmd_pulse(services: Services, args: argparse.Namespace) -> int:
    zone = services.ctx.tz
    pulse = _pulse(services)
    if args.action == "propose":
        proposal = pulse.propose()
        if args.json:
            print_json(
                [
                    {
                        "customer_id": p.customer_id,
                        "name": p.name,
                        "email": p.email,
                        "language": p.language.value,
                        "last_asked_at": iso(p.last_asked_at, zone),
                        "lifetime_value": p.lifetime_value,
                    }
                    for p in proposal
                ]
            )
        elif not proposal:
            print("nobody to ask this month")
        else:
            currency = services.ctx.settings.currency
            for p in proposal:
                last = local(p.last_asked_at, zone) if p.last_asked_at else "never asked"
                worth = format_money(p.lifetime_value, currency)
                print(f"{p.customer_id:>6}  {clip(p.name, 24):<24} {p.email:<32} {last}  {worth}")
        return 0
    if args.action == "send":
        ids = None if args.ids is None else [id_of(text, "pulse send --ids") for text in args.ids]
        summary = pulse.send(ids, account_name=args.account)
        print_json(_send_outbox(services, summary, args.no_send))
        return 0
    months = args.months
    if months < 1:
        raise CliError("--months must be at least 1")
    from soloservice.domain.pulse import MAX_REPORT_MONTHS  # not at start-up: the calendars

    if months > MAX_REPORT_MONTHS:  # one figure per month is built: 10**9 would exhaust memory
        raise CliError(f"--months must be at most {MAX_REPORT_MONTHS} (ten years)")
    report = pulse.report(months=months)
    if args.json:
        print_json(
            {
                "nps": report.nps,
                "answers": report.answers,
                "asked": report.asked,
                "months": [
                    {
                        "month": m.month,
                        "nps": m.nps,
                        "answers": m.answers,
                        "promoters": m.promoters,
                        "passives": m.passives,
                        "detractors": m.detractors,
                    }
                    for m in report.months
                ],
            }
        )
        return 0
    for m in report.months:
        figure = "   -" if m.nps is None else f"{m.nps:+4.0f}"
        print(f"{m.month}  NPS {figure}  ({m.answers} answers)")
    total = "-" if report.nps is None else f"{report.nps:+.0f}"
    print(f"total    NPS {total}  ({report.answers} answers to {report.asked} questions)")
    return 0


def cmd_remedy(services: Services, args: argparse.Namespace) -> int:
    zone = services.ctx.tz
    remedies = _remedies(services)
    if args.action == "add":
        if not args.kind:
            raise CliError("remedy add needs --kind K (e.g. gift, refund_partial, apology_call)")
        view = remedies.add(args.id, args.kind, cost_of(args.cost or "0"), args.note or "")
        print_json(remedy_json(view, zone))
        return 0
    if args.action == "remove":
        remedies.remove(args.id)
        print_json({"removed": args.id})
        return 0
    summary = remedies.summary_for(args.id)
    if args.json:
        print_json(
            {
                "inquiry_id": summary.inquiry_id,
                "customer_id": summary.customer_id,
                "total_cost": summary.total_cost,
                "lifetime_value": summary.lifetime_value,
                "text": summary.text,
                "remedies": [remedy_json(r, zone) for r in summary.remedies],
            }
        )
        return 0
    currency = services.ctx.settings.currency
    for r in summary.remedies:
        note = f"  {r.note}" if r.note else ""
        print(
            f"{r.id:>5}  {local(r.at, zone)}  {r.label:<16} {format_money(r.cost, currency)}{note}"
        )
    print(summary.text)
    return 0


def _import_customers(services: Services, args: argparse.Namespace) -> int:
    summary = _importer(services).import_customers_csv(args.path)
    print_json(
        {
            "rows": summary.rows,
            "created": summary.created,
            "updated": summary.updated,
            "skipped": summary.skipped,
            "errors": list(summary.errors),
            "warnings": list(summary.warnings),
        }
    )
    for warning in summary.warnings:
        print(f"soloservice: warning: {warning}", file=sys.stderr)
    return 0


def _configure_customers_csv(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH")


add_import_source(
    "customers-csv",
    _configure_customers_csv,
    _import_customers,
    help="the customer base from a shop or accounting export",
)


# -- registration -------------------------------------------------------------------------------


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    followups = sub.add_parser(
        "followups", parents=[common], help='"are you satisfied?" checks: list, send, record'
    )
    followups.add_argument("--due", action="store_true", help="only checks to make now")
    followups.add_argument("--status", metavar="S", help=f"one of: {', '.join(STATUS_NAMES)}")
    followups.add_argument("--json", action="store_true")
    actions = followups.add_subparsers(dest="action", metavar="ACTION")
    send = actions.add_parser("send", parents=[common], help="mail the due checks")
    send.add_argument("--account", metavar="NAME", help="mail account to send from")
    send.add_argument("--no-send", action="store_true", help="only queue them in the outbox")
    for name, text in (
        ("record", "record an answer given in person"),
        ("classify", "classify an unclear answer"),
    ):
        parser = actions.add_parser(name, parents=[common], help=text)
        parser.add_argument("id", metavar="ID")
        parser.add_argument("--satisfied", metavar="yes|no")
        parser.add_argument("--score", metavar="N", help="0-10")
        if name == "record":
            parser.add_argument("--comment", metavar="TEXT")
            parser.add_argument("--channel", metavar="C", help="where it was asked")
    skip = actions.add_parser("skip", parents=[common], help="don't ask for this inquiry")
    skip.add_argument("id", metavar="INQUIRY_ID")
    skip.add_argument("--undo", action="store_true", help="ask after all")

    pulse = sub.add_parser("pulse", parents=[common], help="the monthly NPS pulse")
    pulse_actions = pulse.add_subparsers(dest="action", metavar="ACTION", required=True)
    propose = pulse_actions.add_parser("propose", parents=[common], help="this month's customers")
    propose.add_argument("--json", action="store_true")
    pulse_send = pulse_actions.add_parser("send", parents=[common], help="ask them by mail")
    pulse_send.add_argument("--ids", nargs="+", metavar="ID", help="default: the proposal")
    pulse_send.add_argument("--account", metavar="NAME")
    pulse_send.add_argument("--no-send", action="store_true", help="only queue them")
    report = pulse_actions.add_parser("report", parents=[common], help="pulse NPS per month")
    report.add_argument("--months", type=int, default=12, metavar="N")
    report.add_argument("--json", action="store_true")

    remedy = sub.add_parser("remedy", parents=[common], help="what was done to make it right")
    remedy_actions = remedy.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = remedy_actions.add_parser("add", parents=[common], help="record a remedy on an inquiry")
    add.add_argument("id", type=record_id, metavar="INQUIRY_ID")
    add.add_argument("--kind", metavar="K")
    add.add_argument("--cost", metavar="N")
    add.add_argument("--note", metavar="TEXT")
    listing = remedy_actions.add_parser("list", parents=[common], help="an inquiry's remedies")
    listing.add_argument("id", type=record_id, metavar="INQUIRY_ID")
    listing.add_argument("--json", action="store_true")
    remove = remedy_actions.add_parser("remove", parents=[common], help="remove a remedy")
    remove.add_argument("id", type=record_id, metavar="REMEDY_ID")

    return {
        "followups": Command(cmd_followups),
        "pulse": Command(cmd_pulse),
        "remedy": Command(cmd_remedy),
    }
