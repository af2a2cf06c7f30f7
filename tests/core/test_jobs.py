"""Background jobs: the row a page polls, its owner-only page and file, and a task that
runs once however often it is delivered (huey runs tasks at once in tests)."""

from sqlalchemy import select

from quizapp.core import jobs
from quizapp.core.jobs import JobFailed, JobResult, job_task
from quizapp.core.messages import N_
from quizapp.core.models import Job
from quizapp.extensions import db

RUNS: list[int] = []


@job_task("test_export", N_("Exporting the class's results"))
def export_for_test(job, progress):
    RUNS.append(job.id)
    for done in range(1, 4):
        progress(done, 3)
    return JobResult(N_("Exported %(rows)s rows."), {"rows": 1200}, file_name="class.csv",
                     mimetype="text/csv", data=b"name,score\nSara,3\n")


@job_task("test_refused", N_("Checking a large bank"))
def refused_for_test(job, progress):
    raise JobFailed(N_("The bank has problems; nothing was published."))


@job_task("test_broken", N_("Exporting the class's results"))
def broken_for_test(job, progress):
    raise RuntimeError("a bug")


def _start(app, task, owner_id):
    with app.app_context():
        return jobs.start(task, owner_id=owner_id).id


def test_a_finished_job_offers_its_file_to_its_owner_only(loaded_app, world, client_as):
    job_id = _start(loaded_app, export_for_test, world.teacher.id)
    teacher = client_as("teacher")
    page = teacher.get(f"/jobs/{job_id}").get_data(as_text=True)
    assert "Exported 1,200 rows." in page
    assert f'href="/jobs/{job_id}/download"' in page
    assert 'http-equiv="refresh"' not in page  # finished: the page stops following it
    download = teacher.get(f"/jobs/{job_id}/download")
    assert download.status_code == 200 and download.data == b"name,score\nSara,3\n"
    assert 'filename="class.csv"' in download.headers["Content-Disposition"]
    for other in ("uteacher", "student"):
        assert client_as(other).get(f"/jobs/{job_id}").status_code == 404
        assert client_as(other).get(f"/jobs/{job_id}/download").status_code == 404


def test_a_task_delivered_twice_runs_once(loaded_app, world):
    RUNS.clear()
    job_id = _start(loaded_app, export_for_test, world.teacher.id)
    export_for_test(job_id)  # the queue hands the same id over again
    assert RUNS == [job_id]


def test_a_running_job_shows_how_far_it_got_and_follows_itself(loaded_app, world, client_as):
    with loaded_app.app_context():
        job = Job(kind="test_export", owner_id=world.teacher.id, state="running",
                  progress_done=30, progress_total=120)
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    page = client_as("teacher").get(f"/jobs/{job_id}").get_data(as_text=True)
    assert "Working: 30 of 120 done." in page
    assert '<progress max="100" value="25"' in page
    assert 'http-equiv="refresh"' in page  # followed without JavaScript too
    assert "js/job.js" in page


def test_a_refused_job_says_why_in_the_owners_language(loaded_app, world, client_as):
    job_id = _start(loaded_app, refused_for_test, world.teacher.id)
    teacher = client_as("teacher")
    page = teacher.get(f"/jobs/{job_id}").get_data(as_text=True)
    assert "The bank has problems; nothing was published." in page
    teacher.set_cookie("lang", "ar")
    page = teacher.get(f"/jobs/{job_id}").get_data(as_text=True)
    assert "في البنك مشكلات؛ لم يُنشر شيء." in page and 'role="alert"' in page


def test_an_unexpected_error_fails_the_job_with_a_message_not_a_500(loaded_app, world,
                                                                     client_as):
    job_id = _start(loaded_app, broken_for_test, world.teacher.id)
    with loaded_app.app_context():
        job = db.session.scalar(select(Job).where(Job.id == job_id))
        assert job.state == "failed" and job.message_key == jobs.UNEXPECTED
    teacher = client_as("teacher")
    page = teacher.get(f"/jobs/{job_id}").get_data(as_text=True)
    assert "The job stopped on an unexpected error." in page
    teacher.set_cookie("lang", "ar")
    assert "توقّفت العملية بسبب خطأ غير متوقّع" in teacher.get(f"/jobs/{job_id}").get_data(
        as_text=True)
    assert teacher.get(f"/jobs/{job_id}/download").status_code == 404


@job_task("test_panic", N_("Fitting your memory model"))
def panicking_for_test(job, progress):
    class Panic(BaseException):  # as pyo3 reports a Rust panic
        pass

    raise Panic("index out of bounds")


def test_a_panic_in_a_native_library_fails_the_job(loaded_app, world):
    job_id = _start(loaded_app, panicking_for_test, world.teacher.id)
    with loaded_app.app_context():
        assert db.session.get(Job, job_id).state == "failed"


def test_a_download_link_followed_twice_reuses_the_unfinished_job(loaded_app, world):
    with loaded_app.app_context():
        waiting = Job(kind="test_export", owner_id=world.teacher.id, state="queued",
                      params={"class_id": 1})
        db.session.add(waiting)
        db.session.commit()
        again = jobs.start(export_for_test, owner_id=world.teacher.id,
                           params={"class_id": 1}, reuse_unfinished=True)
        assert again.id == waiting.id
        other = jobs.start(export_for_test, owner_id=world.teacher.id,
                           params={"class_id": 2}, reuse_unfinished=True)
        assert other.id != waiting.id and other.state == "done"


def test_a_job_whose_worker_died_is_failed_and_no_longer_blocks_new_ones(
        loaded_app, world, client_as):
    """A worker killed in the middle leaves its job "running" for ever: once it has run
    past LOST_RUNNING (or waited past LOST_QUEUED) its owner is told, in their language,
    and it stops counting against the five unfinished jobs an account may have."""
    from datetime import timedelta

    from quizapp.database import utcnow

    with loaded_app.app_context():
        long_ago = utcnow() - jobs.LOST_QUEUED - timedelta(minutes=1)
        dead = Job(kind="test_export", owner_id=world.teacher.id, state="running",
                   started_at=utcnow() - jobs.LOST_RUNNING - timedelta(minutes=1))
        busy = Job(kind="test_export", owner_id=world.teacher.id, state="running",
                   started_at=utcnow() - timedelta(minutes=5))
        forgotten = [Job(kind="test_export", owner_id=world.teacher.id, created_at=long_ago)
                     for _ in range(jobs.MAX_UNFINISHED_JOBS - 1)]
        db.session.add_all([dead, busy, *forgotten])
        db.session.commit()
        dead_id, busy_id = dead.id, busy.id
    teacher = client_as("teacher")
    page = teacher.get(f"/jobs/{dead_id}").get_data(as_text=True)
    assert "The job stopped before it finished" in page and 'role="alert"' in page
    assert 'http-equiv="refresh"' not in page
    teacher.set_cookie("lang", "ar")
    assert "توقّفت العملية قبل أن تنتهي" in teacher.get(f"/jobs/{dead_id}").get_data(
        as_text=True)
    assert 'http-equiv="refresh"' in teacher.get(f"/jobs/{busy_id}").get_data(as_text=True)
    with loaded_app.test_request_context("/"):  # from a page: the limit applies
        job = jobs.start(export_for_test, owner_id=world.teacher.id)
        assert job.state == "done"
        states = dict(db.session.execute(select(Job.id, Job.state).where(
            Job.owner_id == world.teacher.id)).all())
    assert states[busy_id] == "running"
    assert list(states.values()).count("failed") == jobs.MAX_UNFINISHED_JOBS
