"""People to test with (two teachers, two students, a class each) and request helpers.

The fixtures are registered in tests/conftest.py, so every test folder can use them.
"""

import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from quizapp.accounts.services import NewAccount, register
from quizapp.classes import services as class_services
from quizapp.extensions import db

PASSWORD = "correct horse battery staple"


def csrf_token(client, path="/") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def login(client, username: str, password: str = PASSWORD):
    token = csrf_token(client, "/login")
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": token})


def post(client, path: str, data: dict | None = None, *, token_from: str = "/"):
    return client.post(path, data={**(data or {}), "csrf_token": csrf_token(client, token_from)})


@dataclass
class World:
    teacher: object
    other_teacher: object
    student: object
    other_student: object
    school_class: object
    other_class: object


def build_world(app) -> World:
    """Register the people of `world` in the app's database (once per run, into a template)."""
    with app.app_context():
        def user(name, role="student"):
            return register(NewAccount(username=name, display_name=name.title(),
                                       password=PASSWORD, role=role, locale="en"))
        teacher, other_teacher = user("teacher", "teacher"), user("uteacher", "teacher")
        student, other_student = user("student"), user("rstudent")
        school_class = class_services.create_class(teacher, "Class C")
        other_class = class_services.create_class(other_teacher, "Class D")
        class_services.join_class(student, school_class.join_code)
        # Plain records: the ORM objects expire when their session ends.
        def record(obj, *names):
            return SimpleNamespace(**{name: getattr(obj, name) for name in names})

        users = [record(u, "id", "username") for u in
                 (teacher, other_teacher, student, other_student)]
        classes = [record(c, "id", "name", "join_code") for c in (school_class, other_class)]
        db.session.remove()
        return World(*users, *classes)


@pytest.fixture
def world(loaded_app, database_templates) -> World:
    """Teacher T owns class C with student S; teacher U owns class D; student R is in none.

    They were registered once, in the template that `loaded_app` copies for tests that ask
    for them (tests/conftest.py).
    """
    return database_templates["people"]


@pytest.fixture
def client_as(loaded_app):
    """A fresh test client logged in as the given username (None: anonymous)."""
    def make(username: str | None):
        client = loaded_app.test_client()
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        if username:
            response = login(client, username)
            assert response.status_code == 303, response.get_data(as_text=True)
        return client
    return make
