"""Helpers for the drafter's tests: the shipped glossary, and the real validator run on a
draft against a library that holds the drafted document."""

from pathlib import Path

import pytest

from quizapp.banks.validator import SourceDocument, check_bank_text, read_library
from quizapp.drafting import GlossaryName

QUESTIONS_DIR = Path(__file__).resolve().parents[2] / "questions"
EVAL_DIR = Path(__file__).resolve().parents[2] / "eval" / "drafter"
EVAL_DOCUMENTS = EVAL_DIR / "documents"


@pytest.fixture(scope="session")
def shipped_library():
    return read_library(QUESTIONS_DIR)


@pytest.fixture(scope="session")
def glossary(shipped_library):
    return [GlossaryName(e.kind, e.ar, e.en, tuple(e.variants.ar) + tuple(e.variants.en))
            for e in shipped_library.glossary]


@pytest.fixture
def problems_of(shipped_library):
    """The validator's problems with a drafted bank's YAML (its document added)."""

    def check(yaml_text: str, slug: str, body: str) -> list[str]:
        shipped_library.documents.setdefault(slug, SourceDocument(None, body))
        _, problems = check_bank_text(yaml_text, "draft.yaml", shipped_library)
        return [problem.format() for problem in problems]

    return check
