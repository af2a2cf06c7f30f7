"""A teacher's glossary: the shipped names, and their own added, corrected or removed."""

from collections.abc import Callable

from flask import Blueprint, abort, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.access import teacher_required
from ..banks.access import own_glossary_entry_or_404
from ..core.forms import Form
from . import glossary
from .forms import NameForm

blueprint = Blueprint("glossary", __name__)


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in (text or "").splitlines()
                               if line.strip()))


def _name(form: NameForm) -> glossary.Name:
    return glossary.Name(form.kind.data or "", (form.ar.data or "").strip(),
                         (form.en.data or "").strip(), _lines(form.variants_ar.data),
                         _lines(form.variants_en.data))


def _refused(form: NameForm, refused: glossary.EntryRefused) -> None:
    field = getattr(form, refused.field, form.ar)
    field.errors = [*field.errors, _(refused.message, **refused.params)]


@blueprint.get("/my-glossary")
@teacher_required
def index() -> ResponseReturnValue:
    return render_template("documents/glossary.html", own=glossary.own_names(current_user.id),
                           shipped=glossary.shipped_names(), form=Form())


def _posted(form: NameForm, entry, store: Callable[[glossary.Name], object]
            ) -> ResponseReturnValue:
    """A posted name: stored, then back to the list; else the form again saying why."""
    if form.csrf_token.errors:
        abort(400)
    if form.validate():
        try:
            store(_name(form))
        except glossary.EntryRefused as refused:
            _refused(form, refused)
        else:
            return redirect(url_for("glossary.index"), code=303)
    return render_template("documents/name_form.html", form=form, entry=entry), 422


@blueprint.route("/my-glossary/new", methods=["GET", "POST"])
@teacher_required
def new() -> ResponseReturnValue:
    form = NameForm()
    if form.is_submitted():
        return _posted(form, None, lambda name: glossary.add_name(current_user.id, name))
    return render_template("documents/name_form.html", form=form, entry=None)


@blueprint.route("/my-glossary/<slug>/edit", methods=["GET", "POST"])
@teacher_required
def edit(slug: str) -> ResponseReturnValue:
    entry = own_glossary_entry_or_404(slug)
    form = NameForm()
    if form.is_submitted():
        return _posted(form, entry, lambda name: glossary.change_name(entry, name))
    name = glossary.as_name(entry)
    form.kind.data, form.ar.data, form.en.data = name.kind, name.ar, name.en
    form.variants_ar.data = "\n".join(name.variants_ar)
    form.variants_en.data = "\n".join(name.variants_en)
    return render_template("documents/name_form.html", form=form, entry=entry)


@blueprint.post("/my-glossary/<slug>/delete")
@teacher_required
def delete(slug: str) -> ResponseReturnValue:
    entry = own_glossary_entry_or_404(slug)
    if not Form().validate_on_submit():
        abort(400)
    glossary.remove_name(entry)
    return redirect(url_for("glossary.index"), code=303)
