"""Accounts: registration, login, settings, export and deletion.

Plain functions over explicit arguments, shared by the views and the CLI. Each one that
writes runs in one write transaction.
"""

import re
import unicodedata
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from ..core.text import clean_text
from ..database import write_transaction
from ..extensions import db
from .models import ClassMembership, PasswordResetLink, SchoolClass, User
from .passwords import hash_password, needs_rehash, verify_password
from .signals import account_deleted

USERNAME = re.compile(r"^[\w.-]{3,40}$")


class AccountError(Exception):
    """A request the account rules refuse; ``message`` is a lazy, translated text."""

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


def normalise_username(value: str) -> str:
    return unicodedata.normalize("NFKC", clean_text(value)).casefold()


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


@dataclass
class NewAccount:
    username: str
    display_name: str
    password: str
    email: str | None = None
    locale: str = "ar"
    timezone: str = "UTC"
    role: str = "student"


def register(account: NewAccount) -> User:
    with write_transaction() as session:
        user = add_user(session, account)
    return user


def add_user(session, account: NewAccount, *, must_change_password: bool = False) -> User:
    """Add the account inside the caller's write transaction; refuses a taken username.

    An email address may be shared (a family's): saying it is taken would tell anyone
    which addresses have accounts.
    """
    username = normalise_username(account.username)
    if not USERNAME.fullmatch(username):
        raise AccountError(_l("Use 3 to 40 letters, digits, dots, hyphens or underscores."),
                           "username")
    if session.scalar(select(User.id).where(User.username == username)):
        raise AccountError(_l("This username is taken. Choose another."), "username")
    user = User(username=username, email=(account.email or "").strip().casefold() or None,
                display_name=clean_text(account.display_name)[:80] or username,
                password_hash=hash_password(account.password), role=account.role,
                locale=account.locale, timezone=account.timezone,
                must_change_password=must_change_password)
    session.add(user)
    session.flush()  # the id, for memberships added in the same transaction
    return user


def authenticate(username: str, password: str) -> User | None:
    """The account for these credentials, or None (and the same work done either way)."""
    user = find_user(username)
    verified = verify_password(user.password_hash if user else None, password)
    if user is None or not verified:
        return None
    if needs_rehash(user.password_hash):
        with write_transaction():
            user.password_hash = hash_password(password)
    return user


def end_all_sessions(user: User) -> None:
    with write_transaction():
        user.session_version = User.session_version + 1
    db.session.refresh(user)


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError(_l("The current password is not right."), "current_password")
    with write_transaction():
        user.password_hash = hash_password(new)
        user.session_version = User.session_version + 1
        user.must_change_password = False
    db.session.refresh(user)


def set_own_password(user: User, new: str) -> None:
    """The first password an account chooses itself, replacing a one-time one."""
    with write_transaction():
        user.password_hash = hash_password(new)
        user.session_version = User.session_version + 1
        user.must_change_password = False
    db.session.refresh(user)


def update_settings(user: User, **settings) -> None:
    email = (settings.pop("email", None) or "").strip().casefold() or None
    with write_transaction():
        user.email = email
        user.display_name = clean_text(settings.pop("display_name")) or user.username
        for key, value in settings.items():
            setattr(user, key, value)


def set_locale(user: User, locale: str) -> None:
    """Save the interface language the user just chose (the header's switch)."""
    if user.locale == locale:
        return
    with write_transaction():
        user.locale = locale


def export_data(user: User) -> dict:
    """Everything stored about the account, for the "download my data" button."""
    classes = db.session.execute(
        select(SchoolClass.name, ClassMembership.joined_at)
        .join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
        .where(ClassMembership.user_id == user.id)
    ).all()
    taught = db.session.scalars(select(SchoolClass).where(SchoolClass.teacher_id == user.id))
    return {
        "account": {
            "username": user.username,
            "display_name": user.display_name,
            "email": user.email,
            "role": user.role,
            "language": user.locale,
            "timezone": user.timezone,
            "desired_retention": user.desired_retention,
            "new_cards_per_day": user.new_cards_per_day,
            "digits_on_arabic_pages": user.numerals or "default",
            "created_at": user.created_at.isoformat(),
        },
        "classes_joined": [{"name": name, "joined_at": joined.isoformat()}
                           for name, joined in classes],
        "classes_taught": [{"name": c.name, "created_at": c.created_at.isoformat()}
                           for c in taught],
    }


def delete_account(user: User, password: str) -> None:
    """Delete the account and everything that belongs to it, after checking the password."""
    if not verify_password(user.password_hash, password):
        raise AccountError(_l("The password is not right."), "password")
    with write_transaction() as session:
        # Each feature deletes its own rows of the account (classes, study) or lets go of
        # them (banks) in this same transaction; accounts knows none of their tables.
        account_deleted.send(user, session=session)
        session.execute(delete(PasswordResetLink).where(
            (PasswordResetLink.user_id == user.id)
            | (PasswordResetLink.created_by_id == user.id)))
        session.execute(delete(User).where(User.id == user.id))

