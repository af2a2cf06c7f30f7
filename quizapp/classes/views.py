"""Classes: teachers create them and set banks; students join with a code."""

from datetime import UTC, datetime

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
from flask_babel import gettext as _
from flask_login import current_user, login_required

# types-WTForms (3.2) predates SelectChoice, added in WTForms 3.3 (tuples are deprecated).
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]

from ..accounts import reset_links
from ..accounts.access import (
    owned_class_or_404,
    student_in_class_or_404,
    teacher_required,
    visible_class_or_404,
)
from ..accounts.forms import ConfirmForm
from ..accounts.services import AccountError
from ..banks.access import (
    shipped_or_owned_by,
    visible_bank_by_id_or_404,
    visible_bank_or_404,
    visible_banks,
)
from ..banks.models import Bank
from ..core.forms import validated
from ..core.text import isolate
from ..extensions import db
from ..i18n import current_language
from ..progress import items
from ..progress.classes import class_report
from ..progress.exports import table_response
from ..progress.items import SORTS
from ..progress.services import build_dashboard
from . import services, tasks
from .forms import AssignForm, ClassForm, JoinClassForm
from .invite_code import invite_qr_svg
from .reports import question_type_label, report_download
from .reports import ratio as _ratio
from .results import assignment_results, done_counts

blueprint = Blueprint("classes", __name__, url_prefix="/classes")


def _bank_choices():
    banks = db.session.scalars(
        visible_banks().order_by(Bank.slug))
    language = current_language()
    return [SelectChoice(bank.id, bank.title(language)) for bank in banks]


def _index_page(class_form=None, join_form=None, status=200):
    user = current_user._get_current_object()
    joined = services.classes_joined(user)
    taught = services.classes_taught(user) if user.is_teacher else []
    return render_template(
        "classes/index.html", joined=joined, taught=taught,
        assignments=services.assignments([c.id for c in joined]),
        class_form=class_form or ClassForm(formdata=None),
        join_form=join_form or JoinClassForm(formdata=None),
    ), status


@blueprint.get("/")
@login_required
def index():
    return _index_page()


@blueprint.post("/")
@teacher_required
def create():
    form = ClassForm()
    if not form.validate_on_submit():
        return _index_page(class_form=form, status=400)
    school_class = services.create_class(current_user, validated(form.name.data))
    flash(_("Class created. Give your students its code: %(code)s",
            code=school_class.join_code), "success")
    return redirect(url_for("classes.show", class_id=school_class.id), code=303)


@blueprint.post("/join")
@login_required
def join():
    form = JoinClassForm()
    if not form.validate_on_submit():
        return _index_page(join_form=form, status=400)
    try:
        school_class = services.join_class(current_user, validated(form.code.data))
    except AccountError as error:
        form.code.errors = [error.message]
        return _index_page(join_form=form, status=400)
    flash(_("You joined %(name)s.", name=isolate(school_class.name)), "success")
    return redirect(url_for("classes.show", class_id=school_class.id), code=303)


@blueprint.get("/<int:class_id>")
@login_required
def show(class_id: int):
    school_class = visible_class_or_404(class_id)
    teaching = school_class.teacher_id == current_user.id
    assign_form = None
    if teaching:
        assign_form = AssignForm(formdata=None)
        assign_form.bank.choices = _bank_choices()
    report, _completion = class_report(school_class, datetime.now(UTC)) if teaching else ([], [])
    results = assignment_results(school_class, report)
    invite_link = (url_for("roster.invite", code=school_class.invite_code, _external=True)
                   if teaching and school_class.invite_code else None)
    return render_template(
        "classes/show.html", school_class=school_class, teaching=teaching,
        report=report, results=results, done=done_counts(results),
        assignments=services.assignments([school_class.id]),
        invite_link=invite_link, invite_qr=invite_qr_svg(invite_link) if invite_link else None,
        assign_form=assign_form, confirm_form=ConfirmForm(formdata=None))


def _confirmed() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400)


@blueprint.get("/<int:class_id>/students/<int:user_id>")
@teacher_required
def student_progress(class_id: int, user_id: int):
    """The student's own dashboard, as their teacher sees it: in the shipped banks and
    the teacher's own, not in another teacher's (a student may be in both classes)."""
    school_class = owned_class_or_404(class_id)
    student = student_in_class_or_404(school_class, user_id)
    data = build_dashboard(student, datetime.now(UTC),
                           shown_banks=shipped_or_owned_by(current_user.id))
    return render_template("progress/dashboard.html", dashboard=data,
                           student=student, school_class=school_class)


@blueprint.get("/<int:class_id>/banks/<slug>/items")
@teacher_required
def item_analysis(class_id: int, slug: str):
    school_class = owned_class_or_404(class_id)
    bank = visible_bank_or_404(slug, include_retired=True)
    order = request.args.get("sort", "facility")
    if order not in SORTS:
        order = "facility"
    stats = sorted(items.item_analysis(school_class, bank, current_language()),
                   key=SORTS[order])
    return render_template("classes/items.html", school_class=school_class, bank=bank,
                           stats=stats, order=order)


@blueprint.get("/<int:class_id>/banks/<slug>/items.<any(csv, xlsx):fmt>")
@teacher_required
def item_analysis_export(class_id: int, slug: str, fmt: str):
    school_class = owned_class_or_404(class_id)
    bank = visible_bank_or_404(slug, include_retired=True)
    lang = current_language()
    stats = items.item_analysis(school_class, bank, lang)
    return table_response(
        fmt, f"items-{bank.slug}",
        [_("Question"), _("Type"), _("Attempts"), _("Facility"), _("Discrimination"),
         _("Most chosen wrong answer"), _("Times chosen")],
        [(s.question.prompt(lang), str(question_type_label(s.question.type)), s.attempts,
          _ratio(s.facility), _ratio(s.discrimination), s.common_wrong,
          s.common_wrong_count or None) for s in stats], rtl=lang == "ar")


@blueprint.get("/<int:class_id>/report.<any(csv, xlsx, moodle):fmt>")
@teacher_required
def report_export(class_id: int, fmt: str):
    school_class = owned_class_or_404(class_id)
    if services.class_size(db.session, school_class) > current_app.config["JOB_EXPORT_STUDENTS"]:
        # A big class is exported by a worker; the teacher follows it on the job's page.
        job = tasks.start_report_export(school_class.id, fmt, current_language())
        return redirect(url_for("jobs.show", job_id=job.id), code=303)
    return report_download(school_class, fmt, current_language())


@blueprint.post("/<int:class_id>/leave")
@login_required
def leave(class_id: int):
    _confirmed()
    school_class = visible_class_or_404(class_id)
    if school_class.teacher_id == current_user.id:
        abort(404)  # a teacher does not leave their own class
    services.leave_class(current_user, school_class)
    flash(_("You left %(name)s.", name=isolate(school_class.name)), "info")
    return redirect(url_for("classes.index"), code=303)


@blueprint.post("/<int:class_id>/code")
@teacher_required
def regenerate_code(class_id: int):
    _confirmed()
    school_class = owned_class_or_404(class_id)
    services.regenerate_code(school_class)
    flash(_("New class code: %(code)s. The old one no longer works.",
            code=school_class.join_code), "success")
    return redirect(url_for("classes.show", class_id=class_id), code=303)


@blueprint.post("/<int:class_id>/assignments")
@teacher_required
def assign(class_id: int):
    school_class = owned_class_or_404(class_id)
    form = AssignForm()
    form.bank.choices = _bank_choices()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return redirect(url_for("classes.show", class_id=class_id), code=303)
    bank = visible_bank_by_id_or_404(form.bank.data)
    services.assign_bank(school_class, bank, form.due_on.data)
    flash(_("Assigned."), "success")
    return redirect(url_for("classes.show", class_id=class_id), code=303)


@blueprint.post("/<int:class_id>/assignments/<int:assignment_id>/delete")
@teacher_required
def unassign(class_id: int, assignment_id: int):
    _confirmed()
    school_class = owned_class_or_404(class_id)
    if not services.unassign(school_class, assignment_id):
        abort(404)
    flash(_("Assignment removed."), "info")
    return redirect(url_for("classes.show", class_id=class_id), code=303)


@blueprint.post("/<int:class_id>/students/<int:user_id>/remove")
@teacher_required
def remove_student(class_id: int, user_id: int):
    _confirmed()
    school_class = owned_class_or_404(class_id)
    student = student_in_class_or_404(school_class, user_id)
    services.remove_student(school_class, student)
    flash(_("%(name)s was removed from the class.", name=isolate(student.display_name)), "info")
    return redirect(url_for("classes.show", class_id=class_id), code=303)


@blueprint.post("/<int:class_id>/students/<int:user_id>/reset-link")
@teacher_required
def reset_link(class_id: int, user_id: int):
    _confirmed()
    school_class = owned_class_or_404(class_id)
    student = student_in_class_or_404(school_class, user_id)
    try:
        token = reset_links.create_reset_link(current_user, student)
    except AccountError as error:
        return render_template("classes/reset_link.html", school_class=school_class,
                               student=student, link=None, refusal=error.message), 403
    link = url_for("accounts.reset_password", token=token, _external=True)
    return render_template("classes/reset_link.html", school_class=school_class,
                           student=student, link=link,
                           hours=int(reset_links.RESET_LINK_LIFETIME.total_seconds() // 3600))
