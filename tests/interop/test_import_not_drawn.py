"""A bank not drawn from a document: its questions need no source and show no quote; a
bank drawn from documents still needs both."""

import html
import re

import yaml

from quizapp.banks.validator import Library, SourceDocument, check_bank_text

from .conftest import COMPLETE_GIFT, _post

BANK = {
    "slug": "capitals", "title": {"ar": "العواصم", "en": "Capitals"},
    "description": {"ar": "العواصم", "en": "Capitals"},
    "tags": [],
    "questions": [{
        "id": "capital-kz", "type": "true_false",
        "prompt": {"ar": "أستانا عاصمة كازاخستان.", "en": "Astana is Kazakhstan's capital."},
        "answer": True,
        "explanation": {"ar": "نعم.", "en": "Yes."}, "tags": ["place"],
    }],
}
LIBRARY = Library(documents={"astana": SourceDocument(None, "أستانا عاصمة كازاخستان.")})


def _problems(bank: dict) -> list[str]:
    _, problems = check_bank_text(yaml.safe_dump(bank, allow_unicode=True), "b.yaml", LIBRARY)
    return [f"{p.path}: {p.message()}" for p in problems]


def test_a_bank_not_drawn_from_a_document_needs_no_source():
    assert _problems(BANK | {"drawn_from_document": False, "sources": []}) == []


def test_a_bank_drawn_from_documents_still_needs_sources_and_quotes():
    problems = _problems(BANK | {"sources": ["astana"]})
    assert problems == ["questions[0].source: required field is missing"]
    assert any(p.startswith("sources: a bank drawn from documents")
               for p in _problems(BANK | {"sources": []}))


def test_a_source_given_in_such_a_bank_is_still_checked():
    question = BANK["questions"][0] | {"source": {
        "document": "astana", "quote": "ليست في الوثيقة", "quote_en": "not there"}}
    bank = BANK | {"drawn_from_document": False, "sources": ["astana"],
                   "questions": [question]}
    assert _problems(bank) == [
        "questions[0].source.quote: the quote does not occur verbatim in astana"]


def test_a_student_studying_an_imported_question_sees_no_quote(loaded_app, world, client_as):
    from ..banks.conftest import publish, stored
    from ..people import csrf_token

    teacher = client_as("teacher")
    page = _post(teacher, COMPLETE_GIFT.encode(), "capitals.gift").get_data(as_text=True)
    text = re.search(r'<textarea[^>]*name="text"[^>]*>\n?(.*?)</textarea>', page, re.S).group(1)
    assert publish(teacher, html.unescape(text)).status_code == 303
    slug = stored(world.teacher, "capitals")
    start = teacher.post("/quiz", data={"bank": slug, "length": "1",
                                        "csrf_token": csrf_token(teacher)})
    assert start.status_code in (302, 303), start.get_data(as_text=True)[:500]
    quiz = start.headers["Location"]
    token = csrf_token(teacher, quiz)
    feedback = teacher.post(quiz, data={"answer": "Astana", "csrf_token": token})
    body = feedback.get_data(as_text=True) if feedback.status_code == 200 else \
        teacher.get(feedback.headers["Location"]).get_data(as_text=True)
    assert "Astana is the capital." in body
    assert "<blockquote" not in body and "Read it in the source" not in body
