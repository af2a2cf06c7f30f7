"""Quizzes: drawn at random when they start, answered once per question, resumable."""

import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..banks.models import Bank, Question, QuestionTag
from ..database import write_transaction
from ..extensions import db
from ..questions import registry
from ..questions.answers import check_answer
from ..questions.base import Described
from ..questions.presenting import correct_answer, describe_response, make_layout
from .models import QuizAnswer, QuizAttempt

DEFAULT_LENGTH = 10
MAX_LENGTH = 50
# What a quiz may ask: graded types (flashcards are rated in review instead).
ANSWERABLE = registry.answerable_names()


def _candidates(*, bank: Bank | None = None, tag: str | None = None,
                visible_banks=None) -> list[int]:
    query = (select(Question.id).join(Bank, Bank.id == Question.bank_id)
             .where(Question.retired_at.is_(None), Bank.retired_at.is_(None),
                    Question.type.in_(ANSWERABLE)))
    if bank is not None:
        query = query.where(Question.bank_id == bank.id)
    if tag is not None:
        query = query.join(QuestionTag, QuestionTag.question_id == Question.id).where(
            QuestionTag.tag == tag)
    if visible_banks is not None:
        query = query.where(Bank.id.in_(visible_banks))
    return list(db.session.scalars(query.order_by(Question.id)))


def start_quiz(user: User, *, length: int, rng: random.Random, bank: Bank | None = None,
               tag: str | None = None, assignment_id: int | None = None,
               visible_banks=None, question_ids: list[int] | None = None
               ) -> QuizAttempt | None:
    """A new attempt of up to ``length`` questions; None when there is nothing to ask.

    ``question_ids``: the questions to draw from (already checked as visible, active and
    answerable), instead of those of ``bank`` or ``tag``.
    """
    pool = (list(question_ids) if question_ids is not None
            else _candidates(bank=bank, tag=tag, visible_banks=visible_banks))
    if not pool:
        return None
    chosen = rng.sample(pool, min(length, len(pool)))
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(chosen)))}
    layouts = [make_layout(questions[qid], rng) for qid in chosen]
    with write_transaction() as session:
        attempt = QuizAttempt(user_id=user.id, bank_id=bank.id if bank else None, tag=tag,
                              assignment_id=assignment_id, question_ids=chosen,
                              layouts=layouts)
        session.add(attempt)
    return attempt


def attempt_for(user: User, attempt_id: int, visible_banks=None) -> QuizAttempt | None:
    """The user's own attempt; with ``visible_banks`` (a subquery of bank ids), only while
    the bank it was drawn from is one of them (a quiz on a tag has no bank)."""
    query = select(QuizAttempt).where(QuizAttempt.id == attempt_id,
                                      QuizAttempt.user_id == user.id)
    if visible_banks is not None:
        query = query.where(QuizAttempt.bank_id.is_(None)
                            | QuizAttempt.bank_id.in_(visible_banks))
    return db.session.scalar(query)


def answers_by_position(attempt: QuizAttempt) -> dict[int, QuizAnswer]:
    return {answer.position: answer for answer in attempt.answers}


def next_position(attempt: QuizAttempt) -> int | None:
    answered = answers_by_position(attempt)
    return next((p for p in range(len(attempt.question_ids)) if p not in answered), None)


@dataclass(frozen=True)
class Answered:
    answer: QuizAnswer
    recorded: bool  # False: this position had been answered already


def answer_question(attempt: QuizAttempt, position: int, question: Question, response, *,
                    duration_ms: int | None, now) -> Answered:
    """Store the answer at a position once; a second submission changes nothing."""
    existing = answers_by_position(attempt).get(position)
    if existing is not None:
        return Answered(existing, False)
    result = check_answer(question.type, question.details, response)
    try:
        with write_transaction() as session:
            if session.get(QuizAnswer, (attempt.id, position)) is not None:
                raise IntegrityError("answered", None, Exception())
            answer = QuizAnswer(attempt_id=attempt.id, position=position,
                                question_id=question.id, response=response,
                                correct=result.correct, score=result.score,
                                duration_ms=duration_ms, answered_at=now)
            session.add(answer)
            session.flush()
            count = len(attempt.question_ids)
            scores = [a.score for a in session.scalars(
                select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id))]
            if len(scores) == count:
                attempt.finished_at = now
                attempt.score = sum(scores) / count
    except IntegrityError:
        db.session.rollback()
        db.session.expire_all()
        return Answered(answers_by_position(attempt)[position], False)
    return Answered(answer, True)


def answers_in_words(attempt: QuizAttempt, questions: dict[int, Question], lang: str
                     ) -> list[tuple[QuizAnswer, Question, Described, Described]]:
    """Each answer with its question, the response and the right answer in words; only
    for the ``questions`` given (those the student may still see)."""
    return [(answer, questions[answer.question_id],
             describe_response(questions[answer.question_id], answer.response, lang),
             correct_answer(questions[answer.question_id], lang))
            for answer in attempt.answers if answer.question_id in questions]
