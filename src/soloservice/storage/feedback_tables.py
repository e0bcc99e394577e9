"""Tables for what customers tell us after the fact: surveys (follow-up checks and the NPS
pulse share one table, so one rest period covers both) and remedies with their cost."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from soloservice.storage.types import UTCDateTime, optional_ref, owned_by


class SurveyRow(SQLModel, table=True):
    """One "are you satisfied?" check or pulse question to one customer.

    status: scheduled, skipped, asked, answered, unclear (answer awaits the founder).
    """

    __tablename__ = "survey"
    __table_args__ = (
        Index("ix_survey_customer_asked", "customer_id", "asked_at"),
        Index("ix_survey_status_scheduled", "status", "scheduled_for"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(
        sa_column=Column(Integer, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False)
    )
    inquiry_id: int | None = optional_ref("inquiry.id")
    kind: str = Field(default="followup", max_length=16)
    status: str = Field(default="scheduled", max_length=16)
    skip_reason: str = Field(default="")
    channel: str = Field(default="email", max_length=16)
    include_score: bool = Field(default=True)
    scheduled_for: datetime | None = Field(default=None, sa_type=UTCDateTime)
    asked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    message_id_header: str | None = Field(default=None, index=True)
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    satisfied: bool | None = Field(default=None)
    score: int | None = Field(default=None)
    comment: str = Field(default="")
    answer_text: str = Field(default="")
    followup_inquiry_id: int | None = optional_ref("inquiry.id")
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class RemedyRow(SQLModel, table=True):
    """What was done to make it right, and what it cost."""

    __tablename__ = "remedy"

    id: int | None = Field(default=None, primary_key=True)
    inquiry_id: int = owned_by("inquiry.id")
    kind: str = Field(max_length=24)
    cost: float = Field(default=0.0)
    note: str = Field(default="")
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)
