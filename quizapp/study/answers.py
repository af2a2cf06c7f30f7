"""Answer checking: a pure function over a question's type-specific details.

No Flask and no database here. ``check_answer`` compares a student's response with what
the bank accepts, and says what it compared, so a student can be shown why.

Normalisation, for typed answers:
- Arabic: harakat and other marks, tatweel, the hamza seats (أ إ آ ٱ ؤ ئ), ى/ي and ة/ه
  are ignored; a leading "ال" is ignored where the bank sets ``ignore_article``.
- English: case, accents, and the articles a/an/the are ignored.
- Everywhere: punctuation and spacing are ignored; Arabic-Indic and Persian digits equal
  Western ones.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

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


@dataclass(frozen=True)
class AnswerResult:
    correct: bool
    score: float  # 0..1; partial credit for multiple_choice, ordering and matching
    given: Any = None  # the response as it was compared
    expected: Any = None  # what it was compared with
    details: dict = field(default_factory=dict)


class NotAnswerable(ValueError):
    """Flashcards are rated by the student, not checked."""


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


def unit_magnitude(unit: dict | None) -> int:
    """The magnitude a bank's unit carries: "billion US dollars" → 10**9."""
    if not unit:
        return 1
    for text in unit.values():
        for word in normalise_words(text):
            if word in MAGNITUDES and len(word) > 2:
                return MAGNITUDES[word]
    return 1


def _check_numeric(details: dict, response: str) -> AnswerResult:
    expected = parse_number(details["answer"])
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
    return AnswerResult(correct, float(correct), given=number * magnitude, expected=expected)


def _check_short_text(details: dict, response: str) -> AnswerResult:
    ignore_article = bool(details.get("ignore_article"))
    given = normalise_text(str(response), ignore_article=ignore_article)
    accepted = [normalise_text(answer, ignore_article=ignore_article)
                for answers in details["answers"].values() for answer in answers]
    correct = bool(given) and given in accepted
    return AnswerResult(correct, float(correct), given=given, expected=accepted)


def _check_ordering(details: dict, response) -> AnswerResult:
    """Response: item indices (of the bank's order) in the order the student put them."""
    count = len(details["items"])
    order = [int(i) for i in response]
    if sorted(order) != list(range(count)):
        return AnswerResult(False, 0.0, given=order, expected=list(range(count)))
    pairs = count * (count - 1) // 2
    right = sum(1 for a in range(count) for b in range(a + 1, count) if order[a] < order[b])
    return AnswerResult(right == pairs, right / pairs, given=order,
                        expected=list(range(count)))


def _check_matching(details: dict, response) -> AnswerResult:
    """Response: for each pair index (as text or int), the pair index of the right side chosen;
    -1 or any unknown value for a distractor or nothing."""
    count = len(details["pairs"])
    chosen = {int(k): int(v) for k, v in dict(response).items()}
    right = sum(1 for left in range(count) if chosen.get(left) == left)
    return AnswerResult(right == count, right / count, given=chosen,
                        expected={i: i for i in range(count)})


def check_answer(kind: str, details: dict, response: Any) -> AnswerResult:
    """Check a response to a question of type ``kind`` with the bank's ``details``.

    Responses: a choice key (single_choice), a list of keys (multiple_choice), a bool or
    "true"/"false" (true_false), text (numeric, short_text), a list of item indices
    (ordering), a mapping of left index to right index (matching). A malformed response
    is simply wrong.
    """
    try:
        if kind == "single_choice":
            correct = response == details["answer"]
            return AnswerResult(correct, float(correct), given=response,
                                expected=details["answer"])
        if kind == "multiple_choice":
            given = set(response or [])
            wanted = set(details["answers"])
            hits = len(given & wanted) - len(given - wanted)
            return AnswerResult(given == wanted, max(0.0, hits / len(wanted)),
                                given=sorted(given), expected=sorted(wanted))
        if kind == "true_false":
            value = {"true": True, "false": False}.get(str(response).lower(), response)
            correct = value is details["answer"]
            return AnswerResult(correct, float(correct), given=value,
                                expected=details["answer"])
        if kind == "numeric":
            return _check_numeric(details, response)
        if kind == "short_text":
            return _check_short_text(details, response)
        if kind == "ordering":
            return _check_ordering(details, response)
        if kind == "matching":
            return _check_matching(details, response)
    except (TypeError, ValueError, AttributeError):
        return AnswerResult(False, 0.0, given=None)
    raise NotAnswerable(kind)
