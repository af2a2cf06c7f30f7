"""A typed number read as a teacher reads it: its value (digits or words, any date cut
down to its year), the units written beside it and any qualifier that changes the fact.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .dates import dates_to_years
from .normalise import plain_text
from .number_words import MAGNITUDES, ReadNumber, read_numbers
from .units import mark_units


@dataclass(frozen=True)
class Reading:
    numbers: list[ReadNumber]
    units: frozenset[str]
    qualifiers: frozenset[str]


def read_quantity(text: str) -> Reading:
    marked = mark_units(dates_to_years(plain_text(text)))
    return Reading(read_numbers(marked.rest), marked.units, marked.qualifiers)


def unit_magnitude(unit: Mapping[str, str] | None) -> int:
    """The magnitude a bank's unit carries: "billion US dollars" → 10**9."""
    for text in (unit or {}).values():
        for word in plain_text(text).split():
            if word in MAGNITUDES and len(word) > 2:
                return MAGNITUDES[word]
    return 1
