"""Deleting an account: every feature removes its own rows, all in one transaction."""

import pytest
from sqlalchemy import func, select

from quizapp.accounts import services
from quizapp.accounts.models import ClassMembership, User
from quizapp.accounts.signals import account_deleted
from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study.models import Card, QuizAttempt, ReviewLog, StudyBank

from .conftest import PASSWORD, post

BANK = "cultural-centre-beijing"


@pytest.fixture
def studied(world, client_as, loaded_app):
    """The student chose a shipped bank, reviewed one of its flashcards and took a quiz."""
    student = client_as("student")
    with loaded_app.app_context():
        flashcard = db.session.scalar(select(Question.id).where(
            Question.type == "flashcard", Question.retired_at.is_(None)).limit(1))
    assert post(student, f"/banks/{BANK}/study", token_from="/").status_code == 303
    assert post(student, "/review/rate",
                {"question": flashcard, "seen": 0, "rating": 3}).status_code == 303
    assert post(student, "/quiz", {"bank": BANK, "length": 3}).status_code == 303
    return student


def _rows_of(user_id: int) -> dict[str, int]:
    count = {model.__tablename__: db.session.scalar(
        select(func.count()).select_from(model).where(model.user_id == user_id))
        for model in (StudyBank, Card, ReviewLog, QuizAttempt, ClassMembership)}
    return count


def test_a_deleted_student_leaves_no_study_and_no_membership(studied, world, loaded_app):
    with loaded_app.app_context():
        assert all(_rows_of(world.student.id).values())
    response = post(studied, "/account/delete", {"password": PASSWORD}, token_from="/account")
    assert response.status_code == 303
    with loaded_app.app_context():
        assert db.session.get(User, world.student.id) is None
        assert _rows_of(world.student.id) == dict.fromkeys(_rows_of(world.student.id), 0)


def test_a_feature_failing_to_clean_up_keeps_the_whole_account(studied, world, loaded_app):
    def broken(user, **_):
        raise RuntimeError("a feature could not remove its rows")

    with loaded_app.test_request_context(), account_deleted.connected_to(broken):
        user = db.session.get(User, world.student.id)
        before = _rows_of(user.id)
        with pytest.raises(RuntimeError):
            services.delete_account(user, PASSWORD)
        db.session.rollback()
        assert db.session.get(User, world.student.id) is not None
        assert _rows_of(world.student.id) == before
