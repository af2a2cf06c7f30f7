"""Study modes, from the pages that offer them: a quiz on (or custom study of) a search's
results, retrying a quiz's mistakes, and studying ahead of schedule. Each parses, calls
``modes`` and redirects into the ordinary quiz or review pages."""

import random
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import database
from ..accounts import throttle
from ..banks.access import visible_to
from ..banks.models import Bank
from ..banks.schema import FACT_KINDS
from ..banks.search import matching_ids
from ..banks.search_views import filters_from
from . import modes, quizzes

blueprint = Blueprint("modes", __name__)

# How many matching questions a quiz on a search draws its questions from.
QUIZ_POOL = 2_000


def _back_to_search():
    args: dict[str, Any] = filters_from(request.form).as_args()
    return redirect(url_for("search.search", **args), code=303)


@blueprint.post("/search/quiz")
@login_required
def quiz_on_results() -> ResponseReturnValue:
    throttle.take("RATELIMIT_START_QUIZ", "start-quiz", str(current_user.id))
    filters = filters_from(request.form)
    if not filters.asked:
        abort(400)
    question_ids = matching_ids(current_user, filters, limit=QUIZ_POOL, answerable_only=True)
    attempt = modes.quiz_on(current_user, question_ids, rng=random.SystemRandom(),
                            bank=filters.bank)
    if attempt is None:
        flash(_("None of these questions can be asked in a quiz."), "info")
        return _back_to_search()
    return redirect(url_for("study.quiz_question", attempt_id=attempt.id, position=0),
                    code=303)


@blueprint.post("/search/study")
@login_required
def study_results() -> ResponseReturnValue:
    filters = filters_from(request.form)
    if not filters.asked:
        abort(400)
    question_ids = matching_ids(current_user, filters, limit=modes.MAX_CUSTOM)
    custom = modes.study_selection(current_user, question_ids, now=database.utcnow())
    if custom is None:
        flash(_("There are no questions to study here."), "info")
        return _back_to_search()
    return redirect(url_for("study.review", custom=custom.id), code=303)


@blueprint.post("/quiz/<int:attempt_id>/retry")
@login_required
def retry_mistakes(attempt_id: int) -> ResponseReturnValue:
    throttle.take("RATELIMIT_START_QUIZ", "start-quiz", str(current_user.id))
    attempt = quizzes.attempt_for(current_user, attempt_id,
                                  select(Bank.id).where(visible_to(current_user)))
    if attempt is None:
        abort(404)
    if attempt.finished_at is None:
        abort(400)
    retry = modes.retry_mistakes(current_user, attempt, rng=random.SystemRandom())
    if retry is None:
        flash(_("There are no mistakes to retry in this quiz."), "info")
        return redirect(url_for("study.quiz_result", attempt_id=attempt.id), code=303)
    return redirect(url_for("study.quiz_question", attempt_id=retry.id, position=0),
                    code=303)


def _kind_field() -> str | None:
    """A fact kind from the form ("" for all of them); a 400 for anything else."""
    kind = request.form.get("kind", "")
    if kind and kind not in FACT_KINDS:
        abort(400)
    return kind or None


@blueprint.get("/study/ahead")
@login_required
def ahead() -> ResponseReturnValue:
    now = database.utcnow()
    waiting = len(modes.cards_ahead(current_user, now))
    return render_template("study/ahead.html", waiting=waiting, limit=modes.MAX_CUSTOM)


@blueprint.post("/study/ahead")
@login_required
def start_ahead() -> ResponseReturnValue:
    kind = _kind_field()
    custom = modes.study_ahead(current_user, now=database.utcnow(), tag=kind)
    if custom is None:
        flash(_("You have no cards of this kind waiting for a later day."), "info")
        return redirect(url_for("modes.ahead"), code=303)
    return redirect(url_for("study.review", custom=custom.id), code=303)
