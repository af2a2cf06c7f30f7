"""Units and qualifiers a typed number may carry, in Arabic and English, as written after
``normalise.plain_text`` (hamza seats folded, ة as ه, ى as ي, no harakat).

Units of one kind are told apart ("km²" is not "m²", euros are not dollars); counted
things (students, visits, heads of state) are one kind, since "8 times" and "8 visits"
state the same fact.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

# (unit, kind, pattern); longer phrases first, since each match is taken out of the text.
_UNITS: list[tuple[str, str, str]] = [
    ("km2", "area", r"كم ?2|km ?2|sq\.? ?km|square kilomet(?:re|er)s?"
                    r"|كيلومترا?(?:ت)? مربع(?:ا|ه)?"),
    ("m2", "area", r"م ?2|m ?2|sq\.? ?m|sqm|square met(?:re|er)s?"
                   r"|مترا? مربعا?|امتار مربعه"),
    ("ha", "area", r"هكتارا?(?:ات)?|hectares?"),
    ("ft2", "area", r"square f(?:ee|oo)t|sq\.? ?ft|قدما? مربعا?|اقدام مربعه"),
    ("mi2", "area", r"square miles?|sq\.? ?mi|ميلا? مربعا?|اميال مربعه"),
    ("acre", "area", r"acres?|فدانا?|افدنه"),
    ("mi", "length", r"miles?|ميلا?|اميال"),
    ("ft", "length", r"f(?:ee|oo)t|قدما?|اقدام"),
    ("km", "length", r"كيلومترا?(?:ات)?|كم|km|kilomet(?:re|er)s?"),
    ("m", "length", r"مترا?|امتار|met(?:re|er)s?"),
    ("usd", "currency", r"usd|(?:us )?dollars?|دولارا?(?:ت)?"),
    ("eur", "currency", r"eur|euros?|يورو"),
    ("rub", "currency", r"روبلا?(?:ات)?|r(?:o)?ubles?"),
    ("cny", "currency", r"يوانا?|yuan|renminbi|rmb"),
    ("kzt", "currency", r"تن[جغ][يه]|tenge"),
    ("year", "time", r"عاما?|اعوام|سنه|سنوات|سنين|years?|yrs?"),
    ("month", "time", r"شهرا?|اشهر|شهور|months?"),
    ("week", "time", r"اسبوعا?|اسابيع|weeks?"),
    ("day", "time", r"يوما?|ايام|days?"),
    ("century", "time", r"قرنا?|قرون|century|centuries"),
    ("student", "count", r"طالبا?|طلاب|طلبه|students?|pupils?"),
    ("time", "count", r"مره|مرات|times?"),
    ("visit", "count", r"زياره|زيارات|visits?"),
    ("head", "count", r"رئيسا?|روساء|presidents?|heads?(?: of states?)?|leaders?|زعماء|قاده"),
    ("centre", "count", r"مركزا?|مراكز|cent(?:re|er)s?"),
]
# Arabic duals name two of a unit in one word: "سنتين" is "2 years".
_DUALS: list[tuple[str, str]] = [
    ("year", r"عامين|عامان|سنتين|سنتان"),
    ("month", r"شهرين|شهران"),
    ("week", r"اسبوعين|اسبوعان"),
    ("day", r"يومين|يومان"),
    ("time", r"مرتين|مرتان"),
]
KINDS = {unit: kind for unit, kind, _ in _UNITS}
# Not inside a word; Arabic may join و (and), ب (in) or ال (the) to the front.
_LEFT, _RIGHT = r"(?<![^\W_])(?:و|ب|بال|ال)?(?:", r")(?![^\W_])"
_UNIT_PATTERNS = [(unit, re.compile(_LEFT + pattern + _RIGHT)) for unit, _, pattern in _UNITS]
_DUAL_PATTERNS = [(unit, re.compile(_LEFT + pattern + _RIGHT)) for unit, pattern in _DUALS]
# "44bn", "2024م", "$44": a number and the word or sign stuck to it are read apart.
_STUCK = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
_SIGNS = str.maketrans({"$": " usd ", "€": " eur "})

# Qualifiers that change a stated fact: "less than 1,500" is not "more than 1,500",
# "2,100 BC" is not "2,100 years ago", "before 2024" is not 2024.
_AGO_UNIT = r"(?:عاما?|اعوام|سنه|سنوات|years?)"
_QUALIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("bc", re.compile(r"(?<![^\W_])ق ?\. ?م(?![^\W_])|قبل الميلاد|(?<![^\W_])b\.? ?c\.?(?:e\.?)?"
                      r"(?![^\W_])")),
    ("less", re.compile(r"اقل من|less than|fewer than|(?<![^\W_])(?:under|below|at most)"
                        r"(?![^\W_])|لا يزيد|ما دون")),
    ("more", re.compile(r"اكثر من|more than|(?<![^\W_])(?:over|above|at least)(?![^\W_])"
                        r"|ما يزيد|يزيد (?:عن|علي)|ما يربو|\d\s*\+")),
    ("before", re.compile(r"(?<![^\W_])(?:قبل|before) ?\d[\d.,]*(?![\d.,])"
                          r"(?! ?" + _AGO_UNIT + r")")),
    ("after", re.compile(r"(?<![^\W_])(?:بعد|after) ?\d")),
]


@dataclass(frozen=True)
class Marked:
    """What a text says besides its numbers, and the text left for numbers."""

    units: frozenset[str]
    qualifiers: frozenset[str]
    rest: str


def mark_units(text: str) -> Marked:
    """Takes the qualifiers and units out of ``text`` (from ``plain_text``); a dual
    leaves the number 2 in its place."""
    text = _STUCK.sub(" ", text.translate(_SIGNS))
    qualifiers = {name for name, pattern in _QUALIFIERS if pattern.search(text)}
    text = _QUALIFIERS[0][1].sub(" ", text)  # "ق.م", "BC": letters, not words to read
    units: set[str] = set()
    for unit, pattern in _DUAL_PATTERNS:
        text, count = pattern.subn(" 2 ", text)
        if count:
            units.add(unit)
    for unit, pattern in _UNIT_PATTERNS:
        text, count = pattern.subn(" ", text)
        if count:
            units.add(unit)
    return Marked(frozenset(units), frozenset(qualifiers), text)


def units_in(texts: Iterable[str]) -> frozenset[str]:
    """The units a bank's unit names, in any of its languages."""
    found: set[str] = set()
    for text in texts:
        found |= mark_units(text).units
    return frozenset(found)


def unit_conflict(given: frozenset[str], expected: frozenset[str]) -> bool:
    """Whether a unit the student wrote contradicts the bank's (a missing one does not)."""
    expected_kinds = {KINDS[unit] for unit in expected}
    if any(KINDS[unit] == "time" for unit in given):
        given = given - {"time"}  # "مرة كل عامين", once every two years: a frequency
    for unit in given:
        kind = KINDS[unit]
        if unit in expected or (kind == "count" and "count" in expected_kinds):
            continue
        if not expected and kind in ("time", "count"):
            continue  # "the year 2024", "in 2024": a year needs no unit
        return True
    return False
