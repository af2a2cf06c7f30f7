"""Drafting runs as a background job the teacher follows; drafting again over a draft
with edits is confirmed first."""

import re

import pytest
from sqlalchemy import select

from quizapp.core.jobs import GONE, start
from quizapp.core.models import Job
from quizapp.documents import tasks
from quizapp.documents.models import Draft
from quizapp.extensions import db

from ..people import csrf_token
from .conftest import SLUG_PATH, add_document
from .conftest import drafted as _drafted
from .conftest import form_values as _form_values


def _job_path(response) -> str:
    assert response.status_code == 303
    location = response.headers["Location"]
    assert re.search(r"/jobs/\d+$", location), location
    return location


def test_draft_questions_starts_a_job_whose_page_leads_to_the_review(loaded_app, world,
                                                                     client_as):
    teacher = client_as("teacher")
    add_document(teacher)
    base = SLUG_PATH.format(id=world.teacher.id)
    job_path = _job_path(teacher.post(base + "/draft",
                                      data={"csrf_token": csrf_token(teacher, "/")}))
    page = teacher.get(job_path).get_data(as_text=True)
    assert "Questions drafted:" in page
    assert f'href="{base}/draft"' in page and "Review the draft" in page
    with loaded_app.app_context():
        job = db.session.scalar(select(Job).order_by(Job.id.desc()))
        assert (job.kind, job.state, job.owner_id) == ("document_draft", "done",
                                                       world.teacher.id)
        assert set(job.params) == {"document_id"}  # an id, read again by the task
        assert db.session.scalar(select(Draft)).questions
    # The job is its owner's: another teacher does not see it.
    assert client_as("uteacher").get(job_path).status_code == 404


@pytest.mark.parametrize("lang, words", [("en", "Nothing to ask in this document"),
                                         ("ar", "لا شيء يُسأل عنه في هذه الوثيقة")])
def test_a_document_with_nothing_to_ask_fails_saying_why(loaded_app, world, client_as,
                                                          lang, words):
    teacher = client_as("teacher")
    teacher.set_cookie("lang", lang)
    assert add_document(teacher, text="كان الجو جميلا والناس سعداء.").status_code == 303
    base = SLUG_PATH.format(id=world.teacher.id)
    job_path = _job_path(teacher.post(base + "/draft",
                                      data={"csrf_token": csrf_token(teacher, "/")}))
    page = teacher.get(job_path).get_data(as_text=True)
    assert words in page
    assert f'href="/sources/t{world.teacher.id}.doha-museum"' in page
    with loaded_app.app_context():
        assert db.session.scalar(select(Job.state).order_by(Job.id.desc())) == "failed"
        assert db.session.scalar(select(Draft)) is None  # nothing half-written


def test_the_task_drafts_only_its_owners_document(loaded_app, world, client_as):
    add_document(client_as("teacher"))
    with loaded_app.app_context(), loaded_app.test_request_context("/"):
        document_id = db.session.scalar(select(Draft.id).limit(1))  # none yet
        assert document_id is None
        from quizapp.banks.models import Document
        document_id = db.session.scalar(select(Document.id).where(
            Document.owner_id == world.teacher.id))
        job = start(tasks.draft_questions, owner_id=world.other_teacher.id,
                    params={"document_id": document_id})
        assert (job.state, job.message_key) == ("failed", GONE)
        assert db.session.scalar(select(Draft)) is None


def _edit_first(teacher, base, question_id) -> None:
    path = f"{base}/draft/questions/{question_id}"
    data = _form_values(teacher.get(path).get_data(as_text=True))
    data["f.explanation.ar"] = "شرح كتبته المعلمة بيدها."
    data["quote"] = "وتبلغ مساحة المتحف 4500 متر مربع"
    data["csrf_token"] = csrf_token(teacher, path)
    assert teacher.post(path, data=data).status_code == 303


def test_an_unedited_draft_is_drafted_again_at_once(loaded_app, world, client_as):
    teacher, base, _ = _drafted(world, client_as)
    page = teacher.get(base + "/draft").get_data(as_text=True)
    assert f'action="{base}/draft"' in page and f'href="{base}/draft/again"' not in page
    _job_path(teacher.post(base + "/draft", data={"csrf_token": csrf_token(teacher, "/")}))


def test_drafting_again_over_edits_asks_first_and_keeps_them_until_confirmed(
        loaded_app, world, client_as):
    teacher, base, ids = _drafted(world, client_as)
    _edit_first(teacher, base, ids[0])
    review = teacher.get(base + "/draft").get_data(as_text=True)
    assert f'href="{base}/draft/again"' in review

    # Posting without the confirmation (the owner panel's button, say) asks first.
    response = teacher.post(base + "/draft", data={"csrf_token": csrf_token(teacher, "/")})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(base + "/draft/again")
    confirm = teacher.get(base + "/draft/again").get_data(as_text=True)
    assert "those edits will be lost" in confirm
    assert 'name="confirm" value="1"' in confirm and "Keep my draft" in confirm
    assert "شرح كتبته المعلمة بيدها." in teacher.get(base + "/draft/questions/" + ids[0]
                                                   ).get_data(as_text=True)

    _job_path(teacher.post(base + "/draft", data={"csrf_token": csrf_token(teacher, "/"),
                                                  "confirm": "1"}))
    page = teacher.get(base + "/draft").get_data(as_text=True)
    assert "شرح كتبته المعلمة بيدها." not in page
    assert f'href="{base}/draft/again"' not in page  # a fresh draft has no edits
