"""Fixtures: an app on a fresh database built by the migrations, and its clients.

Migrating takes a moment, so it is done once per run into a template file that each test
copies; every test still starts from a database that only the migrations built.
"""

import shutil
from pathlib import Path

import pytest
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.banks.services import load_paths

from .people import client_as, world  # noqa: F401 - fixtures for every test folder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_DIR = PROJECT_ROOT / "questions"


def _make_app(database: Path, **overrides):
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "QUESTIONS_DIR": str(QUESTIONS_DIR),
        "FSRS_FUZZING": False,  # intervals exactly as FSRS computes them
        **overrides,
    })


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory):
    """Two template databases: migrated only, and migrated with questions/ loaded."""
    folder = tmp_path_factory.mktemp("templates")
    empty, loaded = folder / "empty.sqlite3", folder / "loaded.sqlite3"
    app = _make_app(empty)
    with app.app_context():
        upgrade()
        from quizapp.extensions import db
        db.engine.dispose()
    shutil.copy(empty, loaded)
    app = _make_app(loaded)
    with app.app_context():
        load_paths([QUESTIONS_DIR], QUESTIONS_DIR, max_bytes=app.config["MAX_BANK_BYTES"])
        from quizapp.extensions import db
        db.session.remove()
        db.engine.dispose()
    return {"empty": empty, "loaded": loaded}


def _app_from_template(template: Path, tmp_path: Path):
    database = tmp_path / "test.sqlite3"
    shutil.copy(template, database)
    app = _make_app(database)
    yield app
    with app.app_context():
        from quizapp.extensions import db
        db.engine.dispose()


@pytest.fixture
def app(database_templates, tmp_path):
    """An app whose database has the schema and no data."""
    yield from _app_from_template(database_templates["empty"], tmp_path)


@pytest.fixture
def loaded_app(database_templates, tmp_path):
    """An app whose database has questions/ loaded."""
    yield from _app_from_template(database_templates["loaded"], tmp_path)


# Rate limits are tested on purpose (tests/accounts); elsewhere they would only get in
# the way of tests that log in many times.
NO_RATE_LIMITS = {"RATELIMIT_ENABLED": False}


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def loaded_client(loaded_app):
    return loaded_app.test_client()
