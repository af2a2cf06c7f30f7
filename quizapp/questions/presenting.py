"""How a question is laid out for a student, how a submitted form becomes a response, and
how responses and right answers read in words; each type does it in its own module.

Layouts (the shuffled order of choices, items or right-hand options) are plain lists of
keys or indices, fixed when a quiz starts or derived from a seed in review, so a reload
shows the same question the same way.
"""

import random
from collections.abc import Mapping
from typing import Any, Protocol

from . import registry
from .base import Described, FormData, Response


class StoredQuestion(Protocol):
    """A question as stored: its type's name and its type-specific fields."""

    @property
    def type(self) -> str: ...

    @property
    def details(self) -> Mapping[str, Any]: ...


def make_layout(question: StoredQuestion, rng: random.Random) -> list[Any]:
    question_type = registry.find(question.type)
    return question_type.layout(question.details, rng) if question_type else []


def response_from_form(question: StoredQuestion, layout: list[Any], form: FormData) -> Response:
    """The response a form carries, in the shape check_answer takes; None if empty."""
    question_type = registry.find(question.type)
    if question_type is None:
        return None
    return question_type.response_from_form(question.details, layout, form)


def correct_answer(question: StoredQuestion, lang: str) -> Described:
    """What to show as the right answer, in the reader's language."""
    question_type = registry.find(question.type)
    return question_type.correct_answer(question.details, lang) if question_type else []


def describe_response(question: StoredQuestion, response: Response, lang: str) -> Described:
    """The student's response in words, for the feedback and the quiz review."""
    question_type = registry.find(question.type)
    if response is None or question_type is None:
        return []
    return question_type.describe_response(question.details, response, lang)
