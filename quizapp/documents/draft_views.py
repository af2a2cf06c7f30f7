"""Drafting questions from a teacher's document, and reviewing the draft: each question in
a form, deleted, then the whole draft opened in the bank editor to check and publish."""

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
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..accounts.access import teacher_required
from ..banks.access import own_document_or_404
from ..banks.authoring import check_text
from ..banks.forms import BankForm
from ..banks.models import Document
from ..core.forms import Form
from ..i18n import current_language
from ..questions import registry
from . import drafts, question_form, tasks
from .models import Draft

blueprint = Blueprint("drafts", __name__)


def _own_draft_or_404(slug: str) -> tuple[Document, Draft]:
    """The current teacher's document and its draft; 404 for anyone else's, or none."""
    document = own_document_or_404(slug)
    draft = drafts.draft_of(document)
    if draft is None:
        abort(404)
    return document, draft


@blueprint.post("/my-documents/<slug>/draft")
@teacher_required
def make(slug: str) -> ResponseReturnValue:
    document = own_document_or_404(slug)
    if not Form().validate_on_submit():
        abort(400)
    if tasks.runs_as_job(document.body):
        job = tasks.start_draft(document.slug, current_user.id)
        return redirect(url_for("jobs.show", job_id=job.id), code=303)
    draft = drafts.make_draft(document, current_user.id,
                              max_questions=current_app.config["UPLOAD_MAX_QUESTIONS"])
    count = len(draft.questions)
    flash(ngettext("%(num)s question drafted. Review it, then open the draft in the bank "
                   "editor to publish it. Nothing is published yet.",
                   "%(num)s questions drafted. Review them, then open the draft in the bank "
                   "editor to publish it. Nothing is published yet.", count), "info")
    return redirect(url_for("drafts.review", slug=document.slug), code=303)


@blueprint.get("/my-documents/<slug>/draft")
@teacher_required
def review(slug: str) -> ResponseReturnValue:
    document = own_document_or_404(slug)
    draft = drafts.draft_of(document)
    languages = (draft.bank.get("languages") if draft else None) or ["ar", "en"]
    # A monolingual draft is read in its own language inside either interface.
    content_lang = current_language() if current_language() in languages else languages[0]
    answers = {question.get("id"): drafts.right_answer(question, content_lang)
               for question in (draft.questions if draft else [])}
    return render_template("documents/draft.html", document=document, draft=draft,
                           form=Form(), label=_type_label, ql=content_lang, answers=answers)


def _type_label(name: str) -> str:
    found = registry.find(name)
    return _(found.label) if found else name


@blueprint.get("/my-documents/<slug>/draft/yaml")
@teacher_required
def open_in_editor(slug: str) -> ResponseReturnValue:
    """The draft in the bank editor, checked: publishing goes through its preview."""
    _, draft = _own_draft_or_404(slug)
    editor = BankForm(formdata=None)
    editor.text.data = drafts.draft_yaml(draft.bank)
    checked = check_text(editor.text.data)
    return render_template("banks/authoring/editor.html", form=editor,
                           upload=None if checked.ok else checked)


@blueprint.route("/my-documents/<slug>/draft/questions/<question_id>",
                 methods=["GET", "POST"])
@teacher_required
def edit_question(slug: str, question_id: str) -> ResponseReturnValue:
    document, draft = _own_draft_or_404(slug)
    found = drafts.find_question(draft, question_id)
    if found is None:
        abort(404)
    index, question = found
    problems: dict = {}
    if request.method == "POST":
        if not Form().validate_on_submit():
            abort(400)
        result = drafts.edit_question(draft, question_id, request.form, current_user.id)
        assert result is not None, "the question was found above"
        if result.ok:
            flash(_("Question saved in the draft."), "success")
            return redirect(url_for("drafts.review", slug=document.slug)
                            + f"#{question_id}", code=303)
        question, problems = result.question, result.problems
    fields = question_form.fields(question)
    names = {field.name for field in fields} | {"quote"}
    status = 422 if problems else 200
    return render_template(
        "documents/question_form.html", document=document, draft=draft, index=index,
        question=question, fields=fields, problems=problems, form=Form(),
        general=[p for name, found in problems.items() if name not in names for p in found],
        type_label=_type_label(str(question.get("type")))), status


@blueprint.post("/my-documents/<slug>/draft/questions/<question_id>/delete")
@teacher_required
def delete_question(slug: str, question_id: str) -> ResponseReturnValue:
    document, draft = _own_draft_or_404(slug)
    if not Form().validate_on_submit():
        abort(400)
    if drafts.find_question(draft, question_id) is None:
        abort(404)
    if drafts.delete_question(draft, question_id):
        flash(_("Question deleted from the draft."), "success")
    else:
        flash(_("A bank needs at least one question: this one stays."), "error")
    return redirect(url_for("drafts.review", slug=document.slug), code=303)
