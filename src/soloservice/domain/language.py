"""Which language to answer a new customer in: da, nb or en, and why.

Danish and Norwegian bokmål are so close that a text classifier is often unsure between
them on a two-line mail. The text still decides when it is clear; the country of the
address (``.dk``/``.no``) and of the phone number (+45/+47) settle the close cases, and the
founder's own language is the answer when nothing says otherwise. The classifier itself
is not called here: its scores come in as plain numbers (services/language_id.py), so this
rule stays pure and is tested without a model.

The reason is stored with the guess (``customer.language_reason``) as short English parts
joined by ", " -- ``"text, .no address, +47 phone"`` -- which the card translates part by
part. Only the evidence that points at the chosen language is listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from soloservice.domain.types import Language

#: What the classifier is asked to choose between: our three, plus the neighbours a Danish
#: or Norwegian shop hears from (Swedish, German), so their mail is not forced into da/nb.
#: Nynorsk and the macro code "no" count as bokmål: that is the template we have.
CANDIDATES: tuple[str, ...] = ("da", "no", "nn", "en", "sv", "de")
_AS_OURS = {"da": Language.DA, "no": Language.NB, "nn": Language.NB, "nb": Language.NB,
            "en": Language.EN}  # fmt: skip

#: Country-code top-level domains and calling codes that say which language to write in.
#: ``.com``, ``.org``, ``.net`` and ``.eu`` say nothing: Danes and Norwegians use gmail.com.
_TLD: dict[str, Language] = {
    "dk": Language.DA, "gl": Language.DA, "fo": Language.DA, "no": Language.NB,
    "uk": Language.EN, "ie": Language.EN, "us": Language.EN, "au": Language.EN,
    "nz": Language.EN, "ca": Language.EN,
}  # fmt: skip
_CALLING: tuple[tuple[str, Language], ...] = (
    ("+45", Language.DA), ("+298", Language.DA), ("+299", Language.DA), ("+47", Language.NB),
    ("+44", Language.EN), ("+353", Language.EN), ("+1", Language.EN), ("+61", Language.EN),
    ("+64", Language.EN),
)  # fmt: skip

#: How much one country hint weighs against the text's probability (0..1). Two agreeing
#: hints (0.5) overturn a text that is 70/30 between Danish and Norwegian, not one at 90/10.
HINT_WEIGHT = 0.25
#: Below this many letters the text counts proportionally less ("Ring mig" reads as English).
FULL_TEXT_LETTERS = 30
#: Less than this ("Hej" alone, 3 letters) is no evidence: the founder's default stands.
MIN_EVIDENCE = 0.1
#: A text reading as another language (Swedish, German) this surely is answered in English.
FOREIGN_SURE = 0.8

LANGUAGE_NAMES = {Language.DA: "Danish", Language.NB: "Norwegian", Language.EN: "English"}


@dataclass(frozen=True)
class LanguageGuess:
    """The language to use and the evidence for it; ``reason`` is empty when nothing was
    known and the founder's default was taken."""

    language: Language
    reason: str

    @property
    def guessed(self) -> bool:
        return bool(self.reason)


def merge_scores(scores: Mapping[str, float]) -> dict[str, float]:
    """Classifier scores by ISO code with Norwegian's codes folded into "nb"."""
    merged: dict[str, float] = {}
    for code, score in scores.items():
        key = "nb" if code in ("no", "nn", "nb") else code
        merged[key] = merged.get(key, 0.0) + max(0.0, float(score))
    return merged


def address_hint(email: str) -> tuple[Language, str] | None:
    """The language an address's country domain suggests, with its label (".no address")."""
    domain = email.rpartition("@")[2].strip().lower().rstrip(".")
    tld = domain.rpartition(".")[2]
    found = _TLD.get(tld) if domain and "." in domain else None
    return (found, f".{tld} address") if found is not None else None


def phone_hint(e164: str) -> tuple[Language, str] | None:
    """The language a number's country code suggests, with its label ("+47 phone")."""
    for prefix, language in _CALLING:
        if e164.startswith(prefix):
            return language, f"{prefix} phone"
    return None


def letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))  # (no generator frame per character: 5x faster)


def guess_language(
    text_scores: Mapping[str, float] | None,
    *,
    letters: int = 0,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    default: Language = Language.DA,
) -> LanguageGuess:
    """Combine the text's scores with the country hints; see the module docstring.

    ``text_scores`` are probabilities by ISO code (any codes; Norwegian's are merged),
    ``letters`` how many letters the text had (short texts count less). ``emails`` and
    ``phones`` are normalised identities (lower-case address, E.164).
    """
    hints: list[tuple[Language, str]] = []
    for email in emails:
        found = address_hint(email)
        if found is not None:
            hints.append(found)
    for phone in phones:
        found = phone_hint(phone)
        if found is not None:
            hints.append(found)

    merged = merge_scores(text_scores or {})
    total = sum(merged.values())
    weight = min(1.0, letters / FULL_TEXT_LETTERS) if total > 0 else 0.0
    probs = {code: score / total for code, score in merged.items()} if total > 0 else {}

    if weight >= 1.0 and probs:
        top_code = max(probs, key=lambda code: probs[code])
        if top_code not in _AS_OURS and probs[top_code] >= FOREIGN_SURE:
            # A Swede or a German: no template in their language, English is the safe one.
            return LanguageGuess(Language.EN, "text in another language")

    text_says = {language: 0.0 for language in Language}
    for code, probability in probs.items():
        mapped = _AS_OURS.get(code)
        if mapped is not None:
            text_says[mapped] += probability
    combined = {language: text_says[language] * weight for language in Language}
    for language, _label in hints:
        combined[language] += HINT_WEIGHT
    best = max(combined.values())
    if best < MIN_EVIDENCE:
        return LanguageGuess(default, "")
    tied = [language for language in Language if combined[language] == best]
    chosen = default if default in tied else tied[0]

    text_top = max(Language, key=lambda language: text_says[language])
    parts = ["text"] if weight > 0 and text_top is chosen and text_says[chosen] > 0 else []
    parts.extend(label for language, label in hints if language is chosen)
    return LanguageGuess(chosen, ", ".join(dict.fromkeys(parts)) or "text")


def describe(language: Language, reason: str) -> str:
    """English one-liner for the CLI and logs: "Norwegian (guessed: text, .no address)"."""
    name = LANGUAGE_NAMES[language]
    return f"{name} (guessed: {reason})" if reason else name
