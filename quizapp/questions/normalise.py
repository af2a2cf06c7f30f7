"""The forms typed answers are compared in. No Flask.

- Arabic: harakat and other marks, tatweel, the hamza seats (أ إ آ ٱ ؤ ئ), ى/ي and ة/ه
  and the alif of a final tanween ("جسراً") are ignored; a leading "ال" is ignored where
  the bank sets ``ignore_article``.
- English: case and accents are ignored, and so is a leading article (a/an/the): only
  at the start, so that "Xi an" stays "xian".
- Everywhere: punctuation and spacing are ignored; Arabic-Indic and Persian digits equal
  Western ones.
"""

import re
import unicodedata
from functools import cache

from ..numerals import western_digits

ENGLISH_ARTICLES = {"a", "an", "the"}
_ARABIC_LETTERS = str.maketrans({"ى": "ي", "ة": "ه", "ٱ": "ا", "ـ": None})
_WORD = re.compile(r"[^\W_]+")
# The alif that carries tanween at a word's end is a case ending: "جسراً" is "جسر".
_TANWEEN_ALIF = re.compile(r"(?:ا\u064b|\u064bا)(?![^\W_])")


def plain_text(text: str) -> str:
    """Text with case, marks, letter variants and digit scripts folded; spaces and
    punctuation kept, for the readers that need word boundaries."""
    text = western_digits(unicodedata.normalize("NFKC", text)).casefold()
    text = _TANWEEN_ALIF.sub("", text.translate(_ARABIC_LETTERS))
    # NFKD splits أ into ا + hamza mark, é into e + accent: dropping marks (Mn) removes
    # hamza seats, harakat and Latin accents in one go.
    decomposed = unicodedata.normalize("NFKD", text)
    if max(decomposed, default="") <= "\uffff":
        return decomposed.translate(_nonspacing_marks())  # one C-speed pass
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@cache
def _nonspacing_marks() -> dict[int, None]:
    """The Basic Multilingual Plane's nonspacing marks, as a table that deletes them
    (built once, ~10 ms): str.translate instead of a category lookup per character."""
    return {code: None for code in range(0x10000)
            if unicodedata.category(chr(code)) == "Mn"}


def answer_words(text: str, *, ignore_article: bool = False) -> list[str]:
    """The words of a typed answer, normalised; see the module docstring."""
    words: list[str] = []
    # Words are what spaces separate; punctuation inside one ("Xi'an") is only dropped.
    for token in plain_text(text).split():
        word = "".join(_WORD.findall(token))
        if not word or (not words and word in ENGLISH_ARTICLES):
            continue
        if ignore_article and word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return words


def normalise_text(text: str, *, ignore_article: bool = False) -> str:
    """The form typed answers are compared in: see the module docstring."""
    return "".join(answer_words(text, ignore_article=ignore_article))
