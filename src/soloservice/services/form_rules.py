"""The form-rule vocabulary of the rule editor, offered by the services layer.

A rule, a sample mail and what a rule reads from it are plain dataclasses defined with the
form channel (channels/form/rules.py, builtin_rules.py). The window edits them and hands them to
``FormService`` (``preview``, ``add_rule``...), but ui may not import channels
(tests/test_architecture.py): it takes them from here, with the one step the editor needs
besides, reading a pasted mail as a sample.
"""

from __future__ import annotations

from datetime import datetime

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.form.builtin_rules import SAMPLE_MAILS
from soloservice.channels.form.rules import (
    MAPPABLE_FIELDS,
    FormRule,
    FormSubmission,
    SampleMail,
)
from soloservice.services.form_mail import sample_from_mail

__all__ = [
    "MAPPABLE_FIELDS",
    "SAMPLE_MAILS",
    "FormRule",
    "FormSubmission",
    "SampleMail",
    "read_sample",
]


def read_sample(raw: bytes, received: datetime) -> SampleMail | str:
    """A pasted or loaded mail as a preview sample, or the reason it cannot be read.

    The reason comes back as text (not an exception) because the editor shows it inline
    in its own words while the founder is still typing.
    """
    parsed = parse_message(raw, received=received)
    if not isinstance(parsed, ParsedMail):
        return parsed.reason
    return sample_from_mail(parsed)
