"""A reply is signed once: the account signature is not added under a text that already signs.

The built-in templates end with a sign-off ("Venlig hilsen / {founder.name} /
{business.name}") and the outbox used to add the account's signature below every reply as
well, so a customer read the founder's name twice. The rule, in one sentence for the README:

    The account signature goes below a reply unless the text signs off already: it ends with
    the signature, or one of its last four non-empty lines is just your name (full or first),
    your business's name or the signature's first line. Then only the signature's lines the
    sign-off lacks (a phone number, a website) are added straight under it.

"Just" means the whole line, ignoring case, surrounding punctuation and a leading dash, so
"Ring til Anna" or "Anna skriver i morgen" never count as a sign-off. A closing phrase alone
("Venlig hilsen", "Kind regards") signs nothing: the signature still goes below it, and a
signature that starts with such a phrase is known by its first line after it.
"""

from __future__ import annotations

from collections.abc import Iterable

#: how far up from the end a sign-off may start: closing phrase, name, business, one spare
SIGN_OFF_LINES = 4
DELIMITER = "-- "
_STRIP = " \t.,;:!-–—*_"
#: closing phrases (da/nb/en) a signature may start with; they sign nothing on their own
CLOSINGS = frozenset(
    {
        "venlig hilsen", "med venlig hilsen", "de bedste hilsner", "bedste hilsner", "hilsen",
        "vennlig hilsen", "med vennlig hilsen", "beste hilsen", "mvh", "vh", "kind regards",
        "best regards", "regards", "best wishes", "best", "cheers", "thanks", "tak", "takk",
    }
)  # fmt: skip


def _norm(line: str) -> str:
    return " ".join(line.strip().strip(_STRIP).split()).casefold()


def _signature_lines(signature: str) -> list[str]:
    lines = [line for line in signature.strip("\n").splitlines() if line.strip()]
    if lines and lines[0].strip() in ("--", DELIMITER.strip()):
        lines = lines[1:]
    return lines


def signer_names(founder_name: str, business_name: str = "", signature: str = "") -> frozenset[str]:
    """The whole lines that sign a text: the founder's names, the business, the signature's
    first line that is not a sign-off phrase (all normalised)."""
    names = {founder_name, business_name}
    parts = founder_name.split()
    if parts:
        names.add(parts[0])
    first = next((ln for ln in _signature_lines(signature) if _norm(ln) not in CLOSINGS), "")
    names.add(first)
    return frozenset(n for n in (_norm(name) for name in names) if n and n not in CLOSINGS)


def _last_lines(text: str, count: int) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-count:]


def ends_with_signature(body: str, signature: str) -> bool:
    """The signature's own lines already close ``body`` (pasted, or from an earlier draft)."""
    wanted = [_norm(line) for line in _signature_lines(signature)]
    if not wanted:
        return False
    tail = [_norm(line) for line in _last_lines(body, len(wanted))]
    return tail == wanted


def is_signed(body: str, *, names: Iterable[str], signature: str = "") -> bool:
    """True when ``body`` already signs off, so the account signature would sign it twice."""
    if signature.strip() and ends_with_signature(body, signature):
        return True
    wanted = {_norm(name) for name in names} - {""}
    return any(_norm(line) in wanted for line in _last_lines(body, SIGN_OFF_LINES))


def append_signature(body: str, signature: str) -> str:
    """``body``, a blank line, the ``-- `` delimiter and ``signature`` (unless it has one)."""
    text = body.rstrip()
    sig = signature.strip("\n")
    if not sig.strip():
        return text
    if sig.lstrip().startswith("--"):
        return f"{text}\n\n{sig}" if text else sig
    return f"{text}\n\n{DELIMITER}\n{sig}" if text else f"{DELIMITER}\n{sig}"


def missing_lines(body: str, signature: str) -> list[str]:
    """The signature's lines a signed ``body`` lacks (a phone number, a website), in order.

    Closing phrases are never among them: "Venlig hilsen" under the name would read oddly.
    """
    present = {_norm(line) for line in _last_lines(body, SIGN_OFF_LINES + 4)}
    return [
        line.rstrip()
        for line in _signature_lines(signature)
        if _norm(line) not in present and _norm(line) not in CLOSINGS
    ]


def sign_once(body: str, signature: str, *, founder_name: str = "", business_name: str = "") -> str:
    """``body`` signed once: the account signature below it, or, when the body signs off
    already, only the signature's lines it lacks, straight under the sign-off."""
    text = body.rstrip()
    if not signature.strip():
        return text
    names = signer_names(founder_name, business_name, signature)
    if not is_signed(text, names=names, signature=signature):
        return append_signature(text, signature)
    extra = missing_lines(text, signature)
    return "\n".join([text, *extra]) if extra else text
