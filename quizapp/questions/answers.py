"""Answer checking: a pure function over a question's type-specific details.

No Flask and no database here. ``check_answer`` compares a student's response with what
the bank accepts, and says what it compared, so a student can be shown why. Each type
grades in its own module; typed answers are normalised as ``normalise`` describes.
"""

from typing import Any

from . import registry
from .base import AnswerResult, Details, NotAnswerable

__all__ = ["AnswerResult", "NotAnswerable", "check_answer"]


def check_answer(kind: str, details: Details, response: Any) -> AnswerResult:
    """Check a response to a question of type ``kind`` with the bank's ``details``.

    Responses: a choice key (single_choice), a list of keys (multiple_choice), a bool or
    "true"/"false" (true_false), text (numeric, short_text), a list of item indices
    (ordering), a mapping of left index to right index (matching). A malformed response
    is simply wrong. Raises NotAnswerable for flashcards and unknown types.
    """
    question_type = registry.find(kind)
    if question_type is None or not question_type.answerable:
        raise NotAnswerable(kind)
    try:
        return question_type.grade(details, response)
    except (TypeError, ValueError, AttributeError):
        return AnswerResult(False, 0.0, given=None)
