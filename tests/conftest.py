"""Fixtures: an app on a fresh database built by the migrations, and its clients.

Migrating takes a moment, so it is done once per run into a template that each test
copies; every test still starts from a database that only the migrations built. SQLite
by default (template files); PostgreSQL when QUIZAPP_TEST_DATABASE_URL names a server
(template databases, `CREATE DATABASE ... TEMPLATE`), as tests/postgres.sh sets it.
"""

import os
import shutil
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quizapp import create_app
from quizapp.banks.services import load_paths

from .people import client_as, world  # noqa: F401 - fixtures for every test folder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_DIR = PROJECT_ROOT / "questions"


POSTGRES_URL = os.environ.get("QUIZAPP_TEST_DATABASE_URL")


def requires_sqlite(reason: str):
    return pytest.mark.skipif(POSTGRES_URL is not None, reason=f"SQLite only: {reason}")


def _url_for(database) -> str:
    if POSTGRES_URL:
        return make_url(POSTGRES_URL).set(database=database).render_as_string(
            hide_password=False)
    return f"sqlite:///{database}"


def _admin():
    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")


def _make_app(database, **overrides):
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": _url_for(database),
        "QUESTIONS_DIR": str(QUESTIONS_DIR),
        "FSRS_FUZZING": False,  # intervals exactly as FSRS computes them
        # argon2id at its cheapest: production's cost (checked in tests/accounts) would
        # make every registration and login in the suite take ~50 ms of CPU.
        "PASSWORD_HASHING": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
        **overrides,
    })


def _copy_database(template, target) -> None:
    if POSTGRES_URL:
        with _admin().connect() as admin:
            admin.execute(text(f'CREATE DATABASE "{target}" TEMPLATE "{template}"'))
    else:
        shutil.copy(template, target)


def _drop_database(name) -> None:
    if POSTGRES_URL:
        with _admin().connect() as admin:
            admin.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory):
    """Two template databases: migrated only, and migrated with questions/ loaded."""
    if POSTGRES_URL:
        run = uuid.uuid4().hex[:8]
        empty, loaded = f"tmpl_empty_{run}", f"tmpl_loaded_{run}"
        with _admin().connect() as admin:
            admin.execute(text(f'CREATE DATABASE "{empty}"'))
    else:
        folder = tmp_path_factory.mktemp("templates")
        empty, loaded = folder / "empty.sqlite3", folder / "loaded.sqlite3"
    app = _make_app(empty)
    with app.app_context():
        upgrade()
        from quizapp.extensions import db
        db.engine.dispose()
    _copy_database(empty, loaded)
    app = _make_app(loaded)
    with app.app_context():
        load_paths([QUESTIONS_DIR], QUESTIONS_DIR, max_bytes=app.config["MAX_BANK_BYTES"])
        from quizapp.extensions import db
        db.session.remove()
        db.engine.dispose()
    yield {"empty": empty, "loaded": loaded}
    _drop_database(empty)
    _drop_database(loaded)


def _app_from_template(template, tmp_path: Path):
    database = f"test_{uuid.uuid4().hex[:12]}" if POSTGRES_URL else tmp_path / "test.sqlite3"
    _copy_database(template, database)
    app = _make_app(database)
    yield app
    with app.app_context():
        from quizapp.extensions import db
        db.session.remove()
        db.engine.dispose()
    _drop_database(database)


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
