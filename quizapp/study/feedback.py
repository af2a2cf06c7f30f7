"""What a student is shown after answering, in a quiz or in review: one shape for both."""

from dataclasses import dataclass

from ..banks.models import Question
from ..questions.answers import AnswerResult, check_answer
from ..questions.base import Described, Response
from ..questions.presenting import correct_answer, describe_response
from .verdicts import explain


@dataclass(frozen=True)
class Feedback:
    result: AnswerResult
    given: Described  # the student's answer in words
    expected: Described  # the right answer in words
    passage: tuple[str, str, str] | None  # the source paragraph, split around the quote
    explanation: str | None = None  # how a typed answer was read, and why it counts


def feedback_for(question: Question, response: Response, lang: str,
                 result: AnswerResult | None = None) -> Feedback:
    """The verdict on a response to a graded question, in the reader's language.

    ``result`` saves grading again when the caller has just graded the response.
    """
    if result is None:
        result = check_answer(question.type, question.details, response)
    return Feedback(result, describe_response(question, response, lang),
                    correct_answer(question, lang),
                    question.document.passage(question.quote) if question.document else None,
                    explain(question.type, question.details, result, lang))
