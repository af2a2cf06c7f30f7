"""The review queue: due cards first (most overdue first), then new cards up to the limit."""

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from fsrs import Rating
from sqlalchemy import event, select, update

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study import services
from quizapp.study.models import Card

from ..conftest import requires_sqlite
from .conftest import NOW


def questions(bank, count):
    return db.session.scalars(select(Question).where(Question.bank_id == bank.id)
                              .order_by(Question.position).limit(count)).all()


def review(user, question, when, rating=Rating.Good):
    seen = (services.card_for(user, question.id) or Card(reviews=0)).reviews
    services.record_review(user, question, rating, now=when, reviews_seen=seen, fuzzing=False)


def set_due(user, question, due):
    with db.session.begin_nested():
        db.session.execute(update(Card).where(Card.user_id == user.id,
                                              Card.question_id == question.id).values(due=due))
    db.session.commit()


def test_nothing_to_study_without_a_bank(student):
    assert services.review_queue(student, NOW) == []


def test_new_cards_come_in_bank_order_up_to_the_daily_limit(studying, bank):
    studying.new_cards_per_day = 5
    queue = services.review_queue(studying, NOW)
    assert [e.question_id for e in queue] == [q.id for q in questions(bank, 5)]
    assert all(e.due is None for e in queue)


def test_due_cards_come_first_most_overdue_first(studying, bank):
    first, second, third = questions(bank, 3)
    earlier = NOW - timedelta(days=10)
    for question in (first, second, third):
        review(studying, question, earlier)
    set_due(studying, first, NOW - timedelta(days=1))
    set_due(studying, second, NOW - timedelta(days=5))
    set_due(studying, third, NOW + timedelta(days=1))  # not due yet
    queue = services.review_queue(studying, NOW)
    assert [e.question_id for e in queue[:2]] == [second.id, first.id]
    assert third.id not in [e.question_id for e in queue]
    assert all(e.due is None for e in queue[2:])


def test_new_card_limit_counts_cards_started_today(studying, bank):
    studying.new_cards_per_day = 3
    for question in questions(bank, 2):
        review(studying, question, NOW - timedelta(hours=1))
    queue = services.review_queue(studying, NOW)
    assert sum(1 for e in queue if e.due is None) == 1


def test_day_boundary_is_the_students_midnight(studying, bank):
    """Almaty is UTC+5: 18:30 UTC on 9 March is already 10 March there."""
    studying.timezone = "Asia/Almaty"
    studying.new_cards_per_day = 2
    evening_utc = datetime(2026, 3, 9, 18, 30, tzinfo=UTC)  # 23:30 local, 9 March
    night_utc = datetime(2026, 3, 9, 19, 30, tzinfo=UTC)    # 00:30 local, 10 March
    first, second = questions(bank, 2)
    review(studying, first, evening_utc, Rating.Easy)
    assert services.new_cards_left_today(studying, evening_utc + timedelta(minutes=5)) == 1
    review(studying, second, night_utc, Rating.Easy)
    # At 00:40 local only the second card was started "today".
    assert services.new_cards_left_today(studying, night_utc + timedelta(minutes=10)) == 1
    assert services.start_of_day(studying, night_utc) == datetime(2026, 3, 9, 19, 0,
                                                                  tzinfo=UTC)


def test_retired_questions_leave_the_queue(studying, bank):
    first = questions(bank, 1)[0]
    review(studying, first, NOW - timedelta(days=10))
    set_due(studying, first, NOW - timedelta(days=1))
    with db.session.begin_nested():
        db.session.execute(update(Question).where(Question.id == first.id)
                           .values(retired_at=NOW))
    db.session.commit()
    assert first.id not in [e.question_id for e in services.review_queue(studying, NOW)]


def test_assigned_banks_are_studied_without_choosing_them(student, bank):
    from quizapp.accounts.services import NewAccount, register
    from quizapp.classes import services as classes

    teacher = register(NewAccount(username="mona", display_name="Mona", role="teacher",
                                  password="a teacher passphrase"))
    school_class = classes.create_class(teacher, "Class")
    classes.join_class(student, school_class.join_code)
    assert services.review_queue(student, NOW) == []
    classes.assign_bank(school_class, bank, None)
    assert len(services.review_queue(student, NOW)) == student.new_cards_per_day


@contextmanager
def statements_run():
    """The SQL statements (and their parameters) sent to the database meanwhile."""
    executed = []

    def listener(_connection, _cursor, statement, params, *_):
        executed.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield executed
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def test_queue_is_one_statement(studying, bank, ctx):
    services.new_cards_left_today(studying, NOW)
    with statements_run() as executed:
        services.review_queue(studying, NOW)
    statements = [statement for statement, _ in executed]
    queue_statements = [s for s in statements if "cards" in s and "UNION" in s.upper()]
    # One count for today's new cards, one for the queue itself.
    assert len(statements) == 2 and len(queue_statements) == 1


@requires_sqlite("reads SQLite's query plan; PostgreSQL plans tiny test tables differently")
def test_queue_query_searches_indexes_and_scans_no_table(studying, bank, ctx):
    """The statement the queue really runs: every table is reached through an index, so
    its cost follows the student's due cards, not the size of the tables."""
    review(studying, questions(bank, 1)[0], NOW - timedelta(days=3))
    with statements_run() as executed:
        assert services.review_queue(studying, NOW)
        assert services.review_queue(studying, NOW, bank_id=bank.id)
    queues = [(s, p) for s, p in executed if "UNION" in s.upper()]
    assert len(queues) == 2
    for statement, params in queues:
        plan = [row[3] for row in db.session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, params)]
        assert "SEARCH cards USING INDEX ix_cards_user_due (user_id=? AND due<?)" in plan
        scans = [step for step in plan if step.startswith("SCAN")
                 and not step.startswith("SCAN anon_")]
        assert scans == [], plan
