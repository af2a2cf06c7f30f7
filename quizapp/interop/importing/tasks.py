"""Importing a large file (or any Anki package, a zip to expand) on a worker: the draft it
makes opens in the editor from the job's page, and downloads as YAML."""

import base64
from collections.abc import Mapping
from typing import Any

from flask import current_app

from ...banks.tasks import plain_problem
from ...core import jobs
from ...core.jobs import JobFailed, JobResult, Progress, job_task
from ...core.messages import N_
from ...core.models import Job
from . import import_file, import_limits

KIND = "import_file"


def runs_as_job(data: bytes, fmt: str | None, filename: str,
                config: Mapping[str, Any]) -> bool:
    return len(data) > config["JOB_IMPORT_BYTES"] or fmt == "apkg" or (
        fmt is None and filename.lower().endswith((".apkg", ".colpkg")))


@job_task(KIND, N_("Importing a file"), "banks/authoring/_job_bank.html")
def import_draft(job: Job, progress: Progress) -> JobResult:
    progress(0, 1)
    data = base64.b64decode(job.payload or "")
    result = import_file(data, job.params["filename"], job.params.get("format"),
                         limits=import_limits(current_app.config),
                         as_type=job.params.get("as_type") or "flashcard")
    if not result.ok:
        raise JobFailed(N_("The file could not be imported; nothing was made from it."),
                        details={"problems": [plain_problem(p) for p in result.problems]})
    return JobResult(N_("Imported as a draft. Questions: %(count)s. Open it in the editor, "
                        "complete it, check it, then publish; nothing is published yet."),
                     {"count": result.count}, endpoint="authoring.new",
                     values={"job": job.id}, file_name="draft.yaml",
                     mimetype="application/yaml", data=result.yaml_text.encode("utf-8"))


def start_import(data: bytes, filename: str, fmt: str | None, as_type: str,
                 owner_id: int) -> Job:
    return jobs.start(import_draft, owner_id=owner_id,
                      params={"filename": filename, "format": fmt, "as_type": as_type},
                      payload=base64.b64encode(data).decode("ascii"))
