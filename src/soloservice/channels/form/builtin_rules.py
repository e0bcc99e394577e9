"""The built-in form rules and their sample mails: data in ``resources/forms/builtin_rules.toml``.

They are data, not code: one ``[[rule]]`` table per form service (Contact Form 7, WPForms,
Formspree, Netlify, Typeform, Google Forms, Jotform, Tally) with its patterns, footer markers
and a sample notification for the rule editor's live preview. The file's order is the order
the rules are tried in. A broken file is a packaging error, so it fails at import, loudly.
The file is found where ``soloservice/assets.py`` finds all data: in the installed package,
or in the checkout's top-level ``resources/`` (an editable install).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from soloservice.assets import resource_dir
from soloservice.channels.form.rules import FormRule, SampleMail

RULES_FILE = "builtin_rules.toml"


def _load() -> list[dict[str, Any]]:
    path = resource_dir("forms") / RULES_FILE
    rules = tomllib.loads(path.read_text("utf-8")).get("rule")
    if not isinstance(rules, list) or not rules:
        raise RuntimeError(f"{path} holds no [[rule]] tables")
    return rules


def _rule(data: Mapping[str, Any]) -> FormRule:
    return FormRule(
        name=data["name"],
        sender_pattern=data.get("sender"),
        subject_pattern=data.get("subject"),
        stop_markers=tuple(data.get("stop_markers", ())),
    )


def _sample(data: Mapping[str, Any]) -> SampleMail:
    return SampleMail(
        from_addr=data["from"],
        subject=data["subject"],
        text=data.get("text", ""),
        reply_to=data.get("reply_to"),
        html_text=data.get("html"),
    )


_TABLES = _load()

#: Tried after the founder's own rules, in this order.
BUILTIN_RULES: tuple[FormRule, ...] = tuple(_rule(table) for table in _TABLES)

#: One realistic notification per built-in rule, by rule name.
SAMPLE_MAILS: Mapping[str, SampleMail] = MappingProxyType(
    {table["name"]: _sample(table["sample"]) for table in _TABLES}
)
