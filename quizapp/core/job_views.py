"""The job status page every long job sends its owner to, and its result file."""

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue
from flask_login import login_required
from werkzeug.wrappers import Response

from ..i18n import format_number
from .jobs import KINDS, own_job_or_404

blueprint = Blueprint("jobs", __name__)

# Seconds between two looks at a running job (the page reloads itself, JavaScript or not).
REFRESH_SECONDS = 2


@blueprint.app_template_global()
def localised_params(params: dict | None) -> dict:
    """A job message's values as this page writes them (numbers in its digits)."""
    return {key: format_number(value) if isinstance(value, int | float)
            and not isinstance(value, bool) else value
            for key, value in (params or {}).items()}


@blueprint.get("/jobs/<int:job_id>")
@login_required
def show(job_id: int) -> ResponseReturnValue:
    job = own_job_or_404(job_id)
    return render_template("core/job.html", job=job, kind=KINDS.get(job.kind),
                           refresh=REFRESH_SECONDS)


@blueprint.get("/jobs/<int:job_id>/status")
@login_required
def status(job_id: int) -> ResponseReturnValue:
    """The status fragment alone, for the page's script to swap in."""
    job = own_job_or_404(job_id)
    return render_template("core/_job_status.html", job=job, kind=KINDS.get(job.kind))


@blueprint.get("/jobs/<int:job_id>/download")
@login_required
def download(job_id: int) -> ResponseReturnValue:
    job = own_job_or_404(job_id)
    if job.state != "done" or job.result_data is None:
        abort(404)
    return Response(job.result_data, mimetype=job.result_mimetype or "application/octet-stream",
                    headers={"Content-Disposition":
                             f'attachment; filename="{job.result_name or "result"}"'})
