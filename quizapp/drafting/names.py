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
from .folding import PREFIXES, Folded, Token, bare_word, fold, folded, tokens_of
from .nearby import places_nearby


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


def _at_word_start(text: str, start: int, *, article: bool = True) -> bool:
    """A match starts a word, allowing one or two joined prefix letters (و, ب, ل ...) and,
    unless ``article`` is False, the article: "السيول" (floods) is not "سيول" (Seoul)."""
    for size in (0, 1, 2, 3):
        before = start - size
        if before < 0:
            break
        prefix = text[before:start]
        if prefix not in PREFIXES or (not article and "ال" in prefix) or (
                not article and prefix.endswith("لل")):
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

    by_kind: dict[str, list[tuple[int, int]]] = {}

    def add(entity: Entity, start: int, end: int) -> Entity:
        # Names of one kind never overlap; a place may sit inside an institution's name
        # ("جامعة القاهرة") and a person inside one ("صندوق الملك محمد السادس").
        spans = by_kind.setdefault(entity.kind, [])
        if any(s < end and start < e for s, e in spans):
            return entity
        spans.append((start, end))
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
    tokens = tokens_of(doc.text)
    static = _static()
    for person, start, end in find_people(document, doc, tokens, static, taken):
        add(person, start, end)
    for kind in ("institution", "event", "place"):
        for entity, start, end in _headed(document, doc, tokens, static, kind):
            add(entity, start, end)
    for entity, start, end in _described_companies(document, doc, tokens):
        add(entity, start, end)
    for end_index, (what, key) in _longest(static["automaton"], doc.text):
        start = end_index - len(key) + 1
        if what == "place" and _at_word_start(doc.text, start, article=False) and _at_word_end(
                doc.text, end_index + 1):
            ar, en = static["places"][key]
            compass = _COMPASS.search(doc.text, 0, start)
            if compass and doc.text[start].isascii():
                start = compass.start()  # "South Sudan", not "South ____"
            point = _COMPASS_AR.search(doc.text, 0, start) if key in _CONTINENTS_AR else None
            if point:  # "شرق أفريقيا" is a region of its own, not "شرق ____"
                start = point.start("point")
                en = f"{_POINTS_EN[point.group('point')]} {en}"
            original = _strip_prefix(document[slice(*doc.span(start, end_index + 1))], ar)
            is_ar = bool(re.search("[\u0600-\u06ff]", original))
            # Content stays in the document's language: an English document's place is
            # its English name in both fields.
            add(Entity("place", original if is_ar else original, en if is_ar else original),
                start, end_index + 1)
    for _ in range(3):  # a list of places: each one found makes its neighbour known
        before = len(by_kind.get("place", []))
        for start, end in places_nearby(document, doc, tokens, static,
                                        list(by_kind.get("place", []))):
            if any(s < end and start < e for s, e in taken):
                continue  # already a person's or an institution's name
            text = document[slice(*doc.span(start, end))]
            add(Entity("place", text, text), start, end)
        if len(by_kind.get("place", [])) == before:
            break
    institutions = {key for kind, key in found if kind == "institution"}
    # A shortened later mention ("مجمع كوم" of "مجمع كوم أمبو للطاقة الشمسية") is no name
    # of its own.
    longer = {kind: [key for k, key in found if k == kind] for kind, _ in found}
    entities = [e for (kind, key), e in found.items()
                if not (kind == "place" and key in institutions)
                and not any(other != key and other.startswith(key + " ")
                            for other in longer[kind])]
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


def _headed(document: str, doc: Folded, tokens: list[Token], static: dict[str, Any],
            kind: str) -> list[tuple[Entity, int, int]]:
    """Names made of a head word and what follows it: "جامعة القاهرة", "قمة أستانا",
    "World Health Organization"."""
    heads = static[kind]
    out: list[tuple[Entity, int, int]] = []
    for index, token in enumerate(tokens):
        head = bare_word(token.word, heads)
        if head is None:
            continue
        is_english = token.word.isascii()
        if is_english:
            span = _english_run(document, doc, tokens, index, static)
        else:
            span = _arabic_run(tokens, index, static)
        if span is None or (tokens[index].word.startswith(("ال", "وال", "بال")) and any(
                tokens[i].word in _GENERIC for i in range(span[0], span[1] + 1))):
            continue  # "المركز الجديد": the article naming something again, not a name
        count = re.search(r"(\d[\d,.]*)\s*$", tokens[index].gap_before)
        if index > 0 and ((count and not re.fullmatch(r"(?:19|20)\d\d", count.group(1)))
                          or tokens[index - 1].word in _COUNT_WORDS):
            continue  # "2520 دار نشر": a counted noun, not a name
        first, last = span
        joined = tokens[first].word[: len(tokens[first].word) - len(head)]
        # The joined و, ب, ل go; the article stays: "بالصحراء الغربية" -> "الصحراء الغربية".
        kept = "ال" if joined.endswith("ال") else "ل" if joined.endswith("لل") else ""
        start = tokens[first].start + (len(joined) - len(kept) if not is_english else 0)
        end = tokens[last].end
        text = document[slice(*doc.span(start, end))]
        out.append((Entity(kind, text, text), start, end))
    return out


# What a company is called by before its name is given in apposition: "the contractor,
# Toyo Construction, ..."
_COMPANY_NOUNS = {"contractor", "builder", "developer", "operator", "firm", "company",
                  "consortium", "supplier", "manufacturer", "designer", "consultant",
                  "consultancy", "insurer", "lender", "publisher", "carrier", "airline",
                  "shipbuilder", "shipyard", "engineers", "architects", "subcontractor"}


def _described_companies(document: str, doc: Folded, tokens: list[Token]
                         ) -> list[tuple[Entity, int, int]]:
    """A company named in apposition after the noun that says what it is, with no head
    word the lists know: "according to the contractor, Toyo Construction, and"."""
    out: list[tuple[Entity, int, int]] = []
    for index, token in enumerate(tokens[:-1]):
        if token.word not in _COMPANY_NOUNS or index == 0 or tokens[index - 1].word not in (
                "the", "its", "their", "a"):
            continue
        first = index + 1
        if tokens[first].gap_before.strip() != "," or not document[
                doc.offsets[tokens[first].start]].isupper():
            continue
        last = first
        while last + 1 < len(tokens) and last - first < 3 and not tokens[
                last + 1].gap_before.strip() and document[
                doc.offsets[tokens[last + 1].start]].isupper():
            last += 1
        closing = tokens[last + 1].gap_before.strip()[:1] if last + 1 < len(tokens) else "."
        if closing not in (",", ".") or not token.word.isascii():
            continue
        start, end = tokens[first].start, tokens[last].end
        text = document[slice(*doc.span(start, end))]
        out.append((Entity("institution", text, text), start, end))
    return out


def _arabic_run(tokens: list[Token], index: int, static: dict[str, Any]
                ) -> tuple[int, int] | None:
    """A head word and the words of its name: definite words (الثقافة، والإعلام), a proper
    name first (قمة أستانا، جامعة سيدي محمد بن عبد الله), "ل" before a definite word
    (البنك الأوروبي لإعادة الإعمار); at most six, stopping at punctuation, small words,
    roles, and another head word joined by "and" (a second name)."""
    last = index
    head_is_definite = tokens[index].word.startswith(("ال", "وال", "بال", "لل", "فال"))
    all_heads = static["institution"] | static["event"] | static["place"]
    for follow in range(index + 1, min(index + 7, len(tokens))):
        token = tokens[follow]
        word = token.word
        if token.gap_before.strip() or word in static["stop"]:
            break
        if (word in static["roles"] or bare_word(word, static["roles"])) and not (
                follow == index + 1 and definite_role(word)):
            break
        if follow > index + 1 and word.startswith("و") and bare_word(word, all_heads):
            break  # "مؤسسة التمويل الدولية والبنك الأوروبي": two institutions
        definite = word.startswith(("ال", "وال"))
        after_name = follow - 1 > index and tokens[follow - 1].word in _NAME_LINKS
        before_name = word in _NAME_LINKS or (
            follow + 1 < len(tokens) and tokens[follow + 1].word in _NAME_LINKS)
        next_definite = follow + 1 < len(tokens) and tokens[follow + 1].word.startswith("ال")
        if definite or (word.startswith("لل") and follow > index + 1) or (
                word.startswith("لل") and not head_is_definite):
            last = follow
        elif (follow == index + 1 and not head_is_definite and len(word) >= 3
              and not word.startswith("و") and not _adjective(word) and (
                  not word.endswith("ي") or any(
                      t.word in _NAME_LINKS for t in tokens[follow + 1:follow + 3]))):
            last = follow  # a proper name after an indefinite head: "قمة أستانا"
        elif (follow == index + 2 and last == index + 1 and not head_is_definite
              and follow + 1 < len(tokens) and not tokens[follow + 1].gap_before.strip()
              and tokens[follow + 1].word.startswith(("ال", "لل"))):
            last = follow  # a name of two words, then its description: "مجمع كوم أمبو للطاقة"
        elif follow == index + 1 and definite_role(word):
            last = follow  # "صندوق الملك محمد السادس للتراث"
        elif last == follow - 1 and (after_name or before_name or definite_role(
                tokens[follow - 1].word)) and not head_is_definite and not (
                tokens[follow - 1].word.startswith(("لل", "وال")) or (
                tokens[follow - 1].word.startswith("ال")
                and not definite_role(tokens[follow - 1].word))):
            last = follow  # "سيدي محمد بن عبد الله"
        elif word.startswith("ل") and next_definite and follow > index + 1:
            last = follow  # "لإعادة الإعمار", "لسلطة وادي الأردن"
        elif word.startswith("ل") and bare_word(word[1:], all_heads) is not None:
            last = follow
        elif bare_word(word, static["place"]) == word and last == follow - 1:
            last = follow  # "سلطة وادي الأردن"
        else:
            break
    return (index, last) if last > index else None


_COMPASS_AR = re.compile(r"(?<![\w])[وبلف]?(?P<point>شرق|غرب|شمال|جنوب|وسط)\s+$")
_POINTS_EN = {"شرق": "East", "غرب": "West", "شمال": "North", "جنوب": "South",
              "وسط": "Central"}
_CONTINENTS_AR = {"افريقيا", "اسيا", "اوروبا", "امريكا"}
_COMPASS = re.compile(r"(?<![\w])(?:north|south|east|west|central|upper|lower|new|great)\s+$")
_GENERIC = {"الجديد", "الجديده", "الحالي", "الحاليه", "نفسه", "نفسها", "هذا", "هذه",
            "العريقه", "العريق", "الوحيده", "الوحيد", "المذكوره", "المذكور"}
_COUNT_WORDS = {"ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه",
                "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عده", "several", "two",
                "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many"}
_NAME_LINKS = {"بن", "ابن", "عبد", "ابو", "بنت", "ال"}
# Royal titles an institution may be named after: "صندوق الملك ...", "جامعة الأمير ...".
_ROYAL = {"الملك", "الملكه", "الامير", "الاميره", "الشيخ", "السلطان"}


def _adjective(word: str) -> bool:
    """An indefinite adjective's pattern (فاعل، فعيل، مفعول: شامل، جديد، مفتوح): "متحف
    شامل للتاريخ" describes a museum, it does not name one as "قمة أستانا" does."""
    return len(word) == 4 and (word[1] == "ا" or word[2] == "ي") or (
        len(word) == 5 and word[0] == "م" and word[3] == "و")


def definite_role(word: str) -> bool:
    return word in _ROYAL


def _english_run(document: str, doc: Folded, tokens: list[Token], index: int,
                 static: dict[str, Any]) -> tuple[int, int] | None:
    """A run of capitalised words (with of, for, and, the) around an English head word."""

    def capital(i: int) -> bool:
        start = doc.offsets[tokens[i].start]
        return document[start].isupper()

    if not capital(index):
        return None
    first = index
    while first > 0 and not tokens[first].gap_before.strip():
        before = tokens[first - 1].word
        if capital(first - 1) and before not in static["stop"]:
            first -= 1
        elif before == "of" and first > 1 and capital(first - 2) and \
                not tokens[first - 1].gap_before.strip():
            first -= 2  # "the City of Edinburgh Council"
        else:
            break
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
