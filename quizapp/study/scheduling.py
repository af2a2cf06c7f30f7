"""FSRS scheduling over plain data: py-fsrs does the arithmetic, this module the glue.

No Flask here. Cards are py-fsrs ``Card.to_dict()`` dictionaries (None for a card never
reviewed); ``now`` is always passed in.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler
from fsrs.card import CardDict

from ..questions import registry

RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)

# How long an answer may take and still be "fast", or be "slow": a choice is read and
# clicked; typed, ordered and matched answers take longer.
QUICK_TYPES = registry.quick_names()
THRESHOLDS_MS = {"quick": (6_000, 20_000), "slow": (12_000, 40_000)}


def make_scheduler(desired_retention: float, *, fuzzing: bool,
                   parameters: Sequence[float] | None = None) -> Scheduler:
    """py-fsrs's scheduler; ``parameters`` fitted to the student (study/memory.py), or
    None for FSRS's defaults."""
    if parameters is None:
        return Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzzing)
    return Scheduler(parameters=tuple(parameters), desired_retention=desired_retention,
                     enable_fuzzing=fuzzing)


def card_from(data: CardDict | None, now: datetime) -> Card:
    if data is None:
        return Card(card_id=0, due=now)
    return Card.from_dict(data)


@dataclass(frozen=True)
class Scheduled:
    card: CardDict
    due: datetime
    state: int
    stability: float | None
    difficulty: float | None


def review(scheduler: Scheduler, card: CardDict | None, rating: Rating, now: datetime,
           duration_ms: int | None = None) -> Scheduled:
    after, _log = scheduler.review_card(card_from(card, now), rating, now, duration_ms)
    return Scheduled(after.to_dict(), after.due, int(after.state), after.stability,
                     after.difficulty)


def preview(scheduler: Scheduler, card: CardDict | None, now: datetime
            ) -> dict[Rating, timedelta]:
    """When the card would come back after each rating (fuzzing aside)."""
    intervals = {}
    for rating in RATINGS:
        after, _ = scheduler.review_card(card_from(card, now), rating, now)
        intervals[rating] = after.due - now
    return intervals


def suggest_rating(correct: bool, duration_ms: int | None, kind: str) -> Rating:
    """Wrong → Again; right but slow → Hard; right → Good; right and fast → Easy."""
    if not correct:
        return Rating.Again
    if duration_ms is None:
        return Rating.Good
    fast, slow = THRESHOLDS_MS["quick" if kind in QUICK_TYPES else "slow"]
    if duration_ms <= fast:
        return Rating.Easy
    if duration_ms >= slow:
        return Rating.Hard
    return Rating.Good


def decay_and_factor(scheduler: Scheduler) -> tuple[float, float]:
    decay = -scheduler.parameters[20]
    return decay, 0.9 ** (1 / decay) - 1


def retrievability_at(stability: float | None, last_review: datetime | None, now: datetime,
                      decay_factor: tuple[float, float]) -> float:
    """py-fsrs's ``get_card_retrievability`` from two columns, without building a Card:
    dashboards compute it for thousands of cards at once."""
    if stability is None or last_review is None:
        return 0.0
    decay, factor = decay_factor
    elapsed_days = max(0, (now - last_review).days)
    # float ** float is typed Any (a negative base gives a complex); the base is >= 1 here.
    retrievability: float = (1 + factor * elapsed_days / stability) ** decay
    return retrievability
