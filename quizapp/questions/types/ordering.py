"""Three to eight items to put in order; partial credit for each pair in the right order."""

import datetime as dt
import random
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal
from xml.etree.ElementTree import Comment, Element

from pydantic import Field, StringConstraints

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
from ..exporting import add_answer, add_plain, html_list, moodle_question, multilang
from ..imported import ImportedQuestion
from ..schema import LANGUAGES, Bilingual, Prompted

# `when` in an ordering: YAML reads 2025-06-17 as a date and 2024 as an int.
When = dt.date | int | Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_WHEN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _place(raw: str | None, count: int) -> int | None:
    """The place 1..count the text spells (in any script's digits), else None."""
    raw = (raw or "").strip()
    if not raw.isdecimal() or len(raw) > len(str(count)):
        return None
    place = int(raw)
    return place if 1 <= place <= count else None


class OrderItem(Bilingual):
    when: When | None = None


class Ordering(Prompted):
    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3, max_length=8)


def when_key(value: When) -> tuple[int, ...] | None:
    """2024 → (2024,), "2023-05" → (2023, 5), a date → (y, m, d); None if malformed."""
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    match = _WHEN.match(str(value))
    if not match:
        return None
    return tuple(int(part) for part in match.groups() if part is not None)


class OrderingType(QuestionType[Ordering]):
    name = "ordering"
    model = Ordering
    label = N_("Put in order")
    quick = False
    answerable = True

    def check(self, question: Ordering, report: ProblemReport, path: PathParts) -> None:
        for lang in LANGUAGES:
            seen = set()
            for index, item in enumerate(question.items):
                text = same_text(item.get(lang))
                if text in seen:
                    report.add(path + ("items", index, lang), N_("this item is listed twice"))
                seen.add(text)
        whens = [item.when for item in question.items]
        if all(when is None for when in whens):
            return
        if any(when is None for when in whens):
            report.add(path + ("items",), N_("give `when` on every item or on none"))
            return
        keys = []
        for index, when in enumerate(whens):
            key = when_key(when) if when is not None else None
            if key is None:
                report.add(path + ("items", index, "when"),
                           N_("must be a year or a date, such as 2024, 2023-05 or 2025-06-17"))
                return
            keys.append(key)
        for index in range(1, len(keys)):
            if keys[index] <= keys[index - 1]:
                report.add(
                    path + ("items", index, "when"),
                    N_("items must be listed in order: %(when)s does not come after %(prev)s"),
                    when=str(whens[index]), prev=str(whens[index - 1]))

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "ordering":
            return None
        # Moodle lists the items in their right order.
        return imported.common(question, self.name) | {
            "items": [imported.bilingual(answer.text) for answer in question.answers]}

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        order = list(range(len(details["items"])))
        # Never the answer itself: a shuffle that changed nothing is shuffled again.
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
        return order

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        """The place the student gave each item, in the bank's order of items: ties kept,
        so that giving every item place 1 is not read as an order."""
        count = len(details["items"])
        places: dict[int, int] = {}
        for index in layout:
            # A place is 1..count, the places the page offers; anything else is no order.
            place = _place(form.get(f"position-{index}"), count)
            if place is None:
                return None
            places[int(index)] = place
        if sorted(places) != list(range(count)):
            return None
        return {"places": [places[index] for index in sorted(places)]}

    def grade(self, details: Details, response: Response) -> AnswerResult:
        """Response: {"places": [the student's place for each item, in the bank's order]};
        or, as rows answered before ties were kept store it, the item indices in the
        order the student put them. A pair of items is right when the earlier one in the
        bank has the smaller place: a tie is not an order."""
        count = len(details["items"])
        places = _places(response, count)
        expected = list(range(count))
        if places is None:
            return AnswerResult(False, 0.0, given=response, expected=expected)
        pairs = count * (count - 1) // 2
        right = sum(1 for a in range(count) for b in range(a + 1, count)
                    if places[a] < places[b])
        return AnswerResult(right == pairs, right / pairs, given=places, expected=expected)

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        items = details["items"]
        places = _places(response, len(items))
        if places is None:
            return []
        return [items[i][lang] for i in sorted(range(len(items)), key=lambda i: places[i])]

    def correct_answer(self, details: Details, lang: str) -> Described:
        return [item[lang] for item in details["items"]]

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_list([item[lang] for item in details["items"]], lang, ordered=True)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        return "; ".join(f"{place}) {item[lang]}"
                         for place, item in enumerate(details["items"], start=1))

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        # qtype_ordering, part of Moodle's core since 4.4 (a plugin before). Its
        # "previous and next" grading counts each item's right neighbours on both sides,
        # which is this app's share of pairs in the right order.
        question = moodle_question("ordering", prompt)
        question.insert(0, Comment(" ordering: core Moodle since 4.4; older sites need the "
                                   "qtype_ordering plugin "))
        add_plain(question, "layouttype", "VERTICAL")
        add_plain(question, "selecttype", "ALL")
        add_plain(question, "selectcount", 0)
        add_plain(question, "gradingtype", "RELATIVE_ALL_PREVIOUS_AND_NEXT")
        add_plain(question, "showgrading", "SHOW")
        add_plain(question, "numberingstyle", "none")
        for place, item in enumerate(details["items"], start=1):
            add_answer(question, place, multilang(item))
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        return None  # GIFT has no ordering question


def _places(response: Response, count: int) -> list[int] | None:
    """Each item's place from either stored shape; None when it is not a full response."""
    if isinstance(response, dict):
        places = [int(place) for place in response.get("places", ())]
        return places if len(places) == count else None
    order = [int(index) for index in response]
    if sorted(order) != list(range(count)):
        return None
    places = [0] * count
    for place, index in enumerate(order):
        places[index] = place
    return places


TYPE = OrderingType()
