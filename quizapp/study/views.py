"""Quizzes and spaced-repetition review, one question per page; no JavaScript needed."""

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user, login_required
from fsrs import Rating
from sqlalchemy import select

from .. import database
from ..accounts import throttle
from ..accounts.models import Assignment, ClassMembership
from ..banks.access import (
    visible_bank_or_404,
    visible_question_or_404,
    visible_questions,
    visible_to,
)
from ..banks.models import Bank, Question
from ..banks.schema import FACT_KINDS
from ..core.params import int_field, parse_int
from ..extensions import db
from ..i18n import current_language, digits, other_language
from ..questions.presenting import response_from_form
from . import modes, quizzes, reviews, signed_forms
from . import services as study
from .feedback import feedback_for

blueprint = Blueprint("study", __name__)

def _display_language() -> tuple[str, bool]:
    """The language to show a question in: the page's, or the other one on request."""
    switched = request.args.get("show") == "other"
    return (other_language() if switched else current_language()), switched


# Quizzes ------------------------------------------------------------------------------

@blueprint.post("/quiz")
@login_required
def start_quiz():
    throttle.take("RATELIMIT_START_QUIZ", "start-quiz", str(current_user.id))
    # Any sensible number is welcome and clamped; digits the length cannot be are a 400.
    length = int_field("length", default=quizzes.DEFAULT_LENGTH, high=10**6)
    length = max(1, min(length, quizzes.MAX_LENGTH))
    bank = tag = assignment_id = None
    if slug := request.form.get("bank"):
        bank = visible_bank_or_404(slug)
    elif (tag := request.form.get("tag")) not in FACT_KINDS:
        abort(400)
    if request.form.get("assignment"):
        assignment_id = _own_assignment(int_field("assignment"), bank)
    attempt = quizzes.start_quiz(
        current_user, length=length, rng=random.SystemRandom(), bank=bank, tag=tag,
        assignment_id=assignment_id,
        visible_banks=select(Bank.id).where(visible_to(current_user)))
    if attempt is None:
        flash(_("There are no questions to ask here yet."), "info")
        return redirect(request.referrer or url_for("banks.index"), code=303)
    return redirect(url_for("study.quiz_question", attempt_id=attempt.id, position=0), code=303)


def _own_assignment(assignment_id: int, bank: Bank | None) -> int:
    """An assignment of one of the current student's classes, for this bank; else 404."""
    if bank is None:
        abort(400)
    assignment = db.session.scalar(
        select(Assignment).join(ClassMembership,
                                ClassMembership.class_id == Assignment.class_id)
        .where(Assignment.id == assignment_id, ClassMembership.user_id == current_user.id,
               Assignment.bank_id == bank.id))
    if assignment is None:
        abort(404)
    return assignment.id


def _attempt_or_404(attempt_id: int):
    """The current user's attempt, while its bank is visible to them; else a 404."""
    attempt = quizzes.attempt_for(current_user, attempt_id,
                                  select(Bank.id).where(visible_to(current_user)))
    if attempt is None:
        abort(404)
    return attempt


@blueprint.get("/quiz/<int:attempt_id>")
@login_required
def quiz(attempt_id: int):
    attempt = _attempt_or_404(attempt_id)
    position = quizzes.next_position(attempt)
    if position is None:
        return redirect(url_for("study.quiz_result", attempt_id=attempt.id))
    return redirect(url_for("study.quiz_question", attempt_id=attempt.id, position=position))


def _question_at(attempt, position: int) -> Question:
    """The attempt's question at a position, while its bank is still visible: a student
    who left the class (or whose teacher left) no longer reads its questions."""
    if not 0 <= position < len(attempt.question_ids):
        abort(404)
    return visible_question_or_404(attempt.question_ids[position], include_retired=True)


@blueprint.route("/quiz/<int:attempt_id>/<int:position>", methods=["GET", "POST"])
@login_required
def quiz_question(attempt_id: int, position: int):
    attempt = _attempt_or_404(attempt_id)
    question = _question_at(attempt, position)
    layout = attempt.layouts[position]
    answered = quizzes.answers_by_position(attempt).get(position)
    now = database.utcnow()
    if request.method == "POST":
        if answered is None:
            response = response_from_form(question, layout, request.form)
            outcome = modes.answer_in_quiz(
                current_user, attempt, position, question, response,
                duration_ms=signed_forms.duration_ms(request.form.get("shown"), question.id,
                                                     now),
                now=now, fuzzing=_fuzzing())
            if outcome.reviewed is not None:
                flash(_("This card was due: your answer also counts as its review (%(rating)s).",
                        rating=rating_name(int(outcome.reviewed))), "info")
        return redirect(url_for("study.quiz_question", attempt_id=attempt.id,
                                position=position), code=303)
    lang, switched = _display_language()
    total = len(attempt.question_ids)
    return render_template(
        "study/quiz_question.html", attempt=attempt, position=position, total=total,
        question=question, layout=layout, answer=answered, switched=switched,
        # A monolingual bank's question is shown in its own language, marked as such.
        qlang=question.content_language(lang),
        shown=signed_forms.shown_token(question.id, now),
        done=len(quizzes.answers_by_position(attempt)),
        next_position=quizzes.next_position(attempt),
        feedback=feedback_for(question, answered.response, lang) if answered else None)


@blueprint.get("/quiz/<int:attempt_id>/result")
@login_required
def quiz_result(attempt_id: int):
    attempt = _attempt_or_404(attempt_id)
    if attempt.finished_at is None:
        return redirect(url_for("study.quiz", attempt_id=attempt.id))
    # Only the questions still visible are shown again; the score counts them all.
    questions = {q.id: q for q in db.session.scalars(
        visible_questions(include_retired=True).where(Question.id.in_(attempt.question_ids)))}
    review = quizzes.answers_in_words(attempt, questions, current_language())
    correct = sum(1 for answer in attempt.answers if answer.correct)
    partial = any(0 < answer.score < 1 for answer in attempt.answers)
    return render_template("study/quiz_result.html", attempt=attempt, review=review,
                           correct=correct, total=len(attempt.question_ids), partial=partial,
                           mistakes=len(modes.mistakes(current_user, attempt)))


# Review -------------------------------------------------------------------------------

REVIEW_SESSION_KEY = "review_since"


def _review_since(now: datetime) -> datetime:
    """When this study session started (a new one after 6 hours away)."""
    started = session.get(REVIEW_SESSION_KEY)
    if started is None or now.timestamp() - started > 6 * 3600:
        session[REVIEW_SESSION_KEY] = int(now.timestamp())
    return datetime.fromtimestamp(session[REVIEW_SESSION_KEY], UTC)


def _fuzzing() -> bool:
    return current_app.config.get("FSRS_FUZZING", True)


def _rating_buttons(intervals: dict[Rating, timedelta]) -> list[tuple[int, str, str]]:
    # "in 3 days" / "بعد 3 أيام": CLDR's own Arabic phrasing says "within" (خلال).
    return [(int(rating), rating_name(int(rating)),
             _("in %(interval)s", interval=digits(format_timedelta(interval, threshold=0.9))))
            for rating, interval in intervals.items()]


@blueprint.get("/review")
@login_required
def review():
    now = database.utcnow()
    since = _review_since(now)
    bank_slug = request.args.get("bank")
    bank = visible_bank_or_404(bank_slug) if bank_slug else None
    custom = _custom_or_404()
    if custom is not None:
        queue = [study.QueueEntry(qid, None) for qid in modes.custom_queue(current_user, custom)]
        if not queue:
            return render_template(
                "study/custom_done.html", custom=custom,
                summary=modes.custom_summary(current_user, custom))
        done = len(custom.question_ids) - len(queue)
    else:
        queue = study.review_queue(current_user, now, limit=200,
                                   bank_id=bank.id if bank else None)
        if not queue:
            return render_template("study/review_done.html", bank=bank,
                                   summary=reviews.session_summary(current_user, since),
                                   starting=bank is None
                                   and not reviews.studies_any_bank(current_user),
                                   next_due_in=_next_due_in(bank, now))
        done = study.count_reviews_since(current_user, since)
    # Not an id from the request: the queue holds only questions of the banks this student
    # studies and may see (studied_bank_ids), so the identity map's get is enough.
    question = db.session.get(Question, queue[0].question_id)
    if question is None:  # retired or deleted between the two statements
        abort(404)
    card = study.card_for(current_user, question.id)
    seen = card.reviews if card else 0
    lang, switched = _display_language()
    revealed = not reviews.answerable(question) and request.args.get("reveal") == "1"
    return render_template(
        "study/review.html", question=question, seen=seen,
        qlang=question.content_language(lang),
        layout=reviews.review_layout(current_user, question, seen),
        switched=switched, bank=bank, custom=custom, done=done, remaining=len(queue),
        is_new=card is None,
        # A review in this session is one to undo; only before it is the log asked.
        can_undo=done > 0 or reviews.can_undo(current_user),
        revealed=revealed,
        shown=request.args.get("shown") or signed_forms.shown_token(question.id, now),
        buttons=_rating_buttons(reviews.rating_intervals(current_user, card, now))
        if revealed else None,
        passage=question.document.passage(question.quote)
        if revealed and question.document else None)


def _next_due_in(bank: Bank | None, now: datetime) -> str | None:
    """When the next card comes due, in words ("in 3 hours"), for the done page."""
    due = reviews.next_due(current_user, now, bank.id if bank else None)
    if due is None:
        return None
    return _("in %(interval)s", interval=digits(format_timedelta(due - now, threshold=0.9)))


def _bank_arg() -> dict[str, Any]:
    """The review's scope, kept from page to page: a bank, or a custom study session."""
    slug = request.values.get("bank")
    scope: dict[str, Any] = {"bank": slug} if slug else {}
    if (custom_id := parse_int(request.values.get("custom"), low=1)) is not None:
        scope["custom"] = custom_id
    return scope


def _custom_or_404():
    """The current student's custom study session the request names; None when it names
    none, a 404 when it is not theirs."""
    raw = request.values.get("custom")
    if not raw:
        return None
    custom_id = parse_int(raw, low=1)
    custom = modes.custom_study_for(current_user, custom_id) if custom_id else None
    if custom is None:
        abort(404)
    return custom


@blueprint.post("/review/answer")
@login_required
def review_answer():
    question = _question_from_form()
    seen = int_field("seen")
    now = database.utcnow()
    try:
        checked = reviews.answer_for_review(
            current_user, question, seen=seen, form=request.form, lang=current_language(),
            duration_ms=signed_forms.duration_ms(request.form.get("shown"), question.id, now),
            now=now)
    except reviews.WrongReviewKind:  # a flashcard is revealed and rated, not answered
        abort(400)
    return render_template(
        "study/review_feedback.html", question=question, feedback=checked.feedback,
        suggested=int(checked.suggested), buttons=_rating_buttons(checked.intervals),
        payload=signed_forms.signed_submission(checked, now), bank_slug=request.form.get("bank"),
        custom_id=_bank_arg().get("custom"))


def _question_from_form() -> Question:
    """The active question the form names, if the account may see its bank; else 404."""
    return visible_question_or_404(int_field("question"))


@blueprint.post("/review/rate")
@login_required
def review_rate():
    rating = Rating(int_field("rating", low=1, high=4))
    now = database.utcnow()
    if request.form.get("payload"):
        submission = signed_forms.rating_payload(now)
        question = visible_question_or_404(submission.question_id)
    else:  # a revealed flashcard
        question = _question_from_form()
        submission = reviews.ReviewSubmission(
            question.id, int_field("seen"),
            signed_forms.duration_ms(request.form.get("shown"), question.id, now))
    try:
        outcome = reviews.rate(current_user, question, rating, submission, now=now,
                               fuzzing=_fuzzing())
    except reviews.WrongReviewKind:
        abort(400)
    if not outcome.recorded:
        flash(_("That review was already recorded."), "info")
    return redirect(url_for("study.review", **_bank_arg()), code=303)


@blueprint.post("/review/undo")
@login_required
def review_undo():
    if study.undo_last_review(current_user) is None:
        flash(_("There is no review to undo."), "info")
    else:
        flash(_("The last review was undone."), "success")
    return redirect(url_for("study.review", **_bank_arg()), code=303)


@blueprint.post("/banks/<slug>/study")
@login_required
def add_bank(slug: str):
    bank = visible_bank_or_404(slug)
    if request.form.get("remove"):
        study.remove_study_bank(current_user, bank)
        flash(_("This bank is no longer in your reviews."), "info")
    else:
        study.add_study_bank(current_user, bank)
        flash(_("This bank's questions are now in your reviews."), "success")
    return redirect(url_for("banks.show", slug=slug), code=303)


def rating_name(rating: int) -> str:
    return {1: _("Again"), 2: _("Hard"), 3: _("Good"), 4: _("Easy")}.get(rating, "")


@blueprint.app_context_processor
def _study_helpers():
    # ``answerable`` asks the question-type registry, so no template names a type.
    return {"rating_name": rating_name, "timedelta": timedelta,
            "answerable": reviews.answerable}
