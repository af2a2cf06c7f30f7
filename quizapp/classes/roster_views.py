"""Bringing a class in at once: invite links, rosters with sign-in sheets, first passwords."""

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
from flask_babel import ngettext
from flask_login import current_user, login_required

from ..accounts import services, throttle
from ..accounts.access import owned_class_or_404, start_session, teacher_required
from ..accounts.forms import ConfirmForm, RegisterForm, ResetPasswordForm
from ..accounts.services import AccountError, NewAccount
from ..core.forms import validated
from ..core.text import isolate
from ..i18n import current_language
from . import roster
from . import services as class_services
from .forms import RosterForm

blueprint = Blueprint("roster", __name__)

# What an account that must first change its password may still reach.
FIRST_PASSWORD_ENDPOINTS = {"roster.first_password", "accounts.logout", "static",
                            "core.switch_language", "core.health"}
ROSTER_FILE_MAX_BYTES = 256 * 1024


@blueprint.before_app_request
def _first_password_first():
    """A one-time password is changed before anything else is done with the account."""
    if (current_user.is_authenticated and current_user.must_change_password
            and request.endpoint not in FIRST_PASSWORD_ENDPOINTS):
        if request.method == "GET":
            return redirect(url_for("roster.first_password"))
        abort(403)
    return None


@blueprint.route("/account/first-password", methods=["GET", "POST"])
@login_required
def first_password():
    if not current_user.must_change_password:
        return redirect(url_for("banks.index"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        services.set_own_password(user, validated(form.password.data))
        start_session(user)
        flash(_("Your password is set. Use it from now on."), "success")
        return redirect(url_for("banks.index"), code=303)
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/first_password.html", form=form), status


# --- Invite links ---------------------------------------------------------------------

@blueprint.post("/classes/<int:class_id>/invite")
@teacher_required
def enable_invite(class_id: int):
    _confirmed()
    school_class = owned_class_or_404(class_id)
    class_services.enable_invite(school_class)
    flash(_("A new invite link is ready. Any earlier link no longer works."), "success")
    return redirect(url_for("classes.show", class_id=class_id), code=303)


@blueprint.post("/classes/<int:class_id>/invite/off")
@teacher_required
def disable_invite(class_id: int):
    _confirmed()
    school_class = owned_class_or_404(class_id)
    class_services.disable_invite(school_class)
    flash(_("The invite link is turned off."), "info")
    return redirect(url_for("classes.show", class_id=class_id), code=303)


@blueprint.route("/invite/<code>", methods=["GET", "POST"])
def invite(code: str):
    """Register straight into a class: no per-address limit (a school shares one address),
    but a per-class hourly cap and the class size cap instead."""
    school_class = class_services.class_by_invite(code)
    if school_class is None:
        return render_template("classes/invite_invalid.html"), 404
    if current_user.is_authenticated:
        flash(_("You are logged in already: join with the class code instead."), "info")
        return redirect(url_for("classes.index"))
    # The new account speaks the language the visitor is reading in.
    form = RegisterForm(locale=current_language())
    status = 200
    if form.validate_on_submit():
        hits = throttle.take("RATELIMIT_CLASS_INVITE", "invite", str(school_class.id))
        try:
            user = class_services.register_by_invite(code, NewAccount(
                username=validated(form.username.data),
                display_name=validated(form.display_name.data),
                password=validated(form.password.data), email=form.email.data,
                locale=form.locale.data, timezone=form.timezone.data),
                size_cap=current_app.config["CLASS_SIZE_CAP"])
        except AccountError as error:
            hits.give_back()  # a taken username is a typo, not abuse
            _field_error(form, error)
            status = 409
        else:
            start_session(user)
            flash(_("Welcome, %(name)s! You are in %(class_name)s.",
                    name=isolate(user.display_name), class_name=isolate(school_class.name)),
                  "success")
            return redirect(url_for("classes.show", class_id=school_class.id), code=303)
    elif form.is_submitted():
        status = 400
    return render_template("classes/invite_register.html", form=form,
                           school_class=school_class, code=code), status


# --- Rosters --------------------------------------------------------------------------

@blueprint.route("/classes/<int:class_id>/roster", methods=["GET", "POST"])
@teacher_required
def create_roster(class_id: int):
    school_class = owned_class_or_404(class_id)
    form = RosterForm()
    status = 200
    if form.validate_on_submit():
        try:
            rows = roster.parse_roster(_roster_text(form),
                                       current_app.config["ROSTER_MAX_ROWS"])
            students = roster.create_students(
                school_class, rows, locale=current_language(),
                size_cap=current_app.config["CLASS_SIZE_CAP"])
        except AccountError as error:
            _field_error(form, error)
            status = 400
        else:
            # The passwords exist only in this response: never stored, never cached.
            response = current_app.make_response(render_template(
                "classes/sign_in_sheet.html", school_class=school_class, students=students,
                login_url=url_for("accounts.login", _external=True)))
            response.headers["Cache-Control"] = "no-store"
            return response
    elif form.is_submitted():
        status = 400
    return render_template("classes/roster.html", form=form,
                           school_class=school_class), status


def _roster_text(form: RosterForm) -> str:
    upload = form.roster_file.data
    if upload and getattr(upload, "filename", ""):
        data = upload.read(ROSTER_FILE_MAX_BYTES + 1)
        if len(data) > ROSTER_FILE_MAX_BYTES:
            raise AccountError(ngettext("The file is too large (at most %(num)s kilobyte).",
                                        "The file is too large (at most %(num)s kilobytes).",
                                        ROSTER_FILE_MAX_BYTES // 1024), "roster_file")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AccountError(_("Save the file as CSV in UTF-8 and upload it again."),
                               "roster_file") from None
    return form.names.data or ""


def _field_error(form, error: AccountError) -> None:
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        flash(error.message, "error")


def _confirmed() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400)
