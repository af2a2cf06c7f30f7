"""A few words, typed; compared with every accepted answer after normalisation."""

import random
from typing import Any, Literal

from pydantic import Field

from ..base import (
    MAX_TEXT,
    N_,
    AnswerResult,
    Described,
    Details,
    FormData,
    PathParts,
    ProblemReport,
    QuestionType,
    Response,
    same_text,
)
from ..normalise import normalise_text
from ..schema import LANGUAGES, Prompted, Strict, Text


class AcceptedAnswers(Strict):
    ar: list[Text] = Field(min_length=1, max_length=20)
    en: list[Text] = Field(min_length=1, max_length=20)


class ShortText(Prompted):
    type: Literal["short_text"]
    answers: AcceptedAnswers
    ignore_article: bool = False


class ShortTextType(QuestionType[ShortText]):
    name = "short_text"
    model = ShortText
    label = N_("Short answer")
    quick = False
    answerable = True

    def check(self, question: ShortText, report: ProblemReport, path: PathParts) -> None:
        for lang in LANGUAGES:
            texts = [same_text(answer) for answer in getattr(question.answers, lang)]
            if len(set(texts)) != len(texts):
                report.add(path + ("answers", lang), N_("an accepted answer is listed twice"))

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return []

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        text = (form.get("answer") or "").strip()[:MAX_TEXT]
        return text or None

    def grade(self, details: Details, response: Response) -> AnswerResult:
        ignore_article = bool(details.get("ignore_article"))
        given = normalise_text(str(response), ignore_article=ignore_article)
        accepted = [normalise_text(answer, ignore_article=ignore_article)
                    for answers in details["answers"].values() for answer in answers]
        correct = bool(given) and given in accepted
        return AnswerResult(correct, float(correct), given=given, expected=accepted)

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return [str(response)]

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [details["answers"][lang][0]]


TYPE = ShortTextType()
