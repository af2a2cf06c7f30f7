"""Text as names are matched in: folded (no harakat or tatweel, one alif, ه for ة, ي for
ى, lower case) with a map back to the document's offsets, and cut into words."""

import re
from dataclasses import dataclass

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DROPPED = re.compile("[\u064b-\u0652\u0670\u0640]")
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وال", "بال", "لل", "فال", "ال")
TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*")


def fold(text: str) -> str:
    return _DROPPED.sub("", text).translate(_FOLD).lower()


@dataclass
class Folded:
    """The folded text, and for each of its characters the offset in the document."""

    text: str
    offsets: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


def folded(document: str) -> Folded:
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(document):
        if _DROPPED.match(char):
            continue
        chars.append(char.translate(_FOLD).lower())
        offsets.append(index)
    return Folded("".join(chars), offsets)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    gap_before: str  # what separates it from the previous token


def tokens_of(text: str) -> list[Token]:
    tokens: list[Token] = []
    last = 0
    for match in TOKEN_RE.finditer(text):
        tokens.append(Token(match.start(), match.end(), match.group(0), text[last:match.start()]))
        last = match.end()
    return tokens


def bare_word(word: str, heads: frozenset[str]) -> str | None:
    """The listed word inside a token that joins a prefix to it: وبجامعة -> جامعه."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in heads:
            return word[len(prefix):]
    return None
