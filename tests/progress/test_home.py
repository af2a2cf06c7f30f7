"""The logged-in home page's figures: what is due, today's goal, the streak, assignments
and recent banks, each from a bounded number of queries."""

import re
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from fsrs import Rating
from sqlalchemy import event, select

from quizapp.accounts.models import User
from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.progress.home import streak, student_home, study_today, teacher_home
from quizapp.study import services
from quizapp.study.models import QuizAttempt

from ..people import PASSWORD, post
from ..study.conftest import logged_in
from .conftest import first_questions, review

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@contextmanager
def counted_queries():
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_new_student_studies_nothing_yet(student):
    home = student_home(student, NOW)
    assert not home.today.studies_anything
    assert (home.today.waiting, home.today.streak, home.today.goal) == (0, 0, 0)
    assert home.assignments == [] and home.recent_banks == []


def test_todays_new_cards_are_waiting_up_to_the_daily_limit(studying):
    studying.new_cards_per_day = 5
    today = study_today(studying, NOW)
    assert today.studies_anything
    assert (today.due_now, today.new_available, today.waiting, today.goal) == (0, 5, 5, 5)


def test_reviews_today_count_towards_the_goal(studying, bank):
    studying.new_cards_per_day = 5
    for minute, question in enumerate(first_questions(bank, 2)):
        review(studying, question, NOW - timedelta(minutes=30 - minute))
    today = study_today(studying, NOW)
    assert today.reviews_today == 2
    assert today.new_available == 3
    # The two cards come back within today (learning steps): still part of today's goal.
    assert today.due_now + today.due_later_today == 2
    assert today.goal == 2 + 3 + 2
    assert not today.goal_met


def test_goal_met_when_nothing_is_left_today(studying, bank):
    studying.new_cards_per_day = 1
    question = first_questions(bank, 1)[0]
    review(studying, question, NOW - timedelta(hours=2), Rating.Easy)  # days away
    today = study_today(studying, NOW)
    assert (today.reviews_today, today.waiting, today.due_later_today) == (1, 0, 0)
    assert today.goal_met


def test_streak_runs_to_yesterday_before_todays_first_review(studying, bank):
    question = first_questions(bank, 1)[0]
    for days_ago in (3, 2, 1):
        review(studying, question, NOW - timedelta(days=days_ago))
    assert streak(studying, NOW) == 3
    review(studying, question, NOW)
    assert streak(studying, NOW + timedelta(minutes=1)) == 4


def test_streak_follows_the_students_midnight(studying, bank):
    """In UTC these fall on 8, 9 and 10 March; in Almaty (UTC+5) on 9, 9 and 10."""
    studying.timezone = "Asia/Almaty"
    first, second, third = first_questions(bank, 3)
    review(studying, first, datetime(2026, 3, 8, 20, 0, tzinfo=UTC))
    review(studying, second, datetime(2026, 3, 9, 18, 30, tzinfo=UTC))
    review(studying, third, datetime(2026, 3, 10, 5, 0, tzinfo=UTC))
    assert streak(studying, datetime(2026, 3, 10, 6, 0, tzinfo=UTC)) == 2


def test_a_long_streak_is_counted_past_one_window_in_few_queries(studying, bank):
    question = first_questions(bank, 1)[0]
    for days_ago in range(44, -1, -1):  # 45 days in a row, today included
        review(studying, question, NOW - timedelta(days=days_ago, minutes=-1))
    review(studying, question, NOW - timedelta(days=47))  # after a gap: not counted
    with counted_queries() as statements:
        assert streak(studying, NOW + timedelta(minutes=5)) == 45
    assert len([s for s in statements if "FROM review_logs" in s]) == 2


def test_assignments_show_due_date_progress_and_best_quiz(ctx, bank):
    teacher = register(NewAccount(username="mona", display_name="Mona", password=PASSWORD,
                                  role="teacher"))
    student = register(NewAccount(username="sara", display_name="Sara", password=PASSWORD))
    school_class = class_services.create_class(teacher, "Class 10")
    class_services.join_class(student, school_class.join_code)
    class_services.assign_bank(school_class, bank, date(2026, 3, 20))
    size = len(first_questions(bank, 1000))
    for question in first_questions(bank, 4):
        review(student, question, NOW - timedelta(hours=1))
    assignment = class_services.assignments([school_class.id])[0]
    for score, finished in ((0.5, True), (0.8, True), (1.0, False)):
        db.session.add(QuizAttempt(user_id=student.id, bank_id=bank.id,
                                   assignment_id=assignment.id, question_ids=[], layouts=[],
                                   finished_at=NOW if finished else None, score=score))
    db.session.commit()

    (status,) = student_home(student, NOW).assignments
    assert status.assignment.bank_id == bank.id and status.class_name == "Class 10"
    assert (status.studied, status.size) == (4, size)
    assert status.share == 4 / size
    assert status.best_quiz == 0.8  # the unfinished attempt does not count
    assert not status.overdue(date(2026, 3, 20)) and status.overdue(date(2026, 3, 21))


def test_recent_banks_are_the_latest_studied_first(studying, bank):
    other = db.session.scalar(select(Bank).where(Bank.slug != bank.slug, Bank.shipped))
    services.add_study_bank(studying, other)
    review(studying, first_questions(other, 1)[0], NOW - timedelta(days=3))
    review(studying, first_questions(bank, 1)[0], NOW - timedelta(days=1))
    review(studying, first_questions(bank, 2)[1], NOW - timedelta(days=40))  # too long ago
    assert [b.slug for b in student_home(studying, NOW).recent_banks] == [bank.slug, other.slug]


def test_the_home_costs_the_same_queries_however_much_was_studied(ctx, bank):
    teacher = register(NewAccount(username="mona", display_name="Mona", password=PASSWORD,
                                  role="teacher"))
    counts = []
    for name, reviews in (("light", 1), ("heavy", 15)):
        student = register(NewAccount(username=name, display_name=name, password=PASSWORD))
        school_class = class_services.create_class(teacher, f"Class {name}")
        class_services.join_class(student, school_class.join_code)
        for other in db.session.scalars(select(Bank).where(Bank.shipped)):
            class_services.assign_bank(school_class, other, None)
        for index, question in enumerate(first_questions(bank, reviews)):
            review(student, question, NOW - timedelta(hours=5, minutes=index))
        student = db.session.get(User, student.id)  # loaded before counting
        with counted_queries() as statements:
            student_home(student, NOW)
        counts.append(len([s for s in statements if s.lstrip().startswith("SELECT")]))
    assert counts[0] == counts[1] <= 12


def test_teacher_home_lists_classes_with_sizes(world, ctx):
    teacher = db.session.get(User, world.teacher.id)
    home = teacher_home(teacher)
    assert [(c.name, size) for c, size in home.classes] == [("Class C", 1)]
    assert home.banks == []


def test_logged_in_home_shows_today_and_continue(loaded_app):
    anonymous = loaded_app.test_client()
    anonymous.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert "Continue reviewing" not in anonymous.get("/").get_data(as_text=True)
    client = logged_in(loaded_app)
    html = client.get("/").get_data(as_text=True)
    assert "You are not studying any question bank yet." in html
    post(client, "/banks/cultural-centre-beijing/study")
    html = client.get("/").get_data(as_text=True)
    assert "Continue reviewing" in html and 'href="/review"' in html
    assert "20 cards waiting for you" in " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_new_students_progress_page_says_what_will_appear(loaded_app):
    client = logged_in(loaded_app)
    html = client.get("/progress").get_data(as_text=True)
    assert "Your progress will appear here" in html
    assert "<svg" not in html and 'class="stats"' not in html  # no zeros, no blank charts
    assert 'href="/#banks"' in html and 'href="/classes/"' in html
    post(client, "/banks/cultural-centre-beijing/study")
    html = client.get("/progress").get_data(as_text=True)
    assert 'href="/review"' in html and "Review your first cards" in html


def test_quiz_list_without_quizzes_points_to_the_banks(loaded_app):
    html = logged_in(loaded_app).get("/progress/quizzes").get_data(as_text=True)
    assert "Each quiz you take will be listed here" in html and 'href="/#banks"' in html


def test_review_with_nothing_due_says_when_to_come_back(loaded_app):
    client = logged_in(loaded_app)
    post(client, "/banks/cultural-centre-beijing/study")
    with loaded_app.app_context():
        student = db.session.scalar(select(User).where(User.username == "sara"))
        student.new_cards_per_day = 1
        db.session.commit()
        bank = db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        review(student, first_questions(bank, 1)[0], datetime.now(UTC), Rating.Easy)
    html = client.get("/review").get_data(as_text=True)
    assert "Nothing more to review for now" in html
    assert re.search(r"Your next card comes due in \d+ (day|week)", html)
    assert 'href="/progress"' in html
