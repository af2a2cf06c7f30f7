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
