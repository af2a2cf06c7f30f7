"""Typed answers as students write them, against the verdicts of a fair teacher.

The tables (typed_answers*.yaml beside this file) cover every short_text and numeric
question of the shipped banks. Each question's details are built as the loader stores
them, plus the hints the loader derives from the glossary and the source quote.
"""

from pathlib import Path

import yaml

from quizapp.questions.answers import check_answer
from quizapp.questions.registry import grading_hints

from ..conftest import QUESTIONS_DIR

TABLES = sorted(Path(__file__).parent.glob("typed_answers*.yaml"))
COMMON = {"id", "type", "prompt", "explanation", "source", "tags", "difficulty"}
AGREEMENT = 0.97


def _typed_questions() -> dict[str, dict]:
    questions = {}
    for path in sorted((QUESTIONS_DIR / "banks").glob("*.yaml")):
        for question in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            if question["type"] in ("short_text", "numeric"):
                questions[question["id"]] = question
    return questions


def _glossary() -> list[dict]:
    return yaml.safe_load((QUESTIONS_DIR / "glossary.yaml").read_text(encoding="utf-8"))["entries"]


QUESTIONS = _typed_questions()
GLOSSARY = _glossary()
CASES = [(question_id, answer, verdict == "accept")
         for table in TABLES
         for question_id, verdicts in yaml.safe_load(table.read_text(encoding="utf-8")).items()
         for verdict in ("accept", "refuse")
         for answer in verdicts.get(verdict, [])]


def _details(question: dict) -> dict:
    details = {key: value for key, value in question.items() if key not in COMMON}
    return details | grading_hints(question["type"], details, question["source"]["quote"],
                                   GLOSSARY)


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_table_covers_every_typed_question_in_both_scripts():
    assert len(CASES) >= 300
    assert sum(_arabic(answer) for _, answer, _ in CASES) >= len(CASES) / 2
    assert {question_id for question_id, _, _ in CASES} == set(QUESTIONS)
    for question_id in QUESTIONS:
        verdicts = {fair for qid, _, fair in CASES if qid == question_id}
        assert verdicts == {True, False}, question_id


def test_grader_agrees_with_a_fair_teacher_and_accepts_no_wrong_fact():
    disagreements = []
    for question_id, answer, fair in CASES:
        question = QUESTIONS[question_id]
        result = check_answer(question["type"], _details(question), answer)
        if result.correct is not fair:
            disagreements.append((question_id, answer, fair, result))
    for question_id, answer, fair, result in disagreements:
        print(f"{'refused' if fair else 'ACCEPTED'}: {question_id}: {answer!r} "
              f"({result.reason}: {result.value!r})")
    agreement = 1 - len(disagreements) / len(CASES)
    print(f"agreement {agreement:.3f} over {len(CASES)} cases")
    false_accepts = [d for d in disagreements if not d[2]]
    assert agreement >= AGREEMENT
    assert false_accepts == []
