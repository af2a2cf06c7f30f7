"""A teacher's documents: the list, adding one (pasted or uploaded), correcting one."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..accounts.access import teacher_required
from ..banks.access import own_document_or_404
from ..banks.models import Document
from .forms import CorrectionForm, DocumentForm
from .reading import ReadLimits, UnreadableDocument, checked_body, read_document
from .services import (
    DocumentRefused,
    DocumentText,
    add_document,
    correct_document,
    own_documents,
)

blueprint = Blueprint("documents", __name__)


def _limits() -> ReadLimits:
    return ReadLimits(current_app.config["DOCUMENT_MAX_BYTES"],
                      current_app.config["DOCUMENT_MAX_CHARS"])


def _body(form: DocumentForm) -> str | None:
    """The document's text, from the file if one was chosen, else as pasted; None (and
    the reason on the form) when there is none that can be taken."""
    upload = form.file.data
    try:
        if upload and upload.filename:
            limits = _limits()
            return read_document(upload.filename, upload.read(limits.max_bytes + 1), limits)
        return checked_body(form.text.data or "", _limits())
    except UnreadableDocument as refused:
        form.text.errors = [*form.text.errors, _(refused.message, **refused.params)]
        return None


def _text(form: DocumentForm, slug: str, body: str) -> DocumentText:
    return DocumentText(
        slug=slug, title_ar=(form.title_ar.data or "").strip(),
        title_en=(form.title_en.data or "").strip(), event_date=form.event_date.data,
        language=form.language.data or "ar", summary=(form.summary.data or "").strip(),
        body=body)


def _refused(form: DocumentForm, refused: DocumentRefused) -> None:
    field = getattr(form, refused.field, None) or form.text
    field.errors = [*field.errors, _(refused.message, **refused.params)]


@blueprint.get("/my-documents")
@teacher_required
def index() -> ResponseReturnValue:
    return render_template("documents/index.html", documents=own_documents(current_user.id))


@blueprint.route("/my-documents/new", methods=["GET", "POST"])
@teacher_required
def new() -> ResponseReturnValue:
    form = DocumentForm()
    if not form.is_submitted():
        return render_template("documents/form.html", form=form, document=None)
    if form.validate() and (body := _body(form)) is not None:
        try:
            document = add_document(current_user.id, _text(form, form.slug.data or "", body),
                                    max_documents=current_app.config["MAX_DOCUMENTS_PER_TEACHER"])
        except DocumentRefused as refused:
            _refused(form, refused)
        else:
            flash(_("The document is saved. Draft questions from it, or cite it in a bank."),
                  "success")
            return redirect(url_for("banks.source", slug=document.slug), code=303)
    if form.csrf_token.errors:
        abort(400)
    return render_template("documents/form.html", form=form, document=None), 422


@blueprint.route("/my-documents/<slug>/edit", methods=["GET", "POST"])
@teacher_required
def edit(slug: str) -> ResponseReturnValue:
    document = own_document_or_404(slug)
    form = CorrectionForm()
    if not form.is_submitted():
        _fill(form, document)
        return render_template("documents/form.html", form=form, document=document)
    if form.validate() and (body := _body(form)) is not None:
        try:
            flagged = correct_document(document, _text(form, "", body))
        except DocumentRefused as refused:
            _refused(form, refused)
        else:
            if flagged:
                flash(ngettext(
                    "Saved. %(num)s question no longer finds its quote in the text: it is "
                    "marked below, and stays as it is until you edit it.",
                    "Saved. %(num)s questions no longer find their quote in the text: they "
                    "are marked below, and stay as they are until you edit them.",
                    len(flagged)), "info")
            else:
                flash(_("Saved. Every question still finds its quote in the text."), "success")
            return redirect(url_for("banks.source", slug=document.slug), code=303)
    if form.csrf_token.errors:
        abort(400)
    return render_template("documents/form.html", form=form, document=document), 422


def _fill(form: CorrectionForm, document: Document) -> None:
    form.title_ar.data, form.title_en.data = document.title_ar, document.title_en
    form.event_date.data, form.language.data = document.event_date, document.language
    form.summary.data, form.text.data = document.own_summary, document.body
