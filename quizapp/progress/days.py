"""Reviews counted per day of the student's calendar, in the database.

A day is the student's own (their time zone, daylight saving included): the UTC offset
is piecewise constant over the window, so the query adds the right offset to each
review's instant and groups by whole days. The database returns one row per day with a
review, never the reviews themselves, and the same statement runs on SQLite and
PostgreSQL.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, ColumnElement, case, func, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

EPOCH = date(1970, 1, 1)
DAY_SECONDS = 86400


class epoch_seconds(FunctionElement):  # noqa: N801 - reads as the SQL function it is
    """Whole seconds since 1970 of a UTC timestamp column."""

    type = BigInteger()
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _sqlite_epoch(element, compiler, **kw) -> str:
    # SQLite stores the UTC instant as text; julianday() reads it, 2440587.5 is 1970.
    return (f"CAST((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5)"
            " * 86400 AS INTEGER)")


@compiles(epoch_seconds)
def _default_epoch(element, compiler, **kw) -> str:
    return (f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}))"
            " AS BIGINT)")


def offset_changes(zone: ZoneInfo, start: datetime, end: datetime) -> list[tuple[int, int]]:
    """(epoch second from which it holds, UTC offset in seconds) over [start, end],
    the first holding from ``start``: one entry, or one more per daylight-saving change."""
    def offset(moment: datetime) -> int:
        shift = moment.astimezone(zone).utcoffset()
        assert shift is not None, "an aware datetime always has an offset"
        return int(shift.total_seconds())

    changes = [(int(start.timestamp()), offset(start))]
    # A zone changes its offset at most a few times a year, never twice within a day:
    # stepping a day at a time finds every change, then halving finds its second.
    step, moment = timedelta(days=1), start
    while moment < end:
        later = min(moment + step, end)
        if offset(later) != changes[-1][1]:
            low, high = moment, later  # find the change to the second
            while (high - low) > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == changes[-1][1] else (low, middle)
            changes.append((int(high.timestamp()), offset(later)))
        moment = later
    return changes


def local_day_number(column, zone: ZoneInfo, start: datetime,
                     end: datetime) -> ColumnElement[int]:
    """The local calendar day (days since 1970-01-01) of each row's UTC ``column``."""
    seconds = epoch_seconds(column)
    changes = offset_changes(zone, start, end)
    if len(changes) == 1:
        offset: ColumnElement[int] = literal(changes[0][1])
    else:
        offset = case(*[(seconds >= since, literal(value))
                        for since, value in reversed(changes[1:])], else_=changes[0][1])
    return (seconds + offset) // DAY_SECONDS


def day_of(number: int) -> date:
    return EPOCH + timedelta(days=int(number))


@dataclass
class DayCounts:
    """One day's reviews: all of them, those of learned cards, and of those the right ones;
    ``recent_*`` count only reviews since the 30-day retention window began."""

    reviews: int = 0
    learned: int = 0
    learned_right: int = 0
    recent_learned: int = 0
    recent_learned_right: int = 0


def as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def count_columns(state_before, rating, reviewed_at, recent_since: datetime, *,
                  learned_state: int, wrong_rating: int) -> list:
    """The aggregate columns of DayCounts, in its order."""
    learned = state_before == learned_state
    right = rating != wrong_rating
    recent = reviewed_at >= recent_since

    def total(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    return [func.count(), total(learned), total(learned & right), total(learned & recent),
            total(learned & right & recent)]
