"""A job that fails half-way leaves nothing of what it was writing: reporting progress
must not commit the rows its open write transaction holds."""

from sqlalchemy import func, select

from quizapp.banks.models import GlossaryEntry
from quizapp.core import jobs
from quizapp.core.jobs import JobFailed, job_task
from quizapp.core.messages import N_
from quizapp.core.models import Job
from quizapp.database import write_transaction
from quizapp.extensions import db


@job_task("test_half_written", N_("Fitting your memory model"))
def fails_half_way(job, progress):
    with write_transaction() as session:
        session.add(GlossaryEntry(slug=f"t{job.owner_id}.half", position=0, owner_id=job.owner_id,
                                  entry={"kind": "person", "ar": "س", "en": "S",
                                         "variants": {"ar": [], "en": []}}))
        session.flush()
        progress(1, 2)  # the task reports progress from inside its transaction
        raise JobFailed(N_("The bank has problems; nothing was published."))


def test_a_job_failing_after_reporting_progress_leaves_no_rows(loaded_app, world):
    with loaded_app.app_context():
        job = jobs.start(fails_half_way, owner_id=world.teacher.id)
        assert job.state == "failed"
        assert db.session.scalar(select(func.count()).select_from(GlossaryEntry).where(
            GlossaryEntry.owner_id == world.teacher.id)) == 0
        assert db.session.get(Job, job.id).message_key.startswith("The bank has problems")
