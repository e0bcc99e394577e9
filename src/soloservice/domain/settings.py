"""The founder's settings as typed values.

Kept as a frozen dataclass so every service sees one consistent snapshot; the store in
``storage/settings_store.py`` turns it into JSON and upgrades old files step by step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soloservice.domain.types import Language


@dataclass(frozen=True)
class Settings:
    founder_name: str = ""
    business_name: str = ""
    business_email: str = ""
    business_phone: str = ""
    business_website: str = ""
    founder_language: Language = Language.DA
    phone_region: str = "DK"
    timezone: str = "Europe/Copenhagen"
    holiday_country: str | None = "DK"
    #: most Danish and Norwegian small businesses close on 24 December, a working day in law
    close_christmas_eve: bool = True
    #: weekday (0 = Monday) -> ("HH:MM", "HH:MM"); a weekday missing here is closed.
    business_hours: dict[int, tuple[str, str]] = field(
        default_factory=lambda: {d: ("09:00", "17:00") for d in range(5)}
    )
    #: ISO dates the founder is closed on (vacation), besides public holidays.
    closed_days: tuple[str, ...] = ()
    #: channel value -> promised reply time in business hours.
    promise_hours: dict[str, float] = field(
        default_factory=lambda: {
            "email": 8.0,
            "form": 8.0,
            "phone": 4.0,
            "facebook": 4.0,
            "instagram": 4.0,
            "x": 4.0,
        }
    )
    #: what a real reply does to a new/open case: "waiting" (on the customer; default) or
    #: "open". Either way the reply fulfils the promise and the case leaves Due today/Overdue.
    after_reply_status: str = "waiting"
    #: send or record an acknowledgement as soon as an email or form inquiry arrives
    auto_acknowledge: bool = False
    currency: str = "kr"
    default_annual_value: float = 20_000.0
    default_expected_years: float = 5.0
    #: "are you satisfied?" check: days after resolving, at the next business hour
    followup_delay_days: int = 3
    #: no survey of any kind to the same customer within this many days (follow-up and pulse)
    rest_period_days: int = 180
    #: add the 0-10 recommendation question to the follow-up check
    followup_include_score: bool = True
    #: NPS pulse: customers to ask per month, unless ``pulse_share`` (0-1 of the base) is set
    pulse_per_month: int = 10
    pulse_share: float | None = None
    #: the only pulse channel so far; answers come back by replying to the mail
    pulse_channel: str = "email"
    #: weekly review reminder: weekday (0 = Monday) and local time "HH:MM"
    review_reminder_weekday: int = 0
    review_reminder_time: str = "09:00"
