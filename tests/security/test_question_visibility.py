"""Every path that takes a question, bank, attempt or class id from a request shows a
teacher's private bank to that teacher and their class only: anyone else gets a 404 and
never a word of its questions, answers, explanations or quotes."""

import random

import pytest
from sqlalchemy import func, select

from quizapp.accounts.models import Assignment, SchoolClass, User
from quizapp.banks.models import Bank
from quizapp.classes import services as class_services
from quizapp.extensions import db
from quizapp.study import quizzes
from quizapp.study.models import Card

from ..people import csrf_token
from .conftest import (
    INSIDERS,
    OUTSIDERS,
    SECRET_EXPLANATION,
    SECRET_PROMPT,
    SECRET_TITLE,
    shows_no_secret,
)


def post(client, path, data):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/")})


def cards_of(app, user_id, question_id) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Card).where(
            Card.user_id == user_id, Card.question_id == question_id))


@pytest.mark.parametrize("username", OUTSIDERS)
def test_answering_a_private_question_by_id_is_a_404_for_outsiders(
        username, private, client_as):
    response = post(client_as(username), "/review/answer",
                    {"question": private.choice_id, "seen": 0, "answer": "a"})
    assert response.status_code == 404
    assert shows_no_secret(response)


def test_answering_a_private_question_asks_anonymous_to_log_in(private, client_as):
    client = client_as(None)
    response = client.post("/review/answer", data={"question": private.choice_id, "seen": 0})
    assert response.status_code in (302, 400)
    assert shows_no_secret(response)


@pytest.mark.parametrize("username", INSIDERS)
def test_the_class_and_its_teacher_answer_the_private_question(username, private, client_as):
    response = post(client_as(username), "/review/answer",
                    {"question": private.choice_id, "seen": 0, "answer": "a"})
    assert response.status_code == 200
    assert SECRET_EXPLANATION in response.get_data(as_text=True)


@pytest.mark.parametrize("username", OUTSIDERS)
def test_rating_a_private_flashcard_by_id_is_a_404_and_stores_no_card(
        username, private, world, client_as, loaded_app):
    response = post(client_as(username), "/review/rate",
                    {"question": private.card_id, "seen": 0, "rating": 3})
    assert response.status_code == 404
    assert shows_no_secret(response)
    user_id = {"uteacher": world.other_teacher.id, "rstudent": world.other_student.id}[username]
    assert cards_of(loaded_app, user_id, private.card_id) == 0


def test_the_class_rates_the_private_flashcard(private, world, client_as, loaded_app):
    response = post(client_as("student"), "/review/rate",
                    {"question": private.card_id, "seen": 0, "rating": 3})
    assert response.status_code == 303
    assert cards_of(loaded_app, world.student.id, private.card_id) == 1


def test_a_rating_signed_before_leaving_the_class_is_refused_after(
        private, world, client_as, loaded_app):
    client = client_as("student")
    feedback = post(client, "/review/answer",
                    {"question": private.choice_id, "seen": 0, "answer": "a"})
    import re
    payload = re.search(r'name="payload" value="([^"]+)"',
                        feedback.get_data(as_text=True)).group(1)
    with loaded_app.app_context():
        class_services.leave_class(db.session.get(User, world.student.id),
                                   db.session.get(SchoolClass, world.school_class.id))
    response = post(client, "/review/rate", {"payload": payload, "rating": 3})
    assert response.status_code == 404
    assert cards_of(loaded_app, world.student.id, private.choice_id) == 0


@pytest.mark.parametrize("username", OUTSIDERS)
def test_a_private_questions_history_page_is_a_404_for_outsiders(username, private, client_as):
    response = client_as(username).get(f"/progress/questions/{private.choice_uid}")
    assert response.status_code == 404
    assert shows_no_secret(response)


def test_the_class_sees_the_private_questions_history_page(private, client_as):
    response = client_as("student").get(f"/progress/questions/{private.choice_uid}")
    assert response.status_code == 200
    assert SECRET_PROMPT in response.get_data(as_text=True)


@pytest.mark.parametrize("username", [None, *OUTSIDERS])
def test_a_source_page_does_not_mark_a_private_questions_quote_for_outsiders(
        username, private, client_as):
    response = client_as(username).get(
        f"/sources/kazakhstan-cultural-centre-beijing?q={private.choice_uid}")
    assert response.status_code == 200
    assert 'id="quote"' not in response.get_data(as_text=True)


def test_a_source_page_marks_the_private_quote_for_the_class(private, client_as):
    response = client_as("student").get(
        f"/sources/kazakhstan-cultural-centre-beijing?q={private.choice_uid}")
    assert 'id="quote"' in response.get_data(as_text=True)


@pytest.mark.parametrize("username", OUTSIDERS)
def test_a_quiz_on_a_private_bank_is_a_404_for_outsiders(username, private, client_as):
    response = post(client_as(username), "/quiz", {"bank": private.slug, "length": 5})
    assert response.status_code == 404


def test_a_quiz_question_whose_bank_became_invisible_is_a_404(
        private, world, client_as, loaded_app):
    with loaded_app.app_context():
        student = db.session.get(User, world.student.id)
        bank = db.session.get(Bank, private.bank_id)
        attempt = quizzes.start_quiz(student, length=5, rng=random.Random(1), bank=bank)
        attempt_id = attempt.id
        class_services.leave_class(student, db.session.get(SchoolClass, world.school_class.id))
    client = client_as("student")
    response = client.get(f"/quiz/{attempt_id}/0")
    assert response.status_code == 404
    assert shows_no_secret(response)
    result = client.get(f"/quiz/{attempt_id}/result")
    assert result.status_code in (302, 404)
    assert shows_no_secret(client.get(f"/quiz/{attempt_id}/result", follow_redirects=True))
    assert shows_no_secret(client.get("/progress/quizzes"))


def test_the_class_sees_its_quiz_on_the_private_bank_in_its_history(
        private, world, client_as, loaded_app):
    with loaded_app.app_context():
        student = db.session.get(User, world.student.id)
        bank = db.session.get(Bank, private.bank_id)
        quizzes.start_quiz(student, length=5, rng=random.Random(1), bank=bank)
    assert SECRET_TITLE in client_as("student").get("/progress/quizzes").get_data(as_text=True)


def test_another_teacher_cannot_assign_a_private_bank_by_id(
        private, world, client_as, loaded_app):
    client = client_as("uteacher")
    response = post(client, f"/classes/{world.other_class.id}/assignments",
                    {"bank": private.bank_id, "due_on": ""})
    assert response.status_code in (303, 400, 404)
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Assignment).where(
            Assignment.bank_id == private.bank_id)) == 0


@pytest.mark.parametrize("username", [None, *OUTSIDERS])
def test_a_private_bank_page_is_a_404_for_outsiders(username, private, client_as):
    response = client_as(username).get(f"/banks/{private.slug}")
    assert response.status_code == 404
    assert shows_no_secret(response)


@pytest.mark.parametrize("path", ["/banks/{slug}/yaml", "/banks/{slug}/history",
                                  "/banks/{slug}/yaml?revision=1",
                                  "/my-banks/new?bank={slug}"])
def test_a_private_banks_text_and_history_are_a_404_for_another_teacher(
        path, private, client_as):
    response = client_as("uteacher").get(path.format(slug=private.slug))
    assert response.status_code == 404
    assert shows_no_secret(response)


@pytest.mark.parametrize("username", OUTSIDERS)
def test_studying_or_reviewing_a_private_bank_by_slug_is_a_404_for_outsiders(
        username, private, client_as):
    client = client_as(username)
    assert post(client, f"/banks/{private.slug}/study", {}).status_code == 404
    response = client.get(f"/review?bank={private.slug}")
    assert response.status_code == 404 and shows_no_secret(response)


def test_the_class_studies_and_reviews_the_private_bank(private, client_as):
    client = client_as("student")
    assert post(client, f"/banks/{private.slug}/study", {}).status_code == 303
    assert client.get(f"/review?bank={private.slug}").status_code == 200


def test_a_quiz_for_another_classs_assignment_is_a_404(private, world, client_as, loaded_app):
    with loaded_app.app_context():
        bank = db.session.get(Bank, private.bank_id)
        class_services.assign_bank(db.session.get(SchoolClass, world.school_class.id), bank,
                                   None)
        assignment_id = db.session.scalar(select(func.max(Assignment.id)))
    data = {"bank": "cultural-centre-beijing", "assignment": assignment_id}
    assert post(client_as("rstudent"), "/quiz", data).status_code == 404
    own = post(client_as("student"), "/quiz", {"bank": private.slug,
                                               "assignment": assignment_id})
    assert own.status_code == 303
