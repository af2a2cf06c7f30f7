"""Dates a document states: a day, a month or a year (Gregorian month names in both
Arabic conventions, يونيو and حزيران, and in English), a decade ("ثمانينيات القرن
الماضي", "the 1980s"), a year before Christ (قبل الميلاد, ق.م, BC), and Hijri dates
(هـ) converted to the Gregorian calendar with ``hijridate``.
"""

import re
from dataclasses import dataclass

from hijridate import Hijri

from ..numerals import western_digits
from .patterns import DIGIT, LEFT, PREFIX, RIGHT, alternation, bare

# One entry a month: the Egyptian and Gulf name first, then the Levantine one.
MONTHS_AR = [("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"),
             ("أبريل", "نيسان"), ("مايو", "أيار"), ("يونيو", "حزيران"), ("يوليو", "تموز"),
             ("أغسطس", "آب"), ("سبتمبر", "أيلول"), ("أكتوبر", "تشرين الأول"),
             ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الأول")]
_MONTH_SPELLINGS_AR = {"إبريل": 4, "ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
HIJRI_MONTHS_AR = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى",
                   "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
HIJRI_MONTHS_EN = ["Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
                   "Jumada al-Akhira", "Rajab", "Shaban", "Ramadan", "Shawwal",
                   "Dhu al-Qada", "Dhu al-Hijja"]
_HIJRI_SPELLINGS = {"ربيع الثاني": 4, "جمادى الثانية": 6, "جمادى الأول": 5,
                    "ذي القعدة": 11, "ذي الحجة": 12, "المحرم": 1}

_MONTH_NUMBER: dict[str, int] = {}
for _number, (_gulf, _levant) in enumerate(MONTHS_AR, 1):
    _MONTH_NUMBER[_gulf] = _MONTH_NUMBER[_levant] = _number
_MONTH_NUMBER.update(_MONTH_SPELLINGS_AR)
for _number, _name in enumerate(MONTHS_EN, 1):
    _MONTH_NUMBER[_name.casefold()] = _number
    _MONTH_NUMBER[_name[:3].casefold()] = _number
_HIJRI_NUMBER = {name: n for n, name in enumerate(HIJRI_MONTHS_AR, 1)} | _HIJRI_SPELLINGS

_DECADES = {"عشرينيات": 20, "ثلاثينيات": 30, "أربعينيات": 40, "خمسينيات": 50,
            "ستينيات": 60, "سبعينيات": 70, "ثمانينيات": 80, "تسعينيات": 90,
            "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}
_CENTURY_WORDS = {"القرن الماضي": 1900, "القرن العشرين": 1900, "القرن التاسع عشر": 1800,
                  "القرن الحالي": 2000, "القرن الحادي والعشرين": 2000}

_ORDINAL_DAYS = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
                 "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10}
_D = (rf"(?:(?<!{DIGIT})(?P<day>{DIGIT}{{1,2}})(?!{DIGIT})|{LEFT}(?P<ordinal>"
      + alternation(list(_ORDINAL_DAYS)) + r")\s+من)")
_Y = rf"(?<!{DIGIT})(?P<year>{DIGIT}{{3,4}})(?!{DIGIT})"
_MONTH_RE = alternation([m for pair in MONTHS_AR for m in pair] + list(_MONTH_SPELLINGS_AR))
_MONTH_EN_RE = "|".join(MONTHS_EN + [m[:3] + r"\." for m in MONTHS_EN] + ["Sept\\."])
_HIJRI_RE = alternation(list(_HIJRI_NUMBER))
# "يونيو/حزيران", "حزيران (يونيو)": the other convention may follow in brackets or a slash.
_MONTH_PAIR = rf"{PREFIX}(?P<month>{_MONTH_RE})(?:\s*[/(]\s*(?:{_MONTH_RE})\s*\)?)?"
_YEAR_WORD = r"(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?"
_HIJRI_MARK = r"(?:\s*(?:هـ|ه\.|ه|هجري[ةه]?|للهجرة)(?![\w]))"
_AD_MARK = r"(?:\s*(?:م(?![\w\u064b-\u0652])|ميلادي[ةه]?|للميلاد))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("hijri", re.compile(rf"(?:{_D}\s+)?{LEFT}{PREFIX}(?P<month>{_HIJRI_RE})\s+{_YEAR_WORD}"
                         rf"{_Y}{_HIJRI_MARK}")),
    ("hijri_year", re.compile(rf"{_YEAR_WORD}{_Y}{_HIJRI_MARK}")),
    ("bc", re.compile(rf"(?:{LEFT}(?:عام|سنة|العام)\s+)?(?<!{DIGIT})(?P<year>{DIGIT}{{1,4}}(?:[,٬]"
                      rf"{DIGIT}{{3}})?)\s*(?:قبل\s+الميلاد|ق\s?\.\s?م\.?|BCE?{RIGHT}|B\.C\.)")),
    ("dmy", re.compile(rf"{_D}\s*(?:من\s+)?{LEFT}{_MONTH_PAIR}\s*[,،]?\s*{_YEAR_WORD}{_Y}"
                       rf"{_AD_MARK}")),
    ("dmy_en", re.compile(rf"{_D}\s+(?P<month>{_MONTH_EN_RE}),?\s+{_Y}")),
    ("mdy_en", re.compile(rf"(?P<month>{_MONTH_EN_RE})\s+{_D}(?:st|nd|rd|th)?,?\s+{_Y}")),
    ("my", re.compile(rf"{LEFT}{_MONTH_PAIR}\s*[,،]?\s*{_YEAR_WORD}{_Y}{_AD_MARK}")),
    ("my_en", re.compile(rf"(?P<month>{_MONTH_EN_RE})\s+(?:of\s+)?{_Y}")),
    ("decade", re.compile(rf"{LEFT}(?:ال|و|وال|في\s+ال)?(?P<decade>"
                          + alternation([w for w in _DECADES if not w.isascii()])
                          + r")(?:\s+(?P<century>" + alternation(list(_CENTURY_WORDS))
                          + r"))?")),
    ("decade_en", re.compile(rf"(?:the\s+)?(?:(?<!{DIGIT})(?P<year>{DIGIT}{{3}}0)'?s{RIGHT}|"
                             r"(?P<decade>" + "|".join(w for w in _DECADES if w.isascii())
                             + r")(?:\s+of\s+the\s+(?P<century>last|previous|twentieth) "
                               r"century)?)", re.IGNORECASE)),
    ("year", re.compile(rf"{LEFT}(?:{PREFIX}(?:عام|العام|سنة|في)|[Ii]n|[Ss]ince|[Bb]y|"
                        rf"منذ|حتى|بحلول)\s+{_Y}{_AD_MARK}")),
    # A year alone, unless a counted noun follows it ("2025 طالبا", "1999 students").
    ("year_bare", re.compile(rf"(?<![\w.,٫٬$€£]){_Y}(?![\w.,٫٬]?{DIGIT}){_AD_MARK}"
                             r"(?!\s+(?:[\w\u064b-\u0652]+[اً]\b|[\w\u064b-\u0652]*ً|"
                             r"[a-z]+s\b|%|٪|في الم))")),
]


# Words after which a bare number before 1900 is a year: "before 1800", "of 1776".
_YEAR_CUE = re.compile(r"(?:\b(?:in|of|before|after|since|until|by|from|to|between|and|"
                       r"circa|c\.)|في|قبل|بعد|منذ|حتى|عام|سنة|العام)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DateFact:
    start: int
    end: int
    text: str
    year: int  # negative before Christ; the decade's first year for a decade
    month: int | None = None
    day: int | None = None
    precision: str = "year"  # day, month, year, decade
    hijri: tuple[int, int | None, int | None] | None = None  # year, month, day as written
    levantine: bool = False  # written with the Levantine month names (حزيران)

    @property
    def key(self) -> tuple[int, int, int]:
        """For sorting, earliest first."""
        return (self.year, self.month or 0, self.day or 0)

    @property
    def when(self) -> str | None:
        """The ordering format's YYYY, YYYY-MM or YYYY-MM-DD, or None for a decade or a
        year before Christ (which it cannot write)."""
        if self.year < 1000 or self.precision == "decade":
            return None
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def _int(text: str) -> int:
    return int(western_digits(text).replace(",", ""))


def hijri_year_span(year: int) -> tuple[int, int]:
    """The Gregorian years a Hijri year begins and ends in; outside the Umm al-Qura
    tables (before 1343 هـ), by the mean length of the Hijri year."""
    try:
        return (Hijri(year, 1, 1).to_gregorian().year,
                Hijri(year, 12, 29).to_gregorian().year)
    except (ValueError, OverflowError):
        start = year * 0.970229 + 621.5643
        return int(start), int(start + 0.970229 - 0.003)


def _hijri(year: int, month: int | None, day: int | None) -> tuple[int, int | None,
                                                                   int | None]:
    """The Gregorian year, month and day of a Hijri date (the year alone outside the
    calendar's tables, by the mean length of the Hijri year)."""
    if not month:
        return hijri_year_span(year)[0], None, None
    try:
        gregorian = Hijri(year, month, day or 1).to_gregorian()
    except (ValueError, OverflowError):
        return hijri_year_span(year)[0], None, None
    if day:
        return gregorian.year, gregorian.month, gregorian.day
    if month:
        return gregorian.year, gregorian.month, None
    return gregorian.year, None, None


def find_dates(text: str) -> list[DateFact]:
    """Every date in ``text``, earliest pattern first where two overlap."""
    found: list[DateFact] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            if any(s < end and start < e for s, e in taken):
                continue
            fact = _fact(kind, match, text[start:end].strip(), start)
            if fact is not None:
                found.append(fact)
                taken.append((start, start + len(fact.text)))
    return sorted(found, key=lambda f: f.start)


def _day(found: dict[str, str | None]) -> int | None:
    if found.get("day"):
        return _int(found["day"] or "")
    ordinal = found.get("ordinal")
    if ordinal:
        return next(n for word, n in _ORDINAL_DAYS.items() if bare(word) == bare(ordinal))
    return None


def _month(name: str) -> int:
    name = re.sub(r"^[وفبلك]", "", name) if name not in _MONTH_NUMBER else name
    for spelling, number in _MONTH_NUMBER.items():
        if bare(spelling) == bare(name) or spelling == name.casefold().rstrip("."):
            return number
    return 0


def _fact(kind: str, match: re.Match[str], text: str, start: int) -> DateFact | None:
    end = start + len(text)
    found = match.groupdict()
    if kind in ("hijri", "hijri_year"):
        day = _day(found)
        month = None
        if kind == "hijri":
            month = next((n for name, n in _HIJRI_NUMBER.items()
                          if bare(name) == bare(re.sub(r"^[وفبلك](?=[^ ])", "",
                                                       match.group("month")))
                          or bare(name) == bare(match.group("month"))), None)
        year = _int(found["year"])
        g_year, g_month, g_day = _hijri(year, month, day)
        precision = "day" if g_day else "month" if g_month else "year"
        return DateFact(start, end, text, g_year, g_month, g_day, precision, (year, month, day))
    if kind == "bc":
        return DateFact(start, end, text, -_int(found["year"]))
    if kind in ("dmy", "dmy_en", "mdy_en"):
        day, year = _day(found) or 0, _int(found["year"])
        month = _month(match.group("month"))
        if not month or not 1 <= day <= 31:
            return None
        return DateFact(start, end, text, year, month, day, "day",
                        levantine=_levantine(match.group("month")))
    if kind in ("my", "my_en"):
        month = _month(match.group("month"))
        year = _int(found["year"])
        if not month:
            return None
        return DateFact(start, end, text, year, month, None, "month",
                        levantine=_levantine(match.group("month")))
    if kind in ("decade", "decade_en"):
        if found.get("year"):
            return DateFact(start, end, text, _int(found["year"]), precision="decade")
        decade = _DECADES[_decade_key(match.group("decade"))]
        century = match.group("century")
        base = 1900
        if century:
            base = next((b for w, b in _CENTURY_WORDS.items() if bare(w) == bare(century)),
                        1900)
        return DateFact(start, end, text, base + decade, precision="decade")
    year = _int(found["year"])
    if kind == "year_bare" and not 1000 <= year <= 2100:
        return None
    if kind == "year_bare" and year < 1900 and not _YEAR_CUE.search(
            match.string, max(0, start - 12), start):
        return None  # "1000 كيلومتر", "1200 volumes": before 1900 a year needs a cue
    if not 1000 <= year <= 2100:
        return None
    return DateFact(start, end, text, year)


def _decade_key(word: str) -> str:
    for key in _DECADES:
        if bare(key) == bare(word).casefold() or key == word.casefold():
            return key
    return "ثمانينيات"


def _levantine(name: str) -> bool:
    return any(bare(levant) in bare(name) for _, levant in MONTHS_AR)


def label(fact: DateFact, lang: str, *, levantine: bool = False) -> str:
    """The date written out: "2 سبتمبر 2025", "2 September 2025", "ثمانينيات القرن
    العشرين", "the 1980s", "480 قبل الميلاد"."""
    if fact.precision == "decade":
        if lang == "en":
            return f"the {fact.year}s"
        decade = next((w for w, d in _DECADES.items()
                       if d == fact.year % 100 and not w.isascii()), None)
        if decade is None:  # the 1900s, the 2010s: no one word names them
            return f"{fact.year}–{fact.year + 9}"
        century = {1900: "القرن العشرين", 2000: "القرن الحادي والعشرين",
                   1800: "القرن التاسع عشر"}.get(fact.year - fact.year % 100,
                                                   str(fact.year - fact.year % 100))
        return f"{decade} {century}"
    if fact.year < 0:
        return f"{-fact.year} قبل الميلاد" if lang == "ar" else f"{-fact.year} BC"
    parts: list[str] = []
    if fact.day:
        parts.append(str(fact.day))
    if fact.month:
        if lang == "ar":
            parts.append(MONTHS_AR[fact.month - 1][1 if levantine else 0])
        else:
            parts.append(MONTHS_EN[fact.month - 1])
    parts.append(str(fact.year))
    gregorian = " ".join(parts)
    if fact.hijri:
        year, month, day = fact.hijri
        names = HIJRI_MONTHS_AR if lang == "ar" else HIJRI_MONTHS_EN
        hijri = " ".join([str(day)] if day else []) + (" " if day else "")
        hijri += (names[month - 1] + " " if month else "") + str(year)
        hijri += " هـ" if lang == "ar" else " AH"
        if not month:  # a Hijri year runs across two Gregorian ones: 1445 هـ is 2023-2024
            first_year, last_year = hijri_year_span(year)
            if last_year != first_year:
                gregorian = f"{first_year}–{last_year}"
        return f"{hijri} ({gregorian})"
    return gregorian
