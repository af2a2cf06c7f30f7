"""Fixtures: an app on a fresh database built by the migrations, and its clients.

Migrating, loading questions/ and registering the people of `world` take a moment, so
each is done once per run into a template that each test copies; every test still starts
from a database of its own. SQLite by default (template files); PostgreSQL when
QUIZAPP_TEST_DATABASE_URL names a server (template databases, `CREATE DATABASE ...
TEMPLATE`), as tests/postgres.sh sets it. With pytest-xdist each worker builds its own.
"""

import functools
import os
import shutil
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from jinja2 import BytecodeCache
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quizapp import create_app
from quizapp.banks.services import load_paths

from .people import build_world, client_as, world  # noqa: F401 - fixtures for every folder

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


@functools.cache
def _admin():
    """One engine per test process for creating and dropping each test's database."""
    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")


class _CompiledTemplates(BytecodeCache):
    """Templates compiled once per run: every test's app would otherwise compile them anew.

    Jinja checks each entry against its template's source, so an edited template is
    compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


def _make_app(database, **overrides):
    app = create_app({
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
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    return app


def _copy_database(template, target) -> None:
    if POSTGRES_URL:
        with _admin().connect() as admin:
            # PostgreSQL 15 copies through the WAL by default, block by block; copying the
            # files is about three times faster for databases this small (one per test).
            version = admin.execute(text("SHOW server_version_num")).scalar_one()
            strategy = " STRATEGY FILE_COPY" if int(version) >= 150000 else ""
            admin.execute(text(
                f'CREATE DATABASE "{target}" TEMPLATE "{template}"{strategy}'))
    else:
        shutil.copy(template, target)


def _drop_database(name) -> None:
    if POSTGRES_URL:
        with _admin().connect() as admin:
            admin.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _release(app) -> None:
    """Close the app's connections: a template database must have none to be copied."""
    with app.app_context():
        from quizapp.extensions import db
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_templates(tmp_path_factory):
    """Three template databases: migrated only; with questions/ loaded; and loaded with
    the people of `world` registered (under "people", the records `world` returns)."""
    if POSTGRES_URL:
        run = uuid.uuid4().hex[:8]
        empty, loaded, populated = (f"tmpl_{name}_{run}" for name in ("empty", "loaded", "world"))
        with _admin().connect() as admin:
            admin.execute(text(f'CREATE DATABASE "{empty}"'))
    else:
        folder = tmp_path_factory.mktemp("templates")
        empty, loaded, populated = (folder / f"{name}.sqlite3"
                                    for name in ("empty", "loaded", "world"))
    app = _make_app(empty)
    with app.app_context():
        upgrade()
    _release(app)
    _copy_database(empty, loaded)
    app = _make_app(loaded)
    with app.app_context():
        load_paths([QUESTIONS_DIR], QUESTIONS_DIR, max_bytes=app.config["MAX_BANK_BYTES"])
    _release(app)
    _copy_database(loaded, populated)
    app = _make_app(populated)
    people = build_world(app)
    _release(app)
    yield {"empty": empty, "loaded": loaded, "world": populated, "people": people}
    for template in (empty, loaded, populated):
        _drop_database(template)


def _app_from_template(template, tmp_path: Path):
    database = f"test_{uuid.uuid4().hex[:12]}" if POSTGRES_URL else tmp_path / "test.sqlite3"
    _copy_database(template, database)
    app = _make_app(database)
    yield app
    _release(app)
    _drop_database(database)


@pytest.fixture
def app(database_templates, tmp_path):
    """An app whose database has the schema and no data."""
    yield from _app_from_template(database_templates["empty"], tmp_path)


@pytest.fixture
def loaded_app(database_templates, tmp_path, request):
    """An app whose database has questions/ loaded (and the people of `world`, when the
    test asks for them)."""
    template = "world" if "world" in request.fixturenames else "loaded"
    yield from _app_from_template(database_templates[template], tmp_path)



@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def loaded_client(loaded_app):
    return loaded_app.test_client()


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, only the tests that use a database (through database_templates): the
    others never reach PostgreSQL, and the SQLite pass has run them already."""
    if not POSTGRES_URL:
        return
    on_database = [item for item in items if "database_templates" in item.fixturenames]
    if len(on_database) < len(items):
        config.hook.pytest_deselected(items=[item for item in items
                                             if item not in on_database])
        items[:] = on_database
