"""Each student's quiz results on the class's assignments, and when an assignment is done.

An assignment is **done** for a student once they have finished a quiz on the assigned
bank that they started after the bank was assigned (from the class page or from the
bank's own page), or once they have studied every card of the bank. A quiz is a sample of
the bank, so studying a third of the cards and finishing the quiz is done, not "33 %".
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select

from ..accounts.models import Assignment, ClassMembership, SchoolClass
from ..extensions import db
from ..progress.classes import StudentRow
from ..study.models import QuizAttempt


@dataclass(frozen=True)
class QuizResult:
    """The student's finished quizzes on one assignment's bank since it was set."""

    best: float  # 0..1
    last: float  # 0..1, the most recently finished quiz
    last_at: datetime
    count: int


@dataclass(frozen=True)
class AssignmentResult:
    cards: float  # share of the bank's cards the student has studied, 0..1
    quiz: QuizResult | None

    @property
    def done(self) -> bool:
        return self.quiz is not None or self.cards >= 1


def quiz_results(school_class: SchoolClass) -> dict[tuple[int, int], QuizResult]:
    """Best, last and count of finished quizzes, keyed by (user id, assignment id), for
    the class's current members: one query whatever the class's size (window functions,
    on SQLite and PostgreSQL alike)."""
    members = select(ClassMembership.user_id).where(
        ClassMembership.class_id == school_class.id).scalar_subquery()
    per_student_and_assignment = (QuizAttempt.user_id, Assignment.id)
    finished = (
        select(QuizAttempt.user_id, Assignment.id.label("assignment_id"),
               QuizAttempt.score, QuizAttempt.finished_at,
               func.row_number().over(
                   partition_by=per_student_and_assignment,
                   order_by=(QuizAttempt.finished_at.desc(), QuizAttempt.id.desc()),
               ).label("recency"),
               func.max(QuizAttempt.score).over(
                   partition_by=per_student_and_assignment).label("best"),
               func.count().over(partition_by=per_student_and_assignment).label("count"))
        .join(Assignment, and_(Assignment.bank_id == QuizAttempt.bank_id,
                               Assignment.class_id == school_class.id,
                               QuizAttempt.started_at >= Assignment.created_at))
        .where(QuizAttempt.user_id.in_(members), QuizAttempt.finished_at.is_not(None),
               QuizAttempt.score.is_not(None))
        .subquery())
    rows = db.session.execute(
        select(finished.c.user_id, finished.c.assignment_id, finished.c.best,
               finished.c.score, finished.c.finished_at, finished.c.count)
        .where(finished.c.recency == 1))
    return {(user_id, assignment_id): QuizResult(float(best), float(last), finished_at,
                                                 int(count))
            for user_id, assignment_id, best, last, finished_at, count in rows}


def assignment_results(school_class: SchoolClass, rows: list[StudentRow]
                       ) -> dict[tuple[int, int], AssignmentResult]:
    """Every (student, assignment) of the roster ``rows`` (from ``class_report``) with its
    cards studied and quiz results: one more query."""
    quizzes = quiz_results(school_class)
    return {(row.student.id, assignment_id): AssignmentResult(
                cards, quizzes.get((row.student.id, assignment_id)))
            for row in rows for assignment_id, cards in row.assignment_progress.items()}


def done_counts(results: dict[tuple[int, int], AssignmentResult]) -> dict[int, int]:
    """How many students have done each assignment, by assignment id."""
    counts: dict[int, int] = {}
    for (_student, assignment_id), result in results.items():
        counts[assignment_id] = counts.get(assignment_id, 0) + int(result.done)
    return counts
