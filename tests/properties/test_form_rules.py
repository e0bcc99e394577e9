"""Form notification rules on generated mails: what the form says is what the rule reads."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import assume, given
from hypothesis import strategies as st

from soloservice.channels.form.body_fields import parse_fields
from soloservice.channels.form.builtin_rules import BUILTIN_RULES, SAMPLE_MAILS
from soloservice.channels.form.extract import extract_from_sample, extract_submission
from soloservice.channels.form.labels import standard_field
from soloservice.channels.form.rules import FormRule, match_rule
from tests.properties.conftest import PROPERTIES

#: (as written, E.164): numbers the phone library knows to be valid
PHONES = (
    ("22 33 44 55", "+4522334455"),
    ("+45 40 11 22 33", "+4540112233"),
    ("28 91 04 55", "+4528910455"),
    ("+47 912 34 567", "+4791234567"),
)
RULE = FormRule(name="Kontakt", sender_pattern="*@formular.dk")

letters = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F)
word = st.text(letters, min_size=1, max_size=10)
person = st.lists(word, min_size=1, max_size=3).map(" ".join)
email = st.builds(
    lambda local, domain: f"{local}@{domain}.dk",
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
)
#: message lines a customer writes: no colon or tab (no "Label: value"), not a bare label
message_line = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=":：\t"),
    max_size=40,
).filter(lambda line: standard_field(line.strip().rstrip(":?*")) is None)
message = st.lists(message_line, min_size=1, max_size=6).filter(
    lambda lines: (
        any(line.strip() for line in lines)
        and not any(line.strip() in {"--", "—"} for line in lines)
    )
)


@PROPERTIES
@given(st.text(max_size=400), st.dictionaries(word, st.sampled_from(["message", "ignore"])))
def test_any_text_gives_labelled_non_empty_values(text: str, field_map: dict[str, str]) -> None:
    for label, value in parse_fields(text, field_map):
        assert label.strip() and value.strip()


@PROPERTIES
@given(person, email, st.sampled_from(PHONES), message, st.booleans())
def test_the_person_and_the_whole_message_are_read_back(
    name: str, address: str, phone: tuple[str, str], lines: list[str], crlf: bool
) -> None:
    body = (
        f"Navn: {name}\nE-mail: {address}\nTelefon: {phone[0]}\nBesked:\n"
        + "\n".join(lines)
        + "\n\nOrdre: 1042\n"
    )
    if crlf:
        body = body.replace("\n", "\r\n")
    found = extract_submission(
        RULE, from_addr="Formular <noreply@formular.dk>", reply_to=None, subject="Ny", text=body
    )
    assert found is not None
    assert found.name == " ".join(name.split())
    assert found.email == address
    assert found.phone == phone[1]
    expected = "\n".join(line.rstrip() for line in lines).strip()
    assert found.message is not None
    # "Ordre" is no known label: a message runs on over it rather than being cut short.
    assert found.message.startswith(expected) and found.message.endswith("Ordre: 1042")
    assert found.form_name == "Kontakt"


@PROPERTIES
@given(email, st.booleans())
def test_a_sender_glob_matches_its_domain_in_any_case(address: str, upper: bool) -> None:
    domain = address.split("@")[1]
    rule = FormRule(name="r", sender_pattern=f"*@{domain}")
    shown = address.upper() if upper else address
    assert rule.matches(f'"Someone" <{shown}>', "any subject")
    assert not rule.matches(f"x@not-{domain}", "any subject")


@PROPERTIES
@given(st.text(max_size=80), st.text(max_size=80))
def test_a_rule_without_patterns_never_matches(sender: str, subject: str) -> None:
    assert not FormRule(name="empty").matches(sender, subject)
    assume(sender or subject)
    mine = FormRule(name="mine", subject_pattern="re:.*")
    assert match_rule([mine, *BUILTIN_RULES], sender, subject) is mine


@PROPERTIES
@given(st.sampled_from(sorted(SAMPLE_MAILS)), st.text(max_size=200))
def test_a_footer_after_the_stop_marker_changes_nothing(name: str, footer: str) -> None:
    rule = next(rule for rule in BUILTIN_RULES if rule.name == name)
    sample = SAMPLE_MAILS[name]
    assume(sample.text and rule.stop_markers)

    marked = f"{sample.text.rstrip()}\n{rule.stop_markers[0]} {footer}"
    with_footer = extract_from_sample(rule, replace(sample, text=marked))
    assert with_footer == extract_from_sample(rule, sample)
