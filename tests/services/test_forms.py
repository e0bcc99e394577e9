"""Form rules, the mail hook and CSV imports through the real store."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.form.builtin_rules import BUILTIN_RULES, SAMPLE_MAILS
from soloservice.channels.form.csv_mapping import ColumnMapping
from soloservice.channels.form.rules import SampleMail
from soloservice.domain.types import Channel, IdentityKind
from soloservice.services.errors import InvalidInput, NotFound
from soloservice.services.forms import FormService, make_rule
from soloservice.services.import_summary import ImportFailed
from soloservice.services.registry import Services
from tests.helpers.factories import every_inquiry


def eml(sample: SampleMail, message_id: str | None = None) -> bytes:
    mail = EmailMessage()
    mail["From"] = sample.from_addr
    mail["To"] = "kontakt@hyggekeramik.dk"
    if sample.reply_to:
        mail["Reply-To"] = sample.reply_to
    mail["Subject"] = sample.subject
    mail["Date"] = format_datetime(datetime(2026, 11, 23, 18, 30, tzinfo=UTC))
    mail["Message-ID"] = message_id or make_msgid(domain="hyggekeramik.dk")
    mail.set_content(sample.text or "(see HTML)")
    if sample.html_text:
        mail.add_alternative(sample.html_text, subtype="html")
    return mail.as_bytes()


def parsed(sample: SampleMail, message_id: str | None = None) -> ParsedMail:
    result = parse_message(eml(sample, message_id), received=datetime(2026, 11, 24, tzinfo=UTC))
    assert isinstance(result, ParsedMail)
    return result


def dump(services: Services) -> list[str]:
    with sqlite3.connect(services.ctx.db.path) as conn:
        return list(conn.iterdump())


# -- rules ---------------------------------------------------------------------------------------


def test_own_rules_come_first_and_builtins_cannot_be_changed(services: Services) -> None:
    forms = FormService(services.ctx)
    rule = make_rule(
        "Booking form",
        sender_pattern="booking@hyggekeramik.dk",
        field_map={"Hvad drejer det sig om?": "message"},
        stop_markers=["Sendt fra bookingsystemet"],
    )
    forms.add_rule(rule)
    views = forms.rules()
    assert views[0].name == "Booking form" and not views[0].builtin
    assert views[0].rule.field_map == {"Hvad drejer det sig om?": "message"}
    assert views[0].rule.stop_markers == ("Sendt fra bookingsystemet",)
    assert [v.name for v in views[1:]] == [r.name for r in BUILTIN_RULES]
    with pytest.raises(InvalidInput, match="exists already"):
        forms.add_rule(rule)
    with pytest.raises(InvalidInput, match="built-in"):
        forms.add_rule(make_rule("Formspree", sender_pattern="*@x.dk"))
    with pytest.raises(InvalidInput, match="built-in"):
        forms.remove_rule("Formspree")
    with pytest.raises(InvalidInput, match="regular expression"):
        make_rule("Broken", subject_pattern="re:([")
    with pytest.raises(InvalidInput, match="matches nothing"):
        forms.add_rule(make_rule("Empty"))
    forms.update_rule("Booking form", make_rule("Booking", subject_pattern="Ny booking*"))
    assert forms.rule("booking").rule.subject_pattern == "Ny booking*"
    forms.remove_rule("Booking")
    with pytest.raises(NotFound):
        forms.rule("Booking")


def test_preview_reads_each_builtin_sample(services: Services) -> None:
    forms = FormService(services.ctx)
    for rule in BUILTIN_RULES:
        submission = forms.preview(rule, SAMPLE_MAILS[rule.name])
        assert submission is not None, rule.name
        assert submission.email or submission.phone
    cf7 = forms.preview(BUILTIN_RULES[0], SAMPLE_MAILS["WordPress Contact Form 7"])
    assert cf7 is not None and cf7.phone == "+4522334455"
    assert forms.preview(BUILTIN_RULES[0], SAMPLE_MAILS["Formspree"]) is None


def test_hook_makes_a_form_inquiry_from_the_person_who_wrote(services: Services) -> None:
    forms = FormService(services.ctx)
    mail = parsed(SAMPLE_MAILS["WordPress Contact Form 7"], "<cf7-1@hyggekeramik.dk>")
    new = forms.form_hook(mail)
    assert new is not None
    assert new.channel is Channel.FORM
    assert new.customer.identity_kind is IdentityKind.EMAIL
    assert new.customer.identity_value == "mette.sorensen@gmail.com"
    assert new.customer.name == "Mette Sørensen"
    assert new.subject == "Revnet skål i min ordre"
    assert new.text.startswith("Hej,")
    assert "Bemærk: pakken var ellers fin." in new.text  # not cut at a colon in the message
    assert new.text.rstrip().endswith("Telefon: 22 33 44 55")  # other fields below it
    assert new.received_at == datetime(2026, 11, 23, 18, 30, tzinfo=UTC)
    assert new.external_id == "<cf7-1@hyggekeramik.dk>"
    plain = SampleMail("Ole <ole@example.dk>", "Hej", "Har I åbent lørdag?")
    assert forms.form_hook(parsed(plain)) is None


def test_hook_through_mail_ingest_attaches_to_the_existing_customer(
    services: Services, tmp_path: Path
) -> None:
    existing = services.customers.search("x")  # nothing yet
    assert existing == []
    mail = tmp_path / "netlify.eml"
    mail.write_bytes(eml(SAMPLE_MAILS["Netlify Forms"]))
    summary = services.mail_import.import_path(mail, kind="eml")  # the composed ingest
    assert (summary.new_inquiries, tuple(summary.errors)) == (1, ())
    (inquiry,) = every_inquiry(services)
    assert inquiry.channel is Channel.FORM
    assert inquiry.customer.name == "Ingrid Haugen"
    # the customer, not formresponses@netlify.com; the form's phone is theirs too (issue 11)
    assert [i.kind for i in inquiry.customer.identities] == [IdentityKind.EMAIL, IdentityKind.PHONE]
    assert "form:kontakt" in inquiry.tags


def test_hook_rules_are_loaded_once_per_hook(services: Services) -> None:
    forms = FormService(services.ctx)
    own = SampleMail(
        "Booking <booking@hyggekeramik.dk>",
        "Ny booking",
        "Navn: Per Lund\nE-mail: per@lund.dk\nHvad drejer det sig om?: Workshop for 6\n",
    )
    hook = forms.hook()
    assert forms.form_hook(parsed(own)) is None  # caches the rules as they are now
    forms.add_rule(make_rule("Booking", sender_pattern="booking@*",
                             field_map={"Hvad drejer det sig om": "message"}))  # fmt: skip
    assert hook(parsed(own)) is None  # made before the rule existed
    new = forms.form_hook(parsed(own))  # the edit reset the service's cached hook
    assert new is not None and new.text == "Workshop for 6"
    assert new.customer.identity_value == "per@lund.dk"


def test_test_mail_runs_all_rules_or_one(services: Services) -> None:
    forms = FormService(services.ctx)
    raw = eml(SAMPLE_MAILS["Tally"])
    rule, submission = forms.test_mail(raw)
    assert rule is not None and rule.name == "Tally"
    assert submission is not None and submission.name == "Peter Friis"
    rule, submission = forms.test_mail(raw, "Formspree")
    assert rule is not None and submission is None


# -- CSV -----------------------------------------------------------------------------------------

EXCEL_CSV = (
    "Tidsstempel;Navn;E-mail;Telefon;Ordrenummer;Besked\r\n"
    "24.11.2026 10.15;Mette Sørensen;mette@example.dk;22 33 44 55;1042;"
    '"Skålen var revnet.\r\nKan I sende en ny?"\r\n'
    "23.11.2026 08.02;Ole Hansen;;40 11 22 33;;Har I åbent lørdag?\r\n"
    ";;;;;\r\n"
    "22.11.2026 12.00;;ikke-en-mail;;;Hvem er jeg?\r\n"
    "21.11.2026 09.00;Søren Ærø;soren@aero.dk;;2231;Forkert farve\r\n"
)


def write_csv(path: Path, text: str = EXCEL_CSV) -> Path:
    path.write_bytes(text.encode("cp1252"))
    return path


def test_csv_import_creates_form_inquiries_and_remembers_the_mapping(
    services: Services, tmp_path: Path
) -> None:
    forms = FormService(services.ctx)
    path = write_csv(tmp_path / "kontakt.csv")
    preview = forms.csv_preview(path, form_name="Kontakt")
    assert preview.delimiter == ";" and preview.encoding == "cp1252"
    assert preview.mapping.email == "E-mail" and not preview.remembered
    summary = forms.import_csv(path, form_name="Kontakt")
    assert (summary.new_inquiries, summary.duplicates) == (3, 0)
    assert summary.rows == 4 and len(summary.errors) == 1
    assert summary.errors[0] == "line 6: not an email address: 'ikke-en-mail'"
    rows = sorted(every_inquiry(services), key=lambda r: r.received_at)
    assert {r.channel for r in rows} == {Channel.FORM}
    mette = rows[-1]
    (message,) = mette.messages
    identities = [(i.kind, i.value) for i in mette.customer.identities]
    assert mette.received_at == datetime(2026, 11, 24, 9, 15, tzinfo=UTC)
    assert message.text.startswith("Skålen var revnet.\nKan I sende en ny?")
    assert "Ordrenummer: 1042" in message.text and "Telefon: 22 33 44 55" in message.text
    assert set(identities) == {("email", "mette@example.dk"), ("phone", "+4522334455")}
    assert forms.mapping("Kontakt") == preview.mapping
    assert forms.csv_preview(path, form_name="Kontakt").remembered


def test_csv_reimport_adds_nothing(services: Services, tmp_path: Path) -> None:
    forms = FormService(services.ctx)
    path = write_csv(tmp_path / "kontakt.csv")
    forms.import_csv(path)
    before = dump(services)
    # A later export: columns in another order, one new row, rows shuffled.
    later = (
        "Besked;Navn;Telefon;E-mail;Tidsstempel;Ordrenummer\r\n"
        "Forkert farve;Søren Ærø;;soren@aero.dk;21.11.2026 09.00;2231\r\n"
        "Ny ting;Kari Nordmann;;kari@online.no;25.11.2026 07.00;\r\n"
        "Har I åbent lørdag?;Ole Hansen;40 11 22 33;;23.11.2026 08.02;\r\n"
    )
    again = forms.import_csv(write_csv(tmp_path / "kontakt-2.csv", later), mapping_name="kontakt")
    assert (again.new_inquiries, again.duplicates) == (1, 2)
    assert len(dump(services)) > len(before)
    third = forms.import_csv(path, mapping_name="kontakt")
    assert (third.new_inquiries, third.duplicates) == (0, 3)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04binary", "Excel workbook"),
        (b"", "empty"),
        (b"24.11.2026;mette@example.dk;Hej\n", "looks like data"),
    ],
)
def test_broken_csv_stores_nothing(
    services: Services, tmp_path: Path, content: bytes, message: str
) -> None:
    forms = FormService(services.ctx)
    forms.import_csv(write_csv(tmp_path / "good.csv"), form_name="Kontakt")
    before = dump(services)
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        forms.import_csv(path, form_name="Kontakt")
    assert dump(services) == before


def test_mapping_naming_missing_columns_stores_nothing(services: Services, tmp_path: Path) -> None:
    forms = FormService(services.ctx)
    before = dump(services)
    with pytest.raises(ImportFailed, match="'Email address'"):
        forms.import_csv(
            write_csv(tmp_path / "k.csv"), mapping=ColumnMapping(email="Email address")
        )
    with pytest.raises(NotFound, match="no CSV mapping named 'nope'"):
        forms.import_csv(write_csv(tmp_path / "k.csv"), mapping_name="nope")
    assert dump(services) == before
