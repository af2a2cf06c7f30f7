"""Locale selection, text direction and the checks that keep both languages whole."""

from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from flask import Flask, current_app, request
from flask_babel import get_locale, refresh
from markupsafe import Markup

from .extensions import babel

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


def arabic_indic_digits() -> bool:
    """Whether this page writes numbers with Arabic-Indic digits.

    Only Arabic pages do, and only for accounts that chose it: the default is what CLDR
    gives `ar`, which is Western digits.
    """
    from flask_login import current_user

    return (current_language() == "ar" and current_user.is_authenticated
            and current_user.numerals == "arab")


def _digits(text: str) -> str:
    return text.translate(ARABIC_INDIC) if arabic_indic_digits() else text


# Babel's formatting is pure but slow (tens of microseconds); a chart formats hundreds
# of the same numbers and days, so each result is kept, per locale, in a bounded cache.
_decimal = lru_cache(maxsize=4096)(lambda value, locale: format_decimal(value, locale=locale))
_percent = lru_cache(maxsize=4096)(lambda value, locale: format_percent(value, locale=locale))
_date = lru_cache(maxsize=4096)(lambda value, style, locale: format_date(value, style,
                                                                          locale=locale))


def format_number(value: float | Decimal) -> str:
    return _digits(_decimal(value, str(get_locale())))


def format_percentage(value: float | Decimal) -> str:
    return _digits(_percent(value, str(get_locale())))


def format_day(value: date, style: str = "long") -> str:
    return digits(_date(value, style, str(get_locale())))


def time_element(value: date, style: str = "medium") -> Markup:
    """A date for people, with the machine-readable one in <time datetime>."""
    return Markup('<time datetime="{}">{}</time>').format(value.isoformat(),
                                                          format_day(value, style))


def digits(text: str) -> str:
    """Digits in interface text (not bank content) as this page writes them."""
    return text.translate(ARABIC_INDIC_DIGITS) if arabic_indic_digits() else text


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
    if not app.config.get("SKIP_CATALOG_CHECK"):
        _check_catalogs(app)

    # The locale is cached on the app context, which can outlive one request (a test
    # client inside an app context reuses it): choose afresh for every request.
    app.before_request(refresh)

    # Flask-Babel's filters, replaced by ones that also honour the digits setting.
    app.jinja_env.filters.update(numberformat=format_number, percentformat=format_percentage,
                                 dateformat=format_day, timetag=time_element)

    @app.context_processor
    def _language_context() -> dict[str, str]:
        language = current_language()
        return {
            "lang": language,
            "direction": text_direction(language),
            "other_lang": other_language(language),
        }
