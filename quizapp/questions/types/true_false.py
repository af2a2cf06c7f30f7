"""A statement that is true or false."""

import random
from collections.abc import Mapping
from typing import Any, Literal
from xml.etree.ElementTree import Element

from ...core.messages import N_
from .. import imported
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
from ..exporting import add_answer, gift_escape, html_text, moodle_question
from ..imported import ImportedQuestion
from ..schema import Prompted

_WORDS = {"true": True, "false": False}
# The answer on an exported card: bank content, so in both languages, not gettext.
_NAMES = {True: {"ar": "صح", "en": "True"}, False: {"ar": "خطأ", "en": "False"}}


class TrueFalse(Prompted):
    type: Literal["true_false"]
    answer: bool


class TrueFalseType(QuestionType[TrueFalse]):
    name = "true_false"
    model = TrueFalse
    label = N_("True or false")
    quick = True
    answerable = True

    def check(self, question: TrueFalse, report: ProblemReport, path: PathParts) -> None:
        """The schema says all there is: the answer is a bool."""

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "truefalse":
            return None
        right = imported.right_answers(question)
        said = " ".join(right[0].text.values()).strip().casefold() if right else ""
        # Moodle writes the right answer as the word "true" or "false" (any language).
        return imported.common(question, self.name) | {
            "answer": said in ("true", "صح", "صحيح") or said.startswith("true")}

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return []

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        return _WORDS.get(form.get("answer") or "")

    def grade(self, details: Details, response: Response) -> AnswerResult:
        value = _WORDS.get(str(response).lower(), response)
        correct = value is details["answer"]
        return AnswerResult(correct, float(correct), given=value, expected=details["answer"])

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        given: bool = response  # never None here: presenting answers [] for no response
        return given

    def correct_answer(self, details: Details, lang: str) -> Described:
        answer: bool = details["answer"]  # the schema makes it true or false
        return answer

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_text(self.quizlet_definition(details, lang), lang)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return _NAMES[bool(details["answer"])][lang]

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        question = moodle_question("truefalse", prompt)
        answer = bool(details["answer"])
        add_answer(question, 100 if answer else 0, "true", html=False)
        add_answer(question, 0 if answer else 100, "false", html=False)
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        return f"{gift_escape(prompt)} {{{'TRUE' if details['answer'] else 'FALSE'}}}"


TYPE = TrueFalseType()
