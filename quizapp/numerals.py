"""Numbers written the Arabic or the Western way.

Arabic-Indic (٠-٩) and Persian (۰-۹) digits equal Western ones; "٫" is the Arabic
decimal separator and "٬" the Arabic thousands separator. A comma ("," or "،") groups
thousands where it can ("1,500"), and is a decimal comma where no grouping fits ("94,8").
"""

import re
from decimal import Decimal, InvalidOperation

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،",
    "0123456789" "0123456789" ".,,",
)
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
# Many write a decimal comma ("94,8", "٩٤،٨"): one comma that cannot group thousands.
_DECIMAL_COMMA = re.compile(r"([+-]?\d+),(\d{1,2}|\d{4,})")


def western_digits(text: str) -> str:
    """The text with every Arabic-Indic or Persian digit and separator made Western."""
    return text.translate(_DIGITS)


def parse_number(value: int | float | str) -> Decimal | None:
    """A number from a YAML value or a typed answer; None when it is not one number.

    >>> parse_number("٩٤٫٨")
    Decimal('94.8')
    >>> parse_number("1,500")
    Decimal('1500')
    >>> parse_number("٩٤،٨")
    Decimal('94.8')
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = western_digits(value).strip().replace("\u00a0", "").replace(" ", "")
    if decimal_comma := _DECIMAL_COMMA.fullmatch(text):
        text = f"{decimal_comma.group(1)}.{decimal_comma.group(2)}"
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# A number of the sentence itself ("آخر 30 يومًا", "0.70", "50%"): not one that is part of
# a name or a code ("UTF-8", "H5P", "2023-05"), which is written as it is typed.
_SENTENCE_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_\-+/])(\d+(?:[.,]\d+)*)(?![A-Za-z0-9_\-/])(%%|%)?")


def arabic_indic_sentence(text: str, *, format_string: bool) -> str:
    """An interface sentence with its own numbers in Arabic-Indic digits.

    Decimal points and grouping commas inside a number become "٫" and "٬", a percent
    sign after one "٪". In a format string (``format_string``) the sign is written "%%"
    and placeholders ("%(num)s") hold no digit, so they are left alone.
    """
    def arabic(match: re.Match[str]) -> str:
        number = match.group(1).translate(ARABIC_INDIC_DIGITS)
        number = number.replace(".", "٫").replace(",", "٬")
        sign = match.group(2) or ""
        if sign == "%%" or (sign == "%" and not format_string):
            return number + "٪"
        return number + sign  # a lone "%" of a format string starts a placeholder

    return _SENTENCE_NUMBER.sub(arabic, text)
