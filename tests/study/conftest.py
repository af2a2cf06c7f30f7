from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank, Question
from quizapp.study import services

from ..people import login

PASSWORD = "correct horse battery staple"
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def ctx(loaded_app):
    with loaded_app.app_context():
        yield loaded_app


@pytest.fixture
def student(ctx):
    user = register(NewAccount(username="sara", display_name="Sara", password=PASSWORD,
                               locale="en", timezone="UTC"))
    return user


@pytest.fixture
def bank(ctx):
    from quizapp.extensions import db

    return db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))


@pytest.fixture
def studying(student, bank):
    services.add_study_bank(student, bank)
    return student


def logged_in(loaded_app, username="sara"):
    from quizapp.accounts.services import NewAccount, register

    with loaded_app.app_context():
        register(NewAccount(username=username, display_name=username.title(),
                            password=PASSWORD, locale="en"))
    client = loaded_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert login(client, username, PASSWORD).status_code == 303
    return client


def review_page(client, bank="cultural-centre-beijing"):
    return client.get(f"/review?bank={bank}").get_data(as_text=True)


def right_form(question: Question, html: str) -> dict:
    """The form fields that answer a question rightly, read from its page."""
    d = question.details
    if question.type == "single_choice":
        return {"answer": d["answer"]}
    if question.type == "multiple_choice":
        return {"answer": d["answers"]}
    if question.type == "true_false":
        return {"answer": "true" if d["answer"] else "false"}
    if question.type == "numeric":
        return {"answer": str(d["answer"])}
    if question.type == "short_text":
        return {"answer": d["answers"]["en"][0]}
    if question.type == "ordering":
        return {f"position-{i}": str(i + 1) for i in range(len(d["items"]))}
    if question.type == "matching":
        return {f"match-{i}": str(i) for i in range(len(d["pairs"]))}
    raise AssertionError(question.type)
