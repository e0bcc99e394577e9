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
    #: send or record an acknowledgement as soon as an email or form inquiry arrives
    auto_acknowledge: bool = False
    currency: str = "kr"
    default_annual_value: float = 20_000.0
    default_expected_years: float = 5.0
