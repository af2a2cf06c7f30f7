"""What a logged-in student's home page shows: what is due now, today's goal, the streak,
their assignments and the banks they studied last.

Every figure is one aggregate query on an indexed range (cards by (user_id, due), review
logs by (user_id, reviewed_at), quiz attempts by (user_id, started_at)); Python only
reads the handful of rows they return, never a student's history.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal, select, union_all
from sqlalchemy.orm import contains_eager

from ..accounts.models import Assignment, ClassMembership, SchoolClass, User
from ..banks.access import visible_to_account
from ..banks.models import Bank, Question
from ..extensions import db
from ..study.models import Card, QuizAttempt, ReviewLog
from ..study.services import new_cards_left_today, start_of_day, studied_bank_ids
from .services import review_days, streak_from

# The streak is counted over this many days first, then (only when it fills them) over
# MAX_STREAK_DAYS: one query for most students, two for a long streak.
STREAK_WINDOW_DAYS = 30
MAX_STREAK_DAYS = 366
RECENT_DAYS = 30
RECENT_BANKS = 4


@dataclass
class Today:
    """Today's study: cards due now, new cards left, and reviews done so far."""

    due_now: int
    due_later_today: int
    new_available: int
    reviews_today: int
    streak: int
    studies_anything: bool

    @property
    def waiting(self) -> int:
        """Cards the review page would show now."""
        return self.due_now + self.new_available

    @property
    def goal(self) -> int:
        """Today's goal: what was done today plus everything still waiting today."""
        return self.reviews_today + self.waiting + self.due_later_today

    @property
    def goal_met(self) -> bool:
        return self.reviews_today > 0 and self.waiting + self.due_later_today == 0


@dataclass
class AssignmentStatus:
    assignment: Assignment
    class_name: str
    size: int  # active questions in the bank
    studied: int  # of them, the student's cards
    best_quiz: float | None  # best finished quiz score of this assignment, 0..1

    @property
    def share(self) -> float:
        return min(1.0, self.studied / self.size) if self.size else 0.0

    def overdue(self, today: date) -> bool:
        return self.assignment.due_on is not None and self.assignment.due_on < today


@dataclass
class StudentHome:
    today: Today
    local_today: date
    assignments: list[AssignmentStatus] = field(default_factory=list)
    recent_banks: list[Bank] = field(default_factory=list)


def student_home(user: User, now: datetime) -> StudentHome:
    zone = ZoneInfo(user.timezone)
    return StudentHome(today=study_today(user, now), local_today=now.astimezone(zone).date(),
                       assignments=assignment_statuses(user),
                       recent_banks=recently_studied_banks(user, now))


def study_today(user: User, now: datetime) -> Today:
    midnight = start_of_day(user, now)
    tomorrow = midnight + timedelta(days=1)
    banks = studied_bank_ids(user).subquery()
    studied = select(banks.c.bank_id)
    due_now, due_later = db.session.execute(
        select(func.coalesce(func.sum(case((Card.due <= now, 1), else_=0)), 0),
               func.coalesce(func.sum(case((Card.due > now, 1), else_=0)), 0))
        .join(Question, Question.id == Card.question_id)
        .where(Card.user_id == user.id, Card.due < tomorrow, Question.retired_at.is_(None),
               Question.bank_id.in_(studied))).one()
    new_left = new_cards_left_today(user, now)
    new_available = 0
    if new_left:
        # Counted up to today's limit only: a bank of thousands is not counted through.
        unseen = (select(Question.id)
                  .outerjoin(Card, and_(Card.question_id == Question.id,
                                        Card.user_id == user.id))
                  .join(Bank, Bank.id == Question.bank_id)
                  .where(Question.bank_id.in_(studied), Card.id.is_(None),
                         Question.retired_at.is_(None), Bank.retired_at.is_(None))
                  .limit(new_left).subquery())
        new_available = db.session.execute(
            select(func.count()).select_from(unseen)).scalar_one()
    days_streak, reviews_today = _streak_and_today(user, now)
    studies_anything = db.session.execute(select(literal(1)).where(
        select(banks.c.bank_id).exists())).scalar() is not None
    return Today(due_now=int(due_now), due_later_today=int(due_later),
                 new_available=new_available, reviews_today=reviews_today,
                 streak=days_streak, studies_anything=studies_anything)


def _streak_and_today(user: User, now: datetime) -> tuple[int, int]:
    """The streak (below) and today's reviews, from the same grouped query."""
    zone = ZoneInfo(user.timezone)
    today = now.astimezone(zone).date()
    count, reviews_today = 0, 0
    for window in (STREAK_WINDOW_DAYS, MAX_STREAK_DAYS):
        first = today - timedelta(days=window - 1)
        since = datetime.combine(first, time(0), zone).astimezone(UTC)
        per_day = review_days(user, since, now, zone)
        count = streak_from(set(per_day), today)
        reviews_today = per_day[today].reviews if today in per_day else 0
        if count < window - 1:
            break
    return count, reviews_today


def streak(user: User, now: datetime) -> int:
    """Days in a row with a review, ending today (or yesterday, before today's first).

    Days are the student's own (their time zone's midnights, daylight saving included).
    The last STREAK_WINDOW_DAYS are asked first; only a streak that fills them is counted
    again over MAX_STREAK_DAYS.
    """
    return _streak_and_today(user, now)[0]


def assignment_statuses(user: User) -> list[AssignmentStatus]:
    """The student's assignments, soonest due first, with how much of each bank they have
    studied and their best finished quiz on it: three grouped queries."""
    rows = db.session.execute(
        select(Assignment, SchoolClass.name)
        .join(ClassMembership, ClassMembership.class_id == Assignment.class_id)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .join(Bank, Bank.id == Assignment.bank_id)
        .where(ClassMembership.user_id == user.id, Bank.retired_at.is_(None))
        .options(contains_eager(Assignment.bank))
        .order_by(Assignment.due_on.is_(None), Assignment.due_on, Bank.slug)).all()
    if not rows:
        return []
    bank_ids = {assignment.bank_id for assignment, _ in rows}
    sizes = dict(db.session.execute(
        select(Question.bank_id, func.count()).where(
            Question.bank_id.in_(bank_ids), Question.retired_at.is_(None))
        .group_by(Question.bank_id)).all())
    studied = dict(db.session.execute(
        select(Question.bank_id, func.count())
        .join(Card, Card.question_id == Question.id)
        .where(Card.user_id == user.id, Question.bank_id.in_(bank_ids),
               Question.retired_at.is_(None))
        .group_by(Question.bank_id)).all())
    best: dict[int | None, float] = {
        assignment_id: float(score) for assignment_id, score in db.session.execute(
            select(QuizAttempt.assignment_id, func.max(QuizAttempt.score))
            .where(QuizAttempt.user_id == user.id,
                   QuizAttempt.assignment_id.in_([a.id for a, _ in rows]),
                   QuizAttempt.finished_at.is_not(None), QuizAttempt.score.is_not(None))
            .group_by(QuizAttempt.assignment_id))
        if score is not None}
    return [AssignmentStatus(assignment, name, sizes.get(assignment.bank_id, 0),
                             studied.get(assignment.bank_id, 0), best.get(assignment.id))
            for assignment, name in rows]


def recently_studied_banks(user: User, now: datetime) -> list[Bank]:
    """The banks last reviewed or quizzed on in the past RECENT_DAYS, latest first."""
    since = now - timedelta(days=RECENT_DAYS)
    reviewed = (select(Question.bank_id.label("bank_id"),
                       func.max(ReviewLog.reviewed_at).label("at"))
                .join(Question, Question.id == ReviewLog.question_id)
                .where(ReviewLog.user_id == user.id, ReviewLog.reviewed_at >= since)
                .group_by(Question.bank_id))
    quizzed = (select(QuizAttempt.bank_id.label("bank_id"),
                      func.max(QuizAttempt.started_at).label("at"))
               .where(QuizAttempt.user_id == user.id, QuizAttempt.started_at >= since,
                      QuizAttempt.bank_id.is_not(None))
               .group_by(QuizAttempt.bank_id))
    both = union_all(reviewed, quizzed).subquery()
    latest = (select(both.c.bank_id, func.max(both.c.at).label("at"))
              .group_by(both.c.bank_id).subquery())
    rows = db.session.execute(
        select(Bank, latest.c.at).join(latest, latest.c.bank_id == Bank.id)
        .where(Bank.retired_at.is_(None), visible_to_account(user.id))
        .order_by(latest.c.at.desc(), Bank.slug).limit(RECENT_BANKS)).all()
    return [bank for bank, _ in rows]


@dataclass
class TeacherHome:
    classes: list[tuple[SchoolClass, int]]  # with their number of students
    banks: list[Bank]  # the teacher's own, latest changed first


def teacher_home(teacher: User, limit: int = 6) -> TeacherHome:
    classes = db.session.execute(
        select(SchoolClass, func.count(ClassMembership.user_id))
        .outerjoin(ClassMembership, ClassMembership.class_id == SchoolClass.id)
        .where(SchoolClass.teacher_id == teacher.id)
        .group_by(SchoolClass.id).order_by(SchoolClass.name).limit(limit)).all()
    banks = db.session.scalars(
        select(Bank).where(Bank.owner_id == teacher.id, Bank.retired_at.is_(None))
        .order_by(Bank.updated_at.desc()).limit(limit)).all()
    return TeacherHome(classes=list(classes), banks=list(banks))
