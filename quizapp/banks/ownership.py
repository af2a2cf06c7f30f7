"""Whose names a load may use: each teacher's namespace, what belongs to whom, and how
many banks a teacher may keep.

A load either loads the shipped banks (``owner_id`` None) or publishes one teacher's; a
stored bank belongs to "shipped" (``Bank.shipped``), to a teacher's id, or to nobody (its
teacher left: ``owner_id`` NULL and not shipped), and what belongs to nobody is never
taken over, not even by the shipped loader.
"""

from sqlalchemy import func, select

from ..core.messages import N_
from ..extensions import db
from .models import Bank
from .problems import Problem
from .validator import Report


def stored_name(name: str, owner_id: int | None) -> str:
    """The slug or question id a bank's name is stored (and linked) under.

    A teacher's names take their account's prefix, "t12.", with a dot no shipped name may
    contain: a shipped bank that later adds a teacher's slug or id meets nothing, so
    `flask bank load` always loads, and one teacher's names never meet another's.
    """
    return name if owner_id is None else f"t{owner_id}.{name}"


def written_name(stored: str) -> str:
    """The slug or id as its author wrote it (what stored_name was given)."""
    return stored.partition(".")[2] or stored


Publisher = str | int | None  # see publisher()


def publisher(shipped: bool, owner_id: int | None) -> Publisher:
    """Who a stored bank belongs to: "shipped", a teacher's id, or None (teacher left)."""
    return "shipped" if shipped else owner_id


def ownership_problems(report: Report, banks: dict[str, Bank], owner_by_uid: dict[str, Publisher],
                        owner_id: int | None) -> list[Problem]:
    """Names stored under the same key for someone else: with the namespaces, only a bank
    whose owner is gone (its owner_id set to NULL) can be met, and it is not taken over."""
    loading_as = "shipped" if owner_id is None else owner_id
    problems = []
    for checked in report.banks:
        marks = checked.parsed
        bank = banks.get(stored_name(checked.header.slug, owner_id))
        if bank is not None and publisher(bank.shipped, bank.owner_id) != loading_as:
            line, column = marks.where(("slug",))
            problems.append(Problem(
                checked.file, line, column, "slug",
                N_("the slug %(slug)s is already used by another bank; choose another"),
                {"slug": checked.header.slug}))
        for index, question in enumerate(checked.questions):
            uid = stored_name(question.id, owner_id)
            if uid in owner_by_uid and owner_by_uid[uid] != loading_as:
                line, column = marks.where(("questions", index, "id"))
                problems.append(Problem(
                    checked.file, line, column, f"questions[{index}].id",
                    N_("the id %(id)s is already used by another bank; choose another"),
                    {"id": question.id}))
    return problems


def quota_problems(report: Report, banks: dict[str, Bank], owner_id: int,
                    max_banks: int) -> list[Problem]:
    """New banks past what the owner may keep (retired ones count: they keep history)."""
    new = [checked for checked in report.banks
           if stored_name(checked.header.slug, owner_id) not in banks]
    if not new:
        return []
    kept = db.session.scalar(select(func.count()).select_from(Bank).where(
        Bank.owner_id == owner_id)) or 0
    if kept + len(new) <= max_banks:
        return []
    problems = []
    for checked in new:
        line, column = checked.parsed.where(("slug",))
        problems.append(Problem(
            checked.file, line, column, "slug",
            N_("you have reached the limit on banks per teacher (%(limit)s); publish a "
               "new version of one of your banks instead"), {"limit": max_banks}))
    return problems
