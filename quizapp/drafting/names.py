"""People with their roles, places, institutions and events a document names.

Found in a folded copy of the text (no harakat or tatweel, one alif, ه for ة, ي for ى,
lower case) that keeps a map back to the document's offsets, with one Aho-Corasick
automaton (pyahocorasick) for the glossary's spellings and the role, place and head
words, then a few rules over the words around each match.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick

from . import lexicon

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DROPPED = re.compile("[\u064b-\u0652\u0670\u0640]")
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وال", "بال", "لل", "فال", "ال")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


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


@dataclass
class Entity:
    kind: str  # person, place, institution, event
    ar: str
    en: str
    role_ar: str = ""
    role_en: str = ""
    from_glossary: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)  # document offsets
    variants: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return fold(self.ar if self.ar else self.en)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str
    gap_before: str  # what separates it from the previous token


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    last = 0
    for match in _TOKEN.finditer(text):
        tokens.append(_Token(match.start(), match.end(), match.group(0), text[last:match.start()]))
        last = match.end()
    return tokens


def _bare_word(word: str, heads: frozenset[str]) -> str | None:
    """The listed word inside a token that joins a prefix to it: وبجامعة -> جامعه."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in heads:
            return word[len(prefix):]
    return None


@lru_cache(maxsize=1)
def _static() -> dict[str, Any]:
    """The lexicon, folded and indexed once per process."""
    roles = frozenset(fold(w) for w in lexicon.ROLES_AR) | frozenset(lexicon.ROLES_EN)
    places: dict[str, tuple[str, str]] = {}
    for ar, en in lexicon.PLACES:
        places.setdefault(fold(ar), (ar, en))
        places.setdefault(en.lower().removeprefix("the "), (ar, en))
    automaton = ahocorasick.Automaton()
    for role in roles:
        automaton.add_word(role, ("role", role))
    for key in places:
        automaton.add_word(key, ("place", key))
    automaton.make_automaton()
    return {
        "roles": roles, "places": places, "automaton": automaton,
        "institution": frozenset(fold(w) for w in lexicon.INSTITUTION_HEADS_AR)
        | frozenset(lexicon.INSTITUTION_HEADS_EN),
        "event": frozenset(fold(w) for w in lexicon.EVENT_HEADS_AR)
        | frozenset(lexicon.EVENT_HEADS_EN),
        "place": frozenset(fold(w) for w in lexicon.PLACE_HEADS_AR)
        | frozenset(lexicon.PLACE_HEADS_EN),
        "stop": frozenset(fold(w) for w in lexicon.STOP_AR) | frozenset(lexicon.STOP_EN),
    }


@lru_cache(maxsize=32)
def _glossary_automaton(glossary: tuple[Any, ...]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for index, name in enumerate(glossary):
        for spelling in (name.ar, name.en, *name.variants):
            if spelling.strip():
                automaton.add_word(fold(spelling), (index, fold(spelling)))
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _at_word_start(text: str, start: int) -> bool:
    """A match starts a word, allowing one or two joined prefix letters (و, ب, ل ...)."""
    for size in (0, 1, 2, 3):
        before = start - size
        if before < 0:
            break
        if text[before:start] not in _PREFIXES:
            continue
        if before == 0 or not text[before - 1].isalnum():
            return True
    return False


def _at_word_end(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum()


def find_entities(document: str, glossary: Sequence[Any] = ()) -> list[Entity]:
    """Every person (with a role where one is said), place, institution and event."""
    doc = folded(document)
    found: dict[tuple[str, str], Entity] = {}
    taken: list[tuple[int, int]] = []  # folded spans already named

    def add(entity: Entity, start: int, end: int) -> Entity:
        if any(s < end and start < e for s, e in taken):
            return entity
        taken.append((start, end))
        known = found.setdefault((entity.kind, entity.key), entity)
        known.mentions.append(doc.span(start, end))
        if entity.role_ar and not known.role_ar:
            known.role_ar, known.role_en = entity.role_ar, entity.role_en
        return known

    automaton = _glossary_automaton(tuple(glossary))
    if automaton is not None:
        for end_index, (index, spelling) in _longest(automaton, doc.text):
            start = end_index - len(spelling) + 1
            if _at_word_start(doc.text, start) and _at_word_end(doc.text, end_index + 1):
                name = glossary[index]
                add(Entity(name.kind, name.ar, name.en, from_glossary=True,
                           variants=tuple(name.variants)), start, end_index + 1)
    from .roles import find_people
    tokens = _tokens(doc.text)
    static = _static()
    for person, start, end in find_people(document, doc, tokens, static, taken):
        add(person, start, end)
    for kind in ("institution", "event", "place"):
        for entity, start, end in _headed(document, doc, tokens, static, kind):
            add(entity, start, end)
    for end_index, (what, key) in _longest(static["automaton"], doc.text):
        start = end_index - len(key) + 1
        if what == "place" and _at_word_start(doc.text, start) and _at_word_end(
                doc.text, end_index + 1):
            ar, en = static["places"][key]
            original = _strip_prefix(document[slice(*doc.span(start, end_index + 1))], ar)
            is_ar = bool(re.search("[\u0600-\u06ff]", original))
            add(Entity("place", original if is_ar else ar, en if is_ar else original),
                start, end_index + 1)
    entities = list(found.values())
    for entity in entities:
        entity.mentions.sort()
    return sorted(entities, key=lambda e: e.mentions[0] if e.mentions else (0, 0))


def _longest(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, Any]]:
    """Matches, the longest at each end kept and matches inside a longer one dropped."""
    matches = sorted(automaton.iter(text), key=lambda m: (m[0] - len(m[1][1]) + 1, -len(m[1][1])))
    kept: list[tuple[int, Any]] = []
    reach = -1
    for end, value in matches:
        start = end - len(value[1]) + 1
        if start > reach:
            kept.append((end, value))
            reach = end
    return kept


def _strip_prefix(original: str, canonical: str) -> str:
    """"وبكين" -> "بكين" where the canonical name does not start with the prefix."""
    folded_canonical = fold(canonical)
    for size in (3, 2, 1):
        if len(original) > size and fold(original[size:]) == folded_canonical:
            return original[size:]
    return original


def _headed(document: str, doc: Folded, tokens: list[_Token], static: dict[str, Any],
            kind: str) -> list[tuple[Entity, int, int]]:
    """Names made of a head word and what follows it: "جامعة القاهرة", "قمة أستانا",
    "World Health Organization"."""
    heads = static[kind]
    out: list[tuple[Entity, int, int]] = []
    for index, token in enumerate(tokens):
        head = _bare_word(token.word, heads)
        if head is None:
            continue
        is_english = token.word.isascii()
        if is_english:
            span = _english_run(document, doc, tokens, index, static)
        else:
            span = _arabic_run(tokens, index, static)
        if span is None:
            continue
        first, last = span
        start = tokens[first].start + (len(tokens[first].word) - len(head) if not is_english
                                       else 0)
        end = tokens[last].end
        text = document[slice(*doc.span(start, end))]
        out.append((Entity(kind, text, text), start, end))
    return out


def _arabic_run(tokens: list[_Token], index: int, static: dict[str, Any]
                ) -> tuple[int, int] | None:
    """A head word and the words of its name: definite words (الثقافة، والإعلام) or, first,
    a proper name (قمة أستانا); at most five, stopping at punctuation and small words."""
    last = index
    for follow in range(index + 1, min(index + 6, len(tokens))):
        token = tokens[follow]
        if token.gap_before.strip() or token.word in static["stop"]:
            break
        if token.word in static["roles"] or _bare_word(token.word, static["roles"]):
            break
        word = token.word
        definite = word.startswith(("ال", "لل", "وال"))
        head_is_definite = tokens[index].word.startswith(("ال", "وال", "بال", "لل"))
        if (follow == index + 1 and not definite and not head_is_definite and len(word) >= 3
                and not word.startswith("و")):
            last = follow
            continue
        if definite and not (head_is_definite and word.startswith("لل")):
            last = follow
            continue
        break
    return (index, last) if last > index else None


def _english_run(document: str, doc: Folded, tokens: list[_Token], index: int,
                 static: dict[str, Any]) -> tuple[int, int] | None:
    """A run of capitalised words (with of, for, and, the) around an English head word."""

    def capital(i: int) -> bool:
        start = doc.offsets[tokens[i].start]
        return document[start].isupper()

    if not capital(index):
        return None
    first = index
    while first > 0 and not tokens[first].gap_before.strip() and (
            capital(first - 1) and tokens[first - 1].word not in static["stop"]):
        first -= 1
    last = index
    while last + 1 < len(tokens) and not tokens[last + 1].gap_before.strip():
        word = tokens[last + 1].word
        if capital(last + 1):
            last += 1
        elif word in ("of", "for", "and", "on") and last + 2 < len(tokens) and capital(last + 2):
            last += 1
        else:
            break
    return (first, last) if last > first else None
