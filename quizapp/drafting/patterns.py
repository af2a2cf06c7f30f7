"""Regular expressions over a document as it is written, so that every match keeps its
place (a quote must be cut from the text verbatim): Arabic words match with or without
harakat and tatweel, and with any hamza seat or ة/ه, ى/ي spelling.
"""

import re
from functools import cache
from typing import Any

# Harakat, the superscript alif and tatweel may follow any Arabic letter.
MARKS = "[\u064b-\u0652\u0670\u0640]*"
ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
_CLASSES = {
    "ا": "[اأإآٱ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]",
    "ة": "[ةه]", "ه": "[هة]", "ى": "[ىي]", "ي": "[يى]", "ئ": "[ئي]", "ؤ": "[ؤو]",
}
# Not inside a word: a Latin or Arabic letter or a digit on neither side.
LEFT = r"(?<![\w\u064b-\u0652\u0670])"
RIGHT = r"(?![\w\u064b-\u0652\u0670])"
# One-letter Arabic prefixes written joined to a word: and, by, for, as, so; and ال.
PREFIX = "(?:[وفبلك]|وب|ول|فب|فل)?"
DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")


@cache
def arabic(word: str) -> str:
    """A regex source for ``word`` that allows marks and the usual letter variants."""
    parts = []
    for char in word:
        if char == " ":
            parts.append(r"\s+")
        elif "\u0621" <= char <= "\u06d3":
            parts.append(_CLASSES.get(char, re.escape(char)) + MARKS)
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _pieces(word: str) -> list[str]:
    if re.search(f"[{ARABIC_LETTER}]", word):
        return [r"\s+" if char == " " else
                _CLASSES.get(char, re.escape(char)) + MARKS if "\u0621" <= char <= "\u06d3"
                else re.escape(char) for char in word]
    return [r"\s+" if char == " " else re.escape(char) for char in word]


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """One regex for many words, as a trie ("كانون الثاني" and "كانون الأول" share
    "كانون "): far quicker to compile than a flat list of alternatives, and the longest
    word is still tried first."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for piece in _pieces(word):
            node = node.setdefault(piece, {})
        node[""] = {}
    return _emit(trie)


def _depth(node: dict[str, Any]) -> int:
    return 1 + max((_depth(child) for key, child in node.items() if key), default=0)


def _emit(node: dict[str, Any]) -> str:
    branches = [piece + _emit(child) for piece, child in
                sorted(((k, v) for k, v in node.items() if k), key=lambda kv: -_depth(kv[1]))]
    if not branches:
        return ""
    ends = "" in node
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


def bare(text: str) -> str:
    """Arabic text without harakat and tatweel, hamza seats folded, for comparing."""
    text = HARAKAT.sub("", text)
    return text.translate(str.maketrans("أإآٱى", "ااااي"))


def is_arabic(text: str) -> bool:
    return re.search(f"[{ARABIC_LETTER}]", text) is not None


def arabic_share(text: str) -> float:
    """The share of letters that are Arabic: what a document's language is told by."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


WORD = re.compile(r"[^\W_][\w\u064b-\u0652\u0670\u0640'’-]*")


def words_between(text: str) -> list[re.Match[str]]:
    """The words of ``text`` with their places."""
    return list(WORD.finditer(text))
