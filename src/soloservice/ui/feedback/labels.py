"""Words for survey states, answers and remedy kinds, in one place for the translators."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from soloservice.domain.remedies import RemedyKind
from soloservice.services.survey_dto import AnswerResult, SurveyView
from soloservice.ui import formatting as fmt

#: The Follow-ups view's states; "due" is a scheduled check whose time has come.
DUE = "due"
STATE_KEYS: tuple[str, ...] = ("unclear", DUE, "asked", "scheduled", "answered", "skipped")

RED = QColor("#b91c1c")
ORANGE = QColor("#a35c00")
GREEN = QColor("#2f7d3b")
MUTED = QColor("#6b7280")


def state_of(survey: SurveyView, now: datetime) -> str:
    if survey.status == "scheduled" and survey.scheduled_for and survey.scheduled_for <= now:
        return DUE
    return survey.status


#: Marked for pyside6-lupdate here, translated one at a time as they are asked for.
_STATE_NAMES = {
    DUE: QT_TRANSLATE_NOOP("feedback", "Due now"),
    "scheduled": QT_TRANSLATE_NOOP("feedback", "Scheduled"),
    "asked": QT_TRANSLATE_NOOP("feedback", "Asked — waiting"),
    "unclear": QT_TRANSLATE_NOOP("feedback", "Unclear answer"),
    "answered": QT_TRANSLATE_NOOP("feedback", "Answered"),
    "skipped": QT_TRANSLATE_NOOP("feedback", "Skipped"),
}


def state_name(state: str) -> str:
    name = _STATE_NAMES.get(state)
    return state if name is None else QCoreApplication.translate("feedback", str(name))


def filter_name(state: str | None) -> str:
    return (
        QCoreApplication.translate("feedback", "All checks") if state is None else state_name(state)
    )


def how_to_ask(survey: SurveyView) -> str:
    return (
        QCoreApplication.translate("feedback", "By mail")
        if survey.by_mail
        else QCoreApplication.translate("feedback", "Ask in person")
    )


def yes_no(satisfied: bool | None) -> str:
    if satisfied is None:
        return ""
    return (
        QCoreApplication.translate("feedback", "yes")
        if satisfied
        else QCoreApplication.translate("feedback", "no")
    )


def answer_text(survey: SurveyView) -> str:
    """ "no · 3 · The parcel was late" — or what is known so far."""
    if survey.status == "unclear":
        return QCoreApplication.translate("feedback", "unclear: %1").replace(
            "%1", survey.comment or survey.answer_text.strip()[:60]
        )
    if survey.status != "answered":
        return ""
    parts = [p for p in (yes_no(survey.satisfied),) if p]
    if survey.score is not None:
        parts.append(
            QCoreApplication.translate("feedback", "%1/10").replace("%1", str(survey.score))
        )
    if survey.comment:
        parts.append(f"“{survey.comment}”")
    return " · ".join(parts)


def answer_color(survey: SurveyView) -> QColor | None:
    if survey.status == "unclear":
        return ORANGE
    if survey.status != "answered":
        return None
    if survey.satisfied is False or (survey.score is not None and survey.score <= 6):
        return RED
    return GREEN


def case_text(survey: SurveyView) -> str:
    if survey.kind == "pulse":
        loop = survey.followup_inquiry_id
        text = QCoreApplication.translate("feedback", "NPS pulse")
        return text + (f" → #{loop}" if loop is not None else "")
    if survey.inquiry_id is None:
        return ""
    return f"#{survey.inquiry_id} {survey.subject}"


def moment_of(survey: SurveyView) -> datetime | None:
    """The time that matters in the list: when it was asked, else when it is scheduled."""
    return survey.asked_at or survey.scheduled_for


def when_text(survey: SurveyView, tz: ZoneInfo, now: datetime) -> str:
    if survey.asked_at is not None:
        return QCoreApplication.translate("feedback", "asked %1").replace(
            "%1", fmt.short_time(survey.asked_at, tz, now)
        )
    if survey.scheduled_for is not None:
        return QCoreApplication.translate("feedback", "for %1").replace(
            "%1", fmt.short_time(survey.scheduled_for, tz, now)
        )
    return ""


_REMEDY_LABELS = {
    RemedyKind.APOLOGY_CALL: QT_TRANSLATE_NOOP("feedback", "Apology call"),
    RemedyKind.APOLOGY_MAIL: QT_TRANSLATE_NOOP("feedback", "Apology mail"),
    RemedyKind.REPLACEMENT: QT_TRANSLATE_NOOP("feedback", "Replacement"),
    RemedyKind.REFUND_FULL: QT_TRANSLATE_NOOP("feedback", "Full refund"),
    RemedyKind.REFUND_PARTIAL: QT_TRANSLATE_NOOP("feedback", "Partial refund"),
    RemedyKind.EXPRESS_SHIPPING: QT_TRANSLATE_NOOP("feedback", "Express shipping"),
    RemedyKind.GIFT: QT_TRANSLATE_NOOP("feedback", "Gift"),
    RemedyKind.DISCOUNT: QT_TRANSLATE_NOOP("feedback", "Discount"),
    RemedyKind.REPAIR: QT_TRANSLATE_NOOP("feedback", "Repair"),
    RemedyKind.OTHER: QT_TRANSLATE_NOOP("feedback", "Other"),
}


def remedy_label(kind: RemedyKind) -> str:
    return QCoreApplication.translate("feedback", str(_REMEDY_LABELS[kind]))


def result_message(result: AnswerResult) -> str:
    """What recording an answer did, for the status line: the closed loop spelled out."""
    survey = result.survey
    outcome = result.outcome
    loop = result.closed_loop_inquiry_id
    if outcome is not None and outcome.reopen and loop is not None:
        template = (
            QCoreApplication.translate(
                "feedback", "Opened #%1 as a closed-loop case — call back within 24 h"
            )
            if survey.kind == "pulse"
            else QCoreApplication.translate(
                "feedback", "Reopened #%1 as a closed-loop case — call back within 24 h"
            )
        )
        text = template.replace("%1", str(loop))
        if outcome.at_risk_public:
            text += " — " + QCoreApplication.translate("feedback", "at risk of a public complaint")
        return text
    who = survey.customer_name or QCoreApplication.translate("feedback", "the customer")
    if survey.inquiry_id is not None and survey.kind == "followup":
        text = QCoreApplication.translate("feedback", "Answer saved; #%1 closed").replace(
            "%1", str(survey.inquiry_id)
        )
    else:
        text = QCoreApplication.translate("feedback", "Answer from %1 saved").replace("%1", who)
    if outcome is not None and outcome.ask_for_review:
        text += " — " + QCoreApplication.translate(
            "feedback", "happy customer: ask for a review or a referral"
        )
    return text
