"""A student's progress: counts, streak, retention, mastery and chart series.

Each figure comes from an aggregate query or one query over the student's own cards or
recent reviews, never a query per card. ``now`` is passed in; days are the student's.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fsrs import Rating, State
from sqlalchemy import ColumnElement, and_, case, func, select

from ..accounts.models import User
from ..banks.models import Bank, Question, QuestionTag
from ..banks.schema import FACT_KINDS
from ..extensions import db
from ..study import scheduling
from ..study.models import Card, QuizAnswer, QuizAttempt, ReviewLog
from ..study.services import new_cards_left_today, start_of_day, studied_bank_ids
from .days import DayCounts, count_columns, day_of, local_day_number

HEATMAP_DAYS = 182
FORECAST_DAYS = 30
RETENTION_WEEKS = 12
# Anki calls a card "mature" from a 21-day interval; FSRS stability is the comparable
# figure (days until recall falls to 90 %), and it is stored, so no history is replayed.
MASTERY_STABILITY_DAYS = 21


def mastered_condition(now: datetime) -> ColumnElement[bool]:
    """A card is mastered when the student will still know it.

    Retrievability *now* is ~1.0 right after any review, even a failed one, so it cannot
    be the test. Instead: the card has left the learning steps (FSRS Review state: a
    card just rated Again is in Relearning), its next due date has not passed (the
    scheduler puts it where recall is predicted to fall to the desired retention), and
    its stability is at least MASTERY_STABILITY_DAYS. Plain column comparisons, so it
    runs the same in SQLite and PostgreSQL, inside any aggregate.
    """
    return and_(Card.state == int(State.Review), Card.due > now,
                Card.stability >= MASTERY_STABILITY_DAYS)


@dataclass
class Mastery:
    total: int = 0  # questions studied (cards that exist)
    learned: int = 0  # cards in FSRS's Review state
    mastered: int = 0  # see mastered_condition

    @property
    def share(self) -> float:
        return self.mastered / self.total if self.total else 0.0


@dataclass
class Dashboard:
    due_now: int
    due_later_today: int
    new_available: int
    reviews_today: int
    streak: int
    retention_30d: float | None
    retention_reviews_30d: int
    by_bank: list[tuple[Bank, Mastery]]
    by_kind: list[tuple[str, Mastery]]
    forecast: list[tuple[date, int]] = field(default_factory=list)
    heatmap: list[tuple[date, int]] = field(default_factory=list)
    retention_weeks: list[tuple[date, float | None, int]] = field(default_factory=list)
    mastery_days: int = MASTERY_STABILITY_DAYS  # said on the page, beside the figures


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def streak_from(days: set[date], today: date) -> int:
    """Consecutive days with a review, ending today (or yesterday, before today's first)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def true_retention(logs) -> tuple[float | None, int]:
    """The share of reviews of already-learned cards (state Review) answered right."""
    learned = [log for log in logs if log.state_before == int(State.Review)]
    if not learned:
        return None, 0
    right = sum(1 for log in learned if log.rating != int(Rating.Again))
    return right / len(learned), len(learned)


def build_dashboard(user: User, now: datetime, *, shown_banks=None) -> Dashboard:
    """The student's dashboard.

    ``shown_banks``: a condition on Bank that limits every figure to those banks (a
    teacher looking at their student sees only the banks that teacher may see).
    """
    zone = ZoneInfo(user.timezone)
    today = local_date(now, zone)
    midnight = start_of_day(user, now)
    tomorrow = midnight + timedelta(days=1)
    studied = studied_bank_ids(user).subquery()
    bank_ids = select(studied.c.bank_id)
    if shown_banks is not None:
        bank_ids = bank_ids.where(studied.c.bank_id.in_(select(Bank.id).where(shown_banks)))

    # One query over the student's cards (bounded by the questions studied).
    cards = db.session.execute(
        select(Card.due, Card.state, case((mastered_condition(now), 1), else_=0),
               Question.bank_id, Question.id)
        .join(Question, Question.id == Card.question_id)
        .where(Card.user_id == user.id, Question.retired_at.is_(None),
               Question.bank_id.in_(bank_ids))).all()
    tags = defaultdict(set)
    for question_id, tag in db.session.execute(
            select(QuestionTag.question_id, QuestionTag.tag)
            .join(Card, (Card.question_id == QuestionTag.question_id)
                  & (Card.user_id == user.id))
            .where(QuestionTag.tag.in_(FACT_KINDS))):
        tags[question_id].add(tag)

    by_bank: defaultdict[int, Mastery] = defaultdict(Mastery)
    by_kind: defaultdict[str, Mastery] = defaultdict(Mastery)
    forecast: Counter[int] = Counter()  # cards due, by days from today
    due_now = due_later = 0
    for due, state, mastered, bank_id, question_id in cards:
        for bucket in [by_bank[bank_id], *(by_kind[t] for t in tags[question_id])]:
            bucket.total += 1
            bucket.learned += state == int(State.Review)
            bucket.mastered += mastered
        if due <= now:
            due_now += 1
        elif due < tomorrow:
            due_later += 1
        days_ahead = (local_date(due, zone) - today).days
        if 0 <= days_ahead < FORECAST_DAYS:
            forecast[max(days_ahead, 0)] += 1
        elif days_ahead < 0:
            forecast[0] += 1

    new_in_banks = db.session.execute(
        select(func.count()).select_from(Question)
        .outerjoin(Card, (Card.question_id == Question.id) & (Card.user_id == user.id))
        .where(Question.bank_id.in_(bank_ids), Card.id.is_(None),
               Question.retired_at.is_(None))).scalar_one()

    since = midnight - timedelta(days=HEATMAP_DAYS)
    per_day = review_days(user, since, now, zone, shown_banks)
    recent = [counts for counts in per_day.values() if counts.recent_learned]
    learned_30d = sum(counts.recent_learned for counts in recent)
    retention = (sum(counts.recent_learned_right for counts in recent) / learned_30d
                 if learned_30d else None)

    # The weekly series from the days, in one pass (never a scan of the log per week).
    week_start = today - timedelta(days=today.weekday())
    first_week = week_start - timedelta(weeks=RETENTION_WEEKS - 1)
    week_learned, week_right = [0] * RETENTION_WEEKS, [0] * RETENTION_WEEKS
    for day, counts in per_day.items():
        index = (day - first_week).days // 7
        if 0 <= index < RETENTION_WEEKS:
            week_learned[index] += counts.learned
            week_right[index] += counts.learned_right
    weeks = [(first_week + timedelta(weeks=i),
              week_right[i] / week_learned[i] if week_learned[i] else None, week_learned[i])
             for i in range(RETENTION_WEEKS)]

    bank_rows = {bank.id: bank for bank in db.session.scalars(
        select(Bank).where(Bank.id.in_(bank_ids)).order_by(Bank.slug))}
    return Dashboard(
        due_now=due_now, due_later_today=due_later,
        new_available=min(new_cards_left_today(user, now), new_in_banks),
        reviews_today=per_day[today].reviews if today in per_day else 0,
        streak=streak_from(set(per_day), today),
        retention_30d=retention, retention_reviews_30d=learned_30d,
        by_bank=[(bank, by_bank[bank_id]) for bank_id, bank in bank_rows.items()],
        by_kind=[(kind, by_kind[kind]) for kind in FACT_KINDS],
        forecast=[(today + timedelta(days=d), forecast[d]) for d in range(FORECAST_DAYS)],
        heatmap=[(day, per_day[day].reviews if day in per_day else 0)
                 for day in (today - timedelta(days=d) for d in range(HEATMAP_DAYS - 1, -1, -1))],
        retention_weeks=weeks)


def review_days(user: User, since: datetime, now: datetime, zone: ZoneInfo,
                shown_banks=None) -> dict[date, DayCounts]:
    """The student's reviews since ``since``, counted per local day: one grouped query."""
    day = local_day_number(ReviewLog.reviewed_at, zone, since, now)
    query = (select(day, *count_columns(
        ReviewLog.state_before, ReviewLog.rating, ReviewLog.reviewed_at,
        now - timedelta(days=30), learned_state=int(State.Review),
        wrong_rating=int(Rating.Again)))
        .where(ReviewLog.user_id == user.id, ReviewLog.reviewed_at >= since)
        .group_by(day))
    if shown_banks is not None:
        query = query.join(Question, Question.id == ReviewLog.question_id).where(
            Question.bank_id.in_(select(Bank.id).where(shown_banks)))
    return {day_of(number): DayCounts(*(int(value) for value in values))
            for number, *values in db.session.execute(query)}


def quiz_history(user: User, limit: int = 100):
    return db.session.scalars(select(QuizAttempt).where(QuizAttempt.user_id == user.id)
                              .order_by(QuizAttempt.started_at.desc()).limit(limit)).all()


@dataclass
class QuestionHistory:
    question: Question
    card: Card | None
    retrievability: float | None
    reviews: Sequence[ReviewLog]
    quiz_answers: Sequence[Any]  # (QuizAnswer, attempt id) rows


def question_history(user: User, question: Question, now: datetime) -> QuestionHistory:
    card = db.session.scalar(select(Card).where(Card.user_id == user.id,
                                                Card.question_id == question.id))
    reviews = db.session.scalars(select(ReviewLog).where(
        ReviewLog.user_id == user.id, ReviewLog.question_id == question.id)
        .order_by(ReviewLog.reviewed_at.desc())).all()
    answers = db.session.execute(
        select(QuizAnswer, QuizAttempt.id).join(QuizAttempt,
                                                QuizAttempt.id == QuizAnswer.attempt_id)
        .where(QuizAttempt.user_id == user.id, QuizAnswer.question_id == question.id)
        .order_by(QuizAnswer.answered_at.desc())).all()
    r = None
    if card is not None:
        r = scheduling.retrievability_at(card.stability, card.last_review, now,
                                         scheduling.decay_and_factor(scheduling.make_scheduler(
                                             user.desired_retention, fuzzing=False,
                                             parameters=user.fsrs_parameters)))
    return QuestionHistory(question, card, r, reviews, answers)
