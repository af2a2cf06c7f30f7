"""The hints the loader derives for grading: the source's qualifier on a number, and the
glossary's other spellings of a short answer."""

from quizapp.questions.answers import check_answer
from quizapp.questions.registry import grading_hints

GLOSSARY = [
    {"id": "rahmon", "ar": "إمام علي رحمان", "en": "Emomali Rahmon",
     "variants": {"en": ["Emomali Rakhmon"]}},
    {"id": "astana", "ar": "أستانا", "en": "Astana"},
]
STUDENTS = {"answer": 1500, "unit": {"ar": "طالب", "en": "students"}}
VISITS = {"answer": 8, "unit": {"ar": "زيارات", "en": "visits"}}


def test_a_quote_saying_more_than_allows_more_than():
    hints = grading_hints("numeric", STUDENTS, "والذي قام بتأهيل أكثر من 1500 طالب", GLOSSARY)
    assert hints == {"qualifier": "more_than"}
    assert check_answer("numeric", STUDENTS | hints, "more than 1,500").correct is True
    assert check_answer("numeric", STUDENTS | hints, "أقل من 1500").reason == "qualifier"


def test_a_quote_stating_the_number_refuses_more_than():
    hints = grading_hints("numeric", VISITS, "فقد زار الرئيس شي جين بينج المنطقة ثماني مرات",
                          GLOSSARY)
    assert hints == {"qualifier": "none"}
    assert check_answer("numeric", VISITS | hints, "أكثر من 8 مرات").reason == "qualifier"
    assert check_answer("numeric", VISITS | hints, "ثماني مرات").correct is True


def test_details_stored_without_hints_keep_accepting_more_than():
    assert check_answer("numeric", STUDENTS, "أكثر من ١٥٠٠ طالب").correct is True
    assert check_answer("numeric", STUDENTS, "أقل من 1500").correct is False


def test_glossary_variants_of_an_accepted_answer_are_carried():
    details = {"answers": {"ar": ["إمام علي رحمان"], "en": ["Emomali Rahmon"]}}
    hints = grading_hints("short_text", details, "ورئيس تاجيكستان إمام علي رحمان", GLOSSARY)
    assert hints == {"variants": ["Emomali Rakhmon"]}
    result = check_answer("short_text", details | hints, "emomali rakhmon")
    assert (result.correct, result.reason) == (True, "variant")


def test_no_hints_for_answers_the_glossary_does_not_name():
    details = {"answers": {"ar": ["جسر"], "en": ["bridge"]}}
    assert grading_hints("short_text", details, "الفن والثقافة جسرٌ ذهبيٌّ", GLOSSARY) == {}
