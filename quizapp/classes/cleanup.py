"""What a deleted account leaves of classes: nothing of its own, no hold on others'."""

from sqlalchemy import delete, select

from ..accounts.models import Assignment, ClassMembership, SchoolClass, User
from ..accounts.signals import account_deleted


@account_deleted.connect
def forget_classes(user: User, *, session, **_) -> None:
    """A leaving teacher's classes go with their assignments and memberships; a leaving
    student leaves every class."""
    class_ids = select(SchoolClass.id).where(SchoolClass.teacher_id == user.id)
    session.execute(delete(Assignment).where(Assignment.class_id.in_(class_ids)))
    session.execute(delete(ClassMembership).where(
        ClassMembership.class_id.in_(class_ids) | (ClassMembership.user_id == user.id)))
    session.execute(delete(SchoolClass).where(SchoolClass.teacher_id == user.id))
