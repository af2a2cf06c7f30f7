"""A class at a glance: one row per student, from a handful of aggregate queries."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from fsrs import Rating, State
from sqlalchemy import and_, case, func, select

from ..accounts.models import Assignment, ClassMembership, SchoolClass, User
from ..banks.access import shipped_or_owned_by
from ..banks.models import Bank, Question
from ..extensions import db
from ..study.models import Card, ReviewLog
from .services import mastered_condition


@dataclass
class StudentRow:
    student: User
    reviews_7d: int = 0
    reviews_30d: int = 0
    retention_30d: float | None = None
    mastered: int = 0
    studied: int = 0
    last_activity: datetime | None = None
    assignment_progress: dict[int, float] = field(default_factory=dict)

    @property
    def mastery(self) -> float:
        return self.mastered / self.studied if self.studied else 0.0


def class_report(school_class: SchoolClass, now: datetime):
    """The roster with each student's figures, and each assignment's completion.

    The figures count only the banks the class's teacher may see (shipped and their own):
    a student shared with another teacher keeps that teacher's banks out of this report.
    """
    members = select(ClassMembership.user_id).where(
        ClassMembership.class_id == school_class.id).scalar_subquery()
    shown = Question.bank_id.in_(
        select(Bank.id).where(shipped_or_owned_by(school_class.teacher_id)))
    students = db.session.scalars(select(User).where(User.id.in_(members))
                                  .order_by(User.display_name)).all()
    rows = {student.id: StudentRow(student) for student in students}
    if not rows:
        return [], []

    month, week = now - timedelta(days=30), now - timedelta(days=7)
    learned = ReviewLog.state_before == int(State.Review)
    for user_id, last_7, last_30, learned_count, right in db.session.execute(
            select(ReviewLog.user_id,
                   func.sum(case((ReviewLog.reviewed_at >= week, 1), else_=0)),
                   func.count(),
                   func.sum(case((learned, 1), else_=0)),
                   func.sum(case((and_(learned, ReviewLog.rating != int(Rating.Again)), 1),
                                 else_=0)))
            .join(Question, Question.id == ReviewLog.question_id)
            .where(ReviewLog.user_id.in_(members), ReviewLog.reviewed_at >= month, shown)
            .group_by(ReviewLog.user_id)):
        row = rows[user_id]
        row.reviews_7d, row.reviews_30d = int(last_7 or 0), last_30
        row.retention_30d = (right / learned_count) if learned_count else None
    # Each student's latest review in a shown bank: read backwards along the (user, time)
    # index and stop at the first one, not a maximum over every review they ever made.
    latest = (select(ReviewLog.reviewed_at)
              .join(Question, Question.id == ReviewLog.question_id)
              .where(ReviewLog.user_id == User.id, shown)
              .order_by(ReviewLog.reviewed_at.desc()).limit(1)
              .correlate(User).scalar_subquery())
    for user_id, last in db.session.execute(
            select(User.id, latest).where(User.id.in_(members))):
        rows[user_id].last_activity = as_utc(last)

    # Mastery, as on the student's own page: one aggregate over the class's cards.
    for user_id, studied, mastered in db.session.execute(
            select(Card.user_id, func.count(),
                   func.sum(case((mastered_condition(now), 1), else_=0)))
            .join(Question, Question.id == Card.question_id)
            .where(Card.user_id.in_(members), Question.retired_at.is_(None), shown)
            .group_by(Card.user_id)):
        rows[user_id].studied, rows[user_id].mastered = studied, int(mastered or 0)

    assignments = db.session.scalars(select(Assignment).where(
        Assignment.class_id == school_class.id).order_by(Assignment.due_on)).all()
    if assignments:
        bank_ids = [a.bank_id for a in assignments]
        sizes = dict(db.session.execute(
            select(Question.bank_id, func.count()).where(
                Question.bank_id.in_(bank_ids), Question.retired_at.is_(None))
            .group_by(Question.bank_id)).all())
        started = db.session.execute(
            select(Card.user_id, Question.bank_id, func.count())
            .join(Question, Question.id == Card.question_id)
            .where(Card.user_id.in_(members), Question.bank_id.in_(bank_ids),
                   Question.retired_at.is_(None))
            .group_by(Card.user_id, Question.bank_id)).all()
        counts = {(user_id, bank_id): n for user_id, bank_id, n in started}
        for row in rows.values():
            for assignment in assignments:
                size = sizes.get(assignment.bank_id, 0)
                done = counts.get((row.student.id, assignment.bank_id), 0)
                row.assignment_progress[assignment.id] = done / size if size else 0.0
    completion = [(a, sum(r.assignment_progress.get(a.id, 0) for r in rows.values())
                   / len(rows)) for a in assignments]
    return list(rows.values()), completion


def as_utc(moment):
    """MAX() comes back naive from SQLite: make it the UTC it was stored as."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)
