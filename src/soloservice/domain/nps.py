"""Net Promoter Score, satisfaction and response rates from survey answers.

NPS = % promoters (9-10) - % detractors (0-6), from -100 to +100. Rates are percentages
(0-100) so every figure on the review reads the same way. A figure with nothing behind it is
``None``, never 0: "no answers" and "everyone unhappy" must not look alike.

Which records a period counts (``survey_stats``):

* ``asked``: surveys *sent* in the period, and ``responded``: how many of those were answered
  (at any time up to the end of the period). The response rate is ``responded / asked``, a
  cohort, so it never exceeds 100 %.
* satisfaction and NPS: answers *received* in the period, whenever they were asked, because
  they are what customers told the founder that week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from soloservice.domain.followup import DETRACTOR_MAX, PROMOTER_MIN, check_score
from soloservice.domain.types import Channel

NpsClass = Literal["promoter", "passive", "detractor"]


def classify(score: int) -> NpsClass:
    check_score(score)
    if score >= PROMOTER_MIN:
        return "promoter"
    if score <= DETRACTOR_MAX:
        return "detractor"
    return "passive"


def nps(scores: Iterable[int]) -> float | None:
    """% promoters - % detractors; ``None`` when there are no scores."""
    classes = [classify(score) for score in scores]
    if not classes:
        return None
    promoters = classes.count("promoter")
    detractors = classes.count("detractor")
    return 100.0 * (promoters - detractors) / len(classes)


def _percent(part: int, whole: int, what: str) -> float | None:
    if part < 0 or whole < 0:
        raise ValueError(f"{what}: counts cannot be negative ({part}/{whole})")
    if part > whole:
        raise ValueError(f"{what}: {part} cannot exceed {whole}")
    return None if whole == 0 else 100.0 * part / whole


def satisfaction_rate(answered: int, satisfied: int) -> float | None:
    """Satisfied "yes" answers as a percentage of yes/no answers."""
    return _percent(satisfied, answered, "satisfaction rate")


def response_rate(asked: int, answered: int) -> float | None:
    """Answered surveys as a percentage of surveys sent."""
    return _percent(answered, asked, "response rate")


@dataclass(frozen=True)
class SurveyRecord:
    """One survey sent to a customer and, perhaps, its answer."""

    asked_at: datetime
    channel: Channel
    answered_at: datetime | None = None
    satisfied: bool | None = None
    score: int | None = None
    id: int | None = None
    customer_id: int | None = None

    def __post_init__(self) -> None:
        check_score(self.score)
        if self.answered_at is None and (self.satisfied is not None or self.score is not None):
            raise ValueError("an answer (satisfied or score) needs answered_at")


@dataclass(frozen=True)
class SurveyStats:
    """One group's figures; ``*_ids`` are the records behind each count, for click-through."""

    asked: int = 0
    responded: int = 0
    answers: int = 0
    yes_no_answers: int = 0
    satisfied: int = 0
    scored: int = 0
    promoters: int = 0
    passives: int = 0
    detractors: int = 0
    asked_ids: tuple[int, ...] = ()
    answer_ids: tuple[int, ...] = ()
    unsatisfied_ids: tuple[int, ...] = ()
    detractor_ids: tuple[int, ...] = ()

    @property
    def response_rate(self) -> float | None:
        return response_rate(self.asked, self.responded)

    @property
    def satisfaction_rate(self) -> float | None:
        return satisfaction_rate(self.yes_no_answers, self.satisfied)

    @property
    def nps(self) -> float | None:
        if self.scored == 0:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.scored


@dataclass(frozen=True)
class SurveyReport:
    start: datetime
    end: datetime
    total: SurveyStats
    per_channel: dict[Channel, SurveyStats] = field(default_factory=dict)


def _in(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


def _stats(records: list[SurveyRecord], start: datetime, end: datetime) -> SurveyStats:
    asked = [r for r in records if _in(r.asked_at, start, end)]
    responded = [r for r in asked if r.answered_at is not None and r.answered_at < end]
    answers = [r for r in records if _in(r.answered_at, start, end)]
    yes_no = [r for r in answers if r.satisfied is not None]
    scored = [r for r in answers if r.score is not None]
    classes = [classify(r.score) for r in scored if r.score is not None]

    def ids(rows: Iterable[SurveyRecord]) -> tuple[int, ...]:
        return tuple(r.id for r in rows if r.id is not None)

    return SurveyStats(
        asked=len(asked),
        responded=len(responded),
        answers=len(answers),
        yes_no_answers=len(yes_no),
        satisfied=sum(1 for r in yes_no if r.satisfied),
        scored=len(scored),
        promoters=classes.count("promoter"),
        passives=classes.count("passive"),
        detractors=classes.count("detractor"),
        asked_ids=ids(asked),
        answer_ids=ids(answers),
        unsatisfied_ids=ids(r for r in yes_no if r.satisfied is False),
        detractor_ids=ids(
            r for r in scored if r.score is not None and classify(r.score) == "detractor"
        ),
    )


def survey_stats(records: Iterable[SurveyRecord], start: datetime, end: datetime) -> SurveyReport:
    """Figures for ``[start, end)`` in total and for every channel (empty ones included)."""
    if end <= start:
        raise ValueError("the period must end after it starts")
    rows = list(records)
    per_channel = {
        channel: _stats([r for r in rows if r.channel is channel], start, end)
        for channel in Channel
    }
    return SurveyReport(
        start=start, end=end, total=_stats(rows, start, end), per_channel=per_channel
    )
