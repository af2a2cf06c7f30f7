"""The Import page: another program's file made into a draft in the bank editor."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import ngettext
from flask_login import current_user

from ...accounts.access import teacher_required
from ...banks.authoring import check_text
from ...banks.forms import BankForm
from ...banks.problems import Problem
from ...core.messages import N_
from . import import_file, import_limits, tasks
from .forms import ImportForm

blueprint = Blueprint("importing", __name__)


@blueprint.route("/my-banks/import", methods=["GET", "POST"])
@teacher_required
def import_bank() -> ResponseReturnValue:
    """A Moodle, GIFT, CSV or Anki file, made into a draft that opens in the editor with
    whatever the teacher still has to complete listed under its lines."""
    form = ImportForm()
    if request.method == "GET":
        return render_template("banks/authoring/import.html", form=form, problems=None)
    if not form.validate_on_submit():
        abort(400)
    upload = form.file.data
    if not upload or not upload.filename:
        problems = [Problem("", 1, 1, "", N_("choose a file to import"))]
        return render_template("banks/authoring/import.html", form=form,
                               problems=problems), 422
    limits = import_limits(current_app.config)
    data = upload.read(limits.max_bytes + 1)
    if len(data) <= limits.max_bytes and tasks.runs_as_job(
            data, form.format.data or None, upload.filename, current_app.config):
        # A large file, or a package to expand: a worker imports it.
        job = tasks.start_import(data, upload.filename, form.format.data or None,
                                 form.as_type.data, current_user.id)
        return redirect(url_for("jobs.show", job_id=job.id), code=303)
    result = import_file(data, upload.filename, form.format.data or None, limits=limits,
                         as_type=form.as_type.data)
    if not result.ok:
        return render_template("banks/authoring/import.html", form=form,
                               problems=result.problems), 422
    editor = BankForm(formdata=None)
    editor.text.data = result.yaml_text
    draft = check_text(result.yaml_text)
    flash(ngettext("%(num)s question imported as a draft: complete it, check it, then "
                   "publish. Nothing is published yet.",
                   "%(num)s questions imported as a draft: complete them, check them, then "
                   "publish. Nothing is published yet.", result.count), "info")
    return render_template("banks/authoring/editor.html", form=editor,
                           upload=None if draft.ok else draft)
