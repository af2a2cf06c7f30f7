"""Study: the review queue, reviews and their undo, scheduled by FSRS.

Every function takes the user and ``now`` explicitly; views and tests share them.
"""

from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from zoneinfo import ZoneInfo

from fsrs import Rating, Scheduler, State
from sqlalchemy import (
    Integer,
    Table,
    and_,
    bindparam,
    cast,
    func,
    literal,
    null,
    select,
    union,
    union_all,
)
from sqlalchemy.exc import IntegrityError

from ..accounts.models import Assignment, ClassMembership, User
from ..banks.access import visible_to_account
from ..banks.models import Bank, Question
from ..banks.signals import answered_questions, studies_bank
from ..database import write_transaction
from ..extensions import db
from ..questions.base import Response
from . import scheduling
from .models import Card, QuizAnswer, QuizAttempt, ReviewLog, StudyBank


def start_of_day(user: User, now: datetime) -> datetime:
    """Midnight today in the user's time zone, as an aware UTC datetime."""
    zone = ZoneInfo(user.timezone)
    local = now.astimezone(zone)
    return datetime.combine(local.date(), time(0), zone).astimezone(now.tzinfo)


def studied_bank_ids(user: User):
    """A subquery of the banks a user studies: chosen ones and their classes' assignments.

    A chosen bank counts only while the user may see it: a teacher's bank drops out of
    the reviews of a student who has left that teacher's classes.
    """
    return _studied_bank_ids(user.id)


@studies_bank.connect
def studies(bank: Bank, *, user: User, **_) -> bool:
    """Whether ``user`` studies ``bank``: what the bank's page asks (banks.signals)."""
    return bank.id in set(db.session.scalars(select(
        studied_bank_ids(user).subquery().c.bank_id)))


@answered_questions.connect
def answered(bank: Bank, *, user: User, **_) -> set[int]:
    """The ids of ``bank``'s questions ``user`` has reviewed or answered in a quiz: what
    the bank's page asks before it shows their quotes (banks.signals). One query."""
    in_bank = select(Question.id).where(Question.bank_id == bank.id).scalar_subquery()
    reviewed = select(Card.question_id).where(Card.user_id == user.id,
                                              Card.question_id.in_(in_bank))
    quizzed = (select(QuizAnswer.question_id)
               .join(QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id)
               .where(QuizAttempt.user_id == user.id, QuizAnswer.question_id.in_(in_bank)))
    return set(db.session.scalars(union(reviewed, quizzed)))


def _studied_bank_ids(user_id):
    chosen = (select(StudyBank.bank_id).join(Bank, Bank.id == StudyBank.bank_id)
              .where(StudyBank.user_id == user_id, visible_to_account(user_id)))
    assigned = (select(Assignment.bank_id)
                .join(ClassMembership, ClassMembership.class_id == Assignment.class_id)
                .where(ClassMembership.user_id == user_id))
    return union_all(chosen, assigned)


def new_cards_left_today(user: User, now: datetime) -> int:
    introduced = db.session.execute(
        select(func.count()).select_from(Card)
        .where(Card.user_id == user.id, Card.created_at >= start_of_day(user, now))
    ).scalar_one()
    return max(0, user.new_cards_per_day - introduced)


@dataclass(frozen=True)
class QueueEntry:
    question_id: int
    due: datetime | None  # None: a new card


def review_queue(user: User, now: datetime, *, limit: int = 50,
                 bank_id: int | None = None) -> list[QueueEntry]:
    """Due cards, most overdue first, then new cards up to today's limit: one query.

    Both halves are index range scans: cards by (user_id, due), questions of the studied
    banks by (bank_id, retired_at, position) with an anti-join on (user_id, question_id).
    """
    new_limit = min(limit, new_cards_left_today(user, now))
    params = {"user_id": user.id, "now": now, "limit": limit, "new_limit": new_limit}
    if bank_id is not None:
        params["bank_id"] = bank_id
    statement = _queue_statement(bank_id is not None, new_limit > 0)
    return [QueueEntry(question_id, due_at)
            for question_id, due_at in db.session.execute(statement, params)]


@cache
def _queue_statement(one_bank: bool, with_new: bool):
    """The queue query, built once per shape with bound parameters: building this UNION
    anew on every request cost more than running it."""
    user_id = bindparam("user_id", type_=Integer)
    banks = _studied_bank_ids(user_id).subquery()
    due = (select(Card.question_id.label("question_id"), Card.due.label("due"),
                  literal(0).label("is_new"), literal(0).label("position"))
           .join(Question, Question.id == Card.question_id)
           .where(Card.user_id == user_id, Card.due <= bindparam("now", type_=Card.due.type),
                  Question.retired_at.is_(None))
           .where(Question.bank_id.in_(select(banks.c.bank_id)))
           .order_by(Card.due).limit(bindparam("limit", type_=Integer)))
    # A typed NULL: PostgreSQL will not UNION a timestamp with an untyped NULL.
    new = (select(Question.id.label("question_id"), cast(null(), Card.due.type).label("due"),
                  literal(1).label("is_new"), Question.position.label("position"))
           .outerjoin(Card, and_(Card.question_id == Question.id, Card.user_id == user_id))
           .join(Bank, Bank.id == Question.bank_id)
           .where(Question.bank_id.in_(select(banks.c.bank_id)), Card.id.is_(None),
                  Question.retired_at.is_(None), Bank.retired_at.is_(None))
           .order_by(Question.bank_id, Question.position)
           .limit(bindparam("new_limit", type_=Integer)))
    if one_bank:
        bank_id = bindparam("bank_id", type_=Integer)
        due = due.where(Question.bank_id == bank_id)
        new = new.where(Question.bank_id == bank_id)
    parts = [due.subquery().select()]
    if with_new:
        parts.append(new.subquery().select())
    query = union_all(*parts).subquery()
    return (select(query.c.question_id, query.c.due)
            .order_by(query.c.is_new, query.c.due, query.c.position)
            .limit(bindparam("limit", type_=Integer)))


def card_for(user: User, question_id: int) -> Card | None:
    return db.session.scalar(select(Card).where(Card.user_id == user.id,
                                                Card.question_id == question_id))


def scheduler_for(user: User, fuzzing: bool) -> Scheduler:
    return scheduling.make_scheduler(user.desired_retention, fuzzing=fuzzing,
                                     parameters=user.fsrs_parameters)


@dataclass(frozen=True)
class ReviewOutcome:
    recorded: bool  # False: this review had already been recorded (a double submit)
    due: datetime | None = None


@dataclass(frozen=True)
class GradedAnswer:
    """A checked answer, stored beside the rating the student gave it."""

    response: Response
    correct: bool
    suggested: Rating | None = None


@dataclass(frozen=True)
class _Review:
    user_id: int
    question_id: int
    rating: Rating
    reviews_seen: int
    duration_ms: int | None
    answer: GradedAnswer | None


def record_review(user: User, question: Question, rating: Rating, *, now: datetime,
                  reviews_seen: int, fuzzing: bool, duration_ms: int | None = None,
                  answer: GradedAnswer | None = None) -> ReviewOutcome:
    """Schedule and store one review, in one transaction.

    ``reviews_seen`` is the card's review count the student saw when answering: when it
    no longer matches, the same review was already recorded (a second click, a second
    tab) and nothing is written. ``answer`` is the checked answer of a graded type (None
    for a flashcard, which is only rated).
    """
    # The ids are read first: the write transaction starts by ending the request's read
    # transaction, which expires loaded objects, and reloading them would cost queries
    # while holding the write lock.
    review = _Review(user.id, question.id, rating, reviews_seen, duration_ms, answer)
    scheduler = scheduler_for(user, fuzzing)
    try:
        return _store_review(review, scheduler, now)
    except IntegrityError:
        # Two first reviews of a new card at once (PostgreSQL lets both start): the
        # unique (user, question) constraint let one through.
        db.session.rollback()
        return ReviewOutcome(False)


def claimed_right(answer: GradedAnswer | None, rating: Rating) -> bool:
    """The student's "I was right": a rating above the one suggested for a wrong answer."""
    return bool(answer and not answer.correct and answer.suggested
                and rating > answer.suggested)


def _store_review(review: _Review, scheduler: Scheduler, now: datetime) -> ReviewOutcome:
    # The hottest write in the app, so it is three Core statements on the tables (no unit
    # of work).
    user_id, question_id, rating = review.user_id, review.question_id, review.rating
    cards, logs = Card.__table__, ReviewLog.__table__
    # Declarative types __table__ as any FromClause; these models are mapped to Tables.
    assert isinstance(cards, Table) and isinstance(logs, Table)
    with write_transaction() as session:
        connection = session.connection()
        card = connection.execute(
            select(cards.c.id, cards.c.fsrs_card, cards.c.state, cards.c.due,
                   cards.c.reviews, cards.c.lapses)
            .where(cards.c.user_id == user_id, cards.c.question_id == question_id)
            .with_for_update()).one_or_none()
        if (card.reviews if card else 0) != review.reviews_seen:
            return ReviewOutcome(False)
        before = card.fsrs_card if card else None
        scheduled = scheduling.review(scheduler, before, rating, now,
                                      review.duration_ms)
        values = {"fsrs_card": scheduled.card, "state": scheduled.state,
                  "due": scheduled.due, "stability": scheduled.stability,
                  "difficulty": scheduled.difficulty, "last_review": now}
        if card is None:
            state_before = due_before = None
            card_id = connection.execute(
                cards.insert().values(user_id=user_id, question_id=question_id,
                                      created_at=now, reviews=1, lapses=0, **values)
                .returning(cards.c.id)).scalar_one()
        else:
            state_before, due_before, card_id = card.state, card.due, card.id
            lapsed = rating == Rating.Again and state_before == int(State.Review)
            connection.execute(cards.update().where(cards.c.id == card_id).values(
                reviews=card.reviews + 1, lapses=card.lapses + lapsed, **values))
        answer = review.answer
        connection.execute(logs.insert().values(
            user_id=user_id, question_id=question_id, card_id=card_id, rating=int(rating),
            suggested_rating=int(answer.suggested) if answer and answer.suggested else None,
            response=answer.response if answer else None,
            correct=answer.correct if answer else None, duration_ms=review.duration_ms,
            claimed_right=claimed_right(answer, rating),
            reviewed_at=now,
            state_before=state_before, state_after=scheduled.state, due_before=due_before,
            due_after=scheduled.due, card_before=before, card_after=scheduled.card))
    return ReviewOutcome(True, scheduled.due)


def undo_last_review(user: User) -> ReviewLog | None:
    """Put the card back as it was before the last review and forget that review."""
    with write_transaction() as session:
        log = session.scalar(select(ReviewLog).where(ReviewLog.user_id == user.id)
                             .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
                             .limit(1))
        if log is None:
            return None
        card = session.get(Card, log.card_id)
        if card is None:  # deleted since (a card's logs are deleted with it): nothing to undo
            return None
        if log.card_before is None:
            session.delete(log)
            session.flush()
            session.delete(card)  # it was new: back to having no card at all
        else:
            previous = session.scalar(
                select(ReviewLog).where(ReviewLog.card_id == card.id, ReviewLog.id != log.id)
                .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc()).limit(1))
            # A log with the card before it also has the card's state and due date then:
            # _store_review writes the three together.
            assert log.state_before is not None and log.due_before is not None
            card.fsrs_card = log.card_before
            card.state = log.state_before
            card.due = log.due_before
            restored = scheduling.card_from(log.card_before, log.reviewed_at)
            card.stability = restored.stability
            card.difficulty = restored.difficulty
            card.last_review = previous.reviewed_at if previous else None
            card.reviews = card.reviews - 1
            if log.rating == int(Rating.Again) and log.state_before == int(State.Review):
                card.lapses = card.lapses - 1
            session.delete(log)
    return log


def count_reviews_since(user: User, since: datetime) -> int:
    return db.session.execute(select(func.count()).select_from(ReviewLog).where(
        ReviewLog.user_id == user.id, ReviewLog.reviewed_at >= since)).scalar_one()


def reviews_since(user: User, since: datetime) -> list[ReviewLog]:
    return list(db.session.scalars(select(ReviewLog).where(
        ReviewLog.user_id == user.id, ReviewLog.reviewed_at >= since)))


def add_study_bank(user: User, bank: Bank) -> None:
    with write_transaction() as session:
        if session.get(StudyBank, (user.id, bank.id)) is None:
            session.add(StudyBank(user_id=user.id, bank_id=bank.id))


def remove_study_bank(user: User, bank: Bank) -> None:
    with write_transaction() as session:
        row = session.get(StudyBank, (user.id, bank.id))
        if row is not None:
            session.delete(row)

