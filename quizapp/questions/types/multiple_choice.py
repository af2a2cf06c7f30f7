"""Every right choice among two to eight; partial credit, less for each wrong pick."""

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


class MultipleChoice(Prompted):
    type: Literal["multiple_choice"]
    choices: dict[ChoiceKey, Bilingual] = Field(min_length=2, max_length=8)
    answers: list[ChoiceKey] = Field(min_length=1, max_length=8)


class MultipleChoiceType(QuestionType[MultipleChoice]):
    name = "multiple_choice"
    model = MultipleChoice
    label = N_("Multiple choice")
    quick = True
    answerable = True

    def check(self, question: MultipleChoice, report: ProblemReport, path: PathParts) -> None:
        choices.check_distinct(question.choices, report, path)
        answers = question.answers
        for index, answer in enumerate(answers):
            choices.check_known(answer, question.choices, report, path + ("answers", index))
        if len(set(answers)) != len(answers):
            report.add(path + ("answers",), N_("an answer is listed twice"))
        if set(question.choices) <= set(answers):
            report.add(path + ("answers",), N_("at least one choice must be wrong"))

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return choices.shuffled_keys(details, rng)

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        # Only the question's own keys, once each: whatever else is sent is not stored.
        return sorted(set(form.getlist("answer")) & set(details["choices"]))

    def grade(self, details: Details, response: Response) -> AnswerResult:
        given = set(response or [])
        wanted = set(details["answers"])
        hits = len(given & wanted) - len(given - wanted)
        return AnswerResult(given == wanted, max(0.0, hits / len(wanted)),
                            given=sorted(given), expected=sorted(wanted))

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return [details["choices"][key][lang] for key in response if key in details["choices"]]

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [details["choices"][key][lang] for key in details["answers"]]


TYPE = MultipleChoiceType()
