"""A teacher who deletes their account leaves their banks private and orphaned: visible
to nobody, never taken for shipped banks, their students' history kept."""

import pytest
from sqlalchemy import func, select

from quizapp.banks.models import Bank
from quizapp.extensions import db
from quizapp.study.models import Card, ReviewLog

from ..people import PASSWORD, csrf_token
from .conftest import shows_no_secret


def post(client, path, data):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/")})


@pytest.fixture
def orphaned(private, world, client_as):
    """The student reviewed the teacher's flashcard; then the teacher left."""
    student = client_as("student")
    assert post(student, "/review/rate",
                {"question": private.card_id, "seen": 0, "rating": 3}).status_code == 303
    response = post(client_as("teacher"), "/account/delete", {"password": PASSWORD})
    assert response.status_code == 303
    return private


@pytest.mark.parametrize("username", [None, "student", "uteacher", "rstudent"])
def test_a_leaving_teachers_bank_is_visible_to_nobody(username, orphaned, client_as):
    client = client_as(username)
    assert client.get(f"/banks/{orphaned.slug}").status_code == 404
    home = client.get("/")
    assert f"/banks/{orphaned.slug}" not in home.get_data(as_text=True)
    assert shows_no_secret(home)
    quote = client.get(f"/sources/kazakhstan-cultural-centre-beijing?q={orphaned.choice_uid}")
    assert 'id="quote"' not in quote.get_data(as_text=True)


@pytest.mark.parametrize("username", ["student", "uteacher", "rstudent"])
def test_a_leaving_teachers_questions_are_a_404_by_id(username, orphaned, client_as):
    client = client_as(username)
    answer = post(client, "/review/answer",
                  {"question": orphaned.choice_id, "seen": 0, "answer": "a"})
    assert answer.status_code == 404 and shows_no_secret(answer)
    history = client.get(f"/progress/questions/{orphaned.card_uid}")
    assert history.status_code == 404 and shows_no_secret(history)
    assert shows_no_secret(client.get("/review"))


def test_the_students_history_in_a_leaving_teachers_bank_is_kept(
        orphaned, world, loaded_app):
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReviewLog).where(
            ReviewLog.user_id == world.student.id)) == 1
        assert db.session.scalar(select(func.count()).select_from(Card).where(
            Card.user_id == world.student.id, Card.question_id == orphaned.card_id)) == 1


def test_loading_the_shipped_banks_still_works_and_leaves_the_orphan_alone(
        orphaned, loaded_app, client_as):
    result = loaded_app.test_cli_runner().invoke(args=["bank", "load"])
    assert result.exit_code == 0, result.output
    with loaded_app.app_context():
        bank = db.session.scalar(select(Bank).where(Bank.slug == orphaned.slug))
        assert (bank.shipped, bank.owner_id, bank.retired_at) == (False, None, None)
    assert client_as(None).get(f"/banks/{orphaned.slug}").status_code == 404
    assert client_as(None).get("/banks/cultural-centre-beijing").status_code == 200
