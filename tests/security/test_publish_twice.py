"""Two clicks on "publish" for one checked bank start one publish job: the second click,
while the first job waits or runs, is sent to the same job instead of racing it."""

from sqlalchemy import select

from quizapp.core.models import Job
from quizapp.extensions import db

from ..banks.conftest import GOOD, submit
from ..people import csrf_token


def test_a_second_publish_click_follows_the_first_job(loaded_app, world, client_as):
    loaded_app.config["JOB_BANK_BYTES"] = 1024
    teacher = client_as("teacher")
    checked = submit(teacher, GOOD).headers["Location"]
    checked_id = int(checked.rsplit("/", 1)[1])
    with loaded_app.app_context():
        # The first click's job, still waiting for a worker.
        first = Job(kind="bank_publish", owner_id=world.teacher.id,
                    params={"checked": checked_id}, payload=GOOD, state="queued")
        db.session.add(first)
        db.session.commit()
        first_id = first.id
    second = teacher.post(f"/my-banks/jobs/{checked_id}/publish",
                          data={"csrf_token": csrf_token(teacher, checked)})
    assert second.headers["Location"] == f"/jobs/{first_id}"
    with loaded_app.app_context():
        assert len(db.session.scalars(select(Job).where(Job.kind == "bank_publish")).all()) == 1
