"""Titles, summaries and glossary spellings a teacher types go through the rules every
typed name follows (core/text.py): no NUL (PostgreSQL refuses it: a 500), no bidi
overrides or other invisible characters that make a title read other than it is."""

from sqlalchemy import select

from quizapp.banks.models import Document, GlossaryEntry
from quizapp.extensions import db

from ..documents.conftest import add_document
from ..people import csrf_token

HOSTILE = "\x00\u202e\u200b\x07"


def test_a_document_title_and_summary_keep_no_control_or_bidi_character(
        loaded_app, world, client_as):
    teacher = client_as("teacher")
    response = add_document(teacher, title_ar=f"متحف{HOSTILE}الدوحة",
                            title_en=f"Doha{HOSTILE} museum", summary=f"A{HOSTILE} summary")
    assert response.status_code == 303
    with loaded_app.app_context():
        document = db.session.scalar(select(Document).where(
            Document.owner_id == world.teacher.id))
        assert (document.title_ar, document.title_en, document.summary_ar) == (
            "متحفالدوحة", "Doha museum", "A summary")


def test_a_corrected_title_keeps_no_control_or_bidi_character(loaded_app, world, client_as):
    teacher = client_as("teacher")
    location = add_document(teacher).headers["Location"]
    slug = location.rsplit("/", 1)[1]
    edit = f"/my-documents/{slug}/edit"
    response = teacher.post(edit, data={
        "csrf_token": csrf_token(teacher, edit), "title_ar": f"عنوان{HOSTILE}",
        "title_en": "", "event_date": "", "language": "ar", "summary": "",
        "text": "افتتحت وزارة الثقافة متحفاً جديداً."}, content_type="multipart/form-data")
    assert response.status_code == 303
    with loaded_app.app_context():
        assert db.session.scalar(select(Document.title_ar).where(
            Document.slug == slug)) == "عنوان"


def test_a_glossary_name_keeps_no_control_or_bidi_character(loaded_app, world, client_as):
    teacher = client_as("teacher")
    response = teacher.post("/my-glossary/new", data={
        "csrf_token": csrf_token(teacher, "/my-glossary/new"), "kind": "person",
        "ar": f"سارة{HOSTILE}", "en": f"Sara{HOSTILE}", "variants_ar": f"ساره{HOSTILE}",
        "variants_en": f"Sarah{HOSTILE}"})
    assert response.status_code == 303
    with loaded_app.app_context():
        entry = db.session.scalar(select(GlossaryEntry.entry).where(
            GlossaryEntry.owner_id == world.teacher.id))
    assert entry["ar"] == "سارة" and entry["en"] == "Sara"
    assert entry["variants"] == {"ar": ["ساره"], "en": ["Sarah"]}
