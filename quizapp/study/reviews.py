"""The review flow, one rule set for views and tests: a graded question is answered, checked
and given a suggested rating; the student's rating (of that answer, or of a flashcard they
revealed) is then recorded. Views parse the request and render; this module decides.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Rating
from sqlalchemy import exists, select

from ..accounts.models import User
from ..banks.models import Question
from ..extensions import db
from ..questions import registry
from ..questions.answers import check_answer
from ..questions.base import FormData, Response
from ..questions.presenting import make_layout, response_from_form
from . import scheduling, tasks
from . import services as study
from .feedback import Feedback, feedback_for
from .models import Card, ReviewLog


class WrongReviewKind(ValueError):
    """A flashcard answered, or a graded question rated without an answer."""


@dataclass(frozen=True)
class ReviewSubmission:
    """What a rating completes: the card as the student saw it and, for a graded type,
    their answer and the rating suggested for it."""

    question_id: int
    seen: int  # the card's review count when it was shown
    duration_ms: int | None = None  # from showing the question to the answer
    answered: bool = False  # a graded answer (a flashcard is only revealed)
    response: Response = None
    suggested: Rating | None = None


@dataclass(frozen=True)
class ReviewFeedback:
    """The verdict on a review answer, and the submission its rating will complete."""

    submission: ReviewSubmission
    feedback: Feedback
    intervals: dict[Rating, timedelta]  # when the card comes back after each rating

    @property
    def suggested(self) -> Rating:
        assert self.submission.suggested is not None
        return self.submission.suggested


@dataclass(frozen=True)
class ReviewSummary:
    """A study session in figures, for its closing page."""

    reviews: int
    correct: int  # of the graded reviews
    graded: int
    by_rating: dict[int, int]  # rating 1..4 → how many reviews were given it


def answerable(question: Question) -> bool:
    """Graded (answered, then checked) rather than revealed and rated, as flashcards are."""
    return registry.get(question.type).answerable


def review_layout(user: User, question: Question, seen: int) -> list:
    """The card's shuffled choices, the same on a reload and when the answer comes back,
    different after the next review."""
    return make_layout(question, random.Random(f"{user.id}:{question.id}:{seen}"))


def rating_intervals(user: User, card: Card | None, now: datetime) -> dict[Rating, timedelta]:
    """When the card (None: a new one) would come back after each rating, unfuzzed."""
    return scheduling.preview(study.scheduler_for(user, False),
                              card.fsrs_card if card else None, now)


def answer_for_review(user: User, question: Question, *, seen: int, form: FormData,
                      duration_ms: int | None, lang: str, now: datetime) -> ReviewFeedback:
    """Check an answer given in review and suggest a rating for it; nothing is stored
    until the student rates. Raises WrongReviewKind for a flashcard."""
    if not answerable(question):
        raise WrongReviewKind(question.type)
    response = response_from_form(question, review_layout(user, question, seen), form)
    result = check_answer(question.type, question.details, response)
    suggested = scheduling.suggest_rating(result.correct, duration_ms, question.type)
    submission = ReviewSubmission(question.id, seen, duration_ms, answered=True,
                                  response=response, suggested=suggested)
    return ReviewFeedback(submission, feedback_for(question, response, lang, result),
                          rating_intervals(user, study.card_for(user, question.id), now))


def rate(user: User, question: Question, rating: Rating, submission: ReviewSubmission, *,
         now: datetime, fuzzing: bool) -> study.ReviewOutcome:
    """Record the student's rating of a card. A graded answer is checked again here, so
    what is stored as right or wrong never comes from the client.

    Raises WrongReviewKind when the submission does not fit the question's type.
    """
    if submission.question_id != question.id or submission.answered != answerable(question):
        raise WrongReviewKind(question.type)
    answer = None
    if submission.answered:
        result = check_answer(question.type, question.details, submission.response)
        answer = study.GradedAnswer(submission.response, result.correct, submission.suggested)
    user_id = user.id
    outcome = study.record_review(user, question, rating, now=now,
                                  reviews_seen=submission.seen, fuzzing=fuzzing,
                                  duration_ms=submission.duration_ms, answer=answer)
    if outcome.recorded:
        # Queues a fit of the student's memory model every so many reviews; the fit
        # runs on a worker, never in this request.
        tasks.note_review(user_id)
    return outcome


def session_summary(user: User, since: datetime) -> ReviewSummary:
    logs = study.reviews_since(user, since)
    graded = [log for log in logs if log.correct is not None]
    return ReviewSummary(
        reviews=len(logs), correct=sum(1 for log in graded if log.correct), graded=len(graded),
        by_rating={rating: sum(1 for log in logs if log.rating == rating)
                   for rating in range(1, 5)})


def can_undo(user: User) -> bool:
    """Whether there is a review for "Undo the last review" to undo."""
    return bool(db.session.scalar(select(exists().where(ReviewLog.user_id == user.id))))


def studies_any_bank(user: User) -> bool:
    """Whether the student has chosen a bank or been assigned one: a new student has not,
    and is shown how to start rather than told there is nothing more to review."""
    return bool(db.session.scalar(select(exists(study.studied_bank_ids(user).subquery()))))


def next_due(user: User, now: datetime, bank_id: int | None = None) -> datetime | None:
    """When the student's next card comes due (after ``now``): the first row of the
    (user_id, due) index, so the done page can say when to come back."""
    banks = study.studied_bank_ids(user).subquery()
    query = (select(Card.due).join(Question, Question.id == Card.question_id)
             .where(Card.user_id == user.id, Card.due > now, Question.retired_at.is_(None),
                    Question.bank_id.in_(select(banks.c.bank_id)))
             .order_by(Card.due).limit(1))
    if bank_id is not None:
        query = query.where(Question.bank_id == bank_id)
    return db.session.scalar(query)
