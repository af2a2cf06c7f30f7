"""What the loader adds to a typed question's details so that grading stays pure: the
glossary's other spellings of its accepted answers, and the qualifier the source puts on
its number ("more than 1,500"). Derived when a bank is loaded; grading reads no file.
Each type's ``grading_hints`` hook calls the helper it needs (``registry.grading_hints``
asks the type)."""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..numerals import parse_number
from .normalise import normalise_text, plain_text

_QUALIFIED = [
    ("more_than", re.compile(r"(?:اكثر من|ما يزيد (?:عن|علي)|more than|over)\s+(\d[\d.,]*)")),
    ("less_than", re.compile(r"(?:اقل من|less than|fewer than|under)\s+(\d[\d.,]*)")),
]


def numeric_hints(details: Mapping[str, Any], quote: str) -> dict[str, Any]:
    """``qualifier``: "more_than" or "less_than" where the quote says so of the answer,
    else "none" (only the number itself is right)."""
    answer = parse_number(details["answer"])
    for qualifier, pattern in _QUALIFIED:
        for match in pattern.finditer(plain_text(quote)):
            if parse_number(match.group(1).rstrip(".,")) == answer:
                return {"qualifier": qualifier}
    return {"qualifier": "none"}


def short_text_hints(details: Mapping[str, Any],
                     glossary: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """``variants``: the glossary's other spellings of an accepted answer (none: {})."""
    accepted = {normalise_text(answer) for answers in details["answers"].values()
                for answer in answers}
    variants: list[str] = []
    for entry in glossary:
        spellings = [entry["ar"], entry["en"]]
        listed = entry.get("variants") or {}
        others = [text for lang in ("ar", "en") for text in listed.get(lang, [])]
        if accepted & {normalise_text(text) for text in spellings + others}:
            variants += [text for text in spellings + others
                         if normalise_text(text) not in accepted and text not in variants]
    return {"variants": variants} if variants else {}
