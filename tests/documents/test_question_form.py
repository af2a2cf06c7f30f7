"""The drafted-question form is built from the question's own data, whatever its type:
every type round-trips through it unchanged, and edits land where they belong."""

from pathlib import Path

import pytest
import yaml
from werkzeug.datastructures import MultiDict

from quizapp.documents.question_form import edited, fields
from quizapp.questions import registry

EXAMPLE = yaml.safe_load((Path(__file__).parents[1] / "banks" / "valid-example.yaml")
                         .read_text(encoding="utf-8"))
SOURCE = {"document": "d", "quote": "تبلغ مساحته 620 متراً مربعاً", "quote_en": "620 m²"}
EXAMPLE["questions"] += [
    {"id": "t-tf", "type": "true_false", "prompt": {"ar": "صح؟", "en": "True?"},
     "answer": False, "explanation": {"ar": "لا.", "en": "No."}, "source": SOURCE,
     "tags": ["figure"]},
    {"id": "t-short", "type": "short_text", "prompt": {"ar": "أين؟", "en": "Where?"},
     "answers": {"ar": ["بكين"], "en": ["Beijing", "Peking"]}, "ignore_article": True,
     "explanation": {"ar": "في بكين.", "en": "In Beijing."}, "source": SOURCE,
     "tags": ["place"]},
    {"id": "t-card", "type": "flashcard", "front": {"ar": "المساحة", "en": "Area"},
     "back": {"ar": "620", "en": "620"}, "explanation": {"ar": "ش", "en": "E"},
     "source": SOURCE, "tags": ["figure"]},
]


def _sent_back(question: dict) -> MultiDict:
    """The form as a browser sends it when nothing is changed."""
    form = MultiDict({"quote": (question.get("source") or {}).get("quote", "")})
    for field in fields(question):
        if field.kind != "flag" or field.value:
            form[field.name] = field.value
    return form


def test_the_example_covers_every_type():
    assert {q["type"] for q in EXAMPLE["questions"]} == set(registry.names())


@pytest.mark.parametrize("question", EXAMPLE["questions"], ids=lambda q: q["type"])
def test_every_type_round_trips_unchanged(question):
    assert edited(question, _sent_back(question)) == question


def test_choices_answers_and_the_quote_are_edited_in_place():
    question = next(q for q in EXAMPLE["questions"] if q["type"] == "single_choice")
    form = _sent_back(question)
    form["f.choices.b.ar"] = "18 يونيو 2025"
    form["quote"] = "  نص مقتبس  "
    changed = edited(question, form)
    assert changed["choices"]["b"] == {"ar": "18 يونيو 2025", "en": "17 June 2025"}
    assert changed["source"]["quote"] == "نص مقتبس"
    assert question["choices"]["b"]["ar"] == "17 يونيو 2025"  # the original is untouched


def test_a_types_optional_setting_is_offered_and_left_out_when_empty():
    question = {"id": "x", "type": "numeric", "prompt": {"ar": "كم؟"}, "answer": 4500,
                "explanation": {"ar": "ش"}, "tags": ["figure"]}
    assert "f.tolerance" in {field.name for field in fields(question)}
    form = MultiDict({"f.prompt.ar": "كم؟", "f.answer": "4500", "f.explanation.ar": "ش"})
    assert "tolerance" not in edited(question, form)
    form["f.tolerance"] = "50"
    assert edited(question, form)["tolerance"] == 50


@pytest.mark.parametrize("typed", ["1e999", "nan", "-inf", "about 5"])
def test_a_number_that_is_none_stays_text_for_the_validator_to_refuse(typed):
    question = {"id": "x", "type": "numeric", "prompt": {"ar": "كم؟"}, "answer": 4500,
                "tolerance": 5, "explanation": {"ar": "ش"}, "tags": ["figure"]}
    form = MultiDict({"f.prompt.ar": "كم؟", "f.answer": "4500", "f.explanation.ar": "ش",
                      "f.tolerance": typed})
    assert edited(question, form)["tolerance"] == typed


def test_a_number_in_arabic_indic_digits_is_read():
    question = {"id": "x", "type": "numeric", "prompt": {"ar": "كم؟"}, "answer": 4500,
                "explanation": {"ar": "ش"}, "tags": ["figure"]}
    form = MultiDict({"f.prompt.ar": "كم؟", "f.answer": "٤٦٠٠", "f.explanation.ar": "ش"})
    assert edited(question, form)["answer"] == 4600
