"""A document's summary is kept in its own language's column, and shown in that language
and direction whatever the interface's."""

import pytest
from sqlalchemy import select

from quizapp.banks.models import Document
from quizapp.extensions import db

from .conftest import add_document

ENGLISH = "The city opened a new museum of art on 5 March 2024, covering 4500 square metres."


@pytest.mark.parametrize("interface", ["ar", "en"])
@pytest.mark.parametrize("language, text, summary, direction", [
    ("ar", None, "متحف جديد في الدوحة", "rtl"),
    ("en", ENGLISH, "A new museum in Doha", "ltr"),
])
def test_the_summary_is_stored_and_shown_in_the_documents_language(
        loaded_app, world, client_as, interface, language, text, summary, direction):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", interface)
    fields = {"language": language, "summary": summary}
    if text:
        fields["text"] = text
    assert add_document(teacher, **fields).status_code == 303
    slug = f"t{world.teacher.id}.doha-museum"
    with loaded_app.app_context():
        document = db.session.scalar(select(Document).where(Document.slug == slug))
        stored = {"ar": document.summary_ar, "en": document.summary_en}
    assert stored[language] == summary
    assert not stored["en" if language == "ar" else "ar"]
    page = teacher.get(f"/sources/{slug}").get_data(as_text=True)
    assert f'<p lang="{language}" dir="{direction}">{summary}</p>' in page
    # The correction form shows it back, to be corrected.
    assert summary in teacher.get(f"/my-documents/{slug}/edit").get_data(as_text=True)


def test_a_correction_to_another_language_moves_the_summary(loaded_app, world, client_as):
    from quizapp.documents.services import DocumentText, correct_document

    teacher = client_as("teacher")
    assert add_document(teacher, summary="ملخص").status_code == 303
    with loaded_app.app_context():
        document = db.session.scalar(select(Document).where(
            Document.owner_id == world.teacher.id))
        correct_document(document, DocumentText("", "", "Museum", None, "en", "Summary",
                                                ENGLISH))
        assert (document.summary_ar, document.summary_en) == (None, "Summary")
