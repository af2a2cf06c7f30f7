"""Exporting a large bank (Anki package, Moodle XML, GIFT, text files) on a worker, for
a logged-in visitor; the file waits on the job's page for them."""

from flask import current_app
from flask_login import current_user
from sqlalchemy import func, select

from ..accounts.models import User
from ..banks.access import visible_bank_or_404
from ..banks.models import Bank, Question
from ..core import jobs
from ..core.jobs import JobResult, Progress, job_task
from ..core.messages import N_
from ..core.models import Job
from ..extensions import db
from .formats import FORMATS
from .services import export_bank


def runs_as_job(bank: Bank) -> bool:
    """A large bank's export, asked for by someone with an account to own the job."""
    if not current_user.is_authenticated:
        return False
    questions = db.session.scalar(select(func.count()).select_from(Question).where(
        Question.bank_id == bank.id, Question.retired_at.is_(None)))
    return questions > current_app.config["JOB_BANK_QUESTIONS"]


@job_task("bank_export", N_("Exporting a bank"))
def export(job: Job, progress: Progress) -> JobResult:
    jobs.act_as(db.session.get(User, job.owner_id))
    # The same rule as the download: the bank must still be visible to the owner.
    bank = visible_bank_or_404(job.params["slug"])
    progress(0, 1)
    exported = export_bank(bank, FORMATS[job.params["format"]], job.params["lang"])
    return JobResult(N_("The export is ready to download."), file_name=exported.filename,
                     mimetype=FORMATS[job.params["format"]].mimetype, data=exported.content)


def start_export(bank: Bank, format_name: str, lang: str) -> Job:
    return jobs.start(export, owner_id=current_user.id,
                      params={"slug": bank.slug, "format": format_name, "lang": lang},
                      reuse_unfinished=True)
