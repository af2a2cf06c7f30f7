"""Every shipped bank exported once per format for the whole module (the files are read
only), so the checks on each file cost no more exports."""

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from quizapp.banks.models import Bank
from quizapp.extensions import db
from quizapp.interop.formats import FORMATS
from quizapp.interop.services import bank_questions, export_bank

from ..people import csrf_token

SHIPPED = ("belt-and-road-central-asia", "central-asia-china-summit", "cultural-centre-beijing")


@pytest.fixture(scope="module")
def exported(database_templates, tmp_path_factory):
    """{(slug, format): (ExportedFile, [question records])} for every shipped bank."""
    from ..conftest import _app_from_template

    made = _app_from_template(database_templates["loaded"], tmp_path_factory.mktemp("export"))
    app = next(made)
    files = {}
    with app.app_context():
        for bank in db.session.scalars(select(Bank).where(Bank.shipped.is_(True))):
            questions = [_record(q) for q in bank_questions(bank)]
            for name, export_format in FORMATS.items():
                for lang in ("ar", "en"):
                    files[bank.slug, name, lang] = (export_bank(bank, export_format, lang),
                                                    questions, _bank_record(bank))
    yield files
    next(made, None)  # releases and drops the database


def _record(question):
    return {"uid": question.uid, "type": question.type, "details": question.details,
            "prompt": {"ar": question.prompt_ar, "en": question.prompt_en},
            "explanation": {"ar": question.explanation_ar, "en": question.explanation_en},
            "quote": question.quote, "quote_en": question.quote_en, "tags": question.tags,
            "document": {"ar": question.document.title_ar, "en": question.document.title_en}}


def _bank_record(bank):
    return {"slug": bank.slug, "title": {"ar": bank.title_ar, "en": bank.title_en}}


def make_apkg(path: Path, notes: list[tuple[str, str, str]], deck: str = "بطاقات") -> bytes:
    """A minimal Anki 2.1 package: the collection's notes and decks, as Anki stores them."""
    database = path / "collection.anki21"
    connection = sqlite3.connect(database)
    connection.executescript(
        "CREATE TABLE col (id integer primary key, decks text);"
        "CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer,"
        " usn integer, tags text, flds text, sfld text, csum integer, flags integer,"
        " data text);")
    connection.execute("INSERT INTO col VALUES (1, ?)",
                       (json.dumps({"1": {"name": "Default"}, "2": {"name": deck}}),))
    for index, (front, back, tags) in enumerate(notes, start=1):
        connection.execute("INSERT INTO notes VALUES (?, ?, 1, 0, 0, ?, ?, ?, 0, 0, '')",
                           (index, f"g{index}", tags, f"{front}\x1f{back}", front))
    connection.commit()
    connection.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(database, "collection.anki21")
        archive.writestr("media", "{}")
    return buffer.getvalue()


# Both languages, tags and an explanation: a draft with nothing left to complete.
COMPLETE_GIFT = (Path(__file__).parent / "fixtures" / "import-capitals.gift").read_text(
    encoding="utf-8")


def _post(client, data: bytes, filename: str, fmt: str = "", token: str | None = None):
    form = {"csrf_token": csrf_token(client, "/my-banks/import") if token is None else token,
            "file": (io.BytesIO(data), filename), "format": fmt, "as_type": "flashcard"}
    return client.post("/my-banks/import", data=form, content_type="multipart/form-data")
