"""What a deleted account leaves of study: nothing (cards, reviews, quizzes, chosen banks)."""

from sqlalchemy import delete, select

from ..accounts.models import User
from ..accounts.signals import account_deleted
from .models import Card, QuizAnswer, QuizAttempt, ReviewLog, StudyBank


@account_deleted.connect
def forget_study(user: User, *, session, **_) -> None:
    attempts = select(QuizAttempt.id).where(QuizAttempt.user_id == user.id)
    session.execute(delete(QuizAnswer).where(QuizAnswer.attempt_id.in_(attempts)))
    session.execute(delete(QuizAttempt).where(QuizAttempt.user_id == user.id))
    session.execute(delete(ReviewLog).where(ReviewLog.user_id == user.id))
    session.execute(delete(Card).where(Card.user_id == user.id))
    session.execute(delete(StudyBank).where(StudyBank.user_id == user.id))
