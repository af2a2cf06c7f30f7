"""Who is logged in, for how long, and what they may see.

The session cookie carries the account id, its session version and the account's random
secret; bumping the version (logout, password change) voids every session of the account
at once, server side, and the secret keeps an old cookie from fitting a later account
that happens to get the same id.
Sessions also end after an idle time and an absolute lifetime.
"""

import hmac
from datetime import UTC, datetime
from functools import wraps

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from ..core.params import parse_int
from ..core.signals import language_chosen
from ..extensions import db, login_manager
from .models import ClassMembership, SchoolClass, User
from .services import set_locale


@login_manager.user_loader
def _load_user(session_id: str) -> User | None:
    raw_id, _, rest = session_id.partition(".")
    raw_version, _, token = rest.partition(".")
    user_id, version = parse_int(raw_id), parse_int(raw_version)
    if user_id is None or version is None or not token:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_version != version:
        return None
    if not hmac.compare_digest(user.session_token.encode(), token.encode()):
        return None
    return user


def start_session(user: User) -> None:
    """A fresh session for a login: nothing from before it carries over."""
    session.clear()
    login_user(user)
    now = int(datetime.now(UTC).timestamp())
    session["auth_at"] = now
    session["seen_at"] = now
    session.permanent = True


def end_session() -> None:
    logout_user()
    session.clear()


def _enforce_timeouts():
    if not current_user.is_authenticated:
        return None
    now = int(datetime.now(UTC).timestamp())
    idle = current_app.config["SESSION_IDLE_SECONDS"]
    lifetime = current_app.config["SESSION_LIFETIME_SECONDS"]
    if now - session.get("seen_at", 0) > idle or now - session.get("auth_at", 0) > lifetime:
        end_session()
        flash(_l("Your session has ended. Please log in again."), "info")
        if request.method == "GET":
            return redirect(url_for("accounts.login", next=request.full_path))
        abort(401)
    # Only refresh the cookie once a minute, not on every request.
    if now - session.get("seen_at", 0) > 60:
        session["seen_at"] = now
    return None


def teacher_required(view):
    """Teachers only; anyone else gets a 404, as if the page did not exist."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_teacher:
            abort(404)
        return view(*args, **kwargs)

    return wrapped


def owned_class_or_404(class_id: int) -> SchoolClass:
    """A class of the current teacher's; any other id is a 404."""
    school_class = db.session.scalar(
        select(SchoolClass).where(SchoolClass.id == class_id,
                                  SchoolClass.teacher_id == current_user.id)
    )
    if school_class is None:
        abort(404)
    return school_class


def visible_class_or_404(class_id: int) -> SchoolClass:
    """A class the current user teaches or belongs to; any other id is a 404."""
    school_class = db.session.scalar(
        select(SchoolClass)
        .outerjoin(ClassMembership, (ClassMembership.class_id == SchoolClass.id)
                   & (ClassMembership.user_id == current_user.id))
        .where(SchoolClass.id == class_id)
        .where((SchoolClass.teacher_id == current_user.id)
               | (ClassMembership.user_id.is_not(None)))
    )
    if school_class is None:
        abort(404)
    return school_class


def student_in_class_or_404(school_class: SchoolClass, user_id: int) -> User:
    student = db.session.scalar(
        select(User).join(ClassMembership, ClassMembership.user_id == User.id)
        .where(ClassMembership.class_id == school_class.id, User.id == user_id,
               User.role == "student")
    )
    if student is None:
        abort(404)
    return student


@language_chosen.connect
def _save_chosen_language(_sender: object, *, language: str, **_extra: object) -> None:
    """The header's language switch also saves a logged-in user's language."""
    if current_user.is_authenticated:
        set_locale(current_user, language)


def init_app(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    app.before_request(_enforce_timeouts)
