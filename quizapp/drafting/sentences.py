"""A document cut into sentences that keep their place in it.

Rule-based: pysbd's Arabic rules also cut at every comma (،) and colon, which breaks a
reported statement from its speaker, and no other offline splitter handles Arabic. A
sentence ends at . ! ? ؟ (and closing quotes after them) followed by white space, and at
the end of a paragraph; not at a decimal point (620.5), an initial (د. أحمد, Dr. Smith,
U.S.), or inside «...» and "..." quotes shorter than a paragraph.
"""

import re
from dataclasses import dataclass

_END = re.compile(r"[.!?؟…]+[»”\"')\]]*(?=\s|$)")
# Words after which a full stop is an abbreviation, not a sentence's end.
_ABBREVIATIONS = {
    "د", "أ", "م", "ق", "ص", "ج", "ت", "هـ", "ه", "dr", "mr", "mrs", "ms", "prof", "st",
    "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "gen", "col", "sen", "rep", "gov",
    "mt", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
}
_OPEN_CLOSE = {"«": "»", "“": "”"}


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # offsets in the document
    end: int
    text: str  # document[start:end], trimmed of surrounding white space
    paragraph: int


def _quote_depth(text: str) -> int:
    """Whether the text leaves a quotation open: «» pairs, and straight quotes by parity."""
    depth = 0
    for opening, closing in _OPEN_CLOSE.items():
        depth += text.count(opening) - text.count(closing)
    return depth + text.count('"') % 2


def _is_abbreviation(before: str) -> bool:
    word = re.search(r"([\w.\u064b-\u0652\u0670\u0640]+)$", before)
    if not word:
        return False
    # Harakat are part of the word: "شخصًا." ends a sentence, its last letter is no initial.
    token = re.sub("[\u064b-\u0652\u0670\u0640]", "", word.group(1)).lower().rstrip(".")
    # A single letter (an initial) or a listed abbreviation.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(document: str) -> list[Sentence]:
    """The document's sentences, in order, each with its offsets."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph_index, line in enumerate(document.split("\n")):
        _split_paragraph(line, offset, paragraph_index, sentences)
        offset += len(line) + 1
    return sentences


def _split_paragraph(line: str, offset: int, paragraph: int, out: list[Sentence]) -> None:
    start = 0
    for match in _END.finditer(line):
        end = match.end()
        piece = line[start:end]
        marks = match.group(0)
        if marks.startswith(".") and len(marks.rstrip("»”\"')]")) == 1:
            before = line[start:match.start()]
            if _is_abbreviation(before):
                continue
        if _quote_depth(piece) > 0:
            continue  # the quotation goes on: the sentence ends after it
        _add(line, start, end, offset, paragraph, out)
        start = end
    _add(line, start, len(line), offset, paragraph, out)


# Invisible direction marks and other format characters (often left in text copied from
# the web) may not be quoted: a sentence holding one is cut around it.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff"
                        "\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _add(line: str, start: int, end: int, offset: int, paragraph: int,
         out: list[Sentence]) -> None:
    cut = [m.start() for m in _INVISIBLE.finditer(line, start, end)]
    if cut:
        for piece_start, piece_end in zip([start] + [c + 1 for c in cut], cut + [end],
                                          strict=True):
            _add(line, piece_start, piece_end, offset, paragraph, out)
        return
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped or not re.search(r"[^\W_]", stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    out.append(Sentence(len(out), begin, begin + len(stripped), stripped, paragraph))
