"""The rules for text that people type or upload: what is taken out, what is refused, and
how it is set into a translated sentence.

Checked on decoded values (a form field, a YAML string after its escapes are read), never
on raw bytes: a double-quoted ``"\\u202E"`` in YAML is a bidi override once decoded.
"""

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from .messages import N_

# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text read
# differently from what it is ("Trojan Source"); the marks (LRM, RLM, ALM) are invisible
# too, and a name or answer never needs them: <bdi> and dir="auto" place it correctly.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Joiners shape Arabic and Persian words; every other format character is taken out.
KEPT_FORMAT = frozenset("\u200c\u200d")
# Line and paragraph separators end a line inside a value that the page shows as one.
SEPARATORS = frozenset("\u2028\u2029")
# Arabic needs at most a vowel, a shadda and a small high mark on one letter; a longer
# run is "Zalgo" text drawn far above and below its line.
MAX_COMBINING_RUN = 4


@dataclass(frozen=True)
class TextProblem:
    """Why a text is refused. ``template`` is an untranslated message (a msgid)."""

    kind: str  # "control", "bidi", "format", "separator" or "marks"
    template: str
    params: dict[str, object] = field(default_factory=dict)
    char: str = ""  # the character refused, when one is

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        template = translate(self.template) if translate else self.template
        return template % self.params

    def __str__(self) -> str:
        return self.message()


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def text_problem(value: str, *, multiline: bool = False) -> TextProblem | None:
    """The first reason this decoded text may not be stored, or None (see text_problems)."""
    return next(text_problems(value, multiline=multiline), None)


def text_problems(value: str, *, multiline: bool = False) -> Iterator[TextProblem]:
    """Every reason this decoded text may not be stored, each refused character once.

    Refused: NUL and other C0/C1 controls (tab and newline allowed when ``multiline``),
    surrogates, bidi controls, other invisible format characters (zero-width space,
    byte order mark, tag characters; the joiners ZWNJ and ZWJ are kept), the line and
    paragraph separators, and more than MAX_COMBINING_RUN combining marks in a row.
    """
    allowed = "\t\n" if multiline else ""
    if not (value.isprintable() and value.isascii()):
        for ch in dict.fromkeys(value):
            if problem := _character_problem(ch, allowed):
                yield problem
    if not value.isascii() and has_stacked_marks(value):
        yield TextProblem(
            "marks", N_("too many combining marks on one letter (the limit is %(limit)s)"),
            {"limit": MAX_COMBINING_RUN})


def _character_problem(ch: str, allowed: str) -> TextProblem | None:
    code: dict[str, object] = {"code": f"{ord(ch):04X}"}
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs") and ch not in allowed:
        return TextProblem("control", N_("control character U+%(code)s is not allowed"),
                           code, ch)
    if BIDI_CONTROLS.match(ch):
        return TextProblem("bidi", N_("bidi control character U+%(code)s is not allowed"),
                           code, ch)
    if category == "Cf" and ch not in KEPT_FORMAT:
        return TextProblem("format", N_("format character U+%(code)s is not allowed"),
                           code, ch)
    if ch in SEPARATORS:
        return TextProblem(
            "separator", N_("line or paragraph separator U+%(code)s is not allowed"), code, ch)
    return None


@cache
def _stacked_bmp_marks() -> re.Pattern[str]:
    """A run of too many combining marks, for text within the Basic Multilingual Plane:
    one C-speed search instead of a category lookup per character (built once, ~20 ms)."""
    marks = "".join(re.escape(chr(code)) for code in range(0x10000)
                    if unicodedata.category(chr(code)).startswith("M"))
    return re.compile(f"[{marks}]{{{MAX_COMBINING_RUN + 1}}}")


def has_stacked_marks(value: str) -> bool:
    """Whether more than MAX_COMBINING_RUN combining marks follow one another."""
    if value.isascii():
        return False
    if max(value) <= "\uffff":
        return _stacked_bmp_marks().search(value) is not None
    run = 0
    for ch in value:
        run = run + 1 if _is_mark(ch) else 0
        if run > MAX_COMBINING_RUN:
            return True
    return False


def cap_combining_marks(value: str) -> str:
    """The text with each run of combining marks cut to MAX_COMBINING_RUN."""
    out, run = [], 0
    for ch in value:
        run = run + 1 if _is_mark(ch) else 0
        if run <= MAX_COMBINING_RUN:
            out.append(ch)
    return "".join(out)


def clean_text(value: str) -> str:
    """One line of user text: NFC, no controls or invisible format characters (joiners
    kept), combining-mark runs capped, any run of white space one space, trimmed."""
    value = unicodedata.normalize("NFC", value)
    kept = []
    for ch in value:
        if ch.isspace():
            kept.append(" ")
        elif BIDI_CONTROLS.match(ch) or (
                unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch not in KEPT_FORMAT):
            continue
        else:
            kept.append(ch)
    return " ".join(cap_combining_marks("".join(kept)).split())


def isolate(text: str) -> str:
    """User text set into a translated sentence, isolated so it cannot reorder it.

    The plain-text form of <bdi>: flash messages are text, not markup.
    """
    return f"\u2068{text}\u2069"
