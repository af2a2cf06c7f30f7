"""Language switch, error pages and the headers every response carries."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..i18n import LANGUAGE_COOKIE
from .signals import language_chosen

blueprint = Blueprint("core", __name__)

ONE_YEAR = 365 * 24 * 3600
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def safe_next(target: str | None) -> str:
    """A path on this site to go back to; anything else (another host, a scheme) is /."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target:
        return "/"
    return target


@blueprint.get("/healthz")
def health():
    """For load balancers and monitors: the process answers (no database work)."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@blueprint.post("/language")
def switch_language():
    language = request.form.get("lang", "")
    target = safe_next(request.form.get("next"))
    response = redirect(target, code=303)
    if language in current_app.config["LANGUAGES"]:
        # A logged-in user's choice is also their saved language (accounts listens), so
        # the settings page and what they see never disagree.
        language_chosen.send(None, language=language)
        response.set_cookie(LANGUAGE_COOKIE, language, max_age=ONE_YEAR, samesite="Lax",
                            httponly=True, secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@blueprint.after_app_request
def security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    vary(response, "Accept-Language", "Cookie")
    return response


def vary(response, *fields: str) -> None:
    """Add fields to one merged ``Vary`` header. Flask-Compress reads only the first Vary
    header and replaces them all, so two separate headers lost Accept-Language."""
    present = [part.strip() for value in response.headers.getlist("Vary")
               for part in value.split(",") if part.strip()]
    known = {part.lower() for part in present}
    present += [name for name in fields if name.lower() not in known]
    response.headers["Vary"] = ", ".join(present)


def _error_page(status: int, title: str, message: str):
    return render_template("core/error.html", status=status, title=title, message=message), status


def register_error_handlers(app) -> None:
    @app.errorhandler(CSRFError)
    def _csrf_error(_error):
        return _error_page(400, _("Form expired"),
                           _("The form was out of date. Go back, reload the page and try again."))

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        messages = {
            400: (_("Bad request"), _("The request could not be understood.")),
            403: (_("Not allowed"), _("You are not allowed to see this page.")),
            404: (_("Page not found"), _("There is no page at this address.")),
            405: (_("Method not allowed"), _("This page cannot be used that way.")),
            413: (_("Too large"), _("What you sent is larger than allowed.")),
            429: (_("Too many requests"), _("Too many attempts. Wait a moment and try again.")),
        }
        code = error.code or 500  # None only on an HTTPException raised without a code
        title, message = messages.get(
            code, (_("Something went wrong"), _("The request could not be completed."))
        )
        return _error_page(code, title, message)

    @app.errorhandler(Exception)
    def _server_error(error: Exception):
        app.logger.exception("unhandled error", exc_info=error)
        return _error_page(500, _("Something went wrong"),
                           _("An unexpected error occurred. Please try again later."))
