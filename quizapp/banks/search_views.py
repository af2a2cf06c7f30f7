"""The search page: questions by words, fact kind, type and difficulty, in one bank or
across every bank the account may see. Students see prompts only; teachers see answers
and quotes too."""

from collections.abc import Mapping

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..core.params import int_field
from ..core.text import clean_text
from ..i18n import current_language
from ..questions import registry
from ..questions.presenting import correct_answer
from .access import visible_bank_or_404
from .search import (
    DIFFICULTIES,
    MAX_QUERY_CHARS,
    PAGE_SIZE,
    QUIZ_FROM_RESULTS,
    STUDY_FROM_RESULTS,
    SearchFilters,
    search_page,
)

blueprint = Blueprint("search", __name__)

MAX_PAGE = 10_000
DIFFICULTY_LABELS = {"easy": _l("Easy"), "medium": _l("Medium"), "hard": _l("Hard")}


def filters_from(values: Mapping[str, str]) -> SearchFilters:
    """The filters a request names (``request.args`` or a form); a 400 for a kind, type
    or difficulty that does not exist or a text too long, a 404 for a bank the account
    may not see."""
    slug = values.get("bank")
    bank = visible_bank_or_404(slug) if slug else None
    try:
        return SearchFilters(text=clean_text(values.get("q", "")), bank=bank,
                             kind=values.get("kind") or None,
                             type=values.get("type") or None,
                             difficulty=values.get("difficulty") or None)
    except ValueError:
        abort(400)


def shows_answers(user) -> bool:
    """Teachers see answers and quotes in results; students (and visitors) see prompts
    only, since a quote usually holds the answer to a question not yet studied."""
    return bool(getattr(user, "is_authenticated", False) and user.is_teacher)


@blueprint.get("/search")
def search() -> ResponseReturnValue:
    filters = filters_from(request.args)
    page = int_field("page", low=1, high=MAX_PAGE, default=1, values=request.args)
    results = search_page(current_user, filters, page) if filters.asked else None
    lang = current_language()
    answers = ({question.id: correct_answer(question, lang) for question in results.questions}
               if results and shows_answers(current_user) else {})
    return render_template("banks/search.html", filters=filters, results=results,
                           answers=answers, show_answers=shows_answers(current_user),
                           difficulties=DIFFICULTIES, max_chars=MAX_QUERY_CHARS,
                           question_types=registry.names(), page_size=PAGE_SIZE,
                           max_quiz=QUIZ_FROM_RESULTS, max_study=STUDY_FROM_RESULTS)


@blueprint.app_context_processor
def _search_helpers() -> dict:
    return {"difficulty_label": lambda level: DIFFICULTY_LABELS.get(level, level)}
