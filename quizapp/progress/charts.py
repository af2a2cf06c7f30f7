"""The layout of the progress charts, computed here so the templates only draw.

Time runs in the reading direction (left to right in English, right to left in Arabic):
the templates draw in logical order and let the page's direction place things, so
nothing here knows about sides.
"""

from dataclasses import dataclass, field
from datetime import date

HEAT_LEVELS = 4  # darkest square; 0 is a day without a review


@dataclass
class HeatDay:
    day: date | None  # None: a slot before the first day of the series
    value: int = 0
    level: int = 0


@dataclass
class HeatWeek:
    month: date | None  # the first of a month that starts in this week: its label
    days: list[HeatDay] = field(default_factory=list)


@dataclass
class Heatmap:
    weekdays: list[int]  # Python weekday numbers (0 is Monday), in row order
    weeks: list[HeatWeek]


def heat_level(value: int, peak: int) -> int:
    """0 for no review, else 1 (a few) to HEAT_LEVELS (the busiest day's share)."""
    if value <= 0:
        return 0
    return min(HEAT_LEVELS, 1 + int(value / max(peak, 1) * (HEAT_LEVELS - 1)))


def heatmap_layout(series: list[tuple[date, int]], first_weekday: int) -> Heatmap:
    """A column a week, a row a weekday (the locale's week starts with ``first_weekday``).

    The first column is padded before the series' first day; a month is labelled on
    the column where its first day falls, and on the first column when enough of its
    month follows for the label not to run into the next one (and not on the last two
    columns, where it would run past the end).
    """
    weekdays = [(first_weekday + row) % 7 for row in range(7)]
    peak = max((value for _, value in series), default=0)
    weeks: list[HeatWeek] = []
    for index, (day, value) in enumerate(series):
        row = (day.weekday() - first_weekday) % 7
        if not weeks or row == 0:
            weeks.append(HeatWeek(month=None, days=[HeatDay(None)] * row if not weeks else []))
        week = weeks[-1]
        if day.day == 1 or (index == 0 and day.day <= 14):
            week.month = day
        week.days.append(HeatDay(day, value, heat_level(value, peak)))
    # A month name needs about three columns: one starting in the last two would run
    # past the end of the chart.
    for week in weeks[-2:]:
        week.month = None
    return Heatmap(weekdays, weeks)


def tick_positions(count: int, every: int) -> set[int]:
    """Indexes of the labelled points: the first, then one every ``every``, leaving room
    at the far end for the last label to be read in full."""
    return {index for index in range(0, max(count - every // 2, 1), every)}
