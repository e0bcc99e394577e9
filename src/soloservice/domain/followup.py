"""When to ask "are you satisfied?" and what an answer sets in motion.

The seeds: ask after the case is closed, but give every customer a rest period (default 180
days, about the six months DOMAIN.md suggests) before asking again, on *any* channel, so a
customer is never pestered. An unhappy answer must lead to a call within 24 hours; a happy one
closes the case and, from a promoter, is the moment to ask for a review or a referral.

How disagreeing answers are read (``outcome_for``): the unhappy signal wins. A "yes" with a
5, or a "no" with a 9, reopens the case. DOMAIN.md's closed loop exists because a detractor
left alone for two weeks is lost, while "a quick acknowledging call usually turns a detractor
into at least a passive"; a customer is worth years of revenue and an unhappy one tells 11-16
people. Against that, a call to someone who was happy after all costs the founder five
minutes and is itself good service. So:

* ``reopen``  when the answer is "no", or the score is 0-6 (a detractor), whatever the other
  half says;
* ``close``   when nothing reopens and the answer is "yes" or the score is 7-10. The issue
  names "yes or 9-10"; a bare 7-8 (a passive: "satisfied, but will switch for a better
  offer") is not unhappy, so it closes too rather than leaving the case in limbo;
* ``at_risk_public`` for 0-4 ("ready to speak badly of you on social media"), independent of
  the yes/no;
* ``promoter``   is the NPS class of a 9-10, reported as given; ``ask_for_review`` only when
  the case is also closed, because asking someone who just said "no" for a review is tone-deaf;
* nothing at all readable (``None``, ``None``) sets nothing and asks the founder to classify.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from soloservice.domain.promise import CLOSED_LOOP_CALLBACK, BusinessCalendar

DETRACTOR_MAX = 6
AT_RISK_MAX = 4
PROMOTER_MIN = 9
SCORE_MIN = 0
SCORE_MAX = 10
#: The longest delay before a check and the longest rest period the settings accept: a
#: check a year after the case is no longer about the case, and ten years of rest is "never".
MAX_DELAY_DAYS = 365
MAX_REST_PERIOD_DAYS = 3650


def _check_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {moment.isoformat()}")


def check_score(score: int | None) -> None:
    """Scores outside 0-10 are a programming error upstream, never something to round."""
    if score is None:
        return
    if isinstance(score, bool) or not isinstance(score, int):
        raise TypeError(f"a score is a whole number 0-10, got {score!r}")
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise ValueError(f"a score is 0-10, got {score}")


@dataclass(frozen=True)
class FollowupSettings:
    """The founder's follow-up preferences; the rest period is shared with the NPS pulse."""

    delay_days: int = 3
    rest_period_days: int = 180
    include_score: bool = True

    def __post_init__(self) -> None:
        if self.delay_days < 0:
            raise ValueError(f"delay_days cannot be negative, got {self.delay_days}")
        if self.rest_period_days < 0:
            raise ValueError(f"rest_period_days cannot be negative, got {self.rest_period_days}")

    @property
    def rest_period(self) -> timedelta:
        return timedelta(days=self.rest_period_days)


def schedule_check(
    resolved_at: datetime,
    calendar: BusinessCalendar,
    settings: FollowupSettings = FollowupSettings(),
) -> datetime:
    """When the check is due (UTC): ``delay_days`` after resolving, at a business hour.

    The days are counted on the local wall clock, so a case resolved at 14:00 is checked at
    14:00 three days later even across a daylight-saving change. A moment outside opening
    hours (evening, weekend, holiday) moves to the next opening, because a question sent at
    night from a one-person business looks automated and is answered less often.
    """
    _check_aware(resolved_at, "resolved_at")
    zone = ZoneInfo(calendar.timezone)
    local = resolved_at.astimezone(zone)
    try:
        naive_target = local.replace(tzinfo=None) + timedelta(days=settings.delay_days)
    except OverflowError:  # the settings bound the delay; a date near year 9999 still ends here
        raise ValueError(
            f"a follow-up {settings.delay_days} days after {local:%Y-%m-%d} is past the calendar"
        ) from None
    target = naive_target.replace(tzinfo=zone)
    return calendar.add_business_hours(target, 0)


def last_asked(moments: Iterable[datetime | None]) -> datetime | None:
    """The latest survey of a customer on any channel: the one the rest period runs from."""
    known = [moment for moment in moments if moment is not None]
    return max(known, key=lambda moment: moment.astimezone(UTC)) if known else None


def rest_period_ends(last_asked_at: datetime, settings: FollowupSettings) -> datetime:
    """When the customer may be asked again; a rest period past year 9999 never ends."""
    _check_aware(last_asked_at, "last_asked_at")
    try:
        return (last_asked_at + settings.rest_period).astimezone(UTC)
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Decision:
    """Whether a survey may be sent, with the reason shown to the founder either way."""

    ok: bool
    reason: str


def may_ask(
    customer_last_asked_at: datetime | None,
    now: datetime,
    settings: FollowupSettings,
    opted_out: bool,
    untick: bool = False,
) -> Decision:
    """Opt-out wins over everything, then the founder's untick, then the rest period.

    ``customer_last_asked_at`` must be the latest survey on *any* channel (see
    :func:`last_asked`): asking by mail a customer who was asked on the phone last month is
    exactly the pestering the rest period prevents. The rest period ends exactly
    ``rest_period_days`` after the last survey; from that instant the customer may be asked.
    """
    _check_aware(now, "now")
    if opted_out:
        return Decision(False, "the customer has opted out of surveys")
    if untick:
        return Decision(False, "the founder chose not to ask for this case")
    if customer_last_asked_at is not None:
        ends = rest_period_ends(customer_last_asked_at, settings)
        if now < ends:
            asked = customer_last_asked_at.astimezone(UTC)
            return Decision(
                False,
                f"asked {asked:%Y-%m-%d}, within the {settings.rest_period_days}-day rest "
                f"period (may be asked again from {ends:%Y-%m-%d})",
            )
        return Decision(True, "the rest period since the last survey has passed")
    return Decision(True, "the customer has never been asked")


@dataclass(frozen=True)
class FollowupOutcome:
    """What an answer sets in motion; see the module docstring for disagreeing answers."""

    reopen: bool
    close: bool
    at_risk_public: bool
    promoter: bool
    ask_for_review: bool
    needs_founder: bool
    callback_within: timedelta | None
    reason: str

    def callback_due(self, answered_at: datetime) -> datetime | None:
        """Wall-clock deadline for the call-back (UTC): nights and weekends count, on purpose."""
        if self.callback_within is None:
            return None
        _check_aware(answered_at, "answered_at")
        return (answered_at + self.callback_within).astimezone(UTC)


@dataclass(frozen=True)
class ClosedLoop:
    """The closed-loop rule; only the call-back window is the founder's to change."""

    callback_within: timedelta = CLOSED_LOOP_CALLBACK

    def outcome_for(self, satisfied: bool | None, score: int | None) -> FollowupOutcome:
        check_score(score)
        detractor = score is not None and score <= DETRACTOR_MAX
        at_risk = score is not None and score <= AT_RISK_MAX
        promoter = score is not None and score >= PROMOTER_MIN
        reopen = satisfied is False or detractor
        close = not reopen and (satisfied is True or score is not None)
        needs_founder = satisfied is None and score is None
        return FollowupOutcome(
            reopen=reopen,
            close=close,
            at_risk_public=at_risk,
            promoter=promoter,
            ask_for_review=promoter and close,
            needs_founder=needs_founder,
            callback_within=self.callback_within if reopen else None,
            reason=_reason(satisfied, score, reopen=reopen, close=close, at_risk=at_risk),
        )


def _describe(satisfied: bool | None, score: int | None) -> str:
    parts: list[str] = []
    if satisfied is not None:
        parts.append('"yes"' if satisfied else '"no"')
    if score is not None:
        parts.append(f"score {score}")
    return " with ".join(parts)


def _reason(
    satisfied: bool | None, score: int | None, *, reopen: bool, close: bool, at_risk: bool
) -> str:
    if satisfied is None and score is None:
        return "no yes/no and no score: the founder classifies the answer"
    said = _describe(satisfied, score)
    if reopen:
        why = (
            "the customer said no"
            if satisfied is False
            else f"a score of {score} is a detractor even with a yes"
            if satisfied is True
            else f"a score of {score} is a detractor"
        )
        text = f"{said}: reopened for a call-back within 24 hours ({why})"
        if at_risk:
            text += "; at risk of a public complaint"
        return text
    if close:
        if score is not None and score >= PROMOTER_MIN:
            return f"{said}: closed; a promoter, ask for a review or referral"
        return f"{said}: closed"
    return said  # pragma: no cover - every readable answer either reopens or closes


DEFAULT_CLOSED_LOOP = ClosedLoop()


def outcome_for(satisfied: bool | None, score: int | None) -> FollowupOutcome:
    """The closed-loop outcome with the standard 24-hour call-back."""
    return DEFAULT_CLOSED_LOOP.outcome_for(satisfied, score)
