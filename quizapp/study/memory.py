"""A memory model fitted to one student: FSRS parameters from their own review log.

Plain data in, plain data out (no Flask, no database). fsrs-rs (``fsrs_rs_python``) fits
and evaluates; py-fsrs's Scheduler, given the parameters, schedules (scheduling.py).
New parameters are kept only when they predict the student's *later* reviews better
than the ones in use: fitted on the earlier part of the log, judged on the rest.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

import fsrs_rs_python as fsrs_rs
from fsrs.scheduler import (
    DEFAULT_PARAMETERS,
    LOWER_BOUNDS_PARAMETERS,
    UPPER_BOUNDS_PARAMETERS,
)

# The share of the log (its latest items) held out to judge a fit.
HELD_OUT = 0.25
# fsrs-rs's own minimum: with fewer long-term items it returns its defaults unfitted
# (from 8 it fits the initial stabilities, from 64 every parameter).
MIN_TRAIN_ITEMS = 8
# Fewer held-out items than this say too little to prefer one set of parameters.
MIN_HELD_OUT_ITEMS = 16


@dataclass(frozen=True)
class LoggedReview:
    card_id: int
    rating: int  # 1 Again .. 4 Easy
    reviewed_at: datetime


@dataclass(frozen=True)
class Fit:
    """A fit and its test: log loss and calibration error (RMSE over bins, 0..1) of the
    parameters in use ("before") and of the fitted ones ("after") on the held-out items."""

    enough: bool  # False: too few reviews; nothing else is set
    kept: bool = False
    parameters: tuple[float, ...] = ()
    train_items: int = 0
    held_out_items: int = 0
    log_loss_before: float = 0.0
    log_loss_after: float = 0.0
    rmse_before: float = 0.0
    rmse_after: float = 0.0


NOT_ENOUGH = Fit(enough=False)


def _day(moment: datetime, zone: tzinfo) -> int:
    return moment.astimezone(zone).date().toordinal()


@dataclass(frozen=True)
class Item:
    """A card's history up to one review, which the model is asked to predict."""

    predicts_at: datetime
    history: fsrs_rs.FSRSItem
    # Whether that review came a day or more after the one before: what the fit and its
    # test are about (same-day steps are scheduled, not predicted).
    long_term: bool
    # fsrs-rs refuses (panics on) a history with no gap of a day or more anywhere in it.
    usable: bool


def items_from(reviews: Iterable[LoggedReview], zone: tzinfo) -> list[Item]:
    """One item per review after a card's first, in whole days between reviews (the
    student's days); oldest first."""
    by_card: dict[int, list[LoggedReview]] = defaultdict(list)
    for review in reviews:
        by_card[review.card_id].append(review)
    items = []
    for card_reviews in by_card.values():
        card_reviews.sort(key=lambda review: review.reviewed_at)
        history: list[fsrs_rs.FSRSReview] = []
        previous_day = None
        any_gap = False
        for review in card_reviews:
            day = _day(review.reviewed_at, zone)
            elapsed = 0 if previous_day is None else day - previous_day
            history.append(fsrs_rs.FSRSReview(review.rating, elapsed))
            previous_day = day
            any_gap = any_gap or elapsed > 0
            if len(history) > 1:
                items.append(Item(review.reviewed_at, fsrs_rs.FSRSItem(list(history)),
                                  elapsed > 0, any_gap))
    items.sort(key=lambda item: item.predicts_at)
    return items


def within_bounds(parameters: Sequence[float]) -> tuple[float, ...]:
    """fsrs-rs's float32 results clipped to the bounds py-fsrs's Scheduler accepts."""
    return tuple(min(max(value, low), high) for value, low, high in
                 zip(parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS,
                     strict=True))


def fit(reviews: Iterable[LoggedReview], zone: tzinfo,
        current: Sequence[float] | None = None) -> Fit:
    """Fit on the earlier reviews, compare with ``current`` (None: FSRS's defaults) on
    the later ones."""
    current = tuple(current or DEFAULT_PARAMETERS)
    items = items_from(reviews, zone)
    split = int(len(items) * (1 - HELD_OUT))
    train = [item.history for item in items[:split] if item.usable]
    held_out = [item.history for item in items[split:] if item.long_term]
    if sum(1 for item in items[:split] if item.long_term) < MIN_TRAIN_ITEMS \
            or len(held_out) < MIN_HELD_OUT_ITEMS:
        return NOT_ENOUGH
    fitted = fsrs_rs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(train)
    if list(fitted) == list(fsrs_rs.DEFAULT_PARAMETERS):
        return NOT_ENOUGH  # fsrs-rs found too few usable items and fitted nothing
    fitted_parameters = within_bounds(fitted)
    before = fsrs_rs.FSRS(list(current)).evaluate(held_out)
    after = fsrs_rs.FSRS(list(fitted_parameters)).evaluate(held_out)
    return Fit(enough=True, kept=after.log_loss < before.log_loss,
               parameters=fitted_parameters, train_items=len(train),
               held_out_items=len(held_out), log_loss_before=before.log_loss,
               log_loss_after=after.log_loss, rmse_before=before.rmse_bins,
               rmse_after=after.rmse_bins)
