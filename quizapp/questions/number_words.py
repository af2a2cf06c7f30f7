"""Numbers read from typed text: digits, and numbers written in Arabic or English words
("ثماني", "ألف وخمسمائة", "six hundred and twenty"), with the magnitudes that scale them
("44 ألف مليون", "94 مليار و800 مليون", "44bn"). Words are as ``normalise.plain_text``
writes them (hamza seats folded, ة as ه, ى as ي, no harakat).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from ..numerals import parse_number
from .normalise import plain_text

_ARABIC_ONES = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
_ARABIC_TENS = {"عشر": 20, "ثلاث": 30, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70,
                "ثمان": 80, "تسع": 90}
_ENGLISH_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SMALL: dict[str, int] = {
    **_ARABIC_ONES, **_ENGLISH_SMALL,
    **{stem + ending: tens for stem, tens in _ARABIC_TENS.items() for ending in ("ون", "ين")},
    **{stem + hundred: ones * 100 for stem, ones in
       [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)]
       for hundred in ("مائه", "مئه")},
    "مائتان": 200, "مائتين": 200, "مئتان": 200, "مئتين": 200,
    "الفان": 2000, "الفين": 2000,
}
_HUNDRED = {"hundred", "hundreds", "مائه", "مئه", "مئات"}
_MAGNITUDES: dict[str, int] = {
    "thousand": 10**3, "thousands": 10**3, "k": 10**3,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "m": 10**6,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "b": 10**9,
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12,
    "الف": 10**3, "الاف": 10**3, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9,
    "مليارات": 10**9, "بليون": 10**9, "تريليون": 10**12,
}
# As plain_text writes them: "مائة" becomes "مايه" once the hamza seat is folded.
SMALL = {plain_text(word): value for word, value in _SMALL.items()}
HUNDRED = {plain_text(word) for word in _HUNDRED}
MAGNITUDES = {plain_text(word): value for word, value in _MAGNITUDES.items()}
_CONNECTORS = {"و", "and"}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@dataclass(frozen=True)
class ReadNumber:
    value: Decimal
    scaled: bool  # written with a magnitude ("44 billion"), so not in the bank's unit


def _word(token: str) -> str | None:
    """A number word as listed, allowing the joined و (and) and ال (the): "وخمسمائة"."""
    for candidate in (token, token[1:] if token.startswith("و") else "",
                      token[2:] if token.startswith("ال") else ""):
        if candidate in SMALL or candidate in HUNDRED or candidate in MAGNITUDES:
            return candidate
    return None


class _Reader:
    """Folds a run of number tokens into one number, the way they are read aloud."""

    def __init__(self) -> None:
        self.numbers: list[ReadNumber] = []
        self.last_was_word = False
        self._reset()

    def _reset(self) -> None:
        self.total = Decimal(0)
        self.current: Decimal | None = None
        self.started = self.scaled = self.after_magnitude = self.joined = False

    def finish(self) -> None:
        if self.started:
            self.numbers.append(ReadNumber(self.total + (self.current or 0), self.scaled))
        self._reset()

    def small(self, value: Decimal, word: bool) -> None:
        current = self.current
        # Digits side by side are two numbers; words, or anything joined by "and", may
        # be one ("twenty one", "خمسة عشر", "ستمائة و20") when they read as one.
        adds_on = (current is not None and (self.joined or (word and self.last_was_word))
                   and _adds_on(current, value))
        if current is not None and not adds_on:
            self.finish()
            current = None
        self.current = value if current is None else current + value
        self.started, self.joined, self.after_magnitude = True, False, False

    def hundred(self) -> None:
        if self.current is None or self.joined or self.current >= 100:
            # "ألفان ومائة": and a hundred more, not two thousand hundreds
            self.current = (self.current or Decimal(0)) + 100
        else:
            self.current *= 100  # "six hundred", "fifteen hundred"
        self.started, self.joined, self.after_magnitude = True, False, False

    def magnitude(self, size: int) -> None:
        if self.after_magnitude and self.current is None:
            self.total *= size  # "44 ألف مليون": a thousand millions
        else:
            self.total += (self.current if self.current is not None else Decimal(1)) * size
        self.current = None
        self.started = self.scaled = self.after_magnitude = True
        self.joined = False


def _adds_on(current: Decimal, value: Decimal) -> bool:
    """Whether ``value`` completes ``current`` rather than being another number: 600 and
    20, 20 and 1, 4 and 40 (Arabic says the units first), 5 and 10 (خمسة عشر); not 5
    and 6, nor 2024 and 2025."""
    if value != value.to_integral_value() or current != current.to_integral_value():
        return False
    if 20 <= value < 100 and value % 10 == 0 and current % 100 < 10:
        return True  # "أربعة وعشرون", "ألفين وأربعة وعشرين": units, then tens
    if value < current:
        return bool(current % (10 ** len(str(int(value)))) == 0)
    return current < 10 and value == 10


def read_numbers(text: str) -> list[ReadNumber]:
    """Every number ``text`` writes, in order: "44 مليار أو 94.8 مليار" gives two."""
    reader = _Reader()
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            value = parse_number(token)
            if value is None:
                reader.finish()
                continue
            reader.small(value, word=False)
            reader.last_was_word = False
            continue
        word = _word(token)
        if word is None:
            if token in _CONNECTORS and reader.started:
                reader.joined = True
            else:
                reader.finish()
            reader.last_was_word = False
            continue
        if token != word and token.startswith("و") and reader.started:
            reader.joined = True
        if word in SMALL:
            reader.small(Decimal(SMALL[word]), word=True)
        elif word in HUNDRED:
            reader.hundred()
        elif reader.started or word not in ("m", "b", "k"):
            reader.magnitude(MAGNITUDES[word])
        reader.last_was_word = True
    reader.finish()
    return reader.numbers
