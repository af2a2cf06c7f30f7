"""Places named beside a known one, and English place names after "in", "at", "near"."""

import re
from typing import Any

from .folding import Folded, Token, bare_word

_PLACE_PREPOSITIONS = {"في", "من", "الي", "بين", "نحو", "in", "at", "near", "from", "to"}
_CONJUNCTIONS = {"او", "and", "or"}
# Plurals and attached pronouns ("والمحافظات", "وتقديرها") are not place names.
_NOT_PLACE_ENDINGS = ("ات", "ين", "ون", "ها", "هم", "هما", "هن", "كم", "نا")


def places_nearby(document: str, doc: Folded, tokens: list[Token], static: dict[str, Any],
                   places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Places named beside a known one ("من فاس ومكناس", "في جاكرتا أو في لشبونة",
    "Uganda, Rwanda and South Sudan") and, in English, a capitalised name after "in",
    "at" or "near" ("in Leith Walk")."""
    stop, known = static["stop"], static["places"]
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    found: list[tuple[int, int]] = []

    def free(i: int) -> bool:
        word = tokens[i].word
        return (word not in stop and word not in static["roles"] and len(word) >= 3
                and bare_word(word, static["institution"] | static["event"]) is None)

    def ends_phrase(i: int) -> bool:
        return i + 1 >= len(tokens) or bool(tokens[i + 1].gap_before.strip()) or \
            tokens[i + 1].word in stop

    def capital(i: int) -> bool:
        return document[doc.offsets[tokens[i].start]].isupper()

    for start, end in places:
        first, last = by_start.get(start), by_end.get(end)
        if first is None:  # the place is joined to a prefix: "ومكناس"
            first = next((i for i, t in enumerate(tokens) if t.start < start < t.end), None)
        if first is None or last is None:
            continue
        english = tokens[first].word.isascii()
        after = last + 1
        if after < len(tokens) and not tokens[after].gap_before.strip():
            word = tokens[after].word
            if not english and word.startswith("و") and free(after) and ends_phrase(after) \
                    and word[1:] not in stop and not word.endswith(_NOT_PLACE_ENDINGS):
                found.append((tokens[after].start + 1, tokens[after].end))
        if not english and first >= 4 and tokens[first - 1].word == "في" and \
                tokens[first - 2].word in ("او", "و") and free(first - 3) and \
                tokens[first - 4].word in _PLACE_PREPOSITIONS:
            found.append((tokens[first - 3].start, tokens[first - 3].end))
        if not english and first >= 2 and tokens[first].word.startswith("و") and \
                free(first - 1) and tokens[first - 2].word in _PLACE_PREPOSITIONS:
            found.append((tokens[first - 1].start, tokens[first - 1].end))
        if english:
            for step in (-1, 1):
                i = first - 1 if step < 0 else last + 1
                gap = tokens[first].gap_before if step < 0 else (
                    tokens[i].gap_before if i < len(tokens) else "")
                if i < 0 or i >= len(tokens):
                    continue
                if tokens[i].word in _CONJUNCTIONS:
                    i += step
                elif "," not in gap:
                    continue  # "East Africa" is one name, not two places
                if not (0 <= i < len(tokens) and capital(i) and free(i)) or \
                        tokens[i].word in known:
                    continue
                # One name in a list: "Uganda, Rwanda and South Sudan", not the subject of
                # the next clause ("..., Kassym-Jomart Tokayev and Xi Jinping agreed").
                first_i = last_i = i
                while step > 0 and last_i + 1 < len(tokens) and capital(last_i + 1) and \
                        not tokens[last_i + 1].gap_before.strip() and last_i - first_i < 2:
                    last_i += 1
                after_gap = tokens[last_i + 1].gap_before if last_i + 1 < len(tokens) else "."
                next_word = tokens[last_i + 1].word if last_i + 1 < len(tokens) else ""
                listed = bool(re.search(r"[,.;]", after_gap)) or next_word in _CONJUNCTIONS
                if step < 0 or listed:
                    found.append((tokens[first_i].start, tokens[last_i].end))
    for i, token in enumerate(tokens[:-1]):
        if token.word in ("in", "at", "near") and capital(i + 1) and \
                not tokens[i + 1].gap_before.strip() and free(i + 1):
            last = i + 1
            while last + 1 < len(tokens) and capital(last + 1) and last - i < 3 and \
                    not tokens[last + 1].gap_before.strip():
                last += 1
            found.append((tokens[i + 1].start, tokens[last].end))
    return found
