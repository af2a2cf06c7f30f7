from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank
from quizapp.study import services

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
