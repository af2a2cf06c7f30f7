"""A teacher accepts a refused typed answer from item analysis: the bank gets a new
revision that lists it, published by the loader (history kept), and the stored answers
to that question are graded again.

Only a short_text answer can be accepted: a number is read by its value, unit and
qualifier, and the bank format has no list of its written forms to add one to; a
refused number is another value, unit or qualifier, which is the teacher's to change by
editing the bank.
"""

import re
from dataclasses import dataclass

import yaml
from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..accounts.access import teacher_required
from ..banks.access import own_bank_or_404
from ..banks.loader import LoadRefused
from ..banks.models import Bank, BankRevision, Question
from ..banks.ownership import written_name
from ..banks.uploads import UploadLimits, check_upload, publish_upload
from ..core.params import parse_int
from ..core.text import clean_text
from ..database import write_transaction
from ..extensions import db
from ..i18n import digits, format_number
from ..questions.answers import check_answer
from ..questions.base import MAX_TEXT, same_text
from ..study.models import QuizAnswer, QuizAttempt, ReviewLog

blueprint = Blueprint("accepting", __name__)

ACCEPTABLE_TYPES = frozenset({"short_text"})
MAX_ACCEPTED = 20  # the bank format's limit on accepted answers per language
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


class NotAccepted(ValueError):
    """Why an answer cannot be added; ``message`` is already translated."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Accepted:
    revision: int  # the bank revision that lists the answer
    regraded: int  # stored reviews and quiz answers now counted right


def answer_language(text: str) -> str:
    """The accepted-answers list an answer belongs in: Arabic script or not."""
    return "ar" if _ARABIC_LETTER.search(text) else "en"


def with_answer_added(yaml_text: str, question_id: str, answer: str) -> str:
    """The bank's YAML with ``answer`` added to the question's accepted answers in its
    language. Raises NotAccepted when the question is not there or the list is full."""
    data = yaml.safe_load(yaml_text)
    found = next((q for q in data.get("questions", []) if q.get("id") == question_id), None)
    if found is None or found.get("type") not in ACCEPTABLE_TYPES:
        raise NotAccepted(_("This question is not in the bank's latest version."))
    accepted = found["answers"].setdefault(answer_language(answer), [])
    if any(same_text(answer) == same_text(known) for known in accepted):
        raise NotAccepted(_("That answer is already accepted."))
    if len(accepted) >= MAX_ACCEPTED:
        raise NotAccepted(_("This question already lists the most accepted answers a "
                            "bank may give it; edit the bank to make room."))
    accepted.append(answer)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def accept_answer(bank: Bank, question: Question, answer: str, *, owner_id: int) -> Accepted:
    """Publish a revision of ``bank`` that accepts ``answer`` for ``question``, then grade
    that question's stored answers again. Raises NotAccepted with the reason."""
    answer = clean_text(answer[:MAX_TEXT]).strip()
    if not answer:
        raise NotAccepted(_("There is no answer to accept."))
    if question.type not in ACCEPTABLE_TYPES:
        raise NotAccepted(_("A number is read by its value, unit and qualifier, so there "
                            "is no written form to add; edit the answer or its tolerance "
                            "in the bank instead."))
    latest = db.session.scalar(select(BankRevision).where(BankRevision.bank_id == bank.id)
                               .order_by(BankRevision.number.desc()).limit(1))
    if latest is None:
        raise NotAccepted(_("This bank has no stored version to change."))
    text = with_answer_added(latest.yaml_text, written_name(question.uid), answer)
    config = current_app.config
    limits = UploadLimits.from_config(config)
    upload = check_upload(text, "bank.yaml", owner_id=owner_id,
                          max_bytes=config["UPLOAD_MAX_BANK_BYTES"], limits=limits)
    if not upload.ok:
        raise NotAccepted(_("The bank with this answer added does not pass its checks; "
                            "edit the bank instead."))
    try:
        # Built on the latest revision: if another was recorded since (a second accept
        # at the same moment), this one is refused rather than dropping that one's answer.
        publish_upload(upload, owner_id=owner_id, limits=limits, based_on=latest.number)
    except (LoadRefused, IntegrityError) as refused:
        db.session.rollback()
        raise NotAccepted(_("The bank changed meanwhile; try again.")) from refused
    number = db.session.scalar(select(BankRevision.number).where(
        BankRevision.bank_id == bank.id).order_by(BankRevision.number.desc()).limit(1))
    return Accepted(number or latest.number, regrade(question.id))


def regrade(question_id: int) -> int:
    """Grade the question's refused answers again against its details as now stored; the
    ones now right are marked so (quiz scores follow). Ratings and schedules stay: they
    were the student's own. Returns how many answers changed."""
    question = db.session.get(Question, question_id)
    if question is None:  # deleted meanwhile: nothing left to grade
        return 0
    db.session.refresh(question)
    kind, details = question.type, question.details
    changed = 0
    with write_transaction() as session:
        for log_id, response in session.execute(
                select(ReviewLog.id, ReviewLog.response).where(
                    ReviewLog.question_id == question_id, ReviewLog.correct.is_(False))):
            if response is not None and check_answer(kind, details, response).correct:
                session.execute(update(ReviewLog).where(ReviewLog.id == log_id)
                                .values(correct=True))
                changed += 1
        attempts = set()
        for answer in session.scalars(select(QuizAnswer).where(
                QuizAnswer.question_id == question_id, QuizAnswer.correct.is_(False))):
            result = check_answer(kind, details, answer.response)
            if answer.response is not None and result.correct:
                answer.correct, answer.score = True, result.score
                attempts.add(answer.attempt_id)
                changed += 1
        session.flush()
        for attempt in session.scalars(select(QuizAttempt).where(QuizAttempt.id.in_(attempts))):
            if attempt.score is not None:  # finished: its score counts every question
                scores = [a.score for a in attempt.answers]
                attempt.score = sum(scores) / len(attempt.question_ids)
    return changed


@blueprint.post("/banks/<slug>/questions/<int:question_id>/accept")
@teacher_required
def accept(slug: str, question_id: int) -> ResponseReturnValue:
    bank = own_bank_or_404(slug)
    question = db.session.scalar(select(Question).where(
        Question.id == question_id, Question.bank_id == bank.id))
    if question is None:
        abort(404)
    try:
        accepted = accept_answer(bank, question, request.form.get("answer", ""),
                                 owner_id=current_user.id)
    except NotAccepted as refused:
        flash(refused.message, "error")
    else:
        flash(ngettext(
            "Accepted: version %(revision)s of the bank lists the answer, and %(count)s "
            "stored answer to this question is now counted right.",
            "Accepted: version %(revision)s of the bank lists the answer, and %(count)s "
            "stored answers to this question are now counted right.",
            accepted.regraded, revision=digits(str(accepted.revision)),
            count=format_number(accepted.regraded)), "success")
    class_id = parse_int(request.form.get("class_id"))
    if class_id is not None:
        return redirect(url_for("classes.item_analysis", class_id=class_id, slug=bank.slug),
                        code=303)
    return redirect(url_for("banks.show", slug=bank.slug), code=303)
