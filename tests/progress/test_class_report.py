"""The class page's figures against hand-worked values, and who may see a student's."""

from datetime import UTC, datetime, timedelta

from fsrs import Rating, State
from sqlalchemy import select, update

from quizapp.accounts.models import SchoolClass, User
from quizapp.banks.models import Bank, Question
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.progress.classes import class_report
from quizapp.study import services
from quizapp.study.models import ReviewLog

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_roster_figures(loaded_app, world):
    with loaded_app.app_context():
        student = db.session.get(User, world.student.id)
        school_class = db.session.get(SchoolClass, world.school_class.id)
        bank = db.session.scalar(select(Bank).where(Bank.slug == "central-asia-china-summit"))
        class_services.assign_bank(school_class, bank, None)
        questions = db.session.scalars(select(Question).where(Question.bank_id == bank.id)
                                       .order_by(Question.position).limit(3)).all()
        # Three cards started 20 days ago, then reviewed 2 days ago: one forgotten.
        for question in questions:
            services.record_review(student, question, Rating.Good, reviews_seen=0,
                                   now=NOW - timedelta(days=20), fuzzing=False)
        db.session.execute(update(ReviewLog).values(state_after=int(State.Review)))
        for question, rating in zip(questions, (Rating.Good, Rating.Again, Rating.Easy),
                                    strict=True):
            services.record_review(student, question, rating, reviews_seen=1,
                                   now=NOW - timedelta(days=2), fuzzing=False)
        db.session.execute(update(ReviewLog).where(ReviewLog.reviewed_at >= NOW - timedelta(
            days=3)).values(state_before=int(State.Review)))
        db.session.commit()

        rows, completion = class_report(school_class, NOW)
    row = next(r for r in rows if r.student.id == world.student.id)
    assert (row.reviews_7d, row.reviews_30d) == (3, 6)
    assert row.retention_30d == 2 / 3
    assert row.last_activity == NOW - timedelta(days=2)
    assert row.studied == 3
    size = 73  # questions in the assigned bank
    assert [round(share, 4) for _, share in completion] == [round(3 / size, 4)]
    assert row.assignment_progress == {completion[0][0].id: 3 / size}


def test_teacher_opens_a_students_progress_in_both_languages(world, client_as):
    teacher = client_as("teacher")
    path = f"/classes/{world.school_class.id}/students/{world.student.id}"
    english = teacher.get(path).get_data(as_text=True)
    assert "Progress of \u2068Student\u2069" in english
    teacher.set_cookie("lang", "ar")
    arabic = teacher.get(path).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic and "تقدّم \u2068Student\u2069" in arabic
    roster = teacher.get(f"/classes/{world.school_class.id}").get_data(as_text=True)
    assert f'href="{path}"' in roster
