"""Numbers from a request: ids and small integers, parsed once, the same way everywhere.

Anything that is not a plain decimal number within its bounds is refused before it
reaches ``int()`` or the database: ``"²"`` (which ``str.isdigit()`` accepts and ``int()``
refuses), 5,000 digits (past Python's ``int()`` limit), or an id beyond what an integer
column holds (PostgreSQL's ``integer`` stops at 2**31 - 1, SQLite's at 2**63 - 1).
"""

from collections.abc import Mapping

from flask import abort, request
from werkzeug.routing import IntegerConverter, UnicodeConverter, ValidationError

MAX_ID = 2**31 - 1  # PostgreSQL's integer; every id column is one
_MAX_DIGITS = len(str(MAX_ID))


def parse_int(raw: str | None, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """The number ``raw`` spells, or None when it is not one within [low, high].

    Decimal digits of any script ``int()`` reads (ASCII, Arabic-Indic) are accepted;
    signs, spaces inside, superscripts and fractions are not.
    """
    if raw is None:
        return None
    raw = raw.strip()
    if not raw or len(raw) > max(_MAX_DIGITS, len(str(high))) or not raw.isdecimal():
        return None
    value = int(raw)
    return value if low <= value <= high else None


def int_field(name: str, *, low: int = 0, high: int = MAX_ID,
              default: int | None = None, values: Mapping | None = None) -> int:
    """A number from the submitted form (or ``values``, e.g. ``request.args``); a 400
    (the localised "Bad request" page) when it is missing or not a number in bounds."""
    values = request.form if values is None else values
    raw = values.get(name)
    if raw in (None, "") and default is not None:
        return default
    value = parse_int(raw, low=low, high=high)
    if value is None:
        abort(400)
    return value


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: only numbers a database id column can hold match, so
    a larger one is a 404 like any other id that does not exist."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)

    def to_python(self, value: str):
        if len(value) > _MAX_DIGITS:
            raise ValidationError()
        return super().to_python(value)


def names_nothing(word: str) -> bool:
    """Whether a slug or id taken from a request can name nothing stored: one holding a
    control character (NUL above all, which PostgreSQL text cannot hold) is "not found"
    before any query sees it."""
    return any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in word)


class WordConverter(UnicodeConverter):
    """``<slug>`` and other path words (see ``names_nothing``)."""

    def to_python(self, value: str) -> str:
        if names_nothing(value):
            raise ValidationError()
        return value


def init_app(app) -> None:
    # Before any blueprint is registered, so every rule is built with them.
    app.url_map.converters["int"] = IdConverter
    app.url_map.converters["default"] = app.url_map.converters["string"] = WordConverter
