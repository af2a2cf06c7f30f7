"""The text a question is searched by, folded the same way as what a student types.

No Flask and no database. The folded text is stored per question (``Question.
search_text``, written by the loader and by migration 0017), so that a search is a LIKE
on one column on SQLite and PostgreSQL alike, never Python run over every row.

Folded: case, accents, harakat and other marks, tatweel; the hamza forms أ إ آ ٱ (and
ؤ ئ) become their bare letter, ى is ي and ة is ه; Arabic-Indic and Persian digits are
Western; punctuation is a space. Unlike typed answers (``questions.normalise``), the
alif of a final tanween stays, so that "جسراً" is found by "جسرا" as it is written.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from ..numerals import western_digits
from ..questions import registry

_LETTERS = str.maketrans({"ى": "ي", "ة": "ه", "ٱ": "ا", "ـ": None})
_NOT_WORD = re.compile(r"[\W_]+")
MAX_QUERY_WORDS = 8


def fold(text: str) -> str:
    """Text in its searchable form: folded words separated by single spaces."""
    text = western_digits(unicodedata.normalize("NFKC", text)).casefold().translate(_LETTERS)
    # NFKD splits أ into ا + hamza mark and é into e + accent: dropping the marks (Mn)
    # takes hamza seats, harakat and accents off in one go.
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if unicodedata.category(ch) != "Mn")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def query_words(query: str) -> list[str]:
    """The distinct folded words of a search, at most MAX_QUERY_WORDS of them."""
    return list(dict.fromkeys(fold(query).split()))[:MAX_QUERY_WORDS]


def _answer_text(kind: str, details: Mapping[str, Any]) -> Iterable[str]:
    question_type = registry.find(kind)
    if question_type is None:
        return []
    texts: list[str] = []
    for lang in ("ar", "en"):
        try:
            described = question_type.correct_answer(details, lang)
        except (KeyError, TypeError, ValueError):  # a malformed row is found by its prompt
            continue
        if isinstance(described, bool):  # "true" would find every true/false question
            continue
        for item in described:
            texts.extend([item] if isinstance(item, str) else item)
    return texts


def question_search_text(*, type: str, details: Mapping[str, Any], prompt_ar: str,
                         prompt_en: str, quote: str = "", quote_en: str = "") -> str:
    """A question's prompts, right answer and quote in both languages, folded; wrapped in
    spaces so that a word's start can be matched as " word"."""
    parts = [prompt_ar, prompt_en, *_answer_text(type, details), quote or "", quote_en or ""]
    return f" {fold(' '.join(parts))} "
