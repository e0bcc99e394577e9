from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from soloservice.domain.templates import (
    BUILTIN_KEYS,
    BUILTIN_TEMPLATES,
    FILL_IN,
    KNOWN_PLACEHOLDERS,
    Rendered,
    Template,
    TemplateError,
    ensure_valid,
    first_name,
    placeholders,
    render,
    render_template,
    template_for,
    validate,
    validate_text,
)
from soloservice.domain.types import Channel, Language
from soloservice.domain.wording import format_promise

DUE = datetime(2027, 3, 30, 14, 0, tzinfo=UTC)


def values_for(language: Language) -> dict[str, str | None]:
    return {
        "customer.name": "Anne Hansen",
        "customer.first_name": "Anne",
        "customer.email": "anne@example.dk",
        "customer.phone": "+45 20 30 40 50",
        "case.id": "42",
        "case.subject": "Knækket vase",
        "case.channel": "email",
        "promise.due": format_promise(DUE, language, "Europe/Copenhagen"),
        "founder.name": "Mette Holm",
        "founder.first_name": "Mette",
        "business.name": "Holm Keramik",
        "business.email": "hej@holmkeramik.dk",
        "business.phone": "+45 70 10 20 30",
        "business.website": "holmkeramik.dk",
    }


def template(body: str, subject: str = "Re: {case.subject} [#{case.id}]") -> Template:
    return Template(key="mine", name="Mine", language=Language.DA, subject=subject, body=body)


# -- built-ins ------------------------------------------------------------------------------


def test_every_builtin_exists_in_every_language() -> None:
    assert set(BUILTIN_KEYS) == {
        "ack",
        "ack_complaint",
        "need_info",
        "apology",
        "refund_replacement",
        "satisfied",
        "callback_note",
    }
    for key in BUILTIN_KEYS:
        for language in Language:
            found = template_for(key, language)
            assert found.key == key
            assert found.language is language
            assert found.builtin
    assert len(BUILTIN_TEMPLATES) == len(BUILTIN_KEYS) * len(Language)


@pytest.mark.parametrize("builtin", BUILTIN_TEMPLATES, ids=lambda t: f"{t.key}-{t.language}")
def test_builtin_validates_and_renders_completely(builtin: Template) -> None:
    assert validate(builtin) == []
    assert ensure_valid(builtin) is builtin
    assert "{case.subject" in builtin.subject
    assert "[#{case.id}]" in builtin.subject
    rendered = render_template(builtin, values_for(builtin.language))
    assert rendered.empty == ()
    assert rendered.subject == "Re: Knækket vase [#42]"
    assert "{" not in rendered.body
    assert "}" not in rendered.body
    assert "Mette Holm\nHolm Keramik" in rendered.body
    assert "http" not in rendered.body
    assert "www" not in rendered.body


@pytest.mark.parametrize("language", list(Language))
def test_builtins_render_with_little_known(language: Language) -> None:
    """Knowing only the promise, greetings, fallbacks and subjects still read naturally."""
    only_due = {"promise.due": format_promise(DUE, language, "Europe/Copenhagen")}
    for key in BUILTIN_KEYS:
        rendered = render_template(template_for(key, language), only_due)
        assert "{" not in rendered.body
        assert "  " not in rendered.body
        assert not any(line != line.rstrip() for line in rendered.body.splitlines())
        assert "case.subject" not in rendered.empty  # it has a fallback
        assert "case.id" in rendered.empty
        assert "customer.first_name" not in rendered.empty


def test_greetings() -> None:
    da = render_template(template_for("ack", Language.DA), values_for(Language.DA))
    nb = render_template(template_for("ack", Language.NB), values_for(Language.NB))
    en = render_template(template_for("ack", Language.EN), values_for(Language.EN))
    assert da.body.startswith("Hej Anne\n\n")
    assert nb.body.startswith("Hei Anne\n\n")
    assert en.body.startswith("Hi Anne,\n\n")
    anonymous = render_template(template_for("ack", Language.EN), {})
    assert anonymous.body.startswith("Hi there,\n\n")
    assert render_template(template_for("ack", Language.DA), {}).body.startswith("Hej\n\n")


def test_acknowledgements_state_the_promise_in_local_words() -> None:
    da = render_template(template_for("ack", Language.DA), values_for(Language.DA)).body
    nb = render_template(template_for("ack", Language.NB), values_for(Language.NB)).body
    en = render_template(template_for("ack", Language.EN), values_for(Language.EN)).body
    assert "vender tilbage senest tirsdag den 30. marts kl. 16.00." in da
    assert "svarer deg innen tirsdag 30. mars kl. 16.00." in nb
    assert "you will hear from us by Tuesday 30 March, 4 pm." in en


def test_complaint_acknowledgement_says_sorry_and_states_the_promise() -> None:
    for language, sorry in (
        (Language.DA, "kede af"),
        (Language.NB, "beklager"),
        (Language.EN, "sorry"),
    ):
        complaint = template_for("ack_complaint", language)
        assert sorry in complaint.body
        assert "{promise.due}" in complaint.body
        assert sorry not in template_for("ack", language).body


def test_satisfaction_asks_yes_no_and_the_0_to_10_question_by_reply() -> None:
    for language, yes_no, recommend in (
        (Language.DA, "ja eller nej", "anbefale"),
        (Language.NB, "ja eller nei", "anbefale"),
        (Language.EN, "yes or no", "recommend"),
    ):
        body = template_for("satisfied", language).body
        assert yes_no in body
        assert recommend in body
        assert "0 til 10" in body or "0 to 10" in body


def test_apology_leaves_a_marked_spot_for_the_solution() -> None:
    for language in Language:
        assert FILL_IN in template_for("apology", language).body


def test_template_for_prefers_the_first_match_and_reports_missing() -> None:
    edited = replace(template_for("ack", Language.DA), body="Hej!", builtin=False)
    assert template_for("ack", Language.DA, [edited, *BUILTIN_TEMPLATES]) is edited
    with pytest.raises(KeyError, match="nope"):
        template_for("nope", Language.EN)


def test_channels_empty_means_all() -> None:
    anywhere = template("Hej")
    phone_only = replace(anywhere, channels=frozenset({Channel.PHONE}))
    assert anywhere.suits(Channel.X)
    assert phone_only.suits(Channel.PHONE)
    assert not phone_only.suits(Channel.EMAIL)


# -- rendering ------------------------------------------------------------------------------


def test_values_and_fallbacks() -> None:
    text = "Hi {customer.first_name|there}, this is {founder.name}."
    assert render(text, {"customer.first_name": "Anne", "founder.name": "Mette"}) == Rendered(
        "Hi Anne, this is Mette.", ()
    )
    assert render(text, {"founder.name": "Mette"}).text == "Hi there, this is Mette."
    assert render(text, {"customer.first_name": None, "founder.name": "Mette"}).text == (
        "Hi there, this is Mette."
    )
    assert render(text, {"customer.first_name": "  ", "founder.name": "Mette"}).text == (
        "Hi there, this is Mette."
    )


def test_empty_values_are_reported_once_in_order() -> None:
    text = "{business.name} {founder.name} {business.name} {customer.first_name|}"
    rendered = render(text, {"business.name": ""})
    assert rendered.empty == ("business.name", "founder.name")
    assert rendered.text == ""


def test_explicit_empty_fallback_is_not_reported() -> None:
    rendered = render("Hej {customer.first_name|}\nTak", {})
    assert rendered == Rendered("Hej\nTak", ())


def test_fallback_may_contain_spaces_and_punctuation() -> None:
    text = "on {customer.phone|the number you called from, as usual}"
    assert render(text, {}).text == "on the number you called from, as usual"


def test_escaped_braces() -> None:
    rendered = render(
        "{{customer.name}} is {customer.name}; {{{case.id}}} }}",
        {
            "customer.name": "Anne",
            "case.id": "7",
        },
    )
    assert rendered.text == "{customer.name} is Anne; {7} }"
    assert validate_text("{{not a placeholder}}") == []
    assert placeholders("{{x}} {case.id} {customer.name|y} {case.id}") == [
        "case.id",
        "customer.name",
    ]


def test_values_are_inserted_literally() -> None:
    rendered = render("{customer.name}", {"customer.name": "{case.id} {{"})
    assert rendered.text == "{case.id} {{"


def test_render_refuses_broken_syntax() -> None:
    with pytest.raises(TemplateError, match="unclosed"):
        render("Hello {customer.name", {})
    with pytest.raises(TemplateError, match="unmatched"):
        render("Hello }", {})


# -- validation -----------------------------------------------------------------------------


def test_unknown_placeholder_is_refused_when_saved() -> None:
    bad = template("Hej {customer.frist_name|}")
    assert validate(bad) == ["body: unknown placeholder {customer.frist_name}"]
    with pytest.raises(TemplateError) as error:
        ensure_valid(bad)
    assert error.value.problems == ("body: unknown placeholder {customer.frist_name}",)
    assert "frist_name" in str(error.value)


def test_unbalanced_braces_are_problems() -> None:
    assert validate_text("Hej {customer.name") == ["unclosed '{' on line 1"]
    assert validate_text("a\nb}") == ["unmatched '}' on line 2"]
    assert validate_text("{customer.name {case.id}") == ["unclosed '{' on line 1"]
    assert validate_text("{}") == ["malformed placeholder {} on line 1"]
    assert validate_text("{Customer Name}") == ["malformed placeholder {Customer Name} on line 1"]


def test_subject_problems_are_labelled() -> None:
    bad = template("Hej", subject="Re: {case.title}")
    assert validate(bad) == ["subject: unknown placeholder {case.title}"]


def test_name_and_shortcut_are_checked() -> None:
    assert validate(replace(template("Hej"), name=" ")) == ["the template needs a name"]
    assert validate(replace(template("Hej"), key="")) == ["the template needs a key"]
    assert validate(replace(template("Hej"), shortcut="")) != []
    assert validate(replace(template("Hej"), shortcut="tak")) == []


def test_validate_text_with_a_custom_vocabulary() -> None:
    assert validate_text("{order.number}", known={"order.number"}) == []
    assert validate_text("{order.number}") == ["unknown placeholder {order.number}"]


def test_known_placeholders_are_described() -> None:
    for required in (
        "customer.first_name",
        "customer.name",
        "promise.due",
        "case.id",
        "case.subject",
        "founder.name",
        "business.name",
    ):
        assert KNOWN_PLACEHOLDERS[required]


def test_first_name() -> None:
    assert first_name("Anne-Marie Hansen") == "Anne-Marie"
    assert first_name("  Ole  ") == "Ole"
    assert first_name("") is None
    assert first_name(None) is None
