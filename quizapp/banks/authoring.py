"""Teachers write banks in the browser: upload or paste YAML, see every problem next to
its line, preview every question in both languages, publish, download, see the history.

Publishing goes through the command line's validator and loader, so a bank written here
meets exactly the same rules and keeps its history the same way.
"""

import dataclasses
import hashlib
import random
from collections import defaultdict

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale, get_translations
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from ..accounts.access import teacher_required
from ..core.jobs import own_job_or_404
from ..core.messages import N_
from ..core.params import parse_int
from ..extensions import db
from ..i18n import current_language
from ..questions.presenting import correct_answer, make_layout
from . import format_guide as guide
from . import signals, tasks
from .access import downloadable_bank_or_404, own_bank_or_404
from .forms import BankForm
from .models import Bank, BankRevision, Document
from .ownership import written_name
from .problems import Problem
from .services import (
    LoadRefused,
    Upload,
    active_question_counts,
    check_upload,
    publish_upload,
    unsaved_question,
)
from .uploads import UploadLimits

blueprint = Blueprint("authoring", __name__)

UPLOAD_NAME = "bank.yaml"


LTR_VALUE = Markup('<bdi dir="ltr">%s</bdi>')


@blueprint.app_template_filter("problem_message")
def problem_message(problem: Problem) -> Markup:
    """A validator problem in the reader's language. The values it quotes from the file
    (a type name, the list of allowed ones) are isolated left to right, or an Arabic
    sentence scrambles their quotes and commas."""
    quoted = dataclasses.replace(problem, params={
        key: LTR_VALUE % value if isinstance(value, str) else value
        for key, value in problem.params.items()})

    def plural(singular: str, plural: str, number: int, **params: object) -> Markup:
        # The catalog's own form: Flask-Babel's ngettext would fill in %(num)s alone.
        chosen = get_translations().ungettext(singular, plural, number)
        return escape(chosen) % {"num": number, **params}

    return Markup(quoted.message(lambda text: escape(_(text)), plural))


@blueprint.get("/my-banks")
@teacher_required
def index() -> ResponseReturnValue:
    banks = db.session.scalars(
        select(Bank).where(Bank.owner_id == current_user.id)
        .order_by(Bank.retired_at.is_not(None), Bank.updated_at.desc())
    ).all()
    latest = dict(db.session.execute(
        select(BankRevision.bank_id, func.max(BankRevision.number))
        .where(BankRevision.bank_id.in_([bank.id for bank in banks]))
        .group_by(BankRevision.bank_id)).all())
    shipped = db.session.scalars(
        select(Bank).where(Bank.shipped.is_(True), Bank.retired_at.is_(None))
        .order_by(Bank.slug)).all()
    return render_template("banks/authoring/index.html", banks=banks, shipped=shipped,
                           counts=active_question_counts(), latest=latest)


@blueprint.get("/my-banks/new")
@teacher_required
def new() -> ResponseReturnValue:
    form = BankForm(formdata=None)
    if slug := request.args.get("bank"):
        bank = own_bank_or_404(slug)
        latest = _revision(bank)
        form.text.data = latest.yaml_text if latest else ""
    elif job_id := request.args.get("job"):
        # A draft a job made (an import): its owner's only.
        job = own_job_or_404(parse_int(job_id, low=1) or 0)
        form.text.data = job.result_data.decode("utf-8") if (
            job.kind == "import_file" and job.state == "done" and job.result_data) else ""
    return render_template("banks/authoring/editor.html", form=form, upload=None)


@blueprint.get("/my-banks/format")
@teacher_required
def format_guide() -> ResponseReturnValue:
    """The bank format, from the schema and the question types' registry."""
    return render_template(
        "banks/authoring/format.html", header_fields=guide.header_fields(),
        question_fields=guide.question_fields(), types=guide.type_sections(),
        bank_example=guide.yaml_sample(guide.bank_example()))


@blueprint.post("/my-banks/new")
@teacher_required
def check() -> ResponseReturnValue:
    """Check (and preview), go back to editing, or publish what the preview showed."""
    form = BankForm()
    if not form.validate_on_submit():
        abort(400)
    text, problem = _submitted_text(form)
    action = request.form.get("action", "check")
    if problem is not None:
        upload = Upload(text, None, [problem])
        return render_template("banks/authoring/editor.html", form=form, upload=upload), 422
    form.text.data = text
    if action == "edit":
        return render_template("banks/authoring/editor.html", form=form, upload=None)
    if tasks.runs_as_job(text, current_app.config):
        # Too big to check (and preview) while the teacher waits: a job does it.
        job = tasks.start_check(text, current_user.id)
        return redirect(url_for("jobs.show", job_id=job.id), code=303)
    upload = check_text(text)
    if not upload.ok:
        return render_template("banks/authoring/editor.html", form=form, upload=upload), 422
    if form.draft.data:
        # What passed the checks is the draft's latest version (documents' receiver).
        signals.editor_text_checked.send(current_user.id, draft=form.draft.data, text=text)
    digest = _digest(text)
    if action == "publish":
        if form.checked.data != digest:
            flash(_("The text changed after the preview. Check the preview again, then "
                    "publish."), "error")
        else:
            return _publish(form, upload)
    form.checked.data = digest
    return _preview(form, upload)


def _publish(form: BankForm, upload: Upload) -> ResponseReturnValue:
    assert upload.checked is not None, "only an upload that passed its checks is published"
    slug = upload.checked.header.slug
    try:
        result = publish_upload(upload, owner_id=current_user.id,
                                limits=UploadLimits.from_config(current_app.config))
    except (LoadRefused, IntegrityError) as refused:
        # Someone took the slug or an id since the check (PostgreSQL lets both start):
        # checking again names what clashes.
        db.session.rollback()
        problems = getattr(refused, "problems", None) or check_text(upload.text).problems or [
            Problem(UPLOAD_NAME, 1, 1, "slug",
                    N_("the slug %(slug)s is already used by another bank; choose another"),
                    {"slug": slug})]
        failed = Upload(upload.text, None, problems)
        return render_template("banks/authoring/editor.html", form=form, upload=failed), 409
    summary = result.banks[0]
    if summary.changed:
        flash(_("Published. %(added)s added, %(updated)s changed, %(retired)s retired.",
                added=len(summary.added), updated=len(summary.updated),
                retired=len(summary.retired)), "success")
    else:
        flash(_("Nothing to publish: the bank already reads exactly so."), "info")
    return redirect(url_for("banks.show", slug=summary.slug), code=303)


@blueprint.post("/my-banks/jobs/<int:job_id>/publish")
@teacher_required
def publish_checked(job_id: int) -> ResponseReturnValue:
    """Publish the large bank a check job passed (the job's own text, checked again)."""
    checked = own_job_or_404(job_id)
    job = tasks.start_publish(checked)
    if job is None:
        flash(_("Only a bank that passed its check can be published."), "error")
        return redirect(url_for("jobs.show", job_id=checked.id), code=303)
    return redirect(url_for("jobs.show", job_id=job.id), code=303)


@blueprint.app_template_filter("bank_problem")
def bank_problem(data: dict) -> Problem:
    return tasks.problem_from(data)


def check_text(text: str) -> Upload:
    """A bank's text checked as the current teacher's, as the editor checks it. A text
    over the editor's size is refused quoting the largest a job checks (the editor sends
    anything up to that to a job)."""
    config = current_app.config
    max_bytes = config["UPLOAD_MAX_BANK_BYTES"]
    if len(text.encode("utf-8")) > max_bytes:
        max_bytes = max(max_bytes, config["JOB_MAX_BANK_BYTES"])
    return check_upload(text, UPLOAD_NAME, owner_id=current_user.id, max_bytes=max_bytes,
                        limits=UploadLimits.from_config(config))


def _submitted_text(form: BankForm) -> tuple[str, Problem | None]:
    """The uploaded file's text if one was chosen, else the text area's; newlines unified."""
    text = form.text.data or ""
    upload = form.file.data
    if upload and upload.filename:
        # A large bank goes to a job (tasks.is_large), which allows more than the editor.
        raw = upload.read(max(current_app.config["UPLOAD_MAX_BANK_BYTES"],
                              current_app.config["JOB_MAX_BANK_BYTES"]) + 1)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return "", Problem(UPLOAD_NAME, 1, 1, "",
                               N_("cannot read the file as UTF-8 text"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return text, Problem(UPLOAD_NAME, 1, 1, "", N_("choose a file or paste the YAML"))
    return text, None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _preview(form: BankForm, upload: Upload) -> ResponseReturnValue:
    """Every question as a student sees it, in Arabic and in English, side by side."""
    checked = upload.checked
    assert checked is not None, "only an upload that passed its checks is previewed"
    library = upload.library
    stored = {(library.documents[slug].stored_slug if library else None) or slug: slug
              for slug in checked.header.sources}
    documents = {
        stored[document.slug]: document for document in db.session.scalars(
            select(Document).where(Document.slug.in_(stored)))
    }
    rng = random.Random(checked.header.slug)
    columns = defaultdict(list)
    languages = list(checked.header.languages)
    # A bilingual bank: each language as a student reading in it sees it. A monolingual
    # one is read in its language inside either interface: as this teacher's sees it.
    locales = {ql: ql if len(languages) > 1 else current_language() for ql in languages}
    questions = []
    glossary = [entry.model_dump() for entry in upload.library.glossary] if upload.library else []
    for position, item in enumerate(checked.questions):
        question = unsaved_question(item, position, glossary)
        document = documents[item.source.document] if item.source else None
        questions.append(question)
        layout = make_layout(question, rng)
        for lang in languages:
            with force_locale(locales[lang]):
                columns[lang].append(render_template(
                    "banks/authoring/_question.html", question=question, layout=layout,
                    ql=lang, number=position + 1, answer=correct_answer(question, lang),
                    passage=document.passage(question.quote) if document else None,
                    document=document))
    return render_template("banks/authoring/preview.html", form=form, upload=upload,
                           header=checked.header, questions=questions, columns=columns,
                           locales=locales,
                           language_names={"ar": _("Arabic"), "en": _("English")})


def _revision(bank: Bank, number: int | None = None) -> BankRevision | None:
    """The bank's revision of that number, or its latest one."""
    query = select(BankRevision).where(BankRevision.bank_id == bank.id)
    if number is not None:
        query = query.where(BankRevision.number == number)
    return db.session.scalar(query.order_by(BankRevision.number.desc()).limit(1))


@blueprint.get("/banks/<slug>/yaml")
@teacher_required
def download(slug: str) -> ResponseReturnValue:
    bank = downloadable_bank_or_404(slug)
    number = None
    if request.args.get("revision"):
        # Not a revision number at all (or past any there can be): no such revision.
        number = parse_int(request.args["revision"], low=1)
        if number is None:
            abort(404)
    revision = _revision(bank, number)
    if revision is None:
        abort(404)
    slug = written_name(bank.slug)
    name = f"{slug}.yaml" if number is None else f"{slug}-r{revision.number}.yaml"
    return Response(revision.yaml_text, mimetype="application/yaml", headers={
        "Content-Disposition": f'attachment; filename="{name}"'})


@blueprint.get("/banks/<slug>/history")
@teacher_required
def history(slug: str) -> ResponseReturnValue:
    bank = downloadable_bank_or_404(slug)
    revisions = db.session.scalars(
        select(BankRevision).where(BankRevision.bank_id == bank.id)
        .options(selectinload(BankRevision.author))
        .order_by(BankRevision.number.desc())).all()
    return render_template("banks/authoring/history.html", bank=bank, revisions=revisions,
                           kept=current_app.config["MAX_KEPT_REVISIONS"])
