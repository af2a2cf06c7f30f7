"""A teacher's own documents: added in the browser, kept verbatim, cited by their banks,
seen by their classes only, corrected with the questions that lost their quote flagged."""

import pytest
from sqlalchemy import select

from quizapp.banks.models import Document
from quizapp.classes import services as class_services
from quizapp.extensions import db

from ..banks.conftest import publish, submit
from ..people import csrf_token
from .conftest import ARTICLE, QUOTE, add_document, arabic_bank


@pytest.fixture
def published(loaded_app, world, client_as):
    """Teacher T's document and an Arabic-only bank on it, assigned to T's class."""
    teacher = client_as("teacher")
    assert add_document(teacher).status_code == 303
    response = publish(teacher, arabic_bank())
    assert response.status_code == 303, response.get_data(as_text=True)
    with loaded_app.app_context():
        from quizapp.accounts.models import SchoolClass
        from quizapp.banks.models import Bank
        slug = f"t{world.teacher.id}.museum-bank"
        bank = db.session.scalar(select(Bank).where(Bank.slug == slug))
        class_services.assign_bank(db.session.get(SchoolClass, world.school_class.id), bank, None)
    return teacher


def doc_slug(world) -> str:
    return f"t{world.teacher.id}.doha-museum"


def test_the_document_is_stored_verbatim_in_the_teachers_namespace(loaded_app, world,
                                                                     client_as):
    response = add_document(client_as("teacher"))
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/sources/{doc_slug(world)}")
    with loaded_app.app_context():
        document = db.session.scalar(select(Document).where(Document.slug == doc_slug(world)))
        assert (document.body, document.owner_id, document.shipped) == (
            ARTICLE, world.teacher.id, False)


def test_an_uploaded_file_becomes_the_document(loaded_app, world, client_as):
    import io
    response = add_document(client_as("teacher"), text="",
                            file=(io.BytesIO(b"<p>first</p><script>x()</script><p>second</p>"),
                                  "a.html"))
    assert response.status_code == 303
    with loaded_app.app_context():
        assert db.session.scalar(select(Document.body).where(
            Document.slug == doc_slug(world))) == "first\nsecond"


@pytest.mark.parametrize("lang, words", [("en", "not a Word document"),
                                         ("ar", "ليس مستند Word")])
def test_a_hostile_file_gets_a_localised_422_and_nothing_is_stored(loaded_app, world, client_as,
                                                                    lang, words):
    import io
    client = client_as("teacher")
    client.set_cookie("lang", lang)
    response = add_document(client, text="", file=(io.BytesIO(b"PK\x03\x04junk"), "a.docx"))
    assert response.status_code == 422
    assert words in response.get_data(as_text=True)
    with loaded_app.app_context():
        assert db.session.scalar(select(Document).where(Document.owner_id.is_not(None))) is None


def test_the_same_name_twice_is_refused(world, client_as):
    client = client_as("teacher")
    assert add_document(client).status_code == 303
    response = add_document(client)
    assert response.status_code == 422
    assert "already have a document named" in response.get_data(as_text=True)


def test_students_and_owner_see_it_others_get_404(published, world, client_as):
    slug = doc_slug(world)
    for who, status in (("teacher", 200), ("student", 200), ("uteacher", 404),
                        ("rstudent", 404), (None, 404)):
        assert client_as(who).get(f"/sources/{slug}").status_code == status, who
    for path in (f"/my-documents/{slug}/edit", f"/my-documents/{slug}/draft"):
        assert client_as("uteacher").get(path).status_code == 404, path
        assert client_as("student").get(path).status_code == 404, path
    assert client_as("teacher").get(f"/my-documents/{slug}/edit").status_code == 200


def test_another_teacher_cannot_post_to_the_document(published, world, client_as):
    other = client_as("uteacher")
    slug = doc_slug(world)
    token = csrf_token(other, "/my-documents/new")
    for path in (f"/my-documents/{slug}/edit", f"/my-documents/{slug}/draft"):
        assert other.post(path, data={"csrf_token": token, "text": "x"}).status_code == 404


def test_another_teachers_bank_cannot_cite_the_document(published, client_as):
    other = client_as("uteacher")
    response = submit(other, arabic_bank(slug="stolen"))
    assert response.status_code == 422
    assert 'no source document <bdi dir="ltr">doha-museum</bdi>' in response.get_data(
        as_text=True)


def test_the_arabic_only_bank_reads_in_arabic_inside_the_english_interface(published, world,
                                                                            client_as):
    html = client_as("student").get(f"/banks/t{world.teacher.id}.museum-bank").get_data(
        as_text=True)
    assert 'lang="ar">كم تبلغ مساحة المتحف؟</p>' in html


def test_a_correction_flags_the_question_whose_quote_is_gone(published, world, client_as):
    teacher = client_as("teacher")
    slug = doc_slug(world)
    corrected = ARTICLE.replace("4500 متر مربع", "4600 متر مربع")
    response = teacher.post(f"/my-documents/{slug}/edit", data={
        "csrf_token": csrf_token(teacher, f"/my-documents/{slug}/edit"), "title_ar": "متحف",
        "language": "ar", "text": corrected})
    assert response.status_code == 303
    page = teacher.get(f"/sources/{slug}").get_data(as_text=True)
    assert "1 question no longer finds its quote in the text" in page
    assert QUOTE in page  # the old quote is shown, so the teacher knows what to fix
    bank_page = teacher.get(f"/banks/t{world.teacher.id}.museum-bank").get_data(as_text=True)
    assert "The quote is no longer in the corrected document" in bank_page
    # Not deleted, not changed: the student still studies it.
    student_page = client_as("student").get(f"/banks/t{world.teacher.id}.museum-bank")
    assert "كم تبلغ مساحة المتحف؟" in student_page.get_data(as_text=True)


def test_a_correction_that_keeps_every_quote_flags_nothing(published, world, client_as):
    teacher = client_as("teacher")
    slug = doc_slug(world)
    response = teacher.post(f"/my-documents/{slug}/edit", data={
        "csrf_token": csrf_token(teacher, f"/my-documents/{slug}/edit"), "title_ar": "متحف",
        "language": "ar", "text": ARTICLE + "\nفقرة جديدة."}, follow_redirects=True)
    assert "Every question still finds its quote" in response.get_data(as_text=True)
    assert "no longer in the corrected document" not in teacher.get(
        f"/banks/t{world.teacher.id}.museum-bank").get_data(as_text=True)


def test_a_student_with_an_english_interface_reviews_the_arabic_question_right_to_left(
        published, world, client_as):
    student = client_as("student")
    slug = f"t{world.teacher.id}.museum-bank"
    assert student.post(f"/banks/{slug}/study",
                        data={"csrf_token": csrf_token(student, "/")}).status_code == 303
    html = student.get(f"/review?bank={slug}").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert '<h1 class="prompt" lang="ar" dir="rtl">كم تبلغ مساحة المتحف؟</h1>' in html


def test_a_leaving_teachers_document_is_kept_and_seen_by_nobody(published, world, client_as,
                                                                 loaded_app):
    from ..people import PASSWORD, post

    response = post(published, "/account/delete", {"password": PASSWORD},
                    token_from="/account")
    assert response.status_code == 303
    with loaded_app.app_context():
        document = db.session.scalar(select(Document).where(Document.slug == doc_slug(world)))
        assert (document.owner_id, document.shipped, document.body) == (None, False, ARTICLE)
    for who in ("student", "uteacher", None):
        assert client_as(who).get(f"/sources/{doc_slug(world)}").status_code == 404, who


def test_the_preview_of_an_arabic_only_bank_shows_its_arabic_column_only(world, client_as):
    teacher = client_as("teacher")
    assert add_document(teacher).status_code == 303
    html = submit(teacher, arabic_bank()).get_data(as_text=True)
    # One column, its content in Arabic (inside the teacher's English interface).
    assert html.count('<section lang=') == 1
    assert '<p class="prompt" lang="ar" dir="auto">' in html
