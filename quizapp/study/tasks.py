"""Study's background work: fitting a student's memory model and rescheduling their cards.

A fit is asked for after every MEMORY_REFIT_REVIEWS new reviews (``note_review``, a
bounded read after each stored review) and monthly for everyone with new reviews since
their last fit; the fit itself always runs on a worker.
"""

import logging
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app
from fsrs import Card as FsrsCard
from fsrs import Rating
from fsrs import ReviewLog as FsrsReviewLog
from huey import crontab
from sqlalchemy import Integer, bindparam, exists, func, select
from sqlalchemy.exc import SQLAlchemyError

from ..accounts.models import User
from ..core import jobs
from ..core.jobs import JobResult, Progress, huey, job_task
from ..core.messages import N_
from ..core.models import Job
from ..database import write_transaction
from ..extensions import db
from . import memory, scheduling
from .models import Card, MemoryFit, ReviewLog

log = logging.getLogger(__name__)

KIND = "memory_fit"


def latest_fit(user_id: int, *, enough_only: bool = False) -> MemoryFit | None:
    query = select(MemoryFit).where(MemoryFit.user_id == user_id)
    if enough_only:
        query = query.where(MemoryFit.enough.is_(True))
    return db.session.scalar(query.order_by(MemoryFit.fitted_at.desc(), MemoryFit.id.desc())
                             .limit(1))


def _reviews_since(user_id: int, since: datetime | None, limit: int) -> int:
    """How many reviews the student stored after ``since``, counting no further than
    ``limit``: an index range scan of at most that many rows."""
    query = select(ReviewLog.id).where(ReviewLog.user_id == user_id)
    if since is not None:
        query = query.where(ReviewLog.reviewed_at > since)
    return db.session.execute(
        select(func.count()).select_from(query.limit(limit).subquery())).scalar_one()


def _fit_pending(user_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(
        Job.owner_id == user_id, Job.kind == KIND, Job.state.in_(("queued", "running"))))))


def reviews_since_fit(user_id: int, limit: int = 10_000) -> int:
    fit = latest_fit(user_id)
    return _reviews_since(user_id, fit.through if fit else None, limit)


def request_fit(user_id: int) -> Job | None:
    """A fit the student asked for: None when one is already under way, or when no
    review came since the last one (nothing new to learn from)."""
    if _fit_pending(user_id) or reviews_since_fit(user_id, 1) == 0:
        return None
    return jobs.start(fit_memory, owner_id=user_id)


@cache
def _refit_due_statement():
    """Whether the student's Nth review since their latest fit exists: one indexed
    statement, bound once (it runs after every review)."""
    user_id = bindparam("user_id", type_=Integer)
    last_fit = (select(func.max(MemoryFit.through)).where(MemoryFit.user_id == user_id)
                .scalar_subquery())
    since = func.coalesce(last_fit, bindparam("epoch", type_=MemoryFit.through.type))
    return (select(ReviewLog.id).where(ReviewLog.user_id == user_id,
                                       ReviewLog.reviewed_at > since)
            .order_by(ReviewLog.reviewed_at)
            .offset(bindparam("nth", type_=Integer)).limit(1))


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def note_review(user_id: int) -> Job | None:
    """After a stored review: queue a fit once enough new reviews have gathered. Only
    reads, unless a fit is due (once every MEMORY_REFIT_REVIEWS reviews)."""
    every = current_app.config["MEMORY_REFIT_REVIEWS"]
    due = db.session.execute(_refit_due_statement(), {
        "user_id": user_id, "epoch": EPOCH, "nth": every - 1}).first()
    if due is None:
        return None
    if _fit_pending(user_id):
        return None
    try:
        return jobs.start(fit_memory, owner_id=user_id)
    except SQLAlchemyError:
        # The review is stored and acknowledged whatever happens here: a fit that could
        # not be queued (the database busy past its timeout) is queued at the next one.
        db.session.rollback()
        log.warning("could not queue a memory fit for user %s", user_id, exc_info=True)
        return None


def _student_reviews(user_id: int) -> list[ReviewLog]:
    return list(db.session.scalars(select(ReviewLog).where(ReviewLog.user_id == user_id)
                                   .order_by(ReviewLog.reviewed_at, ReviewLog.id)))


def reschedule_cards(user: User, logs: list[ReviewLog], progress: Progress) -> int:
    """Every card of the student replayed through py-fsrs's Scheduler with their
    parameters, as if it had always been scheduled with them."""
    scheduler = scheduling.make_scheduler(user.desired_retention, fuzzing=False,
                                          parameters=user.fsrs_parameters)
    by_card: dict[int, list[ReviewLog]] = {}
    for log in logs:
        by_card.setdefault(log.card_id, []).append(log)
    cards = list(db.session.scalars(select(Card).where(Card.user_id == user.id)))
    for done, card in enumerate(cards, start=1):
        card_logs = by_card.get(card.id, [])
        if not card_logs:
            continue
        rescheduled = scheduler.reschedule_card(
            FsrsCard(card_id=card.id, due=card_logs[0].reviewed_at),
            [FsrsReviewLog(card.id, Rating(log.rating), log.reviewed_at, log.duration_ms)
             for log in card_logs])
        card.fsrs_card = rescheduled.to_dict()
        card.due = rescheduled.due
        card.state = int(rescheduled.state)
        card.stability = rescheduled.stability
        card.difficulty = rescheduled.difficulty
        if done % 200 == 0:
            progress(done, len(cards))
    return len(cards)


@job_task(KIND, N_("Fitting your memory model"))
def fit_memory(job: Job, progress: Progress) -> JobResult:
    """Fit the owner's parameters on their reviews; keep them only if they predict the
    held-out reviews better, then reschedule the cards with them."""
    user = db.session.get(User, job.owner_id)
    assert user is not None  # the job is deleted with its owner
    logs = _student_reviews(user.id)
    if not logs:
        return JobResult(N_("Not enough reviews yet to fit a memory model."))
    reviews = [memory.LoggedReview(log.card_id, log.rating, log.reviewed_at) for log in logs]
    outcome = memory.fit(reviews, ZoneInfo(user.timezone), user.fsrs_parameters)
    with write_transaction() as session:
        session.add(MemoryFit(
            user_id=user.id, through=logs[-1].reviewed_at, reviews=len(logs),
            held_out_items=outcome.held_out_items, enough=outcome.enough, kept=outcome.kept,
            log_loss_before=outcome.log_loss_before, log_loss_after=outcome.log_loss_after,
            rmse_before=outcome.rmse_before, rmse_after=outcome.rmse_after,
            parameters=list(outcome.parameters)))
        if outcome.kept:
            student = session.get(User, user.id)
            assert student is not None
            student.fsrs_parameters = list(outcome.parameters)
            reschedule_cards(student, logs, progress)
    if not outcome.enough:
        return JobResult(N_("Not enough reviews yet to fit a memory model."))
    if not outcome.kept:
        return JobResult(N_("Your reviews were checked; the current model still predicts "
                            "them best."), endpoint="progress.dashboard")
    return JobResult(N_("Your memory model was fitted to your reviews and your cards were "
                        "rescheduled."), endpoint="progress.dashboard")


@huey.periodic_task(crontab(day="1", hour="3", minute="30"), name="memory.monthly")
def monthly_fits() -> None:
    """On the first of the month: a fit for every student with new reviews since their
    last one (a student with none new is left alone)."""
    with jobs.app_context():
        fitted = (select(MemoryFit.user_id, func.max(MemoryFit.through).label("through"))
                  .group_by(MemoryFit.user_id).subquery())
        last_review = (select(ReviewLog.user_id, func.max(ReviewLog.reviewed_at).label("at"))
                       .group_by(ReviewLog.user_id).subquery())
        due = db.session.execute(
            select(last_review.c.user_id)
            .outerjoin(fitted, fitted.c.user_id == last_review.c.user_id)
            .where((fitted.c.through.is_(None)) | (last_review.c.at > fitted.c.through)))
        for (user_id,) in list(due):
            if not _fit_pending(user_id):
                jobs.start(fit_memory, owner_id=user_id)
