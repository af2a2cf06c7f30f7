"""Numbers written the Arabic or the Western way.

Arabic-Indic (٠-٩) and Persian (۰-۹) digits equal Western ones; "٫" is the Arabic
decimal separator and "٬" the Arabic thousands separator.
"""

import re
from decimal import Decimal, InvalidOperation

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،",
    "0123456789" "0123456789" ".,,",
)
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


def western_digits(text: str) -> str:
    """The text with every Arabic-Indic or Persian digit and separator made Western."""
    return text.translate(_DIGITS)


def parse_number(value: int | float | str) -> Decimal | None:
    """A number from a YAML value or a typed answer; None when it is not one number.

    >>> parse_number("٩٤٫٨")
    Decimal('94.8')
    >>> parse_number("1,500")
    Decimal('1500')
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = western_digits(value).strip().replace("\u00a0", "").replace(" ", "")
    # The Arabic comma "،" was mapped to ",", which is only a thousands separator here.
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
