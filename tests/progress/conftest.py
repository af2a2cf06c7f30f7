from fsrs import Rating
from sqlalchemy import select

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study import services

from ..study.conftest import bank, ctx, student, studying  # noqa: F401 - the same fixtures


def first_questions(of_bank, count):
    """The bank's first ``count`` questions, in its order."""
    return db.session.scalars(select(Question).where(Question.bank_id == of_bank.id)
                              .order_by(Question.position).limit(count)).all()


def review(user, question, when, rating=Rating.Good):
    """Review the question's card at ``when``, as the student would."""
    card = services.card_for(user, question.id)
    services.record_review(user, question, rating, now=when,
                           reviews_seen=card.reviews if card else 0, fuzzing=False)
