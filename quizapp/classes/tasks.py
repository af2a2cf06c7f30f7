"""Classes' background work: a big class's results exported by a worker."""

from flask_babel import force_locale

from ..accounts.access import owned_class_or_404
from ..accounts.models import User
from ..core import jobs
from ..core.jobs import JobResult, Progress, job_task
from ..core.messages import N_
from ..core.models import Job
from ..extensions import db
from .reports import report_download


@job_task("class_report", N_("Exporting the class's results"))
def export_report(job: Job, progress: Progress) -> JobResult:
    owner = db.session.get(User, job.owner_id)
    jobs.act_as(owner)
    # The same check as the download's: the class must still be the owner's.
    school_class = owned_class_or_404(int(job.params["class_id"]))
    progress(0, 1)
    with force_locale(job.params["lang"]):
        download = report_download(school_class, job.params["format"], job.params["lang"])
    return jobs.file_result(N_("The class's results are ready to download."), download)


def start_report_export(class_id: int, fmt: str, lang: str) -> Job:
    from flask_login import current_user

    return jobs.start(export_report, owner_id=current_user.id,
                      params={"class_id": class_id, "format": fmt, "lang": lang},
                      reuse_unfinished=True)
