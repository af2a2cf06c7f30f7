"""Accounts: students and teachers."""

from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db

ROLES = ("student", "teacher")


class User(db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('student', 'teacher')", name="role"),
        CheckConstraint("locale IN ('ar', 'en')", name="locale"),
        CheckConstraint("desired_retention BETWEEN 0.70 AND 0.97", name="desired_retention"),
        CheckConstraint("new_cards_per_day BETWEEN 0 AND 1000", name="new_cards_per_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored case-folded, so "Sara" and "sara" are one account.
    username: Mapped[str] = mapped_column(String(40), unique=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(10), default="student")
    locale: Mapped[str] = mapped_column(String(2), default="ar")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    desired_retention: Mapped[float] = mapped_column(default=0.90)
    new_cards_per_day: Mapped[int] = mapped_column(default=20)
    # Bumped on logout and password change: sessions carrying an older value are void.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
