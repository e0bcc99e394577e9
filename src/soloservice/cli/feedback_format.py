"""Surveys, send runs, answers and remedies as the CLI prints them (JSON or a table)."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from soloservice.cli.common import clip, iso, local

if TYPE_CHECKING:
    from soloservice.services.remedies import RemedyView
    from soloservice.services.survey_dto import AnswerResult, SendSummary
    from soloservice.services.survey_dto import SurveyView as _SurveyView


# -- output -------------------------------------------------------------------------------------


def survey_json(view: _SurveyView, zone: tzinfo) -> dict[str, Any]:
    return {
        "id": view.id,
        "kind": view.kind,
        "status": view.status,
        "customer_id": view.customer_id,
        "customer": view.customer_name,
        "inquiry_id": view.inquiry_id,
        "subject": view.subject,
        "channel": view.channel.value,
        "by_mail": view.by_mail,
        "skip_reason": view.skip_reason,
        "scheduled_for": iso(view.scheduled_for, zone),
        "asked_at": iso(view.asked_at, zone),
        "answered_at": iso(view.answered_at, zone),
        "satisfied": view.satisfied,
        "score": view.score,
        "comment": view.comment,
        "closed_loop_inquiry_id": view.followup_inquiry_id,
        "ask_for_review": view.ask_for_review,
    }


def answer_text(view: _SurveyView) -> str:
    parts = []
    if view.satisfied is not None:
        parts.append("yes" if view.satisfied else "no")
    if view.score is not None:
        parts.append(f"{view.score}/10")
    if view.status == "skipped":
        parts.append(f"({view.skip_reason})")
    elif view.status == "unclear":
        parts.append(f"unclear: {clip(view.comment, 40)}")
    if view.ask_for_review:
        parts.append("- ask for a review")
    return " ".join(parts)


def survey_table(rows: list[_SurveyView], zone: tzinfo) -> str:
    header = ("ID", "KIND", "STATUS", "CHANNEL", "WHEN", "CUSTOMER", "CASE", "ANSWER")
    lines = [header]
    for v in rows:
        when = v.answered_at or v.asked_at or v.scheduled_for
        channel = v.channel.value + ("" if v.by_mail or v.kind == "pulse" else " (ask)")
        lines.append(
            (
                str(v.id), v.kind, v.status, channel, local(when, zone), clip(v.customer_name, 20),
                f"#{v.inquiry_id}" if v.inquiry_id else "-", answer_text(v),
            )
        )  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(header) - 1)]
    return "\n".join(
        "  ".join([*(cell.ljust(widths[i]) for i, cell in enumerate(line[:-1])), line[-1]]).rstrip()
        for line in lines
    )


def summary_json(summary: SendSummary) -> dict[str, Any]:
    return {
        "queued": summary.queued,
        "in_person": summary.in_person,
        "skipped": summary.skipped,
        "survey_ids": list(summary.survey_ids),
        "skip_reasons": list(summary.skip_reasons),
        "errors": list(summary.errors),
    }


def result_json(result: AnswerResult, zone: tzinfo) -> dict[str, Any]:
    out = survey_json(result.survey, zone)
    out["reason"] = result.outcome.reason if result.outcome else None
    out["closed_loop_inquiry_id"] = result.closed_loop_inquiry_id
    return out


def remedy_json(view: RemedyView, zone: tzinfo) -> dict[str, Any]:
    return {
        "id": view.id,
        "inquiry_id": view.inquiry_id,
        "kind": view.kind.value,
        "label": view.label,
        "cost": view.cost,
        "note": view.note,
        "at": iso(view.at, zone),
    }
