"""Follow-up checks and pulse questions as the window, the customer card and the CLI see them.

The states a survey goes through, and the records the survey services return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from soloservice.domain.followup import (
    FollowupOutcome,
)
from soloservice.domain.types import (
    Channel,
)

SurveyKind = Literal["followup", "pulse"]
SurveyStatus = Literal["scheduled", "skipped", "asked", "answered", "unclear"]

FOLLOWUP = "followup"
PULSE = "pulse"
SCHEDULED = "scheduled"
SKIPPED = "skipped"
ASKED = "asked"
ANSWERED = "answered"
UNCLEAR = "unclear"
STATUSES: tuple[str, ...] = (SCHEDULED, SKIPPED, ASKED, ANSWERED, UNCLEAR)

#: Channels whose customers are asked by mail; the rest are asked in person by the founder.
MAILED_CHANNELS = frozenset({Channel.EMAIL, Channel.FORM})
#: Surveys that occupy the rest period: made, or about to be made.
COUNTING_STATUSES = (SCHEDULED, ASKED, ANSWERED, UNCLEAR)
#: Surveys still waiting for the customer's answer.
AWAITING = (ASKED,)

UNTICKED = "the founder chose not to ask for this case"
REOPENED = "the case is open again"


# -- views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyView:
    """One survey as the Follow-ups view, the customer card and the CLI show it."""

    id: int
    kind: str
    status: str
    customer_id: int
    customer_name: str
    inquiry_id: int | None
    subject: str
    channel: Channel
    #: asked by mail (email/form customer with an address); otherwise the founder asks
    by_mail: bool
    skip_reason: str
    scheduled_for: datetime | None
    asked_at: datetime | None
    answered_at: datetime | None
    satisfied: bool | None
    score: int | None
    comment: str
    answer_text: str
    #: the closed-loop inquiry a pulse detractor opened
    followup_inquiry_id: int | None
    #: a promoter who closed the case: suggest asking for a review or referral
    ask_for_review: bool
    message_id: str | None = None


#: ``SurveyService.list`` shadows the builtin inside the class body.
SurveyList = list[SurveyView]


@dataclass(frozen=True)
class SendSummary:
    queued: int = 0
    #: due checks of phone/social customers: the founder asks them in person
    in_person: int = 0
    skipped: int = 0
    errors: tuple[str, ...] = ()
    survey_ids: tuple[int, ...] = ()
    skip_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerResult:
    """What recording an answer did: the survey afterwards and the outcome applied."""

    survey: SurveyView
    outcome: FollowupOutcome | None
    #: the inquiry reopened (follow-up) or opened (pulse detractor), if any
    closed_loop_inquiry_id: int | None = None


@dataclass(frozen=True)
class TakenAnswer:
    """A survey reply recognised by ``take_answer``; ``message_id`` is the stored message."""

    survey_id: int
    message_id: int | None
    clear: bool
