"""Wrong answers are of the right kind, plausible, and never also right."""

from decimal import Decimal

import pytest

from quizapp.drafting import SourceText, draft_bank
from quizapp.drafting.dates import find_dates
from quizapp.drafting.distractors import date_distractors, name_distractors, number_distractors
from quizapp.drafting.figures import find_figures
from quizapp.drafting.folding import fold
from quizapp.questions.normalise import normalise_text

from .conftest import EVAL_DOCUMENTS, QUESTIONS_DIR


def test_wrong_figures_come_from_the_document_first_and_are_never_the_answer():
    figures = find_figures("بلغت المساحة 620 متراً مربعاً، والقاعة 340 متراً مربعاً، "
                           "والحديقة 900 متر مربع، وقُدّرت الكلفة بـ 44 مليار دولار.")
    area = figures[0]
    wrong = number_distractors(area, figures)
    assert wrong[:2] == [Decimal(340), Decimal(900)]
    assert area.value not in wrong and len(wrong) == 3


@pytest.mark.parametrize("text", ["نسبة البطالة 80 في المئة", "ارتفعت 4 آلاف مرة",
                                  "بلغ عدد الزوار 12 ألف زائر", "5 students", "0.5 km"])
def test_wrong_figures_are_plausible(text):
    [figure] = find_figures(text)
    wrong = number_distractors(figure, [figure])
    assert wrong and figure.value not in wrong
    assert all(value > 0 for value in wrong)
    if figure.unit and figure.unit.kind == "percent":
        assert all(value <= 100 for value in wrong)


def test_a_changed_count_keeps_the_grammar_of_its_noun():
    [few] = find_figures("وسيروي نحو 6 آلاف دونم")  # 3 to 10 take a plural
    assert all(3 <= value <= 10 for value in number_distractors(few, [few]))
    [many] = find_figures("لقرابة 90 ألف نسمة")  # 11 and more take a singular
    assert all(value > 10 for value in number_distractors(many, [many]))


@pytest.mark.parametrize("text", ["في 2 سبتمبر 2025", "في مايو 2023", "عام 2022",
                                  "ثمانينيات القرن الماضي", "عام 480 قبل الميلاد",
                                  "15 رمضان 1445 هـ", "in the 1920s"])
def test_wrong_dates_are_other_dates_of_the_same_precision(text):
    [date] = find_dates(text)
    wrong = date_distractors(date, [date])
    assert len(wrong) == 3
    assert all(other.key != date.key for other in wrong)
    assert all(other.precision == date.precision for other in wrong)
    assert all((other.year < 0) == (date.year < 0) for other in wrong)


def test_two_spellings_of_one_place_are_not_both_offered():
    assert name_distractors("لشبونة", ["فاس", "مدينة فاس", "لشبونة", "المغرب"]) == [
        "فاس", "المغرب"]


def _documents():
    yield from sorted(EVAL_DOCUMENTS.glob("*.txt"))
    yield QUESTIONS_DIR / "sources" / "kazakhstan-cultural-centre-beijing.txt"


@pytest.mark.parametrize("path", list(_documents()), ids=lambda p: p.stem)
def test_no_drafted_question_offers_its_answer_twice(path, glossary):
    body = path.read_text(encoding="utf-8")
    language = "en" if body.isascii() else "ar"
    result = draft_bank(SourceText(path.stem, language, body), glossary, bank_slug="d")
    for question in result.bank["questions"]:
        if question["type"] != "single_choice":
            continue
        for lang in ("ar", "en"):
            texts = [normalise_text(c[lang]) for c in question["choices"].values()]
            assert len(set(texts)) == len(texts), question["id"]
            right = fold(question["choices"][question["answer"]][lang])
            wrong = [fold(c[lang]) for key, c in question["choices"].items()
                     if key != question["answer"]]
            assert not any(right in w or w in right for w in wrong), question["id"]
