"""Accounts (students and teachers), password-reset links, and the tables of classes.

Classes, memberships and assignments are declared here, low in the layers, because
banks (who may see a bank) and study (what a student studies) read them; the classes
package writes them. An assignment names its bank by table ("banks.id", "Bank"), so this
module imports nothing from banks.
"""

import secrets
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import Model

ROLES = ("student", "teacher")
# Ids exposed in URLs and cookies are never given out again (SQLite reuses the highest).
NO_ID_REUSE = {"sqlite_autoincrement": True}


def new_session_token() -> str:
    return secrets.token_urlsafe(16)  # 128 bits


class User(Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('student', 'teacher')", name="role"),
        CheckConstraint("locale IN ('ar', 'en')", name="locale"),
        CheckConstraint("desired_retention BETWEEN 0.70 AND 0.97", name="desired_retention"),
        CheckConstraint("new_cards_per_day BETWEEN 0 AND 1000", name="new_cards_per_day"),
        NO_ID_REUSE,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored case-folded, so "Sara" and "sara" are one account.
    username: Mapped[str] = mapped_column(String(40), unique=True)
    # Not unique: refusing a taken address told anyone which addresses have accounts,
    # and brothers and sisters often give a parent's address.
    email: Mapped[str | None] = mapped_column(String(254))
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(10), default="student")
    locale: Mapped[str] = mapped_column(String(2), default="ar")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    desired_retention: Mapped[float] = mapped_column(default=0.90)
    new_cards_per_day: Mapped[int] = mapped_column(default=20)
    # Digits on Arabic pages: None for CLDR's default for `ar`, or "arab" (Arabic-Indic).
    numerals: Mapped[str | None] = mapped_column(String(4))
    # Bumped on logout and password change: sessions carrying an older value are void.
    session_version: Mapped[int] = mapped_column(default=1)
    # A random secret of this account's alone, in its session id and device cookie: an id
    # (and a version) can belong to a later account, this value never does.
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    # Set on accounts a teacher created from a roster: the one-time password is changed
    # at the first login, before anything else.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    # FSRS parameters fitted to this student's own reviews (study/memory.py), kept here
    # because every review's scheduler needs them with the account; None: FSRS's defaults.
    fsrs_parameters: Mapped[list[float] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Flask-Login's interface.
    is_active = True
    is_anonymous = False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_teacher(self) -> bool:
        return self.role == "teacher"

    def get_id(self) -> str:
        """The session remembers the account, its session version and its secret."""
        return f"{self.id}.{self.session_version}.{self.session_token}"


class SchoolClass(Model):
    """A teacher's class, which students join with its code."""

    __tablename__ = "classes"
    __table_args__ = (NO_ID_REUSE,)

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                            index=True)
    name: Mapped[str] = mapped_column(String(80))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    # The invite link's code: it creates accounts straight into the class (None: off).
    invite_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    teacher: Mapped[User] = relationship()


class ClassMembership(Model):
    __tablename__ = "class_members"
    __table_args__ = (Index("ix_class_members_user", "user_id", "class_id"),)

    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"),
                                          primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    student: Mapped[User] = relationship()


class Assignment(Model):
    """A bank a teacher set a class, optionally due by a date."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("class_id", "bank_id", name="uq_assignments_class_bank"),
                      NO_ID_REUSE)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    bank = relationship("Bank")


class PasswordResetLink(Model):
    """A one-time link a teacher made for a student; only the token's hash is stored."""

    __tablename__ = "password_reset_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
