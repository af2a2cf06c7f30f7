"""A student in two teachers' classes: each teacher sees the student's progress in the
shipped banks and in their own, never in the other teacher's private bank."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from quizapp.accounts.models import User
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.progress.classes import class_report
from quizapp.study import services as study

from ..people import csrf_token
from .conftest import SECRET_TITLE, shows_no_secret


@pytest.fixture
def shared(private, world, client_as, loaded_app):
    """Student S (class C of teacher T) also joins U's class D; S studies one card of
    T's private bank and one of a shipped bank."""
    with loaded_app.app_context():
        student = db.session.get(User, world.student.id)
        class_services.join_class(student, world.other_class.join_code)
        for slug in ("belt-and-road-central-asia", private.slug):
            study.add_study_bank(student, db.session.scalar(select(Bank).where(Bank.slug == slug)))
        db.session.remove()
    client = client_as("student")
    for question in (private.card_id, _first_shipped_card(loaded_app)):
        response = client.post("/review/rate", data={
            "question": question, "seen": 0, "rating": 3,
            "csrf_token": csrf_token(client, "/")})
        assert response.status_code == 303
    return private


def _first_shipped_card(app) -> int:
    from quizapp.banks.models import Question

    with app.app_context():
        return db.session.scalar(
            select(Question.id).join(Bank).where(Bank.slug == "belt-and-road-central-asia",
                                                 Question.type == "flashcard")
            .order_by(Question.position).limit(1))


def test_another_teacher_does_not_see_the_private_bank_in_a_shared_students_progress(
        shared, world, client_as):
    response = client_as("uteacher").get(
        f"/classes/{world.other_class.id}/students/{world.student.id}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert shows_no_secret(response) and "my-class-bank" not in html
    assert "The Belt and Road in Central Asia" in html  # the shipped bank still shows


def test_the_banks_own_teacher_sees_it_in_their_students_progress(shared, world, client_as):
    response = client_as("teacher").get(
        f"/classes/{world.school_class.id}/students/{world.student.id}")
    assert response.status_code == 200
    assert SECRET_TITLE in response.get_data(as_text=True)


def test_the_other_teachers_roster_counts_only_the_banks_they_may_see(
        shared, world, loaded_app):
    with loaded_app.app_context():
        from quizapp.accounts.models import SchoolClass

        theirs = db.session.get(SchoolClass, world.other_class.id)
        mine = db.session.get(SchoolClass, world.school_class.id)
        now = datetime.now(UTC)
        theirs_row = {r.student.id: r for r in class_report(theirs, now)[0]}[world.student.id]
        own_row = {r.student.id: r for r in class_report(mine, now)[0]}[world.student.id]
    assert (theirs_row.studied, theirs_row.reviews_7d) == (1, 1)  # the shipped card only
    assert (own_row.studied, own_row.reviews_7d) == (2, 2)
