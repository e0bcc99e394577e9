"""What issue 14's import speed-ups must not change: the cheap row constructor builds the
constructor's row, the language the parse worker scores is the guess the importer would
make, the form-rule prefilter finds what every rule would, and 0009 drops only the two
unused inquiry indexes. The import itself runs through the CLI on a real store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import col, select

from soloservice.channels.email.parse import ParsedMail, parse_message
from soloservice.channels.form import extract
from soloservice.channels.form.builtin_rules import BUILTIN_RULES, SAMPLE_MAILS
from soloservice.channels.form.rules import SampleMail
from soloservice.services import form_mail, language_id
from soloservice.services.form_mail import FormMailHook
from soloservice.services.mail_parse_pool import ParsePool
from soloservice.services.mail_rows import new_row
from soloservice.services.registry import Services
from soloservice.storage.mail_tables import MailItemRow
from soloservice.storage.migrate import alembic_config
from soloservice.storage.tables import CustomerRow, EventRow, InquiryRow, MessageRow
from tests.services.test_mail_import_batch import import_maildir, write_maildir

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

TEXTS = [
    ("Knust kop", "Hej, min kop kom i stykker med posten. Kan I sende en ny? Venlig hilsen Mette"),
    ("Levering", "Hei! Når kommer pakken min? Jeg har ventet i to uker nå. Hilsen Kari"),
    ("Order", "Hello, my order has not arrived yet. Could you check the tracking? Thanks, Tom"),
]


def raw_mail(n: int, subject: str, body: str) -> bytes:
    return (
        f"From: Kunde {n} <kunde{n}@example.com>\r\nTo: hej@butik.dk\r\nSubject: {subject}\r\n"
        f"Message-ID: <speed{n}@example.com>\r\nDate: Tue, 24 Nov 2026 09:0{n}:00 +0100\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"
    ).encode()


def state(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row.__dict__.items() if k != "_sa_instance_state"}


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (InquiryRow, {"id": 4, "customer_id": 2, "channel": "email", "subject": "s",
                      "snippet": "x", "kind": "question", "status": "new", "received_at": NOW,
                      "due_at": NOW, "needs_reply_since": NOW, "last_activity_at": NOW}),
        (CustomerRow, {"id": 2, "name": "Mette", "language": "da", "created_at": NOW}),
        (EventRow, {"inquiry_id": 4, "at": NOW, "kind": "created", "new_value": "new"}),
        (MailItemRow, {"source": "maildir", "folder": "x", "outcome": "imported",
                       "fetched_at": NOW, "raw": b"raw", "raw_hash": "sha256:00"}),
    ],
)  # fmt: skip
def test_a_cheap_row_is_the_constructors_row(cls: type[Any], values: dict[str, Any]) -> None:
    made, cheap = cls(**values), new_row(cls, **values)
    assert state(cheap) == state(made)
    assert cheap.__pydantic_fields_set__ == made.__pydantic_fields_set__
    assert cheap.model_dump() == made.model_dump()
    with pytest.raises(TypeError, match="no field"):
        new_row(cls, no_such_field=1)


def test_the_worker_scores_the_language_so_the_importer_never_runs_the_classifier(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raws = [raw_mail(n, subject, body) for n, (subject, body) in enumerate(TEXTS, 1)]
    parsed = [parse_message(raw, received=NOW) for raw in raws]
    words = [language_id.mail_words(p.subject, p.text) for p in parsed if isinstance(p, ParsedMail)]
    expected = [language_id.guess_for(w, emails=["a@example.com"]) for w in words]
    assert [g.language.value for g in expected] == ["da", "nb", "en"]
    language_id.forget_all()
    batch = [(raw, NOW) for raw in raws]
    with ParsePool(enabled=True) as pool:
        pending = pool.submit(batch)  # the worker starts here, with the real classifier

        def no_classifier() -> object:
            raise AssertionError("the importer ran the classifier")

        monkeypatch.setattr(language_id, "_classifier", no_classifier)
        assert pool.collect(pending, batch) == parsed
        assert [language_id.guess_for(w, emails=["a@example.com"]) for w in words] == expected
    with pytest.raises(AssertionError, match="ran the classifier"):  # forgotten after the pool
        language_id.guess_for(words[0])


def test_the_form_prefilter_reads_only_rules_whose_sender_and_subject_fit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook = FormMailHook(BUILTIN_RULES, "DK")
    samples = [*SAMPLE_MAILS.values(), SampleMail("kunde@example.dk", "Knust kop", "Hej", None)]
    # what the hook found before the prefilter: every rule tried in order
    for sample in samples:
        expected = next(
            (
                (rule, found)
                for rule in BUILTIN_RULES
                if (found := extract.extract_from_sample(rule, sample, "DK")) is not None
            ),
            None,
        )
        assert hook.first_match(sample) == expected
    read: list[str] = []
    real = form_mail.extract_from_sample

    def counting(rule: Any, sample: SampleMail, region: str = "DK") -> Any:
        read.append(rule.name)
        return real(rule, sample, region)

    monkeypatch.setattr(form_mail, "extract_from_sample", counting)
    assert hook.first_match(samples[-1]) is None
    assert read == []  # an ordinary customer mail fits no rule's sender/subject


def test_an_import_through_the_cli_guesses_each_new_customers_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("soloservice.services.mail_import.POOL_MIN_MAILS", 1)
    raws = [raw_mail(n, subject, body) for n, (subject, body) in enumerate(TEXTS, 1)]
    summary = import_maildir(capsys, tmp_path / "data", write_maildir(tmp_path / "box", raws))
    assert summary["new_inquiries"] == 3
    services = Services.open(tmp_path / "data")
    try:
        with services.ctx.db.read_session() as session:
            rows = session.exec(select(CustomerRow).order_by(col(CustomerRow.id))).all()
            assert [(r.language, r.language_source) for r in rows] == [
                ("da", "guess"),
                ("nb", "guess"),
                ("en", "guess"),
            ]
    finally:
        services.close()


def inquiry_indexes(conn: Any) -> set[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inquiry'"
    return {name for (name,) in conn.execute(text(query))}


def test_0009_drops_only_the_unused_inquiry_indexes_and_downgrades(tmp_path: Path) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    config = alembic_config(engine)
    dropped = {"ix_inquiry_channel_received", "ix_inquiry_needs_reply"}
    kept = {"ix_inquiry_status_due", "ix_inquiry_status_received"}
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
        before = inquiry_indexes(conn)
        assert dropped | kept <= before
        command.upgrade(config, "0009")
        after = inquiry_indexes(conn)
        assert after == before - dropped
        command.downgrade(config, "0008")
        assert inquiry_indexes(conn) == before


@pytest.mark.parametrize("cls", [InquiryRow, CustomerRow, EventRow, MailItemRow, MessageRow])
def test_cheap_rows_share_no_default_that_could_change(cls: type[Any]) -> None:
    """Plain defaults (None, text, numbers) are copied from one template per class; any
    other default (a list, a factory's value) is made afresh for every row."""
    required = {name: None for name, field in cls.model_fields.items() if field.is_required()}
    first, second = new_row(cls, **required), new_row(cls, **required)
    for name in cls.model_fields:
        value = getattr(first, name)
        if not isinstance(value, (type(None), str, int, float, bool, bytes)):
            assert value is not getattr(second, name), name


def test_a_factory_default_is_made_afresh_for_every_cheap_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No mail table has such a default today: give one a list factory, as a field added
    later might, and check ``new_row`` calls it per row instead of sharing one value."""
    from pydantic.fields import FieldInfo

    from soloservice.services import mail_rows

    mail_rows._recipe.cache_clear()
    monkeypatch.setitem(MessageRow.model_fields, "text", FieldInfo(default_factory=list))
    try:
        first = new_row(MessageRow, inquiry_id=1, sent_at=NOW)
        second = new_row(MessageRow, inquiry_id=1, sent_at=NOW)
        made: list[object] = [first.text, second.text]
        assert made == [[], []]
        assert made[0] is not made[1]
        assert first.author == MessageRow.model_fields["author"].default  # plain: as before
    finally:
        mail_rows._recipe.cache_clear()
