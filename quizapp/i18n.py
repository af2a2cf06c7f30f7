"""Locale selection, text direction and the checks that keep both languages whole."""

import functools
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent
from flask import Flask, current_app, has_request_context, request
from flask.globals import _cv_app
from flask_babel import Domain, get_domain, get_locale, refresh
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .extensions import babel
from .numerals import arabic_indic_sentence

LANGUAGE_COOKIE = "lang"
RTL_LANGUAGES = {"ar"}


class MissingCatalog(RuntimeError):
    pass


def select_locale() -> str:
    """An explicit choice (cookie), the account's language, the browser's, then Arabic."""
    from flask_login import current_user

    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANGUAGE_COOKIE, "")
    if chosen in languages:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def current_language() -> str:
    return get_locale().language


def text_direction(language: str | None = None) -> str:
    return "rtl" if (language or current_language()) in RTL_LANGUAGES else "ltr"


def other_language(language: str | None = None) -> str:
    return "en" if (language or current_language()) == "ar" else "ar"


ARABIC_INDIC = str.maketrans("0123456789,.%", "٠١٢٣٤٥٦٧٨٩٬٫٪")
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _wants_arabic_indic() -> bool:
    from flask_login import current_user

    return (has_request_context() and current_language() == "ar"
            and current_user.is_authenticated and current_user.numerals == "arab")


def _interface() -> tuple[Any, bool, str]:
    """This page's translations, whether it writes Arabic-Indic digits, and its locale.

    Every sentence of a page asks both: worked out from the locale, the domain and the
    account they cost tens of microseconds a call, a millisecond over a page's dozens of
    sentences. They are kept on the request's globals with the locale and the account
    they were worked out for, and worked out again when either changes (Flask-Babel's
    `refresh()` after a settings change, a log-in or log-out in the middle of a request).
    """
    app_context = _cv_app.get(None)
    if app_context is None:
        return get_domain().get_translations(), False, str(get_locale())
    kept = vars(app_context.g)
    babel_state = kept.get("_flask_babel")
    locale = getattr(babel_state, "babel_locale", None)
    memo = kept.get("_quizapp_interface")
    if (memo is not None and locale is not None and memo[0] is locale
            and memo[1] is kept.get("_login_user")):
        return memo[2], memo[3], memo[4]
    translations = get_domain().get_translations()
    wanted = _wants_arabic_indic()
    locale = get_locale()
    kept["_quizapp_interface"] = (locale, kept.get("_login_user"), translations, wanted,
                                  str(locale))
    return translations, wanted, str(locale)


def arabic_indic_digits() -> bool:
    """Whether this page writes numbers with Arabic-Indic digits.

    Only Arabic pages do, and only for accounts that chose it: the default is what CLDR
    gives `ar`, which is Western digits.
    """
    return _interface()[1]


# Babel's formatting is pure but slow (tens of microseconds); a chart formats hundreds
# of the same numbers and days, so each result is kept, per locale, in a bounded cache.
_decimal = lru_cache(maxsize=4096)(lambda value, locale: format_decimal(value, locale=locale))
_percent = lru_cache(maxsize=4096)(lambda value, locale: format_percent(value, locale=locale))
_date = lru_cache(maxsize=4096)(lambda value, style, locale: format_date(value, style,
                                                                          locale=locale))
_skeleton = lru_cache(maxsize=4096)(lambda value, skeleton, locale: format_skeleton(
    skeleton, value, locale=locale))


def format_number(value: float | Decimal) -> str:
    _, arabic_indic, locale = _interface()
    text = _decimal(value, locale)
    return text.translate(ARABIC_INDIC) if arabic_indic else text


def format_percentage(value: float | Decimal) -> str:
    _, arabic_indic, locale = _interface()
    text = _percent(value, locale)
    return text.translate(ARABIC_INDIC) if arabic_indic else text


DATE_STYLES = {"short", "medium", "long", "full"}


def format_day(value: date, style: str = "long") -> str:
    """A date in one of CLDR's styles, or by a skeleton ("MMMd": "Dec 1", "1 ديسمبر")."""
    _, arabic_indic, locale = _interface()
    return _day(value, style, locale, arabic_indic)


@lru_cache(maxsize=4096)
def _day(value: date, style: str, locale: str, arabic_indic: bool) -> str:
    text = (_date(value, style, locale) if style in DATE_STYLES
            else _skeleton(value, style, locale))
    return text.translate(ARABIC_INDIC_DIGITS) if arabic_indic else text


def time_element(value: date, style: str = "medium") -> Markup:
    """A date for people, with the machine-readable one in <time datetime>."""
    return Markup(f'<time datetime="{value.isoformat()}">'
                  f'{escape(format_day(value, style))}</time>')


def digits(text: str) -> str:
    """Digits in interface text (not bank content) as this page writes them."""
    return text.translate(ARABIC_INDIC_DIGITS) if arabic_indic_digits() else text


def _interface_number(value: Any) -> Any:
    """A number put into a sentence, written as the page writes numbers; else the value.

    A whole number keeps its plain form ("line 1234", a revision, a year), only its
    digits follow the setting; a fraction gets the locale's decimal sign. A count that
    wants grouping ("1,500 questions") is formatted by its caller (|numberformat).
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return digits(str(value))
    if isinstance(value, float | Decimal):
        return format_number(value)
    return value


def interface_sentence(message: str, *, format_string: bool) -> str:
    """A translated sentence with its own numbers ("آخر 30 يومًا") in the page's digits."""
    if arabic_indic_digits():
        return arabic_indic_sentence(message, format_string=format_string)
    return message


def interface_text(message: str, variables: Mapping[str, Any], *,
                   format_string: bool) -> str:
    """A translated sentence filled in: its own numbers and the numbers put into it follow
    the digits setting; text put into it (a bank's title, a name) stays as written.

    This is the one place the setting reaches sentences: every gettext call, in Python
    and in templates, comes through here.
    """
    message = interface_sentence(message, format_string=format_string)
    if not format_string:
        return message
    return message % {name: _interface_number(value) for name, value in variables.items()}


class InterfaceDomain(Domain):
    """Flask-Babel's domain, with numbers in sentences written as the page writes them."""

    def gettext(self, string: str, /, **variables: Any) -> str:
        return interface_text(self.get_translations().ugettext(string), variables,
                              format_string=bool(variables))

    def ngettext(self, singular: str, plural: str, num: int, /, **variables: Any) -> str:
        variables.setdefault("num", num)
        return interface_text(self.get_translations().ungettext(singular, plural, num),
                              variables, format_string=True)

    def pgettext(self, context: str, string: str, /, **variables: Any) -> str:
        return interface_text(self.get_translations().upgettext(context, string), variables,
                              format_string=bool(variables))

    def npgettext(self, context: str, singular: str, plural: str, num: int, /,
                  **variables: Any) -> str:
        variables.setdefault("num", num)
        return interface_text(
            self.get_translations().unpgettext(context, singular, plural, num), variables,
            format_string=True)


def _in_template(context: Context, message: str, variables: dict[str, Any]) -> str:
    # As Jinja's own "newstyle" gettext: always a format string, escaped when autoescaping
    # (text put in is escaped, Markup such as |isolate is kept).
    message = interface_sentence(message, format_string=True)
    if context.eval_ctx.autoescape:
        message = Markup(message)
    return message % {name: _interface_number(value) for name, value in variables.items()}


@pass_context
def _template_gettext(context: Context, string: str, /, **variables: Any) -> str:
    return _in_template(context, _interface()[0].ugettext(string), variables)


@pass_context
def _template_ngettext(context: Context, singular: str, plural: str, num: int, /,
                       **variables: Any) -> str:
    variables.setdefault("num", num)
    return _in_template(context, _interface()[0].ungettext(singular, plural, num), variables)


@pass_context
def _template_pgettext(context: Context, msgctxt: str, string: str, /,
                       **variables: Any) -> str:
    return _in_template(context, _interface()[0].upgettext(msgctxt, string), variables)


@pass_context
def _template_npgettext(context: Context, msgctxt: str, singular: str, plural: str,
                        num: int, /, **variables: Any) -> str:
    variables.setdefault("num", num)
    return _in_template(context, _interface()[0].unpgettext(msgctxt, singular, plural, num),
                        variables)


def _per_request(function: Callable[..., Any]) -> Callable[..., Any]:
    @pass_context
    @functools.wraps(function)
    def apply(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        return function(value, *args, **kwargs)
    return apply


def _check_catalogs(app: Flask) -> None:
    """Fail at start-up, not on a page, when a language has no compiled catalog."""
    directory = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    for language in app.config["LANGUAGES"]:
        compiled = directory / language / "LC_MESSAGES" / "messages.mo"
        if not compiled.is_file():
            raise MissingCatalog(
                f"no compiled catalog for {language!r} at {compiled}; "
                "run `flask translate compile` (make run does it)"
            )


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    # Python's gettext (flask_babel.gettext, _l, ngettext) goes through the domain...
    babel.domain_instance = InterfaceDomain(domain=app.config.get("BABEL_DOMAIN", "messages"))
    # ...and templates' through these, which replace the ones Flask-Babel installed.
    app.jinja_env.globals.update(gettext=_template_gettext, ngettext=_template_ngettext,
                                 pgettext=_template_pgettext,
                                 npgettext=_template_npgettext)
    if not app.config.get("SKIP_CATALOG_CHECK"):
        _check_catalogs(app)

    # The locale is cached on the app context, which can outlive one request (a test
    # client inside an app context reuses it): choose afresh for every request.
    app.before_request(refresh)

    # Flask-Babel's filters, replaced by ones that also honour the digits setting. They
    # depend on the request, so Jinja must not work out `{{ 0|numberformat }}` once when
    # it compiles the template (it folds constants through plain filters).
    filters: dict[str, Callable[..., Any]] = {
        "numberformat": format_number, "percentformat": format_percentage,
        "dateformat": format_day, "timetag": time_element}
    app.jinja_env.filters.update({name: _per_request(function)
                                  for name, function in filters.items()})

    @app.context_processor
    def _language_context() -> dict[str, str]:
        language = current_language()
        return {
            "lang": language,
            "direction": text_direction(language),
            "other_lang": other_language(language),
        }
