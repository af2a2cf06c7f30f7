"""Figures a document states: digits in any script or numbers in words, with the magnitude
(ألف, مليون, مليار and their duals and plurals; thousand, million, billion), the unit or
currency and the "about" that qualify them.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from ..numerals import parse_number, western_digits
from ..questions.normalise import plain_text
from ..questions.number_words import read_numbers
from .patterns import DIGIT, LEFT, PREFIX, RIGHT, alternation, arabic


@dataclass(frozen=True)
class Unit:
    key: str
    kind: str  # area, length, mass, money, percent, time, energy, volume, temperature
    ar: str
    en: str


# (key, kind, Arabic name, English name, spellings); a spelling is a word list entry.
_UNIT_TABLE: list[tuple[str, str, str, str, list[str]]] = [
    ("km2", "area", "كيلومتر مربع", "square kilometres",
     ["كيلومتر مربع", "كيلومترا مربعا", "كيلومترات مربعة", "كم2", "كم²", "km2", "km²",
      "square kilometres", "square kilometers", "sq km"]),
    ("m2", "area", "متر مربع", "square metres",
     ["متر مربع", "مترا مربعا", "أمتار مربعة", "م2", "م²", "m2", "m²", "square metres",
      "square meters", "sq m"]),
    ("ha", "area", "هكتار", "hectares", ["هكتار", "هكتارا", "هكتارات", "hectares", "hectare"]),
    ("feddan", "area", "فدان", "feddans", ["فدان", "فدانا", "أفدنة", "feddans", "feddan"]),
    ("km", "length", "كيلومتر", "kilometres",
     ["كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "km", "kilometres", "kilometers",
      "kilometre", "kilometer"]),
    ("m", "length", "متر", "metres", ["متر", "مترا", "أمتار", "metres", "meters", "metre"]),
    ("m3", "volume", "متر مكعب", "cubic metres",
     ["متر مكعب", "مترا مكعبا", "أمتار مكعبة", "م3", "م³", "m3", "m³", "cubic metres",
      "cubic meters"]),
    ("t", "mass", "طن", "tonnes", ["طن", "طنا", "أطنان", "tonnes", "tons", "tonne"]),
    ("kg", "mass", "كيلوغرام", "kilograms",
     ["كيلوغرام", "كيلوغراما", "كيلوجرام", "كغ", "كجم", "kilograms", "kg"]),
    ("l", "volume", "لتر", "litres", ["لتر", "لترا", "لترات", "litres", "liters"]),
    ("barrel", "volume", "برميل", "barrels", ["برميل", "برميلا", "براميل", "barrels"]),
    ("mw", "energy", "ميغاواط", "megawatts", ["ميغاواط", "ميجاوات", "ميغاوات", "megawatts",
                                            "MW"]),
    ("gw", "energy", "غيغاواط", "gigawatts", ["غيغاواط", "جيجاوات", "gigawatts", "GW"]),
    ("degree", "temperature", "درجة مئوية", "degrees Celsius",
     ["درجة مئوية", "درجات مئوية", "درجة", "درجات", "degrees Celsius", "degrees"]),
    ("percent", "percent", "في المئة", "per cent",
     ["%", "٪", "في المئة", "في المائة", "بالمئة", "بالمائة", "percent", "per cent"]),
    ("usd", "money", "دولار", "US dollars", ["دولار", "دولارا", "دولارات", "dollars",
                                            "dollar", "USD"]),
    ("eur", "money", "يورو", "euros", ["يورو", "euros", "euro", "EUR"]),
    ("egp", "money", "جنيه", "Egyptian pounds", ["جنيه", "جنيها", "جنيهات"]),
    ("gbp", "money", "جنيه إسترليني", "pounds", ["جنيه إسترليني", "pounds", "pound"]),
    ("sar", "money", "ريال", "riyals", ["ريال", "ريالا", "ريالات", "riyals"]),
    ("aed", "money", "درهم", "dirhams", ["درهم", "درهما", "دراهم", "dirhams"]),
    ("dinar", "money", "دينار", "dinars", ["دينار", "دينارا", "دنانير", "dinars"]),
    ("cny", "money", "يوان", "yuan", ["يوان", "yuan"]),
    ("kzt", "money", "تنغي", "tenge", ["تنغي", "تنغ", "tenge"]),
    ("year", "time", "عام", "years", ["عام", "عاما", "أعوام", "سنة", "سنوات", "سنين",
                                     "years", "year"]),
    ("month", "time", "شهر", "months", ["شهر", "شهرا", "أشهر", "شهور", "months"]),
    ("day", "time", "يوم", "days", ["يوم", "يوما", "أيام", "days"]),
    ("hour", "time", "ساعة", "hours", ["ساعة", "ساعات", "hours"]),
    ("minute", "time", "دقيقة", "minutes", ["دقيقة", "دقائق", "minutes"]),
]
UNITS = {key: Unit(key, kind, ar, en) for key, kind, ar, en, _ in _UNIT_TABLE}
_SPELLING_UNIT = {spelling.casefold(): key for key, *_, spellings in _UNIT_TABLE
                  for spelling in spellings}
_UNIT_RE = alternation([s for *_, spellings in _UNIT_TABLE for s in spellings])
_SIGNS = {"$": "usd", "€": "eur", "£": "gbp"}

# Magnitudes, with their duals (two of them) and plurals.
_MAGNITUDES: dict[str, tuple[int, int]] = {  # spelling: (size, how many it says alone)
    "ألف": (10**3, 1), "آلاف": (10**3, 1), "ألفا": (10**3, 1),
    "مليون": (10**6, 1), "ملايين": (10**6, 1), "مليونا": (10**6, 1),
    "مليار": (10**9, 1), "مليارات": (10**9, 1), "مليارا": (10**9, 1), "بليون": (10**9, 1),
    "تريليون": (10**12, 1), "تريليونات": (10**12, 1),
    "مليونان": (10**6, 2), "مليونين": (10**6, 2), "ملياران": (10**9, 2),
    "مليارين": (10**9, 2), "ملياري": (10**9, 2), "مليوني": (10**6, 2),
    "thousand": (10**3, 1), "million": (10**6, 1), "billion": (10**9, 1),
    "trillion": (10**12, 1), "bn": (10**9, 1), "mn": (10**6, 1),
}
MAGNITUDE_NAMES = {10**3: ("ألف", "thousand"), 10**6: ("مليون", "million"),
                   10**9: ("مليار", "billion"), 10**12: ("تريليون", "trillion")}
MAGNITUDE_PLURALS = {10**3: "آلاف", 10**6: "ملايين", 10**9: "مليارات", 10**12: "تريليونات"}
_MAGNITUDE_RE = alternation(list(_MAGNITUDES))

_NUMBER_WORDS = [
    "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة", "ثماني",
    "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "أربعون",
    "أربعين", "خمسون", "خمسين", "ستون", "ستين", "سبعون", "سبعين", "ثمانون", "ثمانين",
    "تسعون", "تسعين", "مائة", "مئة", "مائتان", "مائتين", "مئتان", "مئتين", "ثلاثمائة",
    "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة", "تسعمائة", "ثلاثمئة",
    "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة", "ألفان", "ألفين",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "dozen",
]
_WORD_RE = alternation(_NUMBER_WORDS)
_APPROX = alternation(["نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يناهز",
                       "أكثر من", "أقل من", "ما يزيد على", "ما يزيد عن", "ما يربو على",
                       "about", "around", "nearly", "almost", "roughly", "approximately",
                       "more than", "up to", "less than", "fewer than"])

_DIGITS = rf"{DIGIT}+(?:[.,٫٬]{DIGIT}+)*"
_FIGURE = re.compile(
    rf"(?P<approx>(?:{LEFT}(?:{_APPROX})\s+))?"
    rf"(?P<sign>[$€£]\s?)?"
    rf"(?:(?<![\w.,٫٬])(?P<digits>{_DIGITS})(?![\w.,٫٬]?{DIGIT})"
    rf"|{LEFT}{PREFIX}(?P<words>(?:{_WORD_RE})(?:\s+(?:و|and\s+)?(?:{_WORD_RE}))*){RIGHT})"
    rf"(?:\s?(?P<magnitude>{PREFIX}(?:{_MAGNITUDE_RE})){RIGHT})?"
    rf"(?:\s?(?:(?P<unit>(?:{_UNIT_RE}))(?![\w\u064b-\u0652])))?",
    re.IGNORECASE,
)
# A dual magnitude alone is a figure too: "مليونا دولار", "ملياري دولار".
_DUAL_ALONE = re.compile(rf"{LEFT}{PREFIX}(?P<magnitude>"
                         + alternation(["مليونان", "مليونين", "ملياران", "مليارين", "ملياري",
                                      "مليوني"])
                         + rf")\s+(?P<unit>{_UNIT_RE}){RIGHT}")
# A unit's dual says "two" alone: "ريالين عمانيين" (2 rials), "عامين", "كيلومترين".
_UNIT_DUALS = {
    "sar": ["ريالين", "ريالان"], "usd": ["دولارين", "دولاران"], "egp": ["جنيهين", "جنيهان"],
    "aed": ["درهمين", "درهمان"], "dinar": ["دينارين", "ديناران"],
    "year": ["عامين", "عامان", "سنتين", "سنتان"], "month": ["شهرين", "شهران"],
    "day": ["يومين", "يومان"], "hour": ["ساعتين", "ساعتان"], "minute": ["دقيقتين", "دقيقتان"],
    "km": ["كيلومترين", "كيلومتران"], "m": ["مترين", "متران"], "t": ["طنين", "طنان"],
    "ha": ["هكتارين", "هكتاران"],
}
_UNIT_PLURALS_AR = {"sar": "ريالات", "usd": "دولارات", "egp": "جنيهات", "aed": "دراهم",
                    "dinar": "دنانير", "year": "سنوات", "month": "أشهر", "day": "أيام",
                    "hour": "ساعات", "minute": "دقائق", "km": "كيلومترات", "m": "أمتار",
                    "t": "أطنان", "ha": "هكتارات"}
_DUAL_UNIT_KEY = {plain_text(word): key for key, words in _UNIT_DUALS.items() for word in words}
_DUAL_UNIT = re.compile(rf"{LEFT}{PREFIX}(?P<dual>"
                        + alternation([w for words in _UNIT_DUALS.values() for w in words])
                        + rf"){RIGHT}")


_COUNTED = re.compile(r"\s+([^\W\d_][\w\u064b-\u0652]*)")


def _stem(word: str) -> str:
    """A counted noun without case endings or plural -s, to tell "طالبًا" and "طالب" (or
    "students" and "student") as one noun."""
    word = re.sub("[\u064b-\u0652\u0640]", "", word).lower()
    word = re.sub(r"(?<=..)(?:ا|ات|ين|ون|s|es)$", "", word)
    return word


_MONTH_AFTER = re.compile(r"\s*(?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December|pm|am|p\.m\.|a\.m\.)\b|\s*"
                          + "(?:" + alternation([
                              "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو",
                              "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
                              "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
                              "آب", "أيلول", "تشرين"]) + ")")
_ORDINAL_BEFORE = re.compile(alternation([
    "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
    "التاسع", "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
    "الحادية", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
    "التاسعة"]) + r"\s+$")

# Marks and invisible joiners a copied text may leave between an ordinal and its "عشر".
_INVISIBLE = re.compile("[\u064b-\u0652\u0670\u0640\u200b-\u200f\u2060\ufeff]")
_CENTURY_BEFORE = re.compile(rf"{LEFT}(?:{alternation(['القرن', 'القرنين', 'قرن', 'century'])})"
                             r"\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    start: int  # the whole phrase, unit included, in the document
    end: int
    number_start: int  # what a student has to give (the digits or the number words)
    number_end: int
    text: str
    value: Decimal  # as written before the magnitude: 44 in "44 مليار دولار"
    magnitude: int  # 1, or 10**3 ...
    unit: Unit | None
    approximate: bool
    in_words: bool
    counted: str = ""  # the counted noun after a figure with no unit ("زائر", "students")
    dual: bool = False  # the unit's dual says the number ("ريالين"): no digits to change

    def written_as(self, value: str) -> str:
        """What replaces the number in a changed statement: the digits, or for a dual the
        digits and the unit ("3 ريالات" for "ريالين")."""
        if not (self.dual and self.unit):
            return value
        plural = _UNIT_PLURALS_AR.get(self.unit.key)
        few = value in ("3", "4", "5", "6", "7", "8", "9", "10")  # the plural counts 3 to 10
        return f"{value} {plural if plural and few else self.unit.ar}"

    @property
    def full_value(self) -> Decimal:
        return self.value * self.magnitude

    def unit_label(self, lang: str) -> str:
        """The unit a numeric question names: "مليار دولار", "billion US dollars"."""
        parts = []
        if self.magnitude > 1:
            if lang == "ar" and self.value == self.value.to_integral_value() and \
                    3 <= self.value <= 10:
                parts.append(MAGNITUDE_PLURALS[self.magnitude])  # "4 آلاف", "3 ملايين"
            else:
                parts.append(MAGNITUDE_NAMES[self.magnitude][0 if lang == "ar" else 1])
        if self.unit:
            parts.append(self.unit.ar if lang == "ar" else self.unit.en)
        return " ".join(parts)


def _magnitude(spelling: str) -> tuple[int, int]:
    key = re.sub(r"^[وفبلك]", "", spelling.casefold()) if spelling not in _MAGNITUDES else spelling
    for name, size in _MAGNITUDES.items():
        if re.fullmatch(arabic(name) if re.search("[\u0600-\u06ff]", name) else re.escape(name),
                        key, re.IGNORECASE):
            return size
    return 1, 1


def _unit(spelling: str | None, sign: str | None) -> Unit | None:
    if sign:
        return UNITS[_SIGNS[sign.strip()]]
    if not spelling:
        return None
    key = re.sub(r"\s+", " ", spelling.casefold())
    if key in _SPELLING_UNIT:
        return UNITS[_SPELLING_UNIT[key]]
    for candidate, unit_key in _SPELLING_UNIT.items():
        pattern = arabic(candidate) if re.search("[\u0600-\u06ff]", candidate) else re.escape(
            candidate)
        if re.fullmatch(pattern, key, re.IGNORECASE):
            return UNITS[unit_key]
    return None


def _word_value(words: str) -> Decimal | None:
    read = read_numbers(plain_text(words))
    return read[0].value if len(read) == 1 else None


def find_figures(text: str, taken: list[tuple[int, int]] = ()) -> list[Figure]:  # type: ignore[assignment]
    """Every figure in ``text``, except inside the spans already ``taken`` (dates)."""
    figures: list[Figure] = []
    for match in _FIGURE.finditer(text):
        group = "digits" if match.group("digits") else "words"
        number_start, number_end = match.span(group)
        if any(s < number_end and number_start < e for s, e in taken):
            continue
        if group == "digits":
            value = parse_number(western_digits(match.group("digits")))
        else:
            value = _word_value(match.group("words"))
        if value is None or value <= 0:
            continue
        size, times = _magnitude(match.group("magnitude")) if match.group("magnitude") else (1, 1)
        unit = _unit(match.group("unit"), match.group("sign"))
        if group == "words" and value < 3 and not unit:
            continue
        if group == "words" and _ORDINAL_BEFORE.search(
                _INVISIBLE.sub("", text[max(0, number_start - 40):number_start])):
            continue  # "السد الحادي عشر": an ordinal, not a figure
        if _CENTURY_BEFORE.search(text, 0, number_start):
            continue  # "القرن 19": a century is an era (a date), not a quantity
        if not (unit or match.group("magnitude")) and (
                re.match(r"[A-Za-z]", text[number_end:number_end + 1])
                or _MONTH_AFTER.match(text, match.end())):
            continue  # "3D printers", "until 9 March": not a quantity
        counted = _COUNTED.match(text, match.end())
        figures.append(Figure(
            start=match.start("sign") if match.group("sign") else number_start,
            end=match.end(), number_start=number_start, number_end=number_end,
            text=text[number_start:match.end()].strip(), value=value * times, magnitude=size,
            unit=unit, approximate=bool(match.group("approx")), in_words=group == "words",
            counted=_stem(counted.group(1)) if counted and not unit else ""))
    for match in _DUAL_ALONE.finditer(text):
        size, times = _magnitude(match.group("magnitude"))
        start, end = match.span("magnitude")
        if any(s < end and start < e for s, e in taken):
            continue
        figures.append(Figure(start, match.end(), start, end, match.group(0).strip(),
                              Decimal(times), size, _unit(match.group("unit"), None),
                              False, True))
    for match in _DUAL_UNIT.finditer(text):
        start, end = match.span("dual")
        if any(s < end and start < e for s, e in taken) or any(
                f.start <= start < f.end for f in figures):
            continue
        key = _DUAL_UNIT_KEY.get(plain_text(match.group("dual")))
        if key is None:
            continue
        figures.append(Figure(start, end, start, end, match.group("dual"), Decimal(2), 1,
                              UNITS[key], False, True, dual=True))
    return sorted(figures, key=lambda f: f.start)


def format_value(value: Decimal, like: str) -> str:
    """``value`` written as ``like`` writes its number: its digits' script and separators."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if re.search(r"\d[,٬]\d{3}", like) or (re.search(r"[,٬]", like) and value >= 10000):
        whole, _, fraction = text.partition(".")
        text = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    if re.search("[\u0660-\u0669]", like):
        text = text.translate(str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬"))
    elif "٫" in like:
        text = text.replace(".", "٫")
    return text
