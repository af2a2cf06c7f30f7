"""What a student's memory model has learnt about them, for their progress page."""

from dataclasses import dataclass
from datetime import datetime

from ..accounts.models import User
from ..study.tasks import latest_fit, reviews_since_fit


@dataclass(frozen=True)
class MemoryModelSummary:
    personal: bool  # scheduling with parameters fitted to this student
    fitted_at: datetime | None = None  # the latest fit that had enough reviews
    kept: bool = False
    reviews: int = 0
    off_before: float = 0.0  # predicted recall's calibration error, 0..1, before the fit
    off_after: float = 0.0  # and with the fitted parameters
    new_reviews: int = 0  # reviews since the latest fit (a new fit can use them)


def memory_model_summary(user: User) -> MemoryModelSummary:
    fit = latest_fit(user.id, enough_only=True)
    new_reviews = reviews_since_fit(user.id)
    if fit is None:
        return MemoryModelSummary(user.fsrs_parameters is not None, new_reviews=new_reviews)
    return MemoryModelSummary(user.fsrs_parameters is not None, fit.fitted_at, fit.kept,
                              fit.reviews, fit.rmse_before, fit.rmse_after, new_reviews)
