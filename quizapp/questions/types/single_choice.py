"""One right choice among two to eight."""

import random
from typing import Any, Literal

from pydantic import Field

from .. import choices
from ..base import (
    N_,
    AnswerResult,
    Described,
    Details,
    FormData,
    PathParts,
    ProblemReport,
    QuestionType,
    Response,
)
from ..schema import Bilingual, ChoiceKey, Prompted


class SingleChoice(Prompted):
    type: Literal["single_choice"]
    choices: dict[ChoiceKey, Bilingual] = Field(min_length=2, max_length=8)
    answer: ChoiceKey


class SingleChoiceType(QuestionType[SingleChoice]):
    name = "single_choice"
    model = SingleChoice
    label = N_("Single choice")
    quick = True
    answerable = True

    def check(self, question: SingleChoice, report: ProblemReport, path: PathParts) -> None:
        choices.check_distinct(question.choices, report, path)
        choices.check_known(question.answer, question.choices, report, path + ("answer",))

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return choices.shuffled_keys(details, rng)

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        # Only the question's own keys are kept: anything else (of any size) is no answer.
        answer = form.get("answer")
        return answer if answer in details["choices"] else None

    def grade(self, details: Details, response: Response) -> AnswerResult:
        correct = response == details["answer"]
        return AnswerResult(correct, float(correct), given=response, expected=details["answer"])

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return [details["choices"].get(response, {}).get(lang, "?")]

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [details["choices"][details["answer"]][lang]]


TYPE = SingleChoiceType()
