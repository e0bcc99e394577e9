"""NPS math and survey statistics as properties (``domain/nps.py``).

NPS is % promoters (9-10) minus % detractors (0-6), ``None`` without scores (never 0);
rates are cohorts that never exceed 100 %; per-channel figures add up to the total.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soloservice.domain.nps import (
    SurveyRecord,
    classify,
    nps,
    response_rate,
    satisfaction_rate,
    survey_stats,
)
from soloservice.domain.types import Channel
from tests.properties.conftest import FEWER, PROPERTIES

scores = st.integers(0, 10)
score_lists = st.lists(scores, max_size=40)


# -- NPS ---------------------------------------------------------------------------------------


@PROPERTIES
@given(score_lists)
def test_nps_is_percent_promoters_minus_percent_detractors(values: list[int]) -> None:
    result = nps(values)
    if not values:
        assert result is None  # "no answers" must not look like "everyone passive"
        return
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    assert result is not None
    assert math.isclose(
        result, 100 * promoters / len(values) - 100 * detractors / len(values), abs_tol=1e-9
    )
    assert -100.0 <= result <= 100.0
    assert nps(sorted(values)) == result


@PROPERTIES
@given(score_lists.filter(bool), scores)
def test_one_more_answer_moves_the_nps_the_right_way(values: list[int], extra: int) -> None:
    before, after = nps(values), nps([*values, extra])
    assert before is not None and after is not None
    kind = classify(extra)
    if kind == "promoter":
        assert after >= before
    elif kind == "detractor":
        assert after <= before
    else:  # a passive dilutes: the score moves towards 0, never past it
        assert abs(after) <= abs(before) + 1e-9
        assert after * before >= 0


@pytest.mark.parametrize("score", range(11))
def test_classes_partition_the_scale(score: int) -> None:
    expected = "promoter" if score >= 9 else "detractor" if score <= 6 else "passive"
    assert classify(score) == expected


@pytest.mark.parametrize("bad", [-1, 11, 100, True, 8.0, "9"])
def test_impossible_scores_are_refused_not_rounded(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        classify(bad)  # type: ignore[arg-type]


@PROPERTIES
@given(st.integers(0, 1000), st.integers(0, 1000))
def test_rates_are_percentages_of_the_whole(whole: int, part: int) -> None:
    if part > whole:
        with pytest.raises(ValueError, match="cannot exceed"):
            response_rate(whole, part)
        with pytest.raises(ValueError, match="cannot exceed"):
            satisfaction_rate(whole, part)
        return
    rate = response_rate(whole, part)
    if whole == 0:
        assert rate is None and satisfaction_rate(0, 0) is None
        return
    assert rate is not None and 0.0 <= rate <= 100.0
    assert math.isclose(rate, 100 * part / whole)
    assert satisfaction_rate(whole, part) == rate


# -- survey statistics over records ----------------------------------------------------------

START = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
WEEK = timedelta(days=7)


@st.composite
def survey_record(draw: st.DrawFn, record_id: int) -> SurveyRecord:
    asked = START + timedelta(minutes=draw(st.integers(-3 * 7 * 24 * 60, 3 * 7 * 24 * 60)))
    channel = draw(st.sampled_from(list(Channel)))
    if not draw(st.booleans()):
        return SurveyRecord(asked_at=asked, channel=channel, id=record_id)
    answered = asked + timedelta(minutes=draw(st.integers(0, 14 * 24 * 60)))
    return SurveyRecord(
        asked_at=asked,
        channel=channel,
        answered_at=answered,
        satisfied=draw(st.none() | st.booleans()),
        score=draw(st.none() | scores),
        id=record_id,
    )


records = st.integers(0, 25).flatmap(
    lambda n: st.tuples(*(survey_record(i + 1) for i in range(n))).map(list)
)


def _in(moment: datetime | None) -> bool:
    return moment is not None and START <= moment < START + WEEK


@FEWER
@given(records)
def test_survey_stats_count_what_the_module_says(rows: list[SurveyRecord]) -> None:
    report = survey_stats(rows, START, START + WEEK)
    total = report.total
    asked = [r for r in rows if _in(r.asked_at)]
    answers = [r for r in rows if _in(r.answered_at)]
    assert total.asked == len(asked)
    assert total.responded == sum(
        1 for r in asked if r.answered_at is not None and r.answered_at < START + WEEK
    )
    assert total.answers == len(answers)
    assert total.nps == nps([r.score for r in answers if r.score is not None])
    rate = total.response_rate
    assert rate is None or 0.0 <= rate <= 100.0  # a cohort: never above 100 %
    assert total.promoters + total.passives + total.detractors == total.scored
    assert set(total.unsatisfied_ids) == {r.id for r in answers if r.satisfied is False}
    assert set(total.detractor_ids) == {
        r.id for r in answers if r.score is not None and r.score <= 6
    }
    assert set(total.asked_ids) == {r.id for r in asked}


@FEWER
@given(records)
def test_channels_add_up_to_the_total(rows: list[SurveyRecord]) -> None:
    report = survey_stats(rows, START, START + WEEK)
    assert set(report.per_channel) == set(Channel)
    for name in (
        "asked",
        "responded",
        "answers",
        "yes_no_answers",
        "satisfied",
        "scored",
        "promoters",
        "passives",
        "detractors",
    ):
        assert getattr(report.total, name) == sum(
            getattr(stats, name) for stats in report.per_channel.values()
        ), name


@FEWER
@given(records, st.integers(1, 7 * 24 * 60 - 1))
def test_asked_and_answers_add_up_over_a_split_period(rows: list[SurveyRecord], cut: int) -> None:
    middle = START + timedelta(minutes=cut)
    whole = survey_stats(rows, START, START + WEEK).total
    first = survey_stats(rows, START, middle).total
    second = survey_stats(rows, middle, START + WEEK).total
    assert whole.asked == first.asked + second.asked
    assert whole.answers == first.answers + second.answers
    assert whole.promoters == first.promoters + second.promoters


def test_a_period_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError, match="end after"):
        survey_stats([], START, START)


@pytest.mark.parametrize(
    "kwargs", [{"satisfied": True}, {"score": 9}, {"score": 11, "answered_at": START}]
)
def test_a_record_with_an_impossible_answer_is_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        SurveyRecord(asked_at=START, channel=Channel.EMAIL, **kwargs)  # type: ignore[arg-type]
