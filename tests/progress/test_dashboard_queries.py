"""The dashboard counts reviews per day of the student's own calendar in the database:
daylight-saving days included, and in a number of statements that does not grow with the
review log."""

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Rating
from sqlalchemy import event, insert, select

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.progress.services import RETENTION_WEEKS, build_dashboard, review_days
from quizapp.study import services
from quizapp.study.models import Card, ReviewLog

# Europe/London leaves summer time on 25 October 2026 (01:00 UTC).
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def add_logs(user, question, moments) -> None:
    """Review-log rows at the given instants (state Review, alternately right and wrong)."""
    services.record_review(user, question, Rating.Good, now=NOW - timedelta(days=200),
                           reviews_seen=0, fuzzing=False)
    card = db.session.scalar(select(Card).where(Card.user_id == user.id))
    db.session.execute(insert(ReviewLog), [{
        "user_id": user.id, "question_id": question.id, "card_id": card.id,
        "rating": int(Rating.Again if n % 3 == 0 else Rating.Good), "reviewed_at": moment,
        "state_before": 2, "state_after": 2, "due_after": moment,
        "card_after": card.fsrs_card} for n, moment in enumerate(moments)])
    db.session.commit()


def test_days_are_the_students_across_a_daylight_saving_change(studying, bank):
    studying.timezone = "Europe/London"
    question = db.session.scalars(select(Question).where(Question.bank_id == bank.id)).first()
    rng = random.Random(3)
    moments = [NOW - timedelta(seconds=rng.randint(0, 120 * 86400)) for _ in range(400)]
    # Either side of the change and of local midnights, where an hour decides the day.
    moments += [datetime(2026, 10, 24, 23, 30, tzinfo=UTC),  # 25 Oct 00:30 BST
                datetime(2026, 10, 25, 23, 30, tzinfo=UTC),  # 25 Oct 23:30 GMT
                datetime(2026, 10, 25, 0, 59, tzinfo=UTC),  # 25 Oct 01:59 BST
                datetime(2026, 10, 25, 1, 0, tzinfo=UTC)]  # 25 Oct 01:00 GMT
    add_logs(studying, question, moments)
    zone = ZoneInfo("Europe/London")
    expected = Counter(moment.astimezone(zone).date() for moment in moments)
    # The first review (200 days back) falls outside the window.
    days = review_days(studying, NOW - timedelta(days=150), NOW, zone)
    assert {day: counts.reviews for day, counts in days.items()} == expected
    data = build_dashboard(studying, NOW)
    heatmap = dict(data.heatmap)
    assert all(heatmap[day] == count for day, count in expected.items() if day in heatmap)
    # Retention by week: the same figures worked out from the rows in Python.
    for start, value, count in data.retention_weeks:
        week = [n for n, moment in enumerate(moments)
                if start <= moment.astimezone(zone).date() < start + timedelta(days=7)]
        assert count == len(week)
        assert value == (sum(1 for n in week if n % 3) / len(week) if week else None)
    assert len(data.retention_weeks) == RETENTION_WEEKS


def count_statements(function):
    statements = []

    def listener(*_args, **_kwargs):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        function()
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements)


def test_dashboard_statements_do_not_grow_with_the_log(studying, bank):
    question = db.session.scalars(select(Question).where(Question.bank_id == bank.id)).first()
    add_logs(studying, question, [NOW - timedelta(hours=n) for n in range(10)])
    few = count_statements(lambda: build_dashboard(studying, NOW))
    add_logs(studying, question, [NOW - timedelta(minutes=7 * n) for n in range(2000)])
    many = count_statements(lambda: build_dashboard(studying, NOW))
    assert few == many <= 8


def test_class_report_statements_do_not_grow_with_students_or_reviews(loaded_app, world):
    from quizapp.accounts.models import SchoolClass, User
    from quizapp.progress.classes import class_report

    with loaded_app.app_context():
        school_class = db.session.get(SchoolClass, world.school_class.id)
        student = db.session.get(User, world.student.id)
        question = db.session.scalars(select(Question)).first()
        add_logs(student, question, [NOW - timedelta(hours=n) for n in range(5)])
        few = count_statements(lambda: class_report(school_class, NOW))
        add_logs(student, question, [NOW - timedelta(minutes=5 * n) for n in range(3000)])
        many = count_statements(lambda: class_report(school_class, NOW))
        rows, _ = class_report(school_class, NOW)
    assert few == many <= 7
    assert rows[0].last_activity == NOW
