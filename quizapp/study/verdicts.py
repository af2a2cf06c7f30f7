"""A typed answer's verdict in words: how the answer was read and why it counts or not.

The grading core gives a ``reason`` (one of ``questions.base.REASONS``) and the ``value``
it names; this module turns them into one sentence in the reader's language, with
numbers written as the page writes them (grouping, Arabic-Indic digits if chosen).
"""

from decimal import Decimal
from typing import Any

from babel.lists import format_list
from flask_babel import get_locale
from flask_babel import gettext as _

from ..i18n import digits, format_number
from ..questions.base import AnswerResult, Details

TYPED = frozenset({"short_text", "numeric"})


def _number(value: Any, details: Details, lang: str) -> str:
    """A number as read: a year (no unit in the bank) unformatted, "2025" not "2,025";
    a quantity grouped and followed by the bank's unit."""
    if not isinstance(value, int | float | Decimal):
        return str(value)
    unit = (details.get("unit") or {}).get(lang)
    if not unit:
        return digits(str(value))
    # Arabic plural units agree with their number (عامان، ثلاثة أعوام); the bank gives
    # one word, so the translation may set the unit apart instead of gluing it on.
    return _("%(number)s %(unit)s", number=format_number(value), unit=unit)


def _values(values: list[Any], details: Details, lang: str) -> str:
    unit = details.get("unit")
    written = [(format_number(v) if unit and isinstance(v, int | float | Decimal)
                else digits(str(v))) for v in values]
    return format_list(written, style="or", locale=get_locale())


_QUALIFIERS = {
    "less": lambda: _("Not accepted: your answer says “less than”, which the text does not."),
    "more": lambda: _("Not accepted: your answer says “more than”, which the text does not."),
    "bc": lambda: _("Not accepted: your answer counts “before Christ”; the text counts back "
                    "from today."),
}


def explain(kind: str, details: Details, result: AnswerResult, lang: str) -> str | None:
    """One sentence on a typed answer's verdict; None for other types, or when there is
    nothing more to say than the verdict itself (an answer equal to the accepted one)."""
    if kind not in TYPED:
        return None
    reason, value = result.reason, result.value
    if reason == "read_as":
        return _("Accepted: read as %(number)s.", number=_number(value, details, lang))
    if reason == "variant":
        return _("Accepted: %(answer)s is another spelling of the name.", answer=value)
    if reason == "spelling_close":
        return _("Accepted: the spelling differs slightly from %(answer)s.", answer=value)
    if reason == "fuller_name":
        return _("Accepted: a fuller form of %(answer)s.", answer=value)
    if reason == "two_values":
        return _("Not accepted: your answer names more than one value (%(values)s).",
                 values=_values(list(value or []), details, lang))
    if reason == "wrong_unit":
        unit = (value or {}).get(lang) or ""
        return _("Not accepted: the unit differs; the text says %(unit)s.", unit=unit)
    if reason == "qualifier" and value in _QUALIFIERS:
        return _QUALIFIERS[value]()
    if reason == "no_answer":
        if kind == "numeric":
            return _("Not accepted: no number could be read in your answer.")
        return _("Not accepted: there is no answer to check.")
    if reason == "wrong" and kind == "numeric" and value is not None:
        return _("Not accepted: read as %(number)s.", number=_number(value, details, lang))
    return None
