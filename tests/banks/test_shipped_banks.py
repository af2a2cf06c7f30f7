"""The banks in questions/: valid, complete and consistent with their documents."""

from collections import Counter
from pathlib import Path

import pytest

from quizapp.banks.schema import FACT_KINDS, QUESTION_TYPES
from quizapp.banks.validator import read_library, validate

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"


@pytest.fixture(scope="module")
def report():
    return validate([QUESTIONS], read_library(QUESTIONS))


def test_shipped_banks_validate(report):
    assert [problem.format() for problem in report.problems] == []


def test_at_least_150_questions_across_both_documents(report):
    questions = [q for bank in report.banks for q in bank.questions]
    assert len(questions) >= 150
    cited = Counter(q.source.document for q in questions)
    assert set(cited) == {"kazakhstan-cultural-centre-beijing", "central-asia-china-summit-astana"}
    assert min(cited.values()) >= 60


def test_every_question_type_and_fact_kind_is_used(report):
    questions = [q for bank in report.banks for q in bank.questions]
    assert {q.type for q in questions} == set(QUESTION_TYPES)
    assert {tag for q in questions for tag in q.tags} >= set(FACT_KINDS)


def test_every_quote_occurs_verbatim_in_its_document(report):
    library = read_library(QUESTIONS)
    for bank in report.banks:
        for question in bank.questions:
            text = library.documents[question.source.document].text
            assert question.source.quote in text, question.id


def test_source_copies_match_the_articles():
    """The project's copies keep every sentence of the two articles, word for word."""
    summit = (QUESTIONS / "sources" / "central-asia-china-summit-astana.txt").read_text()
    centre = (QUESTIONS / "sources" / "kazakhstan-cultural-centre-beijing.txt").read_text()
    assert summit.startswith("استضافت أستانا عاصمة كازاخستان في 17 يونيو 2025")
    assert centre.startswith("في 2 سبتمبر 2025، افتُتح المركز الثقافي الوطني لكازاخستان")
    assert "مساحة إعلانية" not in summit  # the page's advert slot is not part of the text
