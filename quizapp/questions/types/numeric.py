"""A number, typed; within the bank's tolerance, in the bank's unit or written out."""

import random
from decimal import Decimal
from typing import Any, Literal

from ...numerals import parse_number
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
)
from ..normalise import parse_quantity, unit_magnitude
from ..schema import Bilingual, Number, Prompted


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

    def check(self, question: Numeric, report: ProblemReport, path: PathParts) -> None:
        value = parse_number(question.answer)
        if value is None or not value.is_finite():
            report.add(path + ("answer",), N_("%(value)s is not a number"),
                       value=repr(question.answer))
        tolerance = parse_number(question.tolerance)
        if tolerance is None or not tolerance.is_finite() or tolerance < 0:
            report.add(path + ("tolerance",), N_("tolerance must be a number of zero or more"))

    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        return []

    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        text = (form.get("answer") or "").strip()[:MAX_TEXT]
        return text or None

    def grade(self, details: Details, response: Response) -> AnswerResult:
        expected = parse_number(details["answer"])
        if expected is None:
            raise ValueError(details["answer"])  # the validator lets no such bank in
        tolerance = parse_number(details.get("tolerance", 0)) or Decimal(0)
        scale = unit_magnitude(details.get("unit"))
        quantity = parse_quantity(str(response))
        if quantity is None:
            return AnswerResult(False, 0.0, given=None, expected=expected)
        number, magnitude = quantity
        if magnitude == 1:
            # "94.8" in the bank's unit, or "94800000000" written out in full.
            candidates = [(number, expected, tolerance),
                          (number, expected * scale, tolerance * scale)]
        else:
            candidates = [(number * magnitude, expected * scale, tolerance * scale)]
        correct = any(abs(given - want) <= tol for given, want, tol in candidates)
        return AnswerResult(correct, float(correct), given=number * magnitude,
                            expected=expected)

    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        return [str(response)]

    def correct_answer(self, details: Details, lang: str) -> Described:
        unit = details.get("unit", {}).get(lang, "")
        return [f"{details['answer']} {unit}".strip()]


TYPE = NumericType()
