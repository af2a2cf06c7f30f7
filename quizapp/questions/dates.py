"""Dates as students write them, read down to their year: a full date answers a question
that asks for a year ("2 سبتمبر 2025", "September 2, 2025", "2025-09-02", "02/09/2025").

Month names come in both Arabic conventions (يونيو and حزيران) and in English, as written
after ``normalise.plain_text`` (hamza seats folded, ة as ه).
"""

import re

_MONTHS = [
    # Gregorian names used in Egypt and the Gulf
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
    "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
    # Syriac names used in the Levant and Iraq
    "كانون الثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول",
    "تشرين الاول", "تشرين الثاني", "كانون الاول",
    # English, and its usual abbreviations
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
]
_MONTH = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
_YEAR = r"(\d{4})(?!\d)"
_DATES = [
    # 2 September 2025, September 2, 2025, September 2025 (Arabic may join في to it)
    re.compile(r"(?<![^\W_])(?:\d{1,2}\.? ?(?:من )?)?(?:في)?(?:" + _MONTH + r")\.?,? ?"
               r"(?:\d{1,2}(?:st|nd|rd|th)?,? ?)?(?:(?:من )?(?:عام|سنه)? ?)" + _YEAR),
    # 2025-09-02, 2023-05
    re.compile(r"(?<!\d)" + _YEAR + r"[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?!\d)"),
    # 02/09/2025, 2.9.2025, 07/2024
    re.compile(r"(?<!\d)(?:\d{1,2}[-/.])?\d{1,2}[-/.]" + _YEAR),
]


def dates_to_years(text: str) -> str:
    """``text`` (from ``plain_text``) with every date it writes replaced by its year."""
    for pattern in _DATES:
        text = pattern.sub(lambda match: f" {match.group(1)} ", text)
    return text
