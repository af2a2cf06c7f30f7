"""Classes: join codes, invite links, membership and assignments."""

import secrets
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import CursorResult, delete, func, select

from ..accounts.models import Assignment, ClassMembership, SchoolClass, User
from ..accounts.services import AccountError, NewAccount, add_user
from ..banks.models import Bank
from ..core.text import clean_text
from ..database import write_transaction
from ..extensions import db

# No 0/O or 1/I/L: codes are read aloud and copied from a board.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10  # 31**10 ≈ 8e14 codes: not guessable at any rate limit


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def create_class(teacher: User, name: str) -> SchoolClass:
    with write_transaction() as session:
        school_class = SchoolClass(teacher_id=teacher.id, name=clean_text(name),
                                   join_code=new_join_code())
        session.add(school_class)
    return school_class


def regenerate_code(school_class: SchoolClass) -> None:
    with write_transaction():
        school_class.join_code = new_join_code()


def join_class(student: User, code: str) -> SchoolClass:
    with write_transaction() as session:
        school_class = session.scalar(
            select(SchoolClass).where(SchoolClass.join_code == normalise_code(code)))
        if school_class is None:
            raise AccountError(_l("No class has this code. Check it with your teacher."), "code")
        if student.is_teacher:
            raise AccountError(_l("Teachers cannot join classes as students."), "code")
        already = session.get(ClassMembership, (school_class.id, student.id))
        if already is None:
            session.add(ClassMembership(class_id=school_class.id, user_id=student.id))
    return school_class


# --- Invite links: new accounts straight into the class --------------------------------

INVITE_CODE_LENGTH = 12


def enable_invite(school_class: SchoolClass) -> None:
    """A new invite code (the old link stops working)."""
    with write_transaction():
        school_class.invite_code = "".join(
            secrets.choice(CODE_ALPHABET) for _ in range(INVITE_CODE_LENGTH))


def disable_invite(school_class: SchoolClass) -> None:
    with write_transaction():
        school_class.invite_code = None


def class_by_invite(code: str) -> SchoolClass | None:
    code = normalise_code(code)
    if len(code) != INVITE_CODE_LENGTH:
        return None
    return db.session.scalar(select(SchoolClass).where(SchoolClass.invite_code == code))


def class_size(session, school_class: SchoolClass) -> int:
    return session.scalar(select(func.count()).select_from(ClassMembership).where(
        ClassMembership.class_id == school_class.id))


def register_by_invite(code: str, account: NewAccount, size_cap: int) -> User:
    """Create a student account and put it in the invite's class, in one transaction."""
    with write_transaction() as session:
        school_class = class_by_invite(code)
        if school_class is None:
            raise AccountError(_l("This invite link no longer works. Ask your teacher for "
                                  "a new one."))
        if class_size(session, school_class) >= size_cap:
            raise AccountError(_l("This class is full. Ask your teacher."))
        user = add_user(session, account)
        session.add(ClassMembership(class_id=school_class.id, user_id=user.id))
    return user


def leave_class(student: User, school_class: SchoolClass) -> None:
    with write_transaction() as session:
        session.execute(delete(ClassMembership).where(
            ClassMembership.class_id == school_class.id, ClassMembership.user_id == student.id))


def remove_student(school_class: SchoolClass, student: User) -> None:
    leave_class(student, school_class)


def assign_bank(school_class: SchoolClass, bank: Bank, due_on: date | None) -> None:
    with write_transaction() as session:
        assignment = session.scalar(select(Assignment).where(
            Assignment.class_id == school_class.id, Assignment.bank_id == bank.id))
        if assignment is None:
            session.add(Assignment(class_id=school_class.id, bank_id=bank.id, due_on=due_on))
        else:
            assignment.due_on = due_on


def unassign(school_class: SchoolClass, assignment_id: int) -> bool:
    with write_transaction() as session:
        result = session.execute(delete(Assignment).where(
            Assignment.id == assignment_id, Assignment.class_id == school_class.id))
    assert isinstance(result, CursorResult)  # what a DELETE statement always returns
    return result.rowcount == 1


def assignments(class_ids: list[int]) -> list[Assignment]:
    if not class_ids:
        return []
    return list(db.session.scalars(
        select(Assignment).where(Assignment.class_id.in_(class_ids))
        .join(Bank).where(Bank.retired_at.is_(None))
        .order_by(Assignment.due_on.is_(None), Assignment.due_on, Bank.slug)
    ))


def classes_taught(teacher: User) -> list[tuple[SchoolClass, int]]:
    """The teacher's classes with their number of students, in one query."""
    return list(db.session.execute(
        select(SchoolClass, func.count(ClassMembership.user_id))
        .outerjoin(ClassMembership, ClassMembership.class_id == SchoolClass.id)
        .where(SchoolClass.teacher_id == teacher.id)
        .group_by(SchoolClass.id)
        .order_by(SchoolClass.name)
    ).all())


def classes_joined(student: User) -> list[SchoolClass]:
    return list(db.session.scalars(
        select(SchoolClass).join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
        .where(ClassMembership.user_id == student.id).order_by(SchoolClass.name)
    ))
