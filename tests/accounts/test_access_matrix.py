"""Every route × every kind of visitor: the status each one gets (MATRIX, in conftest.py).

Adding a route without a row there fails `test_every_route_is_in_the_matrix`.
"""

import random

import pytest

from quizapp.accounts.models import SchoolClass, User
from quizapp.banks.models import Bank
from quizapp.banks.services import check_upload, publish_upload
from quizapp.classes import services as class_services
from quizapp.core.models import Job
from quizapp.extensions import db
from quizapp.study import quizzes

from ..banks.conftest import GOOD
from .conftest import MATRIX, ROLES, csrf_token, own_document


def publish_as(teacher_id: int) -> str:
    """A bank the teacher published in the browser; its slug."""
    upload = check_upload(GOOD, "bank.yaml", owner_id=teacher_id, max_bytes=1 << 20)
    assert upload.ok, upload.problems
    return publish_upload(upload, owner_id=teacher_id).banks[0].slug


def test_every_route_is_in_the_matrix(loaded_app):
    endpoints = {rule.endpoint for rule in loaded_app.url_map.iter_rules()}
    assert endpoints == set(MATRIX)


def expected(endpoint: str, role: str) -> int:
    statuses = MATRIX[endpoint][2]
    return statuses.get(role, statuses.get("*"))


@pytest.mark.parametrize("endpoint", sorted(MATRIX))
def test_route_answers_each_visitor_as_expected(endpoint, loaded_app, world, client_as):
    with loaded_app.app_context():
        bank = db.session.scalar(db.select(Bank).where(Bank.slug == "cultural-centre-beijing"))
        class_services.assign_bank(db.session.get(SchoolClass, world.school_class.id), bank,
                                   None)
        assignment_id = db.session.scalar(db.text("SELECT max(id) FROM assignments"))
        student = db.session.get(User, world.student.id)
        attempt_id = quizzes.start_quiz(student, length=2, rng=random.Random(1), bank=bank).id
        teachers_bank = publish_as(world.teacher.id)
        document, question_id, name = own_document(world.teacher.id)
        job = Job(kind="test", owner_id=world.teacher.id, state="done", params={},
                  result_name="r.csv", result_mimetype="text/csv", result_data=b"a,b\n")
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    method, template, _ = MATRIX[endpoint]
    url = template.format(c=world.school_class.id, s=world.student.id, a=assignment_id,
                          q=attempt_id, b=teachers_bank, d=document, dq=question_id, g=name,
                          j=job_id)
    usernames = {"anonymous": None, "student": "student", "other_student": "rstudent",
                 "teacher": "teacher", "other_teacher": "uteacher"}
    got = {}
    for role in ROLES:
        client = client_as(usernames[role])
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data={"csrf_token": csrf_token(client, "/")})
        got[role] = response.status_code
    assert got == {role: expected(endpoint, role) for role in ROLES}


def test_every_post_route_refuses_a_missing_csrf_token(loaded_app, world, client_as):
    client = client_as("teacher")
    posts = [(endpoint, spec) for endpoint, spec in MATRIX.items() if spec[0] == "POST"]
    assert posts
    for endpoint, (_, template, _) in posts:
        url = template.format(c=world.school_class.id, s=world.student.id, a=1, q=1, b="x",
                              d="x", dq="x", g="x", j=1)
        response = client.post(url, data={})
        assert response.status_code == 400, endpoint
        assert "The form was out of date" in response.get_data(as_text=True)
