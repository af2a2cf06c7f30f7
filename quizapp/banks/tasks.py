"""Banks' background work: a large bank written in the browser is checked, and then
published, by a worker; the teacher follows it on the job's page.

A bank under JOB_BANK_QUESTIONS questions and JOB_BANK_BYTES is checked at once, with
its two-language preview; a larger one (up to JOB_MAX_BANK_*) is checked by a job,
whose page lists every problem or offers to publish what it checked.
"""

import re
from collections.abc import Mapping
from typing import Any

from flask import current_app

from ..core import jobs
from ..core.jobs import JobFailed, JobResult, Progress, job_task
from ..core.messages import N_
from ..core.models import Job
from ..extensions import db
from .problems import Plural, Problem
from .services import LoadRefused, check_upload, publish_upload
from .uploads import Upload, UploadLimits

UPLOAD_NAME = "bank.yaml"
_QUESTION = re.compile(r"^\s*-\s+id\s*:", re.MULTILINE)


def runs_as_job(text: str, config: Mapping[str, Any]) -> bool:
    """Whether a bank is checked by a job: large (a cheap count of its question items),
    and not beyond what a job checks either (that is refused at once)."""
    size = len(text.encode("utf-8"))
    return size <= config["JOB_MAX_BANK_BYTES"] and (
        size > config["JOB_BANK_BYTES"]
        or len(_QUESTION.findall(text)) > config["JOB_BANK_QUESTIONS"])


def _limits() -> UploadLimits:
    config = current_app.config
    return UploadLimits(config["JOB_MAX_BANK_QUESTIONS"], config["MAX_BANKS_PER_TEACHER"],
                        config["MAX_KEPT_REVISIONS"], check_seconds=600)


def _checked(job: Job, progress: Progress) -> Upload:
    progress(0, 2)
    upload = check_upload(job.payload or "", UPLOAD_NAME, owner_id=job.owner_id,
                          max_bytes=current_app.config["JOB_MAX_BANK_BYTES"], limits=_limits())
    progress(1, 2)
    if not upload.ok:
        raise JobFailed(N_("The bank has problems; nothing was published."),
                        details={"problems": [plain_problem(p) for p in upload.problems]})
    return upload


def plain_problem(problem: Problem) -> dict[str, Any]:
    """A problem as JSON (the job row keeps it; the page shows it in the reader's language)."""
    template = problem.template
    return {"file": problem.file, "line": problem.line, "column": problem.column,
            "path": problem.path, "params": dict(problem.params),
            "template": list(template) if isinstance(template, Plural) else template}


def problem_from(data: Mapping[str, Any]) -> Problem:
    template = data["template"]
    return Problem(data["file"], data["line"], data["column"], data["path"],
                   Plural(*template) if isinstance(template, list) else template,
                   data.get("params") or {})


@job_task("bank_check", N_("Checking a large bank"), "banks/authoring/_job_bank.html")
def check_bank(job: Job, progress: Progress) -> JobResult:
    upload = _checked(job, progress)
    assert upload.plan is not None and upload.checked is not None
    plan = upload.plan
    return JobResult(
        N_("The bank passed every check. Questions: %(count)s; to be added: %(added)s, "
           "changed: %(updated)s, retired: %(retired)s."),
        {"count": len(upload.checked.questions), "added": len(plan.added),
         "updated": len(plan.updated), "retired": len(plan.retired)},
        details={"publishable": True})


@job_task("bank_publish", N_("Publishing a large bank"), "banks/authoring/_job_bank.html")
def publish_bank(job: Job, progress: Progress) -> JobResult:
    upload = _checked(job, progress)
    try:
        result = publish_upload(upload, owner_id=job.owner_id, limits=_limits())
    except LoadRefused as refused:
        db.session.rollback()
        problems = [plain_problem(p) for p in refused.problems]
        raise JobFailed(N_("The bank has problems; nothing was published."),
                        details={"problems": problems}) from None
    summary = result.banks[0]
    return JobResult(N_("Published. %(added)s added, %(updated)s changed, %(retired)s "
                        "retired."),
                     {"added": len(summary.added), "updated": len(summary.updated),
                      "retired": len(summary.retired)},
                     endpoint="banks.show", values={"slug": summary.slug})


def start_check(text: str, owner_id: int) -> Job:
    return jobs.start(check_bank, owner_id=owner_id, payload=text)


def start_publish(checked: Job) -> Job | None:
    """Publish what a finished check job checked (None: it did not pass)."""
    if checked.kind != "bank_check" or checked.state != "done":
        return None
    # A second click while the first publish waits or runs follows that job, never a
    # second publish racing it.
    return jobs.start(publish_bank, owner_id=checked.owner_id, payload=checked.payload,
                      params={"checked": checked.id}, reuse_unfinished=True)
