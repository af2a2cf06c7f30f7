"""What a student's study leaves behind: cards, review logs, quiz attempts and answers."""

from datetime import datetime
from typing import Any

from fsrs.card import CardDict
from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..banks.models import Question
from ..database import UTCDateTime, utcnow
from ..extensions import Model


class StudyBank(Model):
    """A bank a student chose to study (assigned banks count without a row here)."""

    __tablename__ = "study_banks"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"),
                                         primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Card(Model):
    """One student's memory of one question, as FSRS models it.

    ``fsrs_card`` is py-fsrs's own ``Card.to_dict()``; ``due``, ``state`` and
    ``reviews`` are kept beside it for indexed queries and for detecting a review that
    was submitted twice.
    """

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id", name="uq_cards_user_question"),
        Index("ix_cards_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="RESTRICT"),
                                             index=True)
    fsrs_card: Mapped[CardDict] = mapped_column(JSON)
    state: Mapped[int]
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    stability: Mapped[float | None]
    difficulty: Mapped[float | None]
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviews: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship()


class ReviewLog(Model):
    """Every review, with the card before and after it (which makes undo exact)."""

    __tablename__ = "review_logs"
    # State, rating and question ride along so that the dashboard's and the class page's
    # counts read the index alone (migration 0015).
    __table_args__ = (Index("ix_review_logs_user_time", "user_id", "reviewed_at",
                            "state_before", "rating", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="RESTRICT"),
                                             index=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"),
                                         index=True)
    rating: Mapped[int]
    suggested_rating: Mapped[int | None]
    response: Mapped[Any | None] = mapped_column(JSON)
    correct: Mapped[bool | None]
    # "I was right": rated above the suggested rating after a wrong verdict; teachers
    # see these claims beside the refused answers (item analysis).
    claimed_right: Mapped[bool] = mapped_column(default=False, server_default=false())
    duration_ms: Mapped[int | None]
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state_before: Mapped[int | None]
    state_after: Mapped[int]
    due_before: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_after: Mapped[datetime] = mapped_column(UTCDateTime)
    card_before: Mapped[CardDict | None] = mapped_column(JSON)
    card_after: Mapped[CardDict] = mapped_column(JSON)


class QuizAttempt(Model):
    """A quiz: its questions (and each one's shuffled choices) fixed when it starts."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (Index("ix_quiz_attempts_user_started", "user_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("banks.id", ondelete="SET NULL"))
    tag: Mapped[str | None] = mapped_column(String(40))
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignments.id", ondelete="SET NULL"))
    question_ids: Mapped[list[int]] = mapped_column(JSON)
    # Per position: the order choices, items or right-hand options are shown in.
    layouts: Mapped[list[Any]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None]

    bank = relationship("Bank")
    answers: Mapped[list["QuizAnswer"]] = relationship(order_by="QuizAnswer.position",
                                                       cascade="all, delete-orphan")


class QuizAnswer(Model):
    __tablename__ = "quiz_answers"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempts.id", ondelete="CASCADE"),
                                            primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="RESTRICT"),
                                             index=True)
    response: Mapped[Any | None] = mapped_column(JSON)
    correct: Mapped[bool]
    score: Mapped[float]
    duration_ms: Mapped[int | None]
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship()
