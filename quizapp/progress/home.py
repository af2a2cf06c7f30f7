"""What a logged-in student's home page shows: what is due now, today's goal, the streak,
their assignments and the banks they studied last.

Every figure is one aggregate query on an indexed range (cards by (user_id, due), review
logs by (user_id, reviewed_at), quiz attempts by (user_id, started_at)); Python only
reads the handful of rows they return, never a student's history.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal, select, union_all
from sqlalchemy.orm import contains_eager

from ..accounts.models import Assignment, ClassMembership, SchoolClass, User
from ..banks.access import visible_to_account
from ..banks.models import Bank, Question
from ..extensions import db
from ..study.models import Card, QuizAttempt, ReviewLog
from ..study.services import new_cards_left_today, start_of_day, studied_bank_ids

# The streak is counted in windows of this many days, one query each: a student on a
# 10-day streak costs one query, one on a 100-day streak four.
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
    reviews_today = db.session.execute(
        select(func.count()).select_from(ReviewLog)
        .where(ReviewLog.user_id == user.id, ReviewLog.reviewed_at >= midnight)).scalar_one()
    studies_anything = db.session.execute(select(literal(1)).where(
        select(banks.c.bank_id).exists())).scalar() is not None
    return Today(due_now=int(due_now), due_later_today=int(due_later),
                 new_available=new_available, reviews_today=reviews_today,
                 streak=streak(user, now), studies_anything=studies_anything)


def _days_with_reviews(user: User, starts: list[datetime], end: datetime) -> set[int]:
    """Which of the days beginning at ``starts`` (newest first, each ending where the
    previous one begins, the first at ``end``) have a review: one grouped query."""
    day = case(*[(ReviewLog.reviewed_at >= start, index)
                 for index, start in enumerate(starts)], else_=-1)
    return {index for (index,) in db.session.execute(
        select(day).where(ReviewLog.user_id == user.id,
                          ReviewLog.reviewed_at >= starts[-1],
                          ReviewLog.reviewed_at < end)
        .group_by(day))}


def streak(user: User, now: datetime) -> int:
    """Days in a row with a review, ending today (or yesterday, before today's first).

    Days are the student's own (their time zone's midnights, daylight saving included).
    """
    zone = ZoneInfo(user.timezone)
    today = now.astimezone(zone).date()

    def midnight(day: date) -> datetime:
        return start_of_day(user, datetime(day.year, day.month, day.day, 12, tzinfo=zone)
                            .astimezone(now.tzinfo))

    count, offset, started = 0, 0, False
    while offset < MAX_STREAK_DAYS:
        days = [today - timedelta(days=offset + n) for n in range(STREAK_WINDOW_DAYS)]
        found = _days_with_reviews(user, [midnight(day) for day in days],
                                   midnight(days[0] + timedelta(days=1)))
        for index in range(len(days)):
            if index in found:
                count += 1
                started = True
            elif offset + index == 0 and not started:
                continue  # no review yet today: the streak may still run to yesterday
            else:
                return count
        offset += STREAK_WINDOW_DAYS
    return count


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
