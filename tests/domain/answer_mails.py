"""What mail clients add below a survey reply: quotes, attributions, Outlook headers, sign-offs.

Those are where a reader goes wrong: the quoted survey itself says "tilfreds" and "0-10".
Shared by the answer-reading cases (answer_cases.py) and tests (test_answers.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from soloservice.domain.types import Language

DA_QUOTE_GMAIL = """
Den man. 23. nov. 2026 kl. 10.00 skrev Hansen Design <kontakt@hansendesign.dk>:
> Hej Mette
>
> Er du tilfreds med løsningen? Svar gerne ja eller nej, og giv os en karakter fra 0 til 10.
>
> Venlig hilsen
> Jens
"""

DA_QUOTE_APPLE = """
> Den 23. nov. 2026 kl. 10.00 skrev Hansen Design <kontakt@hansendesign.dk>:
>
> Er du tilfreds med løsningen? Hvor sandsynligt er det, at du vil anbefale os (0-10)?
"""

NB_QUOTE = """
man. 23. nov. 2026 kl. 10:00 skrev Berg Sykler <post@bergsykler.no>:

> Hei Ola! Er du fornøyd med løsningen? Hvor sannsynlig er det at du vil anbefale oss, 0-10?
"""

NB_QUOTE_DEN = """
Den 23.11.2026 kl. 10:00 skrev Berg Sykler
<post@bergsykler.no>:
> Er du fornøyd? Svar ja eller nei, og gjerne med et tall fra 0 til 10.
"""

EN_QUOTE = """
On Mon, 23 Nov 2026 at 10:00, Hansen Design <kontakt@hansendesign.dk> wrote:
> Hi Sarah, are you satisfied with the solution? Reply yes or no, and 0-10 if you like.
"""

EN_QUOTE_WRAPPED = """
On Mon, Nov 23, 2026 at 10:00 AM Hansen Design <kontakt@hansendesign.dk>
wrote:

> Are you satisfied with how we handled order 10234? On a scale of 0 to 10 ...
"""

OUTLOOK_DA = """
________________________________
Fra: Hansen Design <kontakt@hansendesign.dk>
Sendt: 23. november 2026 10:00
Til: Mette Holm <mette@example.dk>
Emne: Er du tilfreds?

Hej Mette, er du tilfreds med løsningen? Svar ja eller nej (og gerne 0-10).
"""

OUTLOOK_EN = """
-----Original Message-----
From: Hansen Design <kontakt@hansendesign.dk>
Sent: Monday, November 23, 2026 10:00 AM
To: Sarah Jones <sarah@example.com>
Subject: Are you satisfied?

Are you satisfied with the solution? 0 means not at all, 10 means absolutely.
"""

OUTLOOK_NB_NO_RULE = """
Fra: Berg Sykler <post@bergsykler.no>
Sendt: mandag 23. november 2026 10:00
Til: Ola Nordmann <ola@example.no>
Emne: Er du fornøyd?

Er du fornøyd med løsningen? Svar ja eller nei.
"""

SIG_DA = """
--
Mette Holm
Holm Rengøring ApS
Tlf. 20 10 30 40 · CVR 12345678
"""

IPHONE_DA = "\nSendt fra min iPhone\n"
IPHONE_NB = "\nSendt fra min iPhone\n"
IPHONE_EN = "\nSent from my iPhone\n"


def case(
    reply: str,
    satisfied: bool | None,
    score: int | None,
    confidence: str,
    hint: Language | None = None,
    *,
    id: str,
) -> Any:
    return pytest.param(reply, hint, satisfied, score, confidence, id=id)
