"""Every right choice among two to eight; partial credit, less for each wrong pick."""

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
from ..exporting import (
    add_answer,
    add_plain,
    fraction_text,
    gift_escape,
    html_list,
    moodle_question,
    multilang,
)
from ..imported import ImportedQuestion
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

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "multichoice" or question.single:
            return None
        return imported.common(question, self.name) | {
            "choices": imported.choices(question),
            "answers": [key for key, a in imported.keyed_answers(question) if a.fraction > 0],
        }

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

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_list(_right_choices(details, lang), lang)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return "; ".join(_right_choices(details, lang))

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        # As ``grade`` counts: each right pick earns 1/n, each wrong one costs as much,
        # never below zero (Moodle's floor too).
        question = moodle_question("multichoice", prompt)
        share = 100 / len(details["answers"])
        for key, choice in details["choices"].items():
            add_answer(question, share if key in details["answers"] else -share,
                       multilang(choice))
        add_plain(question, "single", "false")
        add_plain(question, "shuffleanswers", "true")
        add_plain(question, "answernumbering", "none")
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        share = fraction_text(100 / len(details["answers"]))
        options = " ".join(
            f"~%{share if key in details['answers'] else '-' + share}%"
            + gift_escape(choice[lang]) for key, choice in details["choices"].items())
        return f"{gift_escape(prompt)} {{{options}}}"


def _right_choices(details: Details, lang: str) -> list[str]:
    return [str(details["choices"][key][lang]) for key in details["answers"]]


TYPE = MultipleChoiceType()
