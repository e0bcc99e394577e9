"""Commands for web forms, social channels and quick capture (customers: customer_cmds.py).

``import`` is one command with a sub-command per kind of file. Other modules add theirs
(``import mbox``, ``import customers-csv``, ...) by calling :func:`add_import_source` when
they are imported; the ``import`` parser is built from :data:`IMPORT_SOURCES` when the CLI
builds its parser, so the order of ``COMMAND_MODULES`` does not matter.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from soloservice.cli.common import CliError, iso, print_json
from soloservice.cli.registry import Command
from soloservice.domain.types import Channel, InquiryKind, parse_choice
from soloservice.services.registry import Services
from soloservice.services.secrets import SecretPlace

if TYPE_CHECKING:
    pass

ImportHandler = Callable[[Services, argparse.Namespace], int]


@dataclass(frozen=True)
class ImportSource:
    """One ``soloservice import NAME ...``: ``configure`` adds its arguments."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: ImportHandler


#: Every ``import`` sub-command, in ``--help`` order.
IMPORT_SOURCES: dict[str, ImportSource] = {}


def add_import_source(
    name: str,
    configure: Callable[[argparse.ArgumentParser], None],
    handler: ImportHandler,
    help: str = "",
) -> None:
    """Make ``soloservice import NAME`` run ``handler(services, args)``."""
    if name in IMPORT_SOURCES:
        raise ValueError(f"import source {name!r} is registered twice")
    IMPORT_SOURCES[name] = ImportSource(name, help, configure, handler)


# -- import -------------------------------------------------------------------------------------


def _configure_form_csv(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH")
    parser.add_argument("--mapping", metavar="NAME", help="a remembered column mapping")
    parser.add_argument("--form", metavar="NAME", help="the form's name (default: the file's)")
    parser.add_argument(
        "--resolve-older-than",
        type=int,
        metavar="DAYS",
        dest="resolve_older_than",
        help="store entries sent more than DAYS days ago as already answered (no promise)",
    )


def _import_form_csv(services: Services, args: argparse.Namespace) -> int:
    summary = services.forms.import_csv(
        args.path,
        mapping_name=args.mapping,
        form_name=args.form,
        resolve_older_than_days=args.resolve_older_than,
    )
    print_json(summary.as_json())
    return 0


def _configure_social(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="the export folder or .zip")
    parser.add_argument(
        "--owner", metavar="NAME", help="your page/account name (X: your account id)"
    )


def _social_importer(platform: Channel) -> ImportHandler:
    def handler(services: Services, args: argparse.Namespace) -> int:
        summary = services.social_import.import_export(platform, args.path, owner=args.owner)
        print_json(summary.as_json())
        return 0

    return handler


add_import_source("form-csv", _configure_form_csv, _import_form_csv, help="a web form's CSV export")
for _platform in (Channel.FACEBOOK, Channel.INSTAGRAM, Channel.X):
    add_import_source(
        _platform.value,
        _configure_social,
        _social_importer(_platform),
        help=f"{_platform.value.title() if _platform is not Channel.X else 'X'} messages export",
    )


def cmd_import(services: Services, args: argparse.Namespace) -> int:
    source = IMPORT_SOURCES.get(getattr(args, "source", None) or "")
    if source is None:
        raise CliError(f"import what? one of: {', '.join(IMPORT_SOURCES)}")
    return source.handler(services, args)


# -- form rules ---------------------------------------------------------------------------------


def _field_map(pairs: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for pair in pairs:
        label, sep, target = pair.rpartition("=")
        if not sep or not label.strip():
            raise CliError(f"--field wants LABEL=FIELD, not {pair!r}")
        result[label.strip()] = target.strip()
    return result


def cmd_form_rule(services: Services, args: argparse.Namespace) -> int:
    from soloservice.services.forms import make_rule

    forms = services.forms
    if args.action == "list":
        rows = [
            {
                "name": view.name,
                "builtin": view.builtin,
                "enabled": view.enabled,
                "sender_pattern": view.rule.sender_pattern,
                "subject_pattern": view.rule.subject_pattern,
                "field_map": dict(view.rule.field_map),
            }
            for view in forms.rules()
        ]
        print_json(rows)
        return 0
    if args.action == "add":
        rule = make_rule(
            args.name,
            sender_pattern=args.sender,
            subject_pattern=args.subject,
            field_map=_field_map(args.field or []),
            form_name=args.form_name,
            stop_markers=args.stop or [],
        )
        view = forms.add_rule(rule)
        print_json({"name": view.name, "id": view.id})
        return 0
    if args.action == "remove":
        forms.remove_rule(args.name)
        print_json({"removed": args.name})
        return 0
    raw = Path(args.eml).read_bytes()
    matched, submission = forms.test_mail(raw, args.rule)
    result: dict[str, Any] = {"rule": matched.name if matched else None, "submission": None}
    if submission is not None:
        result["submission"] = {
            "form_name": submission.form_name,
            "name": submission.name,
            "email": submission.email,
            "phone": submission.phone,
            "subject": submission.subject,
            "message": submission.message,
            "fields": [list(pair) for pair in submission.fields],
        }
    print_json(result)
    return 0 if submission is not None else 1


# -- social accounts ----------------------------------------------------------------------------


def cmd_social(services: Services, args: argparse.Namespace) -> int:
    social = services.social
    zone = services.ctx.tz
    if args.action == "add":
        token = sys.stdin.readline().strip() if args.token_stdin else None
        if args.token_stdin and not token:
            raise CliError("--token-stdin: no token on standard input")
        view, place = social.add(
            args.name,
            args.platform,
            args.account_ref,
            token=token,
            token_env=args.token_env,
            base_url=args.base_url,
        )
        if place is SecretPlace.SESSION:
            print(
                "warning: no keyring on this machine; the token is kept for this run only. "
                "Use --token-env VAR for scheduled polls.",
                file=sys.stderr,
            )
        print_json({"name": view.name, "platform": view.platform.value, "token": place or "env"})
        return 0
    if args.action == "list":
        print_json(
            [
                {
                    "name": v.name,
                    "platform": v.platform.value,
                    "account_ref": v.account_ref,
                    "token_env": v.token_env,
                    "base_url": v.base_url,
                    "enabled": v.enabled,
                    "last_sync_at": iso(v.last_sync_at, zone),
                    "last_error": v.last_error,
                }
                for v in social.accounts()
            ]
        )
        return 0
    if args.action == "remove":
        social.remove(args.name)
        print_json({"removed": args.name})
        return 0
    summaries = [social.poll(args.name)] if args.name else social.poll_all()
    print_json([s.as_json() for s in summaries])
    return 0 if all(s.ok for s in summaries) else 1


# -- capture ------------------------------------------------------------------------------------


def cmd_capture(services: Services, args: argparse.Namespace) -> int:
    try:
        kind = InquiryKind(args.kind)
    except ValueError:
        raise CliError(f"unknown kind {args.kind!r}") from None
    detail = services.capture.capture(
        parse_choice(Channel, args.platform, "channel", CliError),
        args.text,
        handle=args.handle,
        name=args.name,
        kind=kind,
        source_url=args.url,
        source=args.source,
    )
    print_json(
        {
            "id": detail.id,
            "channel": detail.channel.value,
            "customer_id": detail.customer.id,
            "customer": detail.customer.name,
            "tags": list(detail.tags),
        }
    )
    return 0


# -- registration -------------------------------------------------------------------------------


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> dict[str, Command]:
    importer = sub.add_parser(
        "import",
        parents=[common],
        help="import files: form CSVs, social exports, mail archives, customers",
    )
    kinds = importer.add_subparsers(dest="source", metavar="KIND")
    for source in IMPORT_SOURCES.values():
        parser = kinds.add_parser(source.name, parents=[common], help=source.help)
        source.configure(parser)

    rule = sub.add_parser("form-rule", parents=[common], help="web form notification rules")
    actions = rule.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="the rules, your own first")
    add = actions.add_parser("add", parents=[common], help="add a rule")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--sender", metavar="PATTERN", help="glob, or re:REGEX")
    add.add_argument("--subject", metavar="PATTERN", help="glob, or re:REGEX")
    add.add_argument(
        "--field",
        action="append",
        metavar="LABEL=FIELD",
        help="e.g. 'Hvad drejer det sig om=message'",
    )
    add.add_argument("--form-name", metavar="NAME")
    add.add_argument("--stop", action="append", metavar="TEXT", help="footer starts with TEXT")
    remove = actions.add_parser("remove", parents=[common], help="remove one of your rules")
    remove.add_argument("name", metavar="NAME")
    test = actions.add_parser("test", parents=[common], help="run the rules on a .eml file")
    test.add_argument("eml", metavar="EML")
    test.add_argument("--rule", metavar="NAME", help="only this rule")

    social = sub.add_parser("social", parents=[common], help="live Facebook/Instagram/X accounts")
    social_actions = social.add_subparsers(dest="action", metavar="ACTION", required=True)
    social_add = social_actions.add_parser("add", parents=[common], help="connect an account")
    social_add.add_argument("name", metavar="NAME")
    social_add.add_argument("--platform", required=True, choices=["facebook", "instagram", "x"])
    social_add.add_argument(
        "--account-ref", required=True, metavar="ID", help="page id; Instagram PAGE_ID:IG_ID"
    )
    social_add.add_argument("--token-env", metavar="VAR", help="read the token from $VAR")
    social_add.add_argument(
        "--token-stdin", action="store_true", help="read the token from standard input"
    )
    social_add.add_argument("--base-url", metavar="URL", help="API address (for tests)")
    social_actions.add_parser("list", parents=[common], help="the connected accounts")
    social_remove = social_actions.add_parser("remove", parents=[common], help="disconnect")
    social_remove.add_argument("name", metavar="NAME")
    poll = social_actions.add_parser("poll", parents=[common], help="fetch new messages")
    poll.add_argument("name", nargs="?", metavar="NAME", help="one account (default: all)")

    capture = sub.add_parser("capture", parents=[common], help="store a message seen elsewhere")
    capture.add_argument("--platform", required=True, metavar="CHANNEL")
    capture.add_argument("--handle", metavar="H", help="@handle, profile link, email or phone")
    capture.add_argument("--text", required=True, metavar="T")
    capture.add_argument("--name", metavar="N")
    capture.add_argument("--kind", default="question", choices=[k.value for k in InquiryKind])
    capture.add_argument("--source", metavar="NOTE", help="where it was seen, e.g. Trustpilot")
    capture.add_argument("--url", metavar="URL", help="link to the post or review")

    return {
        "import": Command(cmd_import),
        "form-rule": Command(cmd_form_rule),
        "social": Command(cmd_social),
        "capture": Command(cmd_capture),
    }
