"""A finished job keeps its inputs and its file in its row: an account starting job after
job (an export clicked again and again, a 4 MiB bank checked again and again) must not
fill the database. Each account keeps its latest finished jobs only."""

from sqlalchemy import func, select

from quizapp.core import jobs
from quizapp.core.jobs import JobResult, job_task
from quizapp.core.messages import N_
from quizapp.core.models import Job
from quizapp.extensions import db


@job_task("test_big_file", N_("Exporting a bank"))
def big_file(job, progress):
    return JobResult(N_("The export is ready to download."), file_name="bank.apkg",
                     mimetype="application/octet-stream", data=b"x" * 100_000)


def test_an_account_keeps_only_its_latest_finished_jobs(loaded_app, world):
    with loaded_app.app_context():
        started = [jobs.start(big_file, owner_id=world.student.id, payload="y" * 1000).id
                   for _ in range(jobs.KEPT_FINISHED_JOBS + 5)]
        other = jobs.start(big_file, owner_id=world.teacher.id).id
        kept = list(db.session.scalars(select(Job.id).where(
            Job.owner_id == world.student.id).order_by(Job.id)))
        assert kept == started[-jobs.KEPT_FINISHED_JOBS:]
        assert db.session.get(Job, other) is not None
        assert db.session.scalar(select(func.count()).select_from(Job)) == (
            jobs.KEPT_FINISHED_JOBS + 1)
