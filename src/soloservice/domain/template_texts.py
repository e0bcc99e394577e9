"""The built-in reply templates' words in Danish, Norwegian and English, as data.

Only literals: ``domain/templates.py`` puts each body together as greeting, middle and
sign-off, and checks every placeholder here against ``KNOWN_PLACEHOLDERS`` in the tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from soloservice.domain.types import Language

FILL_IN = "…"
"""Marks the spot in a built-in template where the founder writes the case-specific part."""

GREETING: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Hej {customer.first_name|}",
        Language.NB: "Hei {customer.first_name|}",
        Language.EN: "Hi {customer.first_name|there},",
    }
)

SIGN_OFF: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Venlig hilsen\n{founder.name}\n{business.name}",
        Language.NB: "Vennlig hilsen\n{founder.name}\n{business.name}",
        Language.EN: "Kind regards,\n{founder.name}\n{business.name}",
    }
)

SUBJECT: Mapping[Language, str] = MappingProxyType(
    {
        Language.DA: "Re: {case.subject|Din henvendelse} [#{case.id}]",
        Language.NB: "Re: {case.subject|Henvendelsen din} [#{case.id}]",
        Language.EN: "Re: {case.subject|Your inquiry} [#{case.id}]",
    }
)

# key -> shortcut, then per language (name, middle of the body)
BUILTIN_TEXTS: tuple[tuple[str, str, Mapping[Language, tuple[str, str]]], ...] = (
    (
        "ack",
        "ack",
        {
            Language.DA: (
                "Kvittering",
                "Tak for din henvendelse. Vi har modtaget den og vender tilbage senest "
                "{promise.due}.\n\n"
                "Har du noget at tilføje i mellemtiden, er du velkommen til at svare på denne "
                "besked.",
            ),
            Language.NB: (
                "Bekreftelse",
                "Takk for henvendelsen din. Vi har mottatt den, og vi svarer deg innen "
                "{promise.due}.\n\n"
                "Har du noe å legge til i mellomtiden, kan du bare svare på denne meldingen.",
            ),
            Language.EN: (
                "Acknowledgement",
                "Thank you for getting in touch. We have received your message, and you will "
                "hear from us by {promise.due}.\n\n"
                "If there is anything you would like to add in the meantime, just reply to "
                "this message.",
            ),
        },
    ),
    (
        "ack_complaint",
        "ackc",
        {
            Language.DA: (
                "Kvittering – klage",
                "Tak, fordi du tog dig tid til at skrive til os. Vi er kede af, at du er blevet "
                "skuffet, og vi tager din henvendelse alvorligt.\n\n"
                "Vi ser nærmere på sagen og vender tilbage senest {promise.due}.",
            ),
            Language.NB: (
                "Bekreftelse – klage",
                "Takk for at du tok deg tid til å skrive til oss. Vi beklager at du har blitt "
                "skuffet, og vi tar henvendelsen din på alvor.\n\n"
                "Vi ser nærmere på saken og svarer deg innen {promise.due}.",
            ),
            Language.EN: (
                "Acknowledgement – complaint",
                "Thank you for taking the time to write to us. We are sorry to hear that you "
                "have been disappointed, and we take it seriously.\n\n"
                "We are looking into it now, and you will hear from us by {promise.due}.",
            ),
        },
    ),
    (
        "need_info",
        "info",
        {
            Language.DA: (
                "Vi mangler oplysninger",
                "Tak for din besked. For at vi kan hjælpe dig bedst muligt, har vi brug for "
                "lidt flere oplysninger.\n\n"
                "Vil du sende os dit ordrenummer og gerne et billede eller en kort beskrivelse "
                "af problemet?\n\n"
                "Du kan bare svare på denne besked – vi går videre med sagen, så snart vi har "
                "hørt fra dig.",
            ),
            Language.NB: (
                "Vi trenger mer informasjon",
                "Takk for meldingen din. For at vi skal kunne hjelpe deg best mulig, trenger vi "
                "litt mer informasjon.\n\n"
                "Kan du sende oss ordrenummeret ditt, og gjerne et bilde eller en kort "
                "beskrivelse av problemet?\n\n"
                "Du kan bare svare på denne meldingen – vi går videre med saken så snart vi har "
                "hørt fra deg.",
            ),
            Language.EN: (
                "We need more information",
                "Thank you for your message. So that we can help you as well as possible, we "
                "need a little more information.\n\n"
                "Could you send us your order number and, if possible, a photo or a short "
                "description of the problem?\n\n"
                "Just reply to this message, and we will pick things up as soon as we hear "
                "from you.",
            ),
        },
    ),
    (
        "apology",
        "sorry",
        {
            Language.DA: (
                "Undskyldning med løsning",
                "Tak for din tålmodighed. Vi har nu set nærmere på sagen, og vi er virkelig "
                "kede af, at det ikke gik, som det skulle. Det vil vi gerne rette op på.\n\n"
                f"Det gør vi:\n\n{FILL_IN}\n\n"
                "Sig endelig til, om løsningen passer dig – og om der er mere, vi kan gøre.",
            ),
            Language.NB: (
                "Beklagelse med løsning",
                "Takk for tålmodigheten din. Vi har nå sett nærmere på saken, og vi beklager "
                "virkelig at det ikke ble som det skulle. Det vil vi gjerne rette opp.\n\n"
                f"Dette gjør vi:\n\n{FILL_IN}\n\n"
                "Si gjerne fra om løsningen passer for deg – og om det er noe mer vi kan gjøre.",
            ),
            Language.EN: (
                "Apology with a solution",
                "Thank you for your patience. We have now looked into your case, and we are "
                "truly sorry that things did not go as they should. We want to put it right."
                f"\n\nThis is what we will do:\n\n{FILL_IN}\n\n"
                "Please let us know whether this works for you – and if there is anything more "
                "we can do.",
            ),
        },
    ),
    (
        "refund_replacement",
        "refund",
        {
            Language.DA: (
                "Refusion eller ny vare",
                "Tak for din tålmodighed, og undskyld igen besværet.\n\n"
                "Vi sender dig gerne en ny vare uden beregning, eller hvis du hellere vil det, "
                "refunderer vi hele beløbet. Svar blot på denne besked med, hvad du "
                "foretrækker, så ordner vi det med det samme.",
            ),
            Language.NB: (
                "Refusjon eller ny vare",
                "Takk for tålmodigheten din, og beklager igjen bryderiet.\n\n"
                "Vi sender deg gjerne en ny vare uten kostnad, eller om du heller vil det, "
                "refunderer vi hele beløpet. Bare svar på denne meldingen med hva du "
                "foretrekker, så ordner vi det med en gang.",
            ),
            Language.EN: (
                "Refund or replacement",
                "Thank you for your patience, and sorry again for the trouble.\n\n"
                "We would be happy to send you a replacement free of charge or, if you prefer, "
                "refund the full amount. Just reply to this message and tell us which you "
                "would like, and we will take care of it straight away.",
            ),
        },
    ),
    (
        "satisfied",
        "nps",
        {
            Language.DA: (
                "Er du tilfreds?",
                "Vi har for nylig hjulpet dig med din henvendelse, og vi vil gerne høre, "
                "hvordan det gik.\n\n"
                "Er du tilfreds med løsningen? Svar gerne bare ja eller nej på denne besked – "
                "og sig endelig til, hvis der er mere, vi kan gøre for dig.\n\n"
                "Og har du et øjeblik mere: Hvor sandsynligt er det, at du vil anbefale "
                "{business.name|os} til en ven eller kollega? Svar med et tal fra 0 til 10, "
                "hvor 0 er slet ikke sandsynligt, og 10 er meget sandsynligt.\n\n"
                "Tak – dit svar hjælper os til at blive bedre.",
            ),
            Language.NB: (
                "Er du fornøyd?",
                "Vi hjalp deg nylig med henvendelsen din, og vi vil gjerne høre hvordan det "
                "gikk.\n\n"
                "Er du fornøyd med løsningen? Svar gjerne bare ja eller nei på denne meldingen "
                "– og si fra hvis det er noe mer vi kan gjøre for deg.\n\n"
                "Og har du et øyeblikk til: Hvor sannsynlig er det at du vil anbefale "
                "{business.name|oss} til en venn eller kollega? Svar med et tall fra 0 til 10, "
                "der 0 er svært lite sannsynlig og 10 er svært sannsynlig.\n\n"
                "Takk – svaret ditt hjelper oss å bli bedre.",
            ),
            Language.EN: (
                "Are you satisfied?",
                "We recently helped you with your inquiry, and we would love to hear how it "
                "went.\n\n"
                "Are you happy with the solution? Just reply yes or no to this message – and "
                "do tell us if there is anything more we can do for you.\n\n"
                "And if you have a moment more: how likely are you to recommend "
                "{business.name|us} to a friend or colleague? Reply with a number from 0 to "
                "10, where 0 is not at all likely and 10 is extremely likely.\n\n"
                "Thank you – your answer helps us get better.",
            ),
        },
    ),
    (
        "callback_note",
        "call",
        {
            Language.DA: (
                "Vi ringer dig op",
                "Tak, fordi du ringede. Vi ringer dig op senest {promise.due} på "
                "{customer.phone|det nummer, du ringede fra}.\n\n"
                "Passer tidspunktet dig dårligt, kan du bare svare på denne besked med et "
                "tidspunkt, der passer bedre.",
            ),
            Language.NB: (
                "Vi ringer deg tilbake",
                "Takk for at du ringte. Vi ringer deg tilbake innen {promise.due} på "
                "{customer.phone|nummeret du ringte fra}.\n\n"
                "Hvis tidspunktet ikke passer, kan du bare svare på denne meldingen med et "
                "tidspunkt som passer bedre.",
            ),
            Language.EN: (
                "Call-back note",
                "Thank you for calling. We will call you back by {promise.due} on "
                "{customer.phone|the number you called from}.\n\n"
                "If that time does not suit you, just reply to this message with a time that "
                "works better.",
            ),
        },
    ),
)
