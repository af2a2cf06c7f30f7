"""A front and a back: the student recalls, reveals and rates it; nothing is graded."""

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
    NotAnswerable,
    PathParts,
    ProblemReport,
    QuestionType,
    Response,
)
from ..exporting import html_text, moodle_question, multilang
from ..imported import ImportedQuestion
from ..schema import Bilingual, QuestionBase


class Flashcard(QuestionBase):
    type: Literal["flashcard"]
    front: Bilingual
    back: Bilingual

    @property
    def prompt(self) -> Bilingual:
        return self.front


class FlashcardType(QuestionType[Flashcard]):
    name = "flashcard"
    model = Flashcard
    label = N_("Flashcard")
    quick = False
    answerable = False

    def check(self, question: Flashcard, report: ProblemReport, path: PathParts) -> None:
        """The schema says all there is: a front and a back in both languages."""

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind not in ("description", "flashcard"):
            return None
        # A Moodle description has no answer: its general feedback is the back.
        back = question.back or question.feedback
        return {"type": self.name, "front": imported.bilingual(question.prompt),
                "back": imported.bilingual(back)}

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return []

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        return None  # revealed and rated, never answered in a form

    def grade(self, details: Details, response: Response) -> AnswerResult:
        raise NotAnswerable(self.name)

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return []

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [details["back"][lang]]

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_text(details["back"][lang], lang)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return str(details["back"][lang])

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        # A description: Moodle shows it and grades nothing, as a flashcard is rated. The
        # front is the prompt (rows keep it there, not in the details).
        return moodle_question(
            "description", f"<p>{multilang(prompt)}</p><p>{multilang(details['back'])}</p>")

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        return None  # a flashcard in GIFT would lose its back


TYPE = FlashcardType()
