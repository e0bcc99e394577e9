from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from soloservice.domain.nps import (
    SurveyRecord,
    classify,
    nps,
    response_rate,
    satisfaction_rate,
    survey_stats,
)
from soloservice.domain.types import Channel


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, "detractor"),
        (4, "detractor"),
        (6, "detractor"),
        (7, "passive"),
        (8, "passive"),
        (9, "promoter"),
        (10, "promoter"),
    ],
)
def test_classify_boundaries(score: int, expected: str) -> None:
    assert classify(score) == expected


@pytest.mark.parametrize("bad", [-1, 11])
def test_classify_rejects_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        classify(bad)


def test_nps_is_percent_promoters_minus_percent_detractors() -> None:
    # 3 promoters, 2 passives, 5 detractors of 10 -> 30 % - 50 % = -20
    assert nps([10, 9, 9, 8, 7, 6, 5, 3, 0, 1]) == pytest.approx(-20.0)
    assert nps([10, 10]) == 100.0
    assert nps([0]) == -100.0
    assert nps([7, 8]) == 0.0


def test_nps_of_nothing_is_none_not_zero() -> None:
    assert nps([]) is None


def test_rates() -> None:
    assert satisfaction_rate(answered=8, satisfied=6) == 75.0
    assert response_rate(asked=10, answered=4) == 40.0
    assert satisfaction_rate(0, 0) is None
    assert response_rate(0, 0) is None
    with pytest.raises(ValueError):
        response_rate(asked=2, answered=3)


def test_survey_record_needs_answered_at_for_an_answer() -> None:
    with pytest.raises(ValueError):
        SurveyRecord(asked_at=at(2), channel=Channel.EMAIL, satisfied=True)
    with pytest.raises(ValueError):
        SurveyRecord(asked_at=at(2), channel=Channel.EMAIL, answered_at=at(3), score=12)


def test_survey_stats_per_channel_and_total() -> None:
    start, end = at(16, 0), at(23, 0)
    records = [
        # asked before the period, answered inside it: counts as an answer, not as asked
        SurveyRecord(at(12), Channel.EMAIL, at(17), True, 10, id=1),
        # asked and answered in the period
        SurveyRecord(at(16), Channel.EMAIL, at(18), False, 3, id=2),
        # asked in the period, never answered
        SurveyRecord(at(17), Channel.EMAIL, id=3),
        # asked in the period, answered after it: responded = no (answer came after end)
        SurveyRecord(at(22), Channel.EMAIL, at(24), True, 9, id=4),
        # phone: asked and answered on the call, yes without score
        SurveyRecord(at(18), Channel.PHONE, at(18), True, None, id=5),
        # phone: score only, passive
        SurveyRecord(at(19), Channel.PHONE, at(19), None, 8, id=6),
        # outside the period entirely
        SurveyRecord(at(2), Channel.PHONE, at(3), False, 0, id=7),
    ]
    report = survey_stats(records, start, end)

    email = report.per_channel[Channel.EMAIL]
    # asked in period: 2, 3, 4 -> 3; responded before end: 2 -> 1
    assert (email.asked, email.responded) == (3, 1)
    assert email.response_rate == pytest.approx(100 / 3)
    # answers in period: 1, 2; yes/no: yes, no -> 50 %
    assert email.answers == 2 and email.satisfaction_rate == 50.0
    # scores 10 and 3: 50 % - 50 % = 0
    assert email.nps == 0.0
    assert email.detractor_ids == (2,) and email.unsatisfied_ids == (2,)

    phone = report.per_channel[Channel.PHONE]
    assert (phone.asked, phone.responded, phone.answers) == (2, 2, 2)
    assert phone.satisfaction_rate == 100.0
    assert phone.nps == 0.0  # one passive

    total = report.total
    # asked 2,3,4,5,6 = 5; responded 2,5,6 = 3; answers 1,2,5,6
    assert (total.asked, total.responded, total.answers) == (5, 3, 4)
    assert total.asked_ids == (2, 3, 4, 5, 6)
    assert total.answer_ids == (1, 2, 5, 6)
    # yes/no: 1 yes, 2 no, 5 yes -> 2/3
    assert total.satisfaction_rate == pytest.approx(200 / 3)
    # scores 10, 3, 8 -> (1 - 1) / 3 = 0
    assert total.nps == 0.0
    assert (total.promoters, total.passives, total.detractors) == (1, 1, 1)

    assert report.per_channel[Channel.X].nps is None
    assert report.per_channel[Channel.X].response_rate is None


def test_survey_stats_rejects_an_empty_period() -> None:
    with pytest.raises(ValueError):
        survey_stats([], at(5), at(5) - timedelta(seconds=1))
