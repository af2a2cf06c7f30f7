"""Every shipped bank exported once per format for the whole module (the files are read
only), so the checks on each file cost no more exports."""

import pytest
from sqlalchemy import select

from quizapp.banks.models import Bank
from quizapp.extensions import db
from quizapp.interop.formats import FORMATS
from quizapp.interop.services import bank_questions, export_bank

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
