"""The evaluation in eval/drafter: on the documents the rules were not tuned on, drafted
questions ask at least 80 % of the facts a teacher listed, and every draft validates."""

import importlib.util

import pytest

from .conftest import EVAL_DIR


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("drafter_eval", EVAL_DIR / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names, library = module.glossary()
    slugs = sorted(p.stem for p in module.DOCUMENTS.glob("*.txt"))
    return [module.evaluate(slug, names, library) for slug in slugs]


def test_there_are_held_out_documents_in_both_languages(evaluation):
    held_out = [score.slug for score in evaluation if score.held_out]
    assert len(held_out) >= 2
    assert len(evaluation) >= 6


def test_held_out_documents_have_most_facts_asked(evaluation):
    held_out = [score for score in evaluation if score.held_out]
    asked = sum(score.asked for score in held_out)
    facts = sum(score.facts for score in held_out)
    assert asked / facts >= 0.8, [(s.slug, s.missing) for s in held_out]
    assert all(score.coverage >= 0.75 for score in held_out)


def test_every_drafted_question_validates(evaluation):
    assert all(score.valid == score.questions > 0 for score in evaluation)


def test_every_document_gives_each_kind_of_fact(evaluation):
    for score in evaluation:
        assert {"figure", "date", "person", "place", "institution"} <= set(score.counts)
