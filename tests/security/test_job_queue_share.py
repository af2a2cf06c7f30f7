"""One account cannot fill the shared job queue: a teacher posting a 4 MiB bank again and
again would queue check after check (each may run for minutes) ahead of everyone else's
jobs. Past a few unfinished jobs, starting another is refused with the localised 429."""

from quizapp.core import jobs
from quizapp.core.models import Job
from quizapp.extensions import db

from ..banks.conftest import GOOD, submit


def test_a_teacher_with_jobs_waiting_cannot_queue_more(loaded_app, world, client_as):
    loaded_app.config["JOB_BANK_BYTES"] = 1024  # GOOD is checked by a job
    with loaded_app.app_context():
        for _ in range(jobs.MAX_UNFINISHED_JOBS):
            db.session.add(Job(kind="bank_check", owner_id=world.teacher.id, params={},
                               payload=GOOD, state="queued"))
        db.session.commit()
    teacher = client_as("teacher")
    response = submit(teacher, GOOD)
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)
    # Another account's jobs still start.
    other = client_as("uteacher")
    assert submit(other, GOOD).status_code == 303
