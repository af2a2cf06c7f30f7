"""The forms typed answers are compared in. No Flask.

- Arabic: harakat and other marks, tatweel, the hamza seats (أ إ آ ٱ ؤ ئ), ى/ي and ة/ه
  are ignored; a leading "ال" is ignored where the bank sets ``ignore_article``.
- English: case, accents, and the articles a/an/the are ignored.
- Everywhere: punctuation and spacing are ignored; Arabic-Indic and Persian digits equal
  Western ones.
"""

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from ..numerals import parse_number, western_digits

ENGLISH_ARTICLES = {"a", "an", "the"}
_ARABIC_LETTERS = str.maketrans({"ى": "ي", "ة": "ه", "ٱ": "ا", "ـ": None})
_WORD = re.compile(r"[^\W_]+")

# Written magnitudes, after normalisation (so "آلاف" is "الاف", "مليارات" as written).
MAGNITUDES = {
    "thousand": 10**3, "thousands": 10**3, "k": 10**3,
    "million": 10**6, "millions": 10**6, "mn": 10**6,
    "billion": 10**9, "billions": 10**9, "bn": 10**9,
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12,
    "الف": 10**3, "الاف": 10**3, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9,
    "مليارات": 10**9, "بليون": 10**9, "تريليون": 10**12,
}


def normalise_text(text: str, *, ignore_article: bool = False) -> str:
    """The form typed answers are compared in: see the module docstring."""
    text = western_digits(unicodedata.normalize("NFKC", text)).casefold()
    text = text.translate(_ARABIC_LETTERS)
    # NFKD splits أ into ا + hamza mark, é into e + accent: dropping marks (Mn) removes
    # hamza seats, harakat and Latin accents in one go.
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if unicodedata.category(ch) != "Mn")
    words = []
    # Words are what spaces separate; punctuation inside one ("Xi'an") is only dropped.
    for token in text.split():
        word = "".join(_WORD.findall(token))
        if not word or word in ENGLISH_ARTICLES:
            continue
        if ignore_article and word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return "".join(words)


def parse_quantity(text: str) -> tuple[Decimal, int] | None:
    """A number and its written magnitude: "44 billion" → (44, 10**9); None if no number."""
    text = western_digits(text)
    match = re.search(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+", text)
    if not match:
        return None
    number = parse_number(match.group())
    if number is None:
        return None
    rest = normalise_words(text[match.end():])
    magnitude = next((MAGNITUDES[w] for w in rest[:2] if w in MAGNITUDES), 1)
    return number, magnitude


def normalise_words(text: str) -> list[str]:
    return [normalise_text(w) for w in _WORD.findall(text.casefold())]


def unit_magnitude(unit: Mapping[str, str] | None) -> int:
    """The magnitude a bank's unit carries: "billion US dollars" → 10**9."""
    if not unit:
        return 1
    for text in unit.values():
        for word in normalise_words(text):
            if word in MAGNITUDES and len(word) > 2:
                return MAGNITUDES[word]
    return 1
