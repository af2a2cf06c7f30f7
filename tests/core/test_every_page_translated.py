"""Every page in both languages: `lang`/`dir` set, and no English interface text on an
Arabic page (every msgid of the catalog is looked for in the Arabic page's text)."""

import re

import pytest

from ..pages import english_fragments, visible_text
from ..people import PASSWORD, csrf_token, login

# Pages that answer with an error on purpose; every other page must answer 200, so that an
# error page (which extends base.html and is translated too) cannot pass for the real one.
ERROR_PAGES = {"not found": 404, "reset link": 404}


def render(client, name: str, path: str) -> str:
    """The page's HTML, once it has answered with the status it should."""
    response = client.get(path)
    assert response.status_code == ERROR_PAGES.get(name, 200), (name, response.status_code)
    return response.get_data(as_text=True)


@pytest.fixture
def pages(loaded_app, world, client_as):
    """(name, client, path) for every page a person can reach."""
    teacher, student = client_as("teacher"), client_as("student")
    token = csrf_token(student)
    start = student.post("/quiz", data={"bank": "cultural-centre-beijing", "length": "1",
                                        "csrf_token": token})
    quiz = start.headers["Location"]
    anonymous = loaded_app.test_client()
    document, question_id, name = _own_document(loaded_app, world.teacher.id)
    return [
        ("home", anonymous, "/"), ("bank", anonymous, "/banks/cultural-centre-beijing"),
        ("source", anonymous, "/sources/kazakhstan-cultural-centre-beijing?q=x"),
        ("login", anonymous, "/login"), ("register", anonymous, "/register"),
        ("not found", anonymous, "/no/such/page"), ("reset link", anonymous, "/reset/x"),
        ("teacher classes", teacher, "/classes/"),
        ("teacher class", teacher, f"/classes/{world.school_class.id}"),
        ("account", teacher, "/account"), ("student classes", student, "/classes/"),
        ("student bank", student, "/banks/cultural-centre-beijing"),
        ("quiz question", student, quiz), ("review", student, "/review"),
        ("progress", student, "/progress"),
        ("quiz history", student, "/progress/quizzes"),
        ("question history", student, "/progress/questions/kcc-opening-date-choice"),
        ("item analysis", teacher,
         f"/classes/{world.school_class.id}/banks/cultural-centre-beijing/items"),
        ("student progress for the teacher", teacher,
         f"/classes/{world.school_class.id}/students/{world.student.id}"),
        ("student class", student, f"/classes/{world.school_class.id}"),
        ("my banks", teacher, "/my-banks"), ("bank editor", teacher, "/my-banks/new"),
        ("bank format", teacher, "/my-banks/format"),
        ("bank history", teacher, "/banks/cultural-centre-beijing/history"),
        ("my documents", teacher, "/my-documents"),
        ("new document", teacher, "/my-documents/new"),
        ("own document", teacher, f"/sources/{document}"),
        ("correct document", teacher, f"/my-documents/{document}/edit"),
        ("draft", teacher, f"/my-documents/{document}/draft"),
        ("draft again", teacher, f"/my-documents/{document}/draft/again"),
        ("drafted question", teacher, f"/my-documents/{document}/draft/questions/{question_id}"),
        ("glossary", teacher, "/my-glossary"), ("new name", teacher, "/my-glossary/new"),
        ("edit name", teacher, f"/my-glossary/{name}/edit"),
    ], (student, quiz, token)


def _own_document(app, teacher_id: int) -> tuple[str, str, str]:
    """A teacher's document with a draft, and a glossary name: slugs and a question id."""
    from quizapp.documents.drafts import make_draft
    from quizapp.documents.glossary import Name, add_name
    from quizapp.documents.services import DocumentText, add_document

    with app.app_context():
        document = add_document(teacher_id, DocumentText(
            "article", "مقال", "", None, "ar", "ملخص",
            "افتتح الرئيس المتحف في الدوحة يوم 5 مارس 2024 بمساحة 4500 متر مربع."),
            max_documents=10)
        draft = make_draft(document, teacher_id)
        entry = add_name(teacher_id, Name("place", "الدوحة", "Doha", ("دوحة قطر",)))
        return document.slug, draft.questions[0]["id"], entry.slug


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_every_page_has_lang_and_dir(pages, lang, direction):
    listed, _ = pages
    for name, client, path in listed:
        client.set_cookie("lang", lang)
        page = render(client, name, path)
        assert f'<html lang="{lang}" dir="{direction}">' in page, name


def test_no_english_interface_text_on_arabic_pages(pages):
    listed, (student, quiz, token) = pages
    student.set_cookie("lang", "ar")
    student.post(quiz, data={"answer": "a", "csrf_token": token})
    listed = listed + [("quiz feedback", student, quiz),
                       ("quiz result", student, quiz.rsplit("/", 1)[0] + "/result")]
    fragments = english_fragments()
    assert len(fragments) > 100
    for name, client, path in listed:
        client.set_cookie("lang", "ar")
        text = visible_text(render(client, name, path))
        leaked = [fragment for fragment in fragments if fragment in text]
        assert leaked == [], (name, leaked)


def test_bank_problems_and_preview_have_no_english_on_arabic_pages(world, client_as):
    from ..banks.conftest import GOOD, submit

    teacher = client_as("teacher")
    teacher.set_cookie("lang", "ar")
    fragments = english_fragments()
    problems = submit(teacher, GOOD.replace("answer: a\n", "answer: z\n"))
    assert problems.status_code == 422
    preview = submit(teacher, GOOD)
    assert preview.status_code == 200
    preview = preview.get_data(as_text=True)
    assert '<section lang="en" dir="ltr"' in preview
    # The preview shows each question in English too, on purpose: leave that column out.
    arabic_part = re.sub(r'<section lang="en".*?</section>', " ", preview, flags=re.S)
    for name, page in [("problems", problems.get_data(as_text=True)),
                       ("preview", arabic_part)]:
        text = visible_text(page)
        leaked = [fragment for fragment in fragments if fragment in text]
        assert leaked == [], (name, leaked)


def test_login_and_error_messages_in_arabic(loaded_app, world):
    client = loaded_app.test_client()
    client.set_cookie("lang", "ar")
    response = login(client, "student", PASSWORD + "x")
    assert response.status_code == 401
    text = visible_text(response.get_data(as_text=True))
    assert "اسم المستخدم أو كلمة المرور غير صحيحة." in text
    assert not [f for f in english_fragments() if f in text]
