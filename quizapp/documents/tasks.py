"""Drafting a bank from a teacher's document on a worker: "Draft questions" starts the
job, the teacher follows it on the job's page, which goes on to the draft's review.

The task holds the document's id only, and reads it through the same check as the views
(the owner's own document); drafting again gives the same draft, so a job delivered twice
changes nothing more.
"""

from flask import current_app

from ..accounts.models import User
from ..banks.access import own_document_by_id_or_404
from ..banks.models import Document
from ..core import jobs
from ..core.jobs import JobFailed, JobResult, Progress, job_task
from ..core.messages import N_
from ..core.models import Job
from ..extensions import db
from . import drafts

KIND = "document_draft"


@job_task(KIND, N_("Drafting questions from a document"), "documents/_job_draft.html")
def draft_questions(job: Job, progress: Progress) -> JobResult:
    jobs.act_as(db.session.get(User, job.owner_id))
    document = own_document_by_id_or_404(int(job.params["document_id"]))
    progress(0, 1)
    bank = drafts.propose(document, job.owner_id,
                          max_questions=current_app.config["UPLOAD_MAX_QUESTIONS"])
    details = {"slug": document.slug}
    if not bank.get("questions"):
        # An earlier draft, if any, stays as it was.
        raise JobFailed(N_("Nothing to ask in this document: the drafter found no figure, "
                           "date, name or quoted statement in it. Correct or complete the "
                           "text, then draft again."), details=details)
    drafts.save_draft(document, job.owner_id, bank)
    return JobResult(N_("Questions drafted: %(count)s. Review them, then open the draft in "
                        "the bank editor to publish it; nothing is published yet."),
                     {"count": len(bank["questions"])}, details=details)


def start_draft(document: Document, owner_id: int) -> Job:
    """Draft the document on a worker; a second click while it runs follows the same job."""
    return jobs.start(draft_questions, owner_id=owner_id,
                      params={"document_id": document.id}, reuse_unfinished=True)
