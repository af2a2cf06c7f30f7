"""Drafting a long document on a worker: the drafter takes tens of seconds on a document
near the size limit, longer than a request may last. The job's page then leads to the
draft's review."""

from flask import current_app

from ..accounts.models import User
from ..banks.access import own_document_or_404
from ..core import jobs
from ..core.jobs import JobResult, Progress, job_task
from ..core.messages import N_
from ..core.models import Job
from ..extensions import db
from . import drafts


def runs_as_job(body: str) -> bool:
    return len(body) > current_app.config["DRAFT_REQUEST_CHARS"]


@job_task("document_draft", N_("Drafting questions from a document"))
def draft_document(job: Job, progress: Progress) -> JobResult:
    jobs.act_as(db.session.get(User, job.owner_id))
    # The same check as the page's: the document must still be the owner's.
    document = own_document_or_404(job.params["slug"])
    progress(0, 1)
    draft = drafts.make_draft(document, job.owner_id,
                              max_questions=current_app.config["UPLOAD_MAX_QUESTIONS"])
    return JobResult(N_("Questions drafted: %(count)s. Review them, then open the draft in "
                        "the bank editor to publish it. Nothing is published yet."),
                     {"count": len(draft.questions)}, endpoint="drafts.review",
                     values={"slug": document.slug})


def start_draft(slug: str, owner_id: int) -> Job:
    return jobs.start(draft_document, owner_id=owner_id, params={"slug": slug},
                      reuse_unfinished=True)
