"""What a student's study leaves behind: cards, review logs, quiz attempts and answers."""

from datetime import datetime
from typing import Any

from fsrs.card import CardDict
from sqlalchemy import JSON, Float, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import NO_ID_REUSE
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


class CustomStudy(Model):
    """A custom study session: questions a student chose to review now, whatever their
    schedule (a search's results, or the cards of one fact kind ahead of time).

    Its questions are reviewed through the ordinary review flow and scheduler; one is done
    once this session has a review of it (a review logged since ``created_at``).
    """

    __tablename__ = "custom_studies"
    __table_args__ = (Index("ix_custom_studies_user", "user_id", "created_at"),
                      NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # "selection": chosen from search results; "ahead": cards of a tag before they are due.
    kind: Mapped[str] = mapped_column(String(10))
    tag: Mapped[str | None] = mapped_column(String(40))
    question_ids: Mapped[list[int]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MemoryFit(Model):
    """One fit of a student's memory model (study/memory.py): what it was judged on, how
    well the parameters in use and the fitted ones predicted the held-out reviews, and
    whether the fitted ones were kept (they are then in ``users.fsrs_parameters``)."""

    __tablename__ = "memory_fits"
    __table_args__ = (Index("ix_memory_fits_user_fitted", "user_id", "fitted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    fitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The time of the latest review it read: reviews after it count towards the next fit.
    through: Mapped[datetime] = mapped_column(UTCDateTime)
    reviews: Mapped[int]
    held_out_items: Mapped[int]
    enough: Mapped[bool]  # False: too few reviews to fit; recorded so the count restarts
    kept: Mapped[bool]
    log_loss_before: Mapped[float] = mapped_column(Float)
    log_loss_after: Mapped[float] = mapped_column(Float)
    # Calibration error: how far predicted recall was from actual recall, 0..1.
    rmse_before: Mapped[float] = mapped_column(Float)
    rmse_after: Mapped[float] = mapped_column(Float)
    parameters: Mapped[list[float]] = mapped_column(JSON)
