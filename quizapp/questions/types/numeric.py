"""A number, typed; within the bank's tolerance, in the bank's unit or written out."""

import random
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal
from xml.etree.ElementTree import Element, SubElement

from ...core.messages import N_
from ...core.text import clean_text
from ...numerals import parse_number
from .. import imported
from ..base import (
    MAX_TEXT,
    AnswerResult,
    Described,
    Details,
    FormData,
    PathParts,
    ProblemReport,
    QuestionType,
    Response,
)
from ..exporting import add_answer, add_plain, gift_escape, html_text, moodle_question
from ..hints import numeric_hints
from ..imported import ImportedQuestion
from ..quantities import read_quantity, unit_magnitude
from ..schema import Bilingual, Number, Prompted
from ..units import unit_conflict, units_in


class Numeric(Prompted):
    type: Literal["numeric"]
    answer: Number
    tolerance: Number = 0
    unit: Bilingual | None = None


class NumericType(QuestionType[Numeric]):
    name = "numeric"
    model = Numeric
    label = N_("Number")
    quick = False
    answerable = True

    def grading_hints(self, details: Details, quote: str,
                      glossary: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        return numeric_hints(details, quote)

    def check(self, question: Numeric, report: ProblemReport, path: PathParts) -> None:
        value = parse_number(question.answer)
        if value is None or not value.is_finite():
            report.add(path + ("answer",), N_("%(value)s is not a number"),
                       value=repr(question.answer))
        tolerance = parse_number(question.tolerance)
        if tolerance is None or not tolerance.is_finite() or tolerance < 0:
            report.add(path + ("tolerance",), N_("tolerance must be a number of zero or more"))

    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        if question.kind != "numerical":
            return None
        right = imported.right_answers(question)
        fields: dict[str, Any] = imported.common(question, self.name)
        first = right[0] if right else None
        value = next(iter(first.text.values()), "") if first else ""
        fields["answer"] = imported.plain_number(value)
        if first and first.tolerance and parse_number(first.tolerance) != 0:
            fields["tolerance"] = imported.plain_number(first.tolerance)
        if question.unit:
            fields["unit"] = imported.bilingual(question.unit)
        return fields

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return []

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        # Controls and stacked marks are taken out before the answer is stored or shown.
        text = clean_text((form.get("answer") or "")[:MAX_TEXT])
        return text or None

    def grade(self, details: Details, response: Response) -> AnswerResult:
        """Reads the number as a teacher would (``quantities``); refuses two values, a
        unit that contradicts the bank's, and a qualifier the source does not make
        (``qualifier`` in the details, from ``hints``: "more_than" allows "more than")."""
        expected = parse_number(details["answer"])
        if expected is None:
            raise ValueError(details["answer"])  # the validator lets no such bank in
        tolerance = parse_number(details.get("tolerance", 0)) or Decimal(0)
        unit = details.get("unit")
        scale = unit_magnitude(unit)
        reading = read_quantity(str(response))
        values = list(dict.fromkeys(number.value for number in reading.numbers))
        if not values:
            return _refused(expected, "no_answer", None)
        if len(values) > 1:
            return _refused(expected, "two_values", [_plain(value) for value in values])
        number = reading.numbers[0]
        allowed = _ALLOWED_QUALIFIERS[details.get("qualifier", "unknown")]
        if unexpected := sorted(reading.qualifiers - allowed):
            return _refused(expected, "qualifier", unexpected[0], given=number.value)
        if unit_conflict(reading.units, units_in((unit or {}).values())):
            return _refused(expected, "wrong_unit", dict(unit or {}), given=number.value)
        if number.scaled:
            candidates = [(number.value, expected * scale, tolerance * scale)]
        else:
            # "94.8" in the bank's unit, or "94800000000" written out in full.
            candidates = [(number.value, expected, tolerance),
                          (number.value, expected * scale, tolerance * scale)]
        correct = any(abs(given - want) <= tol for given, want, tol in candidates)
        in_unit = number.value / scale if number.scaled else number.value
        return AnswerResult(correct, float(correct), given=number.value, expected=expected,
                            reason="read_as" if correct else "wrong", value=_plain(in_unit))

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return [str(response)]

    def correct_answer(self, details: Details, lang: str) -> Described:
        unit = details.get("unit", {}).get(lang, "")
        return [f"{details['answer']} {unit}".strip()]

    # Export: how this type is written into other tools' formats (quizapp.interop).

    def anki_back(self, details: Details, lang: str) -> str:
        return html_text(self.quizlet_definition(details, lang), lang)

    def quizlet_definition(self, details: Details, lang: str) -> str:
        unit = (details.get("unit") or {}).get(lang, "")
        tolerance = _number_text(details.get("tolerance", 0))
        within = f" ± {tolerance}" if tolerance != "0" else ""
        # As the bank writes it on an Arabic card ("٦٢٠"), in ASCII digits on an English one.
        answer = details["answer"] if lang == "ar" else _number_text(details["answer"])
        return f"{answer}{within} {unit}".strip()

    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        question = moodle_question("numerical", prompt)
        answer = add_answer(question, 100, _number_text(details["answer"]), html=False)
        add_plain(answer, "tolerance", _number_text(details.get("tolerance", 0)))
        if unit := details.get("unit"):
            # The unit in each language, optional in the answer: the bank's number is in
            # that unit, and the app does not ask for the unit either. Moodle accepts any
            # number of units, so each language's name is its own <unit>, multiplier 1
            # (one element when both languages spell it the same).
            units = SubElement(question, "units")
            for name in dict.fromkeys(str(unit[lang]) for lang in ("ar", "en")):
                entry = SubElement(units, "unit")
                add_plain(entry, "multiplier", 1)
                add_plain(entry, "unit_name", name)
            add_plain(question, "unitgradingtype", 0)
            add_plain(question, "unitpenalty", "0.1000000")
            add_plain(question, "showunits", 0)
            add_plain(question, "unitsleft", 0)
        return question

    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        answer = _number_text(details["answer"])
        tolerance = _number_text(details.get("tolerance", 0))
        return f"{gift_escape(prompt)} {{#{answer}:{tolerance}}}"


# What the source says of its number (``hints``), and the qualifiers that keep the fact.
# Details stored before hints were derived say nothing: "more than" stays accepted there,
# as the bank's own questions ask "more than how many".
_ALLOWED_QUALIFIERS: dict[str, set[str]] = {
    "more_than": {"more"}, "less_than": {"less"}, "none": set(), "unknown": {"more"},
}


def _number_text(value: Any) -> str:
    """A bank number ("٦٢٠", 94.8, "1,500") in ASCII digits, as other tools read it."""
    number = parse_number(value)
    if number is None:
        raise ValueError(value)  # the validator lets no such bank in
    return format(_plain(number), "f")


def _plain(value: Decimal) -> int | Decimal:
    """1500 rather than Decimal('1500.0'), 94.8 as Decimal('94.8')."""
    return int(value) if value == value.to_integral_value() else value.normalize()


def _refused(expected: Decimal, reason: str, value: Any,
             given: Decimal | None = None) -> AnswerResult:
    return AnswerResult(False, 0.0, given=given, expected=expected, reason=reason, value=value)


TYPE = NumericType()
