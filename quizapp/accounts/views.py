"""Register, log in and out, the account page, and teachers' reset links."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import refresh
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from ..core.forms import validated
from ..core.text import isolate
from ..core.views import safe_next
from ..extensions import limiter
from ..i18n import LANGUAGE_COOKIE, current_language
from . import reset_links, services, throttle
from .access import end_session, start_session
from .forms import (
    ChangePasswordForm,
    ConfirmForm,
    DeleteAccountForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
    SettingsForm,
)
from .services import AccountError, NewAccount

blueprint = Blueprint("accounts", __name__)


def _account_key() -> str:
    """Per account; Flask-Limiter asks before login_required has turned anyone away."""
    user_id = getattr(current_user, "id", None)
    return f"account:{user_id}" if user_id else f"address:{get_remote_address()}"


def _form_error(form, error: AccountError, status: int = 400):
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        flash(error.message, "error")
    return status


def _with_language(response, locale: str):
    response.set_cookie(LANGUAGE_COOKIE, locale, max_age=365 * 24 * 3600, samesite="Lax",
                        httponly=True, secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@blueprint.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_REGISTER"], methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("banks.index"))
    form = RegisterForm()
    if request.method == "GET":
        form.locale.data = request.cookies.get(LANGUAGE_COOKIE) or current_language()
    status = 200
    if form.validate_on_submit():
        try:
            user = services.register(NewAccount(
                username=validated(form.username.data),
                display_name=validated(form.display_name.data),
                password=validated(form.password.data), email=form.email.data,
                locale=form.locale.data, timezone=form.timezone.data))
        except AccountError as error:
            status = _form_error(form, error, 409)
        else:
            start_session(user)
            flash(_("Welcome, %(name)s! Your account is ready.",
                    name=isolate(user.display_name)),
                  "success")
            return _with_language(redirect(url_for("banks.index"), code=303), user.locale)
    elif form.is_submitted():
        status = 400
    return render_template("accounts/register.html", form=form), status


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    target = safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(target)
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        device = throttle.device_of(request)
        username, password = validated(form.username.data), validated(form.password.data)
        account_key = services.normalise_username(username)[:64]
        known = services.find_user(username)
        attempt = throttle.login_attempt(get_remote_address(), account_key, known, device)
        user = services.authenticate(username, password)
        if user is None:
            # The same message whether or not the username exists.
            flash(_("The username or password is not right."), "error")
            status = 401
        else:
            # Only wrong guesses use up the limits: a class logging in together from
            # one school address is not a guesser.
            attempt.give_back()
            start_session(user)
            response = _with_language(redirect(target, code=303), user.locale)
            throttle.remember_device(response, device, user)
            return response
    elif form.is_submitted():
        status = 400
    return render_template("accounts/login.html", form=form, next=target), status


@blueprint.post("/logout")
@login_required
def logout():
    # Logging out ends every session of the account, on every device.
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    services.end_all_sessions(current_user._get_current_object())
    end_session()
    flash(_("You have logged out."), "info")
    return redirect(url_for("banks.index"), code=303)


@blueprint.route("/account", methods=["GET"])
@login_required
def account():
    return _account_page()


def _account_page(settings_form=None, password_form=None, delete_form=None, status=200):
    user = current_user
    if settings_form is None:
        settings_form = SettingsForm(formdata=None, obj=user)
        settings_form.numerals.data = user.numerals or ""
    return render_template(
        "accounts/account.html",
        settings_form=settings_form,
        password_form=password_form or ChangePasswordForm(formdata=None),
        delete_form=delete_form or DeleteAccountForm(formdata=None),
    ), status


@blueprint.post("/account/settings")
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_SETTINGS"], key_func=_account_key)
def save_settings():
    form = SettingsForm()
    if not form.validate_on_submit():
        return _account_page(settings_form=form, status=400)
    try:
        services.update_settings(
            current_user._get_current_object(), display_name=form.display_name.data,
            email=form.email.data, locale=form.locale.data, timezone=form.timezone.data,
            numerals="arab" if form.numerals.data == "arab" else None,
            desired_retention=float(validated(form.desired_retention.data)),
            new_cards_per_day=form.new_cards_per_day.data)
    except AccountError as error:
        return _account_page(settings_form=form, status=_form_error(form, error, 409))
    refresh()
    response = redirect(url_for("accounts.account"), code=303)
    _with_language(response, form.locale.data)
    flash(_("Your settings are saved.") if form.locale.data == current_language()
          else _saved_message_in(form.locale.data), "success")
    return response


def _saved_message_in(locale: str) -> str:
    from flask_babel import force_locale

    with force_locale(locale):
        return _("Your settings are saved.")


def _password_check(user) -> throttle.Hits:
    """Count a check of the account's password against the same limits as its logins,
    so a stolen session cannot guess the password where logins would stop it. A counter
    of its own: the owner mistyping here must not lock their logins elsewhere."""
    return throttle.take("RATELIMIT_LOGIN_ACCOUNT", "current-password", str(user.id))


@blueprint.post("/account/password")
@login_required
def change_password():
    form = ChangePasswordForm()
    if not form.validate_on_submit():
        return _account_page(password_form=form, status=400)
    user = current_user._get_current_object()
    attempt = _password_check(user)
    try:
        services.change_password(user, validated(form.current_password.data),
                                 validated(form.password.data))
    except AccountError as error:
        return _account_page(password_form=form, status=_form_error(form, error, 400))
    attempt.give_back()
    # Every other session is now void; this one continues under the new version.
    start_session(user)
    flash(_("Your password is changed. You were logged out everywhere else."), "success")
    return redirect(url_for("accounts.account"), code=303)


@blueprint.get("/account/export.json")
@login_required
def export():
    response = jsonify(services.export_data(current_user))
    response.headers["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@blueprint.post("/account/delete")
@login_required
def delete():
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return _account_page(delete_form=form, status=400)
    user = current_user._get_current_object()
    _password_check(user)  # nothing to give back: the account is gone on success
    try:
        services.delete_account(user, validated(form.password.data))
    except AccountError as error:
        return _account_page(delete_form=form, status=_form_error(form, error, 400))
    end_session()
    flash(_("Your account and all its data are deleted."), "info")
    return redirect(url_for("banks.index"), code=303)


@blueprint.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN_ADDRESS"], methods=["POST"])
def reset_password(token: str):
    if reset_links.valid_reset_link(token) is None:
        return render_template("accounts/reset_invalid.html"), 404
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            reset_links.use_reset_link(token, validated(form.password.data))
        except AccountError:
            return render_template("accounts/reset_invalid.html"), 404
        end_session()
        flash(_("Your new password is set. Log in with it."), "success")
        return redirect(url_for("accounts.login"), code=303)
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/reset_password.html", form=form), status
