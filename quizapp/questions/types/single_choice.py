"""One right choice among two to eight."""

import random
from collections.abc import Mapping
from typing import Any, Literal
from xml.etree.ElementTree import Element

from pydantic import Field

from ...core.messages import N_
from .. import choices, imported
from ..base import (
    AnswerResult,
    Described,
    Details,
    FormData,
    PathParts,
    ProblemReport,
    QuestionType,
    Response,
)
from ..exporting import add_answer, add_plain, gift_escape, html_list, moodle_question, multilang
from ..imported import ImportedQuestion
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

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "multichoice" or not question.single:
            return None
        keyed = imported.keyed_answers(question)
        best = max(keyed, key=lambda pair: pair[1].fraction, default=None)
        return imported.common(question, self.name) | {
            "choices": imported.choices(question),
            "answer": best[0] if best and best[1].fraction > 0 else "",
        }

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

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_list([details["choices"][details["answer"]][lang]], lang)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return str(details["choices"][details["answer"]][lang])

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        question = moodle_question("multichoice", prompt)
        for key, choice in details["choices"].items():
            add_answer(question, 100 if key == details["answer"] else 0, multilang(choice))
        add_plain(question, "single", "true")
        add_plain(question, "shuffleanswers", "true")
        add_plain(question, "answernumbering", "none")
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        options = " ".join(("=" if key == details["answer"] else "~") + gift_escape(choice[lang])
                           for key, choice in details["choices"].items())
        return f"{gift_escape(prompt)} {{{options}}}"


TYPE = SingleChoiceType()
