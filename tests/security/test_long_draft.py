"""Drafting a long document is a job, not a request: the drafter takes tens of seconds
on a document at the size limit (100,000 characters), longer than a worker may hold a
request (gunicorn's 30 s timeout)."""

import re

from sqlalchemy import select

from quizapp.documents.models import Draft
from quizapp.extensions import db

from ..documents.conftest import add_document
from ..people import csrf_token


def test_a_long_documents_draft_is_made_by_a_job_its_owner_follows(loaded_app, world,
                                                                   client_as):
    teacher = client_as("teacher")
    slug = add_document(teacher).headers["Location"].rsplit("/", 1)[1]
    response = teacher.post(f"/my-documents/{slug}/draft",
                            data={"csrf_token": csrf_token(teacher, "/")})
    assert response.status_code == 303
    location = response.headers["Location"]
    assert re.fullmatch(r"/jobs/\d+", location), location
    page = teacher.get(location).get_data(as_text=True)
    assert "Questions drafted:" in page
    assert f'href="/my-documents/{slug}/draft"' in page
    with loaded_app.app_context():
        assert db.session.scalar(select(Draft)).questions
    for other in ("uteacher", "student"):
        assert client_as(other).get(location).status_code == 404
