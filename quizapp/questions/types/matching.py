"""Two to eight pairs to match, with up to six distractors on the right; partial credit."""

import random
from collections.abc import Mapping
from html import escape
from typing import Any, Literal
from xml.etree.ElementTree import Element

from pydantic import Field

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
    same_text,
)
from ..exporting import add_plain, add_text, gift_escape, moodle_question, multilang
from ..imported import ImportedQuestion
from ..schema import LANGUAGES, Bilingual, Prompted, Strict


class Pair(Strict):
    left: Bilingual
    right: Bilingual


class Matching(Prompted):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=8)
    distractors: list[Bilingual] = Field(default_factory=list, max_length=6)


def right_option_text(details: Details, option: int, lang: str) -> str:
    """A right-hand option: a pair's index, or a distractor's as -1, -2, ..."""
    if option >= 0:
        return str(details["pairs"][option]["right"][lang])
    return str(details["distractors"][-option - 1][lang])


class MatchingType(QuestionType[Matching]):
    name = "matching"
    model = Matching
    label = N_("Matching")
    quick = False
    answerable = True

    def check(self, question: Matching, report: ProblemReport, path: PathParts) -> None:
        for side in ("left", "right"):
            for lang in LANGUAGES:
                seen = set()
                for index, pair in enumerate(question.pairs):
                    text = same_text(getattr(pair, side).get(lang))
                    if text in seen:
                        template = (N_("this left-hand item is listed twice") if side == "left"
                                    else N_("this right-hand item is listed twice"))
                        report.add(path + ("pairs", index, side, lang), template)
                    seen.add(text)
        for lang in LANGUAGES:
            rights = {same_text(pair.right.get(lang)) for pair in question.pairs}
            for index, distractor in enumerate(question.distractors):
                if same_text(distractor.get(lang)) in rights:
                    report.add(path + ("distractors", index, lang),
                               N_("a distractor must not equal a right-hand item"))

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "matching":
            return None
        # A sub-question with no text is a distractor (Moodle's own convention).
        return imported.common(question, self.name) | {
            "pairs": [{"left": imported.bilingual(left), "right": imported.bilingual(right)}
                      for left, right in question.pairs if any(left.values())],
            "distractors": [imported.bilingual(right)
                            for left, right in question.pairs if not any(left.values())],
        }

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        # Right-hand options: pair indices, and distractors as -1, -2, ...
        options = list(range(len(details["pairs"])))
        options += [-(i + 1) for i in range(len(details.get("distractors", [])))]
        rng.shuffle(options)
        return options

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        # Only the options the layout offered count: any other number is no match.
        options = {str(option): int(option) for option in layout}
        matches = {left: options.get((form.get(f"match-{left}") or "").strip())
                   for left in range(len(details["pairs"]))}
        return {str(k): v for k, v in matches.items() if v is not None}

    def grade(self, details: Details, response: Response) -> AnswerResult:
        """Response: for each pair index (as text or int), the pair index of the right side
        chosen; -1 or any unknown value for a distractor or nothing."""
        count = len(details["pairs"])
        chosen = {int(k): int(v) for k, v in dict(response).items()}
        right = sum(1 for left in range(count) if chosen.get(left) == left)
        return AnswerResult(right == count, right / count, given=chosen,
                            expected={i: i for i in range(count)})

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        pairs = details["pairs"]
        described = []
        for left, option in sorted(response.items(), key=lambda kv: int(kv[0])):
            if 0 <= int(left) < len(pairs):
                try:
                    right = right_option_text(details, int(option), lang)
                except (IndexError, KeyError):
                    right = "?"
                described.append((pairs[int(left)]["left"][lang], right))
        return described

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [(pair["left"][lang], pair["right"][lang]) for pair in details["pairs"]]

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        direction = "rtl" if lang == "ar" else "ltr"
        rows = "".join(f"<tr><td>{escape(str(left))}</td><td>{escape(str(right))}</td></tr>"
                       for left, right in _pairs(details, lang))
        return f'<table lang="{lang}" dir="{direction}">{rows}</table>'

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return "; ".join(f"{left} = {right}" for left, right in _pairs(details, lang))

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        question = moodle_question("matching", prompt)
        add_plain(question, "shuffleanswers", "true")
        for pair in details["pairs"]:
            sub = add_text(question, "subquestion", multilang(pair["left"]), html=True)
            add_text(sub, "answer", multilang(pair["right"]))
        for distractor in details.get("distractors", []):
            # Moodle's way to offer a right-hand option that matches nothing.
            sub = add_text(question, "subquestion", "", html=True)
            add_text(sub, "answer", multilang(distractor))
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        pairs = [f"={gift_escape(pair['left'][lang])} -> {gift_escape(pair['right'][lang])}"
                 for pair in details["pairs"]]
        pairs += [f"= -> {gift_escape(distractor[lang])}"
                  for distractor in details.get("distractors", [])]
        return f"{gift_escape(prompt)} {{{' '.join(pairs)}}}"


def _pairs(details: Details, lang: str) -> list[tuple[str, str]]:
    return [(str(pair["left"][lang]), str(pair["right"][lang])) for pair in details["pairs"]]


TYPE = MatchingType()
