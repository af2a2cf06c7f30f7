"""Background jobs: the queue (huey) and the job rows pages poll.

The queue is huey: on a SQLite file under instance/ by default (no extra server), on
Redis when the deployment has one (config.queue_settings), and immediate (run in the
caller, no worker) in tests. A feature's long work is a task in its own ``tasks.py``::

    @job_task("class_export")
    def export_class(job: Job, progress: Progress) -> JobResult: ...

    job = start(export_class, owner_id=user.id, params={"class_id": 3})

A task receives the job's id only (the row holds its inputs), runs at most once to an
end (a second delivery of the same id does nothing), reports progress through
``progress(done, total)``, and ends with a JobResult or by raising JobFailed with a
message id that is translated when the owner reads it.
"""

import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask, abort, current_app, g, has_app_context, has_request_context
from flask_login import current_user, login_user
from huey import Huey
from huey.api import TaskWrapper
from huey.storage import RedisStorage, SqliteStorage
from sqlalchemy import and_, delete, func, or_, select, update
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from .. import config
from ..database import WRITING, utcnow, write_transaction
from ..extensions import db
from .messages import N_
from .models import Job

log = logging.getLogger(__name__)


# Created immediate (in memory) so features can declare their tasks at import; init_app
# gives it its real storage once the app's settings are known.
huey = Huey("quizapp", immediate=True)

Progress = Callable[[int, int], None]

# Each account keeps this many finished jobs (their inputs and files are in the rows);
# older ones are deleted when it starts another, so repeating a job cannot fill the disk.
KEPT_FINISHED_JOBS = 20
# Jobs an account may have waiting or running at once: the queue is everyone's, and a
# check may run for minutes.
MAX_UNFINISHED_JOBS = 5


@dataclass(frozen=True)
class JobResult:
    """How a job ended well: a message for its owner, and where its result is."""

    message: str  # a message id marked with N_
    params: dict[str, Any] = field(default_factory=dict)
    endpoint: str | None = None  # a page to go on to
    values: dict[str, Any] = field(default_factory=dict)
    file_name: str | None = None  # or a file to download
    mimetype: str | None = None
    data: bytes | None = None
    details: Any = None


def file_result(message: str, download: Response, **params: Any) -> JobResult:
    """A job whose result is the file a view would have sent (its name, type and body)."""
    disposition = download.headers.get("Content-Disposition", "")
    name = disposition.partition('filename="')[2].rstrip('"') or "download"
    return JobResult(message, params, file_name=name, mimetype=download.mimetype,
                     data=download.get_data())


def act_as(user: Any) -> None:
    """Inside a task: the job's owner is the current user, so the same visibility checks
    as in the views (``owned_class_or_404`` and the like) decide what the task may read."""
    login_user(user)


class JobFailed(Exception):
    """A job that cannot finish, and why, in words its owner can act on."""

    def __init__(self, message: str, details: Any = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
        self.details = details


UNEXPECTED = N_("The job stopped on an unexpected error. Try again; if it happens again, "
                "tell the site's administrators.")

# The app a worker runs tasks in: the one created in this process (`flask jobs worker`
# creates it; create_app calls init_app). Core cannot import create_app itself: it sits
# below every feature.
_worker_app: Flask | None = None
GONE = N_("What this job was working on is no longer there, or no longer yours.")
LOST = N_("The job stopped before it finished: the server running it was stopped or "
          "restarted. Start it again.")

# A job still running this long after it started, or still waiting this long after it
# was queued, has lost its worker (stopped or killed, on this machine or another) or its
# queue's message: it is ended as failed, so that its owner is told and may start it
# again, and it no longer counts against MAX_UNFINISHED_JOBS. The longest job here (a
# 10,000-question bank) runs well under a minute.
LOST_RUNNING = timedelta(hours=1)
LOST_QUEUED = timedelta(hours=24)


def app_context() -> AbstractContextManager[Any]:
    """The caller's app context in immediate mode; in a worker, the worker's app."""
    if has_app_context():
        return nullcontext()
    if _worker_app is None:
        raise RuntimeError("no app in this process: start workers with `flask jobs worker`")
    return _worker_app.app_context()


@dataclass(frozen=True)
class JobKind:
    title: str  # a message id marked with N_: what the job page is headed
    details_template: str | None  # a partial showing ``job.details`` (a check's problems)


KINDS: dict[str, JobKind] = {}


def job_task(kind: str, title: str, details_template: str | None = None
             ) -> Callable[[Callable[[Job, Progress], JobResult]], TaskWrapper]:
    """A queue task running ``function`` for one job row, named by ``kind``."""
    KINDS[kind] = JobKind(title, details_template)

    def decorate(function: Callable[[Job, Progress], JobResult]) -> TaskWrapper:
        @huey.task(name=f"job.{kind}")
        def run(job_id: int) -> None:
            with app_context():
                execute(job_id, function)

        run.kind = kind  # the job row names its task by it (start)
        return run

    return decorate


def start(task: TaskWrapper, *, owner_id: int, params: dict[str, Any] | None = None,
          payload: str | None = None, reuse_unfinished: bool = False) -> Job:
    """Store a job row, then queue its task: the row is committed first, so a worker on
    another machine finds it.

    ``reuse_unfinished``: the same owner's unfinished job of this kind and these params,
    if there is one, instead of a second (a download link followed twice, a reload).
    """
    end_lost_jobs(owner_id)
    if reuse_unfinished:
        for unfinished in db.session.scalars(select(Job).where(
                Job.owner_id == owner_id, Job.kind == task.kind,
                Job.state.in_(("queued", "running")))):
            if unfinished.params == (params or {}):
                return unfinished
    if has_request_context() and (db.session.scalar(
            select(func.count()).select_from(Job).where(
                Job.owner_id == owner_id, Job.state.in_(("queued", "running")))) or 0
            ) >= MAX_UNFINISHED_JOBS:
        abort(429)  # asked from a page; the monthly fits are never refused
    job = Job(kind=task.kind, owner_id=owner_id, params=params or {}, payload=payload)
    with _writing():
        db.session.add(job)
        db.session.flush()
        job_id = job.id
    task(job_id)
    _forget_old_jobs(owner_id)
    # In immediate mode the task has run and committed: show what it left.
    db.session.expire_all()
    found = db.session.get(Job, job_id)
    assert found is not None
    return found


def end_lost_jobs(owner_id: int) -> None:
    """Fail the owner's jobs that will never finish (LOST_RUNNING, LOST_QUEUED).

    Looked for with a read first: an UPDATE, even of no row, would take SQLite's write
    lock for the rest of the caller's transaction.
    """
    now = utcnow()
    lost = (Job.owner_id == owner_id, or_(
        and_(Job.state == "running", Job.started_at < now - LOST_RUNNING),
        and_(Job.state == "queued", Job.created_at < now - LOST_QUEUED)))
    if db.session.scalar(select(Job.id).where(*lost).limit(1)) is None:
        return
    with _writing():
        db.session.execute(update(Job).where(*lost).values(
            state="failed", finished_at=now, message_key=LOST, message_params={}))


def _forget_old_jobs(owner_id: int) -> None:
    finished = Job.owner_id == owner_id, Job.state.in_(("done", "failed"))
    kept = (select(Job.id).where(*finished).order_by(Job.id.desc())
            .limit(KEPT_FINISHED_JOBS))
    with _writing():
        db.session.execute(delete(Job).where(*finished,
                                             Job.id.not_in(kept.scalar_subquery())))


def _writing() -> AbstractContextManager[Any]:
    """A write transaction of its own (its lock taken before the first statement: a read
    turned into a write fails at once on SQLite when another write came in between), or
    the caller's, when a job is started from inside one."""
    return nullcontext() if db.session.info.get(WRITING) else write_transaction()


def _claim(job_id: int) -> bool:
    """queued → running, for one worker only (a task delivered twice runs once)."""
    claimed = db.session.execute(
        update(Job).where(Job.id == job_id, Job.state == "queued")
        .values(state="running", started_at=utcnow()))
    db.session.commit()
    return claimed.rowcount == 1  # type: ignore[attr-defined]


def _reporter(job_id: int) -> Progress:
    """progress(done, total), written at most a few times a second."""
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if db.session.info.get(WRITING):
            # Committing the report would commit the task's half-done writes with it; a
            # failure after that would leave them behind.
            return
        now = time.monotonic()
        if now - last[0] < 0.3 and done < total:
            return
        last[0] = now
        db.session.execute(update(Job).where(Job.id == job_id)
                           .values(progress_done=done, progress_total=total))
        db.session.commit()

    return progress


def execute(job_id: int, function: Callable[[Job, Progress], JobResult]) -> None:
    if not _claim(job_id):
        return
    job = db.session.get(Job, job_id)
    if job is None:  # deleted with its owner meanwhile
        return
    # act_as sets Flask-Login's user on g, which an immediate job shares with the request
    # (or app context) that started it: put back what was there, or nothing.
    outer_user = g.pop("_login_user", None)
    try:
        # A request of the job's own, as its owner (act_as): the features' visibility
        # checks, url_for and gettext work in a task as they do in a view.
        with current_app.test_request_context("/"):
            result = function(job, _reporter(job_id))
    except JobFailed as failed:
        db.session.rollback()
        _finish(job_id, state="failed", message_key=failed.message,
                message_params=failed.params, details=failed.details)
        return
    except HTTPException:
        # A shared check said 404: what the job was given is gone, or no longer its owner's.
        db.session.rollback()
        _finish(job_id, state="failed", message_key=GONE, message_params={})
        return
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # BaseException: a Rust library's panic (fsrs-rs, through pyo3) is not an
        # Exception, and must still end the job rather than leave it running.
        log.exception("job %s (%s) failed", job_id, job.kind)
        db.session.rollback()
        _finish(job_id, state="failed", message_key=UNEXPECTED, message_params={})
        return
    finally:
        g.pop("_login_user", None)
        if outer_user is not None:
            g._login_user = outer_user
    link = {"endpoint": result.endpoint, "values": result.values} if result.endpoint else None
    _finish(job_id, state="done", message_key=result.message, message_params=result.params,
            link=link, result_name=result.file_name, result_mimetype=result.mimetype,
            result_data=result.data, details=result.details)


def _finish(job_id: int, **values: Any) -> None:
    db.session.execute(update(Job).where(Job.id == job_id)
                       .values(finished_at=utcnow(), **values))
    db.session.commit()


def own_job_or_404(job_id: int) -> Job:
    """The one check for a job id from a request: its owner sees it, nobody else."""
    job = db.session.get(Job, job_id)
    if job is None or not current_user.is_authenticated or job.owner_id != current_user.id:
        abort(404)
    if not job.finished:
        end_lost_jobs(job.owner_id)
        db.session.refresh(job)
    return job


def init_app(app: Flask) -> None:
    """Tests (and JOBS_IMMEDIATE=1) run tasks in the caller, without a worker."""
    global _worker_app
    _worker_app = app
    if app.testing or app.config.get("JOBS_IMMEDIATE"):
        huey.immediate = True
        return
    settings = config.queue_settings(Path(app.instance_path))
    if settings["redis_url"]:
        huey.storage_class, huey.storage_kwargs = RedisStorage, {"url": settings["redis_url"]}
    else:
        Path(settings["sqlite_file"]).parent.mkdir(parents=True, exist_ok=True)
        huey.storage_class = SqliteStorage
        huey.storage_kwargs = {"filename": settings["sqlite_file"]}
    huey._immediate = True  # so that the setter below makes the storage anew
    huey.immediate = False
