"""Form notification mails from each built-in service, and the user's own rules."""

from __future__ import annotations

import pytest

from soloservice.channels.form.body_fields import parse_fields
from soloservice.channels.form.builtin_rules import BUILTIN_RULES, SAMPLE_MAILS
from soloservice.channels.form.extract import extract_from_sample, extract_submission
from soloservice.channels.form.html_text import html_to_labelled_text
from soloservice.channels.form.rules import FormRule, InvalidRule, match_rule

NORWEGIAN = {"WPForms", "Netlify Forms", "Jotform"}

EXPECTED = {
    "WordPress Contact Form 7": ("Mette Sørensen", "mette.sorensen@gmail.com", "+4522334455"),
    "WPForms": ("Kari Nordmann", "kari.nordmann@online.no", "+4791234567"),
    "Formspree": ("Lars Berg", "lars.berg@outlook.dk", "+4540112233"),
    "Netlify Forms": ("Ingrid Haugen", "ingrid.haugen@gmail.com", "+4741234567"),
    "Typeform": ("Anders Holm", "anders.holm@mail.dk", None),
    "Google Forms": ("Sofie Lund", "sofie.lund@hotmail.com", "+4528910455"),
    "Jotform": ("Erik Dahl", "erik.dahl@yahoo.no", "+4793456789"),
    "Tally": ("Peter Friis", "peter@friis-vvs.dk", "+4531425364"),
}


def test_every_builtin_rule_has_a_sample() -> None:
    assert {rule.name for rule in BUILTIN_RULES} == set(SAMPLE_MAILS) == set(EXPECTED)


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.name)
def test_sample_mail_gives_the_person_who_filled_in_the_form(rule: FormRule) -> None:
    mail = SAMPLE_MAILS[rule.name]
    assert match_rule(BUILTIN_RULES, mail.from_addr, mail.subject) is rule
    submission = extract_from_sample(rule, mail, region="NO" if rule.name in NORWEGIAN else "DK")
    assert submission is not None
    assert (submission.name, submission.email, submission.phone) == EXPECTED[rule.name]
    assert submission.message
    assert submission.rule_name == rule.name
    # Footers of the service never leak into the customer's message.
    for marker in rule.stop_markers:
        assert marker.lower() not in submission.message.lower()


def test_contact_form_7_keeps_a_multi_line_message_with_colons_inside() -> None:
    mail = SAMPLE_MAILS["WordPress Contact Form 7"]
    rule = match_rule(BUILTIN_RULES, mail.from_addr, mail.subject)
    assert rule is not None
    submission = extract_submission(
        rule, from_addr=mail.from_addr, reply_to=None, subject=mail.subject, text=mail.text
    )
    assert submission is not None
    assert submission.message == (
        "Hej,\n\nJeg modtog ordre 1042 i går, men den store serveringsskål var revnet.\n"
        "Bemærk: pakken var ellers fin.\nKan I sende en ny inden jul?\n\nMvh Mette"
    )
    assert submission.subject == "Revnet skål i min ordre"
    assert submission.form_name == "Hygge Keramik"
    assert ("Telefon", "22 33 44 55") in submission.fields


def test_wpforms_plain_text_and_html_give_the_same_person() -> None:
    mail = SAMPLE_MAILS["WPForms"]
    rule = match_rule(BUILTIN_RULES, mail.from_addr, mail.subject)
    assert rule is not None
    common = {"from_addr": mail.from_addr, "reply_to": None, "subject": mail.subject}
    plain = extract_submission(rule, text=mail.text, html_text=None, region="NO", **common)
    html = extract_submission(rule, text=None, html_text=mail.html_text, region="NO", **common)
    assert plain is not None and html is not None
    assert (plain.name, plain.email, plain.phone) == (html.name, html.email, html.phone)
    assert plain.form_name == "Kontaktskjema"
    assert "Kaffekvernen" in (html.message or "")


def test_survey_answers_become_the_message_when_no_message_field() -> None:
    mail = SAMPLE_MAILS["Typeform"]
    rule = match_rule(BUILTIN_RULES, mail.from_addr, mail.subject)
    assert rule is not None
    result = extract_submission(
        rule, from_addr=mail.from_addr, reply_to=None, subject=mail.subject, text="",
        html_text=mail.html_text,
    )  # fmt: skip
    assert result is not None
    assert "Hvad kan vi gøre bedre?: Leveringen tog tre uger" in (result.message or "")
    assert result.form_name == "Kundetilfredshed"


def test_falls_back_to_reply_to_when_the_form_has_no_email_field() -> None:
    rule = FormRule("Kontakt", sender_pattern="*@hyggekeramik.dk")
    result = extract_submission(
        rule,
        from_addr="Hygge Keramik <web@hyggekeramik.dk>",
        reply_to='"Jens Hansen" <Jens.Hansen@Mail.dk>',
        subject="Ny henvendelse",
        text="Navn: Jens\nBesked: Hvornår åbner I?\n",
    )
    assert result is not None
    assert result.email == "jens.hansen@mail.dk"
    assert result.name == "Jens"


def test_reply_to_of_the_service_itself_is_not_the_customer() -> None:
    rule = FormRule("Kontakt", sender_pattern="*@formservice.example")
    result = extract_submission(
        rule,
        from_addr="noreply@formservice.example",
        reply_to="noreply@formservice.example",
        subject="x",
        text="Besked: hej\n",
    )
    assert result is not None and result.email is None


def test_field_map_names_labels_the_vocabulary_does_not_know() -> None:
    rule = FormRule(
        "Booking",
        subject_pattern="Ny booking*",
        field_map={"Hvem er du?": "name", "Hvad drejer det sig om?": "message", "Kode": "ignore"},
    )
    text = (
        "Hvem er du?: Ole Bach\nMail: ole@bach.dk\nKode: 1234\n"
        "Hvad drejer det sig om?: Jeg vil flytte min tid.\nGerne til fredag.\n"
    )
    result = extract_submission(
        rule, from_addr="x@y.dk", reply_to=None, subject="Ny booking fra web", text=text
    )
    assert result is not None
    assert (result.name, result.email) == ("Ole Bach", "ole@bach.dk")
    assert result.message == "Jeg vil flytte min tid.\nGerne til fredag."


def test_first_and_last_name_are_joined() -> None:
    fields_text = "Fornavn: Kari\nEtternavn: Nordmann\nE-post: kari@example.no\n"
    rule = FormRule("r", subject_pattern="*")
    result = extract_submission(rule, from_addr="a@b.no", reply_to=None, subject="s",
                                text=fields_text)  # fmt: skip
    assert result is not None and result.name == "Kari Nordmann"


def test_an_unparseable_phone_stays_in_the_fields() -> None:
    rule = FormRule("r", subject_pattern="*")
    result = extract_submission(
        rule, from_addr="a@b.dk", reply_to=None, subject="s", text="Navn: A\nTlf: ring efter 16\n"
    )
    assert result is not None
    assert result.phone is None
    assert ("Tlf", "ring efter 16") in result.fields


def test_rule_that_does_not_match_gives_none() -> None:
    rule = FormRule("Formspree", sender_pattern="*@formspree.io")
    assert (
        extract_submission(
            rule, from_addr="kunde@gmail.com", reply_to=None, subject="Hej", text="Navn: X"
        )
        is None
    )


def test_mail_without_any_fields_or_reply_to_gives_none() -> None:
    rule = FormRule("r", subject_pattern="*")
    result = extract_submission(
        rule, from_addr="a@b.dk", reply_to=None, subject="s", text="Just some prose here."
    )
    assert result is None


def test_glob_and_regex_patterns() -> None:
    glob = FormRule("g", sender_pattern="*@FormSpree.io", subject_pattern="New submission*")
    assert glob.matches("Formspree <noreply@formspree.io>", "new submission from Kontakt")
    assert not glob.matches("noreply@formspree.io.evil.com", "New submission")
    regex = FormRule("r", subject_pattern=r"re:ordre\s+\d+")
    assert regex.matches("anyone@x.dk", "Spørgsmål om ordre 1042")
    assert not regex.matches("anyone@x.dk", "Spørgsmål om levering")


def test_rule_without_patterns_matches_nothing() -> None:
    assert not FormRule("tom").matches("a@b.dk", "anything")
    assert match_rule([FormRule("tom")], "a@b.dk", "x") is None


def test_invalid_rules_explain_themselves() -> None:
    with pytest.raises(InvalidRule, match="regular expression"):
        FormRule("bad", subject_pattern="re:(unclosed")
    with pytest.raises(InvalidRule, match="maps to"):
        FormRule("bad", subject_pattern="*", field_map={"Navn": "fullname"})
    with pytest.raises(InvalidRule, match="name"):
        FormRule(" ", subject_pattern="*")


def test_user_rules_before_builtins_win() -> None:
    mine = FormRule("Min Formspree", sender_pattern="*@formspree.io", form_name="Butik")
    mail = SAMPLE_MAILS["Formspree"]
    assert match_rule([mine, *BUILTIN_RULES], mail.from_addr, mail.subject) is mine


def test_html_table_rows_become_label_value_lines() -> None:
    html = (
        "<table><tr><td><table>"
        "<tr><th>Navn</th><td>Jens &amp; Co</td></tr>"
        "<tr><td><b>Besked</b></td><td>Linje 1<br>Linje 2</td></tr>"
        "</table></td></tr></table><style>td{color:red}</style>"
    )
    assert html_to_labelled_text(html) == "Navn: Jens & Co\nBesked:\nLinje 1\nLinje 2"


def test_parse_fields_wpforms_dashes_and_bare_labels() -> None:
    text = "--- Navn ---\n\nKari\n\nE-post\nkari@x.no\n\nMelding:\nHei\n\nHadet\n"
    assert parse_fields(text) == (
        ("Navn", "Kari"),
        ("E-post", "kari@x.no"),
        ("Melding", "Hei\n\nHadet"),
    )
