"""Wrong answers of the same kind as the right one: the document's own other figures,
dates and names first, then plausible nearby values; never the right answer itself, never
a value the document also gives for the same thing, never an absurd one (a negative
amount, a share over 100 %, a day that no month has).
"""

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal

from .dates import DateFact
from .figures import Figure
from .folding import fold

_FACTORS = (Decimal("0.5"), Decimal("0.75"), Decimal("1.25"), Decimal("1.5"), Decimal(2),
            Decimal("0.8"), Decimal(3))


def _round_like(value: Decimal, like: Decimal) -> Decimal:
    """``value`` with as many significant digits as ``like`` has (at least one)."""
    if like == like.to_integral_value():
        digits = len(str(int(like)).rstrip("0")) or 1
        quantum = Decimal(10) ** max(len(str(int(value))) - max(digits, 1), 0)
        rounded = (value / quantum).to_integral_value() * quantum
        return rounded if rounded > 0 else Decimal(1)
    places = -like.normalize().as_tuple().exponent  # type: ignore[operator]
    return value.quantize(Decimal(1).scaleb(-int(places)))


def number_distractors(figure: Figure, figures: Sequence[Figure], count: int = 3,
                       ) -> list[Decimal]:
    """Values in the figure's own unit and magnitude, as a student would read them."""
    right = figure.value
    seen = {right}
    out: list[Decimal] = []
    for other in figures:
        same_kind = (other.unit.key if other.unit else other.counted) == (
            figure.unit.key if figure.unit else figure.counted)
        if other is figure or not same_kind or other.magnitude != figure.magnitude:
            continue
        if other.value in seen or not _plausible(other.value, figure, window=5):
            continue
        seen.add(other.value)
        out.append(other.value)
    near: list[Decimal] = []
    if right == right.to_integral_value() and right < 20:
        near = [right + d for d in (1, -1, 2, -2, 3, 4, -3, 5) if right + d > 0]
    else:
        near = [_round_like(right * f, right) for f in _FACTORS]
    for value in near:
        if value not in seen and _plausible(value, figure):
            seen.add(value)
            out.append(value)
    return out[:count]


def _grammar_class(value: Decimal) -> str:
    """Arabic counts 3 to 10 with a plural ("أربع سنوات", "ثلاثة آلاف") and others with a
    singular ("20 ألف", "120 زائر"): a changed figure keeps the words around it right."""
    return "few" if value == value.to_integral_value() and 3 <= value <= 10 else "many"


def _plausible(value: Decimal, figure: Figure, window: int = 20) -> bool:
    if value <= 0:
        return False
    if figure.unit and figure.unit.kind == "percent" and value > 100:
        return False
    if (figure.magnitude > 1 or figure.counted) and figure.value >= 3 and \
            _grammar_class(value) != _grammar_class(figure.value):
        return False
    # Another figure of the document, but an order of magnitude away, is no real choice.
    return figure.value / window <= value <= figure.value * window


def date_distractors(date: DateFact, dates: Sequence[DateFact], count: int = 3
                     ) -> list[DateFact]:
    """Other dates of the document at the same precision, then nearby ones."""
    out: list[DateFact] = []
    seen = {date.key}
    for other in dates:
        if other.precision == date.precision and other.key not in seen and (
                (other.year < 0) == (date.year < 0)) and abs(other.year - date.year) <= 60:
            seen.add(other.key)
            out.append(_like(other, date))
    for shift in _shifts(date):
        if shift.key not in seen:
            seen.add(shift.key)
            out.append(shift)
    return out[:count]


def _like(other: DateFact, date: DateFact) -> DateFact:
    """Another date of the document, shown as the right one is (Hijri or not)."""
    if date.hijri and not other.hijri:
        return DateFact(other.start, other.end, other.text, other.year, other.month, other.day,
                        other.precision, _to_hijri(other), other.levantine)
    if other.hijri and not date.hijri:
        return DateFact(other.start, other.end, other.text, other.year, other.month, other.day,
                        other.precision, None, other.levantine)
    return other


def _to_hijri(date: DateFact) -> tuple[int, int | None, int | None] | None:
    from hijridate import Gregorian
    try:
        hijri = Gregorian(date.year, date.month or 1, date.day or 1).to_hijri()
    except (ValueError, OverflowError):
        return None
    return (hijri.year, hijri.month if date.month else None, hijri.day if date.day else None)


def _shifts(date: DateFact) -> list[DateFact]:
    if date.precision == "decade":
        years = [date.year + d for d in (-10, 10, -20, 20, 30, -30)
                 if 0 < date.year + d <= 2090 and (date.year + d) % 100 >= 20]
        return [DateFact(0, 0, "", y, precision="decade") for y in years]
    if date.year < 0:
        return [DateFact(0, 0, "", date.year + d) for d in (-100, 100, -200, 50) if
                date.year + d < 0]
    if date.hijri:
        year, month, day = date.hijri
        out = []
        for d in (-1, 1, -2, 2):
            from .dates import _hijri
            g_year, g_month, g_day = _hijri(year + d, month, day)
            out.append(DateFact(0, 0, "", g_year, g_month, g_day, date.precision,
                                (year + d, month, day)))
        return out
    if date.precision == "day" and date.month and date.day:
        base = dt.date(date.year, date.month, min(date.day, 28))
        candidates = [base.replace(year=date.year - 1), base.replace(year=date.year + 1),
                      _add_months(base, 3), _add_months(base, -2)]
        return [DateFact(0, 0, "", c.year, c.month, date.day if date.day <= 28 else c.day,
                         "day", levantine=date.levantine) for c in candidates]
    if date.precision == "month" and date.month:
        base = dt.date(date.year, date.month, 1)
        candidates = [base.replace(year=date.year - 1), _add_months(base, 2),
                      base.replace(year=date.year + 1), _add_months(base, -3)]
        return [DateFact(0, 0, "", c.year, c.month, None, "month", levantine=date.levantine)
                for c in candidates]
    return [DateFact(0, 0, "", date.year + d) for d in (-1, 1, -3, 2, -2)]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


def _stems(name: str) -> set[str]:
    """Content words without the article and the endings that tell مركز الثقافة from
    المركز الثقافي apart."""
    stems = set()
    for word in name.split():
        if word.isascii():  # "Kazakh National Culture Centre", "Kazakhstan's ... Cultural"
            if len(word) >= 4 and word not in ("the", "of", "and", "for"):
                stems.add(word[:5])
            continue
        word = re.sub(r"^(?:وال|بال|لل|ال|ل)(?=\w{3})", "", word)
        word = re.sub(r"(?:يه|يا|ي|ه|يه)$", "", word) if len(word) > 4 else word
        if len(word) >= 3:
            stems.add(word)
    return stems


def _alike(a: str, b: str) -> bool:
    """Two names that share most of their content words name one thing."""
    first, second = _stems(a), _stems(b)
    if len(first) < 2 or len(second) < 2:
        return False
    return len(first & second) / len(first | second) >= 0.5


def name_distractors(right: str, names: Sequence[str], count: int = 3) -> list[str]:
    """Other names of the same kind in the document, none spelling the right one."""

    seen = {fold(right)}
    out = []
    for name in names:
        key = fold(name)
        if any(key in known or known in key for known in seen):
            continue  # "مدينة فاس" and "فاس" are one place
        if len(key.split()) > 1 and any(key.split()[:2] == known.split()[:2] for known in seen):
            continue  # "المركز الثقافي الوطني" and "المركز الثقافي الجديد": likely one centre
        if any(_alike(key, known) for known in seen):
            continue  # "مركز الثقافة الوطنية" and "المركز الثقافي الوطني": one centre
        seen.add(key)
        out.append(name)
    return out[:count]
