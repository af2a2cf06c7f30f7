"""One-time password-reset links: a teacher makes one for a student of theirs (the class
page checks that), the student sets a new password with it. Only the token's hash is kept.

Whoever opens the link chooses the password, so a teacher could log in as the student:
a teacher may only make one for a student no other teacher teaches, or they could read
the other teacher's private banks through the student's account. And because the
student may not be the one who chose it, the link never clears must_change_password.
"""

import hashlib
import secrets
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, select

from ..core.text import isolate
from ..database import utcnow, write_transaction
from ..extensions import db
from .models import ClassMembership, PasswordResetLink, SchoolClass, User
from .passwords import hash_password
from .services import AccountError

RESET_LINK_LIFETIME = timedelta(hours=24)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def taught_by_another_teacher(teacher: User, student: User) -> bool:
    return bool(db.session.scalar(select(exists().where(
        ClassMembership.user_id == student.id,
        ClassMembership.class_id == SchoolClass.id,
        SchoolClass.teacher_id != teacher.id))))


def create_reset_link(teacher: User, student: User) -> str:
    """A one-time token for the student's new password; only its hash is kept.

    Raises:
        AccountError: the student is also in another teacher's class.
    """
    if taught_by_another_teacher(teacher, student):
        raise AccountError(_l("%(name)s is also in another teacher's class, so only they "
                              "can change their password (in their account settings).",
                              name=isolate(student.display_name)))
    token = secrets.token_urlsafe(32)
    with write_transaction() as session:
        session.add(PasswordResetLink(user_id=student.id, created_by_id=teacher.id,
                                      token_hash=_token_hash(token),
                                      expires_at=utcnow() + RESET_LINK_LIFETIME))
    return token


def valid_reset_link(token: str) -> PasswordResetLink | None:
    link = db.session.scalar(
        select(PasswordResetLink).where(PasswordResetLink.token_hash == _token_hash(token)))
    if link is None or link.used_at is not None or link.expires_at <= utcnow():
        return None
    return link


def use_reset_link(token: str, new_password: str) -> User:
    with write_transaction() as session:
        link = valid_reset_link(token)
        if link is None:
            raise AccountError(_l("This link has expired or was already used."))
        user = session.get(User, link.user_id)
        if user is None:  # deleted since the link was read (its link goes with it)
            raise AccountError(_l("This link has expired or was already used."))
        user.password_hash = hash_password(new_password)
        user.session_version = user.session_version + 1
        link.used_at = utcnow()
    return user
