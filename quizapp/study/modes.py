"""Study modes beyond the daily queue: a quiz on chosen questions, retrying a quiz's
mistakes, quiz answers that count as reviews, and custom study sessions.

Scheduling always goes through ``services.record_review`` (FSRS); nothing here computes
an interval. Every function takes the user (and ``now``) explicitly.

Custom study reviews cards whatever their schedule, and, like Anki's custom study (a
filtered deck with "reschedule cards based on my answers", its default), each rating is
recorded and updates the card's schedule. FSRS reads the time since the last review, so
a card reviewed ahead of time gains less stability from "Good" than one reviewed when
due; the student is told the session is ahead of schedule before they start.
"""

import random
from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating
from sqlalchemy import delete, select

from ..accounts.models import User
from ..banks.access import visible_questions
from ..banks.models import Bank, Question, QuestionTag
from ..banks.search import QUIZ_FROM_RESULTS, STUDY_FROM_RESULTS
from ..database import write_transaction
from ..extensions import db
from ..questions import registry
from . import quizzes
from . import services as study
from .models import Card, CustomStudy, QuizAnswer, QuizAttempt, ReviewLog
from .reviews import ReviewSummary

# A quiz on a search's results asks at most this many; a custom session holds at most
# this many questions.
MAX_CHOSEN_QUIZ = QUIZ_FROM_RESULTS
MAX_CUSTOM = STUDY_FROM_RESULTS
# Each student keeps their latest custom sessions only; older ones are deleted.
KEPT_CUSTOM = 5


def quiz_on(user: User, question_ids: list[int], *, rng: random.Random,
            bank: Bank | None = None) -> QuizAttempt | None:
    """A quiz drawn from chosen questions (visible, active, answerable), capped."""
    return quizzes.start_quiz(user, length=MAX_CHOSEN_QUIZ, rng=rng, bank=bank,
                              question_ids=question_ids)


def mistakes(user: User, attempt: QuizAttempt) -> list[int]:
    """The questions of a finished attempt answered wrongly (partly right counts as
    wrong), that the student may still see and a quiz may still ask, in quiz order."""
    wrong = [answer.question_id for answer in attempt.answers if not answer.correct]
    if not wrong:
        return []
    askable = set(db.session.scalars(
        visible_questions(user).where(Bank.retired_at.is_(None), Question.id.in_(wrong),
                                      Question.type.in_(registry.answerable_names()))
        .with_only_columns(Question.id)))
    return [question_id for question_id in dict.fromkeys(wrong) if question_id in askable]


def retry_mistakes(user: User, attempt: QuizAttempt, *, rng: random.Random
                   ) -> QuizAttempt | None:
    """A new quiz of the attempt's mistakes (same bank or tag); None when there are none."""
    wrong = mistakes(user, attempt)
    if not wrong:
        return None
    return quizzes.start_quiz(user, length=len(wrong), rng=rng, bank=attempt.bank,
                              tag=attempt.tag, question_ids=wrong)


@dataclass(frozen=True)
class QuizAnswerOutcome:
    answered: quizzes.Answered
    reviewed: Rating | None = None  # the rating recorded for the student's card, if any


def answer_in_quiz(user: User, attempt: QuizAttempt, position: int, question: Question,
                   response, *, duration_ms: int | None, now: datetime,
                   fuzzing: bool) -> QuizAnswerOutcome:
    """Store a quiz answer once; when the question is already a card of the student's
    and the card is due, the answer is also its review (right: Good, wrong: Again)."""
    answered = quizzes.answer_question(attempt, position, question, response,
                                       duration_ms=duration_ms, now=now)
    if not answered.recorded:
        return QuizAnswerOutcome(answered)
    outcome = review_from_quiz(user, question, answered.answer, now=now, fuzzing=fuzzing)
    if outcome is None or not outcome.recorded:
        return QuizAnswerOutcome(answered)
    return QuizAnswerOutcome(answered, Rating.Good if answered.answer.correct
                             else Rating.Again)


def review_from_quiz(user: User, question: Question, answer: QuizAnswer, *, now: datetime,
                     fuzzing: bool) -> study.ReviewOutcome | None:
    """Record a quiz answer as the review of the student's card for that question, when
    there is one and it is due; None otherwise.

    A card not yet due keeps its schedule: a quiz is not a reason to review early. The
    card's review count is the one read here, so a second call (a double submit that got
    through) records nothing.
    """
    card = study.card_for(user, question.id)
    if card is None or card.due > now:
        return None
    rating = Rating.Good if answer.correct else Rating.Again
    graded = study.GradedAnswer(answer.response, answer.correct, suggested=rating)
    return study.record_review(user, question, rating, now=now, reviews_seen=card.reviews,
                               fuzzing=fuzzing, duration_ms=answer.duration_ms,
                               answer=graded)


# Custom study ---------------------------------------------------------------------------

def _save_custom(user: User, kind: str, question_ids: list[int], tag: str | None,
                 now: datetime) -> CustomStudy:
    with write_transaction() as session:
        custom = CustomStudy(user_id=user.id, kind=kind, tag=tag,
                             question_ids=question_ids[:MAX_CUSTOM], created_at=now)
        session.add(custom)
        session.flush()
        kept = select(CustomStudy.id).where(CustomStudy.user_id == user.id).order_by(
            CustomStudy.created_at.desc(), CustomStudy.id.desc()).limit(KEPT_CUSTOM)
        session.execute(delete(CustomStudy).where(
            CustomStudy.user_id == user.id, CustomStudy.id.not_in(kept.scalar_subquery())))
    return custom


def study_selection(user: User, question_ids: list[int], *, now: datetime
                    ) -> CustomStudy | None:
    """A custom session of chosen questions (a search's results, already checked as
    visible and active): new ones become cards, the others are reviewed now, due or not."""
    if not question_ids:
        return None
    return _save_custom(user, "selection", question_ids, None, now)


def cards_ahead(user: User, now: datetime, *, tag: str | None = None,
                limit: int = MAX_CUSTOM) -> list[int]:
    """The student's cards not yet due (of one tag, or any), soonest first, among the
    banks they study: what "study ahead" reviews."""
    banks = study.studied_bank_ids(user).subquery()
    query = (select(Card.question_id).join(Question, Question.id == Card.question_id)
             .where(Card.user_id == user.id, Card.due > now, Question.retired_at.is_(None),
                    Question.bank_id.in_(select(banks.c.bank_id))))
    if tag is not None:
        query = query.where(Question.id.in_(
            select(QuestionTag.question_id).where(QuestionTag.tag == tag)))
    return list(db.session.scalars(query.order_by(Card.due, Card.id).limit(limit)))


def study_ahead(user: User, *, now: datetime, tag: str | None = None) -> CustomStudy | None:
    """A custom session of the student's cards (of one tag) before they are due."""
    question_ids = cards_ahead(user, now, tag=tag)
    if not question_ids:
        return None
    return _save_custom(user, "ahead", question_ids, tag, now)


def custom_study_for(user: User, custom_id: int) -> CustomStudy | None:
    """The student's own custom session; None for anyone else's."""
    return db.session.scalar(select(CustomStudy).where(CustomStudy.id == custom_id,
                                                       CustomStudy.user_id == user.id))


def custom_queue(user: User, custom: CustomStudy) -> list[int]:
    """The session's questions not reviewed since it started, that the student may still
    see, in the session's order: two queries."""
    reviewed = set(db.session.scalars(
        select(ReviewLog.question_id).where(ReviewLog.user_id == user.id,
                                            ReviewLog.reviewed_at >= custom.created_at,
                                            ReviewLog.question_id.in_(custom.question_ids))))
    waiting = [qid for qid in custom.question_ids if qid not in reviewed]
    if not waiting:
        return []
    visible = set(db.session.scalars(
        visible_questions(user).where(Bank.retired_at.is_(None), Question.id.in_(waiting))
        .with_only_columns(Question.id)))
    return [qid for qid in waiting if qid in visible]


def custom_summary(user: User, custom: CustomStudy) -> ReviewSummary:
    """The session in figures: the reviews of its questions since it started."""
    logs = list(db.session.scalars(
        select(ReviewLog).where(ReviewLog.user_id == user.id,
                                ReviewLog.reviewed_at >= custom.created_at,
                                ReviewLog.question_id.in_(custom.question_ids))))
    graded = [log for log in logs if log.correct is not None]
    return ReviewSummary(
        reviews=len(logs), correct=sum(1 for log in graded if log.correct),
        graded=len(graded),
        by_rating={rating: sum(1 for log in logs if log.rating == rating)
                   for rating in range(1, 5)})
