"""Which banks an account may see.

The shipped banks (no owner) are public. A bank a teacher published belongs to them: it
is visible to that teacher and to the students of that teacher's classes, to nobody else.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import or_, select

from ..accounts.models import ClassMembership, SchoolClass
from ..extensions import db
from .models import Bank


def visible_to(user):
    """A condition on Bank: the banks ``user`` (maybe anonymous) may see."""
    if not getattr(user, "is_authenticated", False):
        return Bank.owner_id.is_(None)
    return visible_to_account(user.id)


def visible_to_account(user_id):
    """The same for a logged-in account's id (a value or a bound parameter)."""
    teachers = (select(SchoolClass.teacher_id)
                .join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
                .where(ClassMembership.user_id == user_id))
    return or_(Bank.owner_id.is_(None), Bank.owner_id == user_id, Bank.owner_id.in_(teachers))


def visible_banks():
    """The active banks the current account may see."""
    return select(Bank).where(Bank.retired_at.is_(None), visible_to(current_user))


def visible_bank_or_404(slug: str, *, include_retired: bool = False) -> Bank:
    query = (select(Bank).where(visible_to(current_user)) if include_retired
             else visible_banks())
    bank = db.session.scalar(query.where(Bank.slug == slug))
    if bank is None:
        abort(404)
    return bank


def own_bank_or_404(slug: str) -> Bank:
    """A bank the current teacher published (retired or not); 404 for anyone else's."""
    bank = db.session.scalar(
        select(Bank).where(Bank.slug == slug, Bank.owner_id == current_user.id))
    if bank is None:
        abort(404)
    return bank


def downloadable_bank_or_404(slug: str) -> Bank:
    """A bank whose YAML and history the current teacher may read: a shipped one or
    their own (retired or not)."""
    bank = db.session.scalar(select(Bank).where(
        Bank.slug == slug, or_(Bank.owner_id.is_(None), Bank.owner_id == current_user.id)))
    if bank is None:
        abort(404)
    return bank
