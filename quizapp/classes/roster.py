"""Student accounts from a roster: names (and optional usernames) in, one-time passwords out.

A teacher pastes or uploads a CSV; every account is created in one transaction or none
is, each with a random password shown once on a sign-in sheet and changed at first login.
"""

import csv
import io
import re
import secrets
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import select

from ..accounts.models import ClassMembership, SchoolClass, User
from ..accounts.services import (
    USERNAME,
    AccountError,
    NewAccount,
    add_user,
    normalise_username,
)
from ..core.text import clean_text
from ..database import write_transaction
from .services import class_size

# Lower case without look-alikes (no l/1, o/0): read off paper and typed by a child.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
HEADER_NAMES = {"name", "names", "student", "الاسم", "اسم"}


@dataclass
class RosterRow:
    line: int
    name: str
    username: str | None


@dataclass
class NewStudent:
    display_name: str
    username: str
    password: str


def one_time_password() -> str:
    """Three groups of four (about 59 bits): enough for a password changed at first use."""
    return "-".join("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4))
                    for _ in range(3))


def parse_roster(text: str, max_rows: int) -> list[RosterRow]:
    """Rows of a CSV of names with optional usernames; AccountError names the bad line."""
    try:
        return _rows(text, max_rows)
    except csv.Error:
        # A field over the csv module's size limit, or a broken quote.
        raise AccountError(_l("This is not a class list: one name a line, with an "
                              "optional comma and username."), "names") from None


def _rows(text: str, max_rows: int) -> list[RosterRow]:
    rows: list[RosterRow] = []
    for line, cells in enumerate(csv.reader(io.StringIO(text), strict=True), start=1):
        cells = [clean_text(cell) for cell in cells]
        if not any(cells):
            continue
        if not rows and cells[0].casefold() in HEADER_NAMES:
            continue
        name, username = cells[0], (cells[1] if len(cells) > 1 and cells[1] else None)
        if not name or len(name) > 80:
            raise AccountError(_l("Line %(line)s: give a name of 1 to 80 characters.",
                                  line=line), "names")
        if username is not None and not USERNAME.fullmatch(normalise_username(username)):
            raise AccountError(_l("Line %(line)s: a username has 3 to 40 letters, digits, "
                                  "dots, hyphens or underscores.", line=line), "names")
        rows.append(RosterRow(line, name, username))
        if len(rows) > max_rows:
            raise AccountError(lazy_ngettext("A roster can have at most %(num)s student.",
                                             "A roster can have at most %(num)s students.",
                                             max_rows), "names")
    if not rows:
        raise AccountError(_l("Paste or upload at least one name."), "names")
    return rows


# Words that make one name with the word after them ("عبد الرحمن", "آل سعود", "Abu Bakr").
NAME_PREFIXES = frozenset({"عبد", "ابو", "أبو", "آل", "ال", "بن", "ابن", "بنت",
                           "abd", "abdul", "abu", "al", "el", "bin", "ibn", "bint"})
USERNAME_LENGTH = 20  # short enough to type off a slip of paper


def _name_parts(name: str) -> list[str]:
    """The name's words, each prefix joined to the word it belongs to."""
    parts: list[str] = []
    pending = ""
    for word in re.findall(r"\w+", normalise_username(name)):
        if word in NAME_PREFIXES:
            pending += word
            continue
        parts.append(pending + word)
        pending = ""
    if pending:
        parts.append(pending)
    return parts


def _username_from(name: str) -> str:
    """First and last name, "sara.ali": whole words, at most USERNAME_LENGTH characters
    (the first name alone when both do not fit; cut only when it alone is longer)."""
    parts = _name_parts(name)
    base = ".".join(dict.fromkeys((parts[0], parts[-1]))) if parts else ""
    if len(base) > USERNAME_LENGTH:
        base = parts[0][:USERNAME_LENGTH]
    return base if len(base) >= 3 else f"student.{base}".strip(".")


def create_students(school_class: SchoolClass, rows: list[RosterRow], *, locale: str,
                    size_cap: int) -> list[NewStudent]:
    """Every row's account, in the class, each with a one-time password; or none of them."""
    created: list[NewStudent] = []
    with write_transaction() as session:
        if class_size(session, school_class) + len(rows) > size_cap:
            raise AccountError(lazy_ngettext("A class can have at most %(num)s student.",
                                             "A class can have at most %(num)s students.",
                                             size_cap), "names")
        taken: set[str] = set()
        for row in rows:
            if row.username:
                username = normalise_username(row.username)
                if username in taken:
                    raise AccountError(_l("Line %(line)s: this username is already in the "
                                          "roster.", line=row.line), "names")
            else:
                username = _free_username(session, _username_from(row.name), taken)
            taken.add(username)
            password = one_time_password()
            try:
                user = add_user(session, NewAccount(username=username, display_name=row.name,
                                                    password=password, locale=locale),
                                must_change_password=True)
            except AccountError as error:
                raise AccountError(_l("Line %(line)s: %(problem)s", line=row.line,
                                      problem=error.message), "names") from None
            session.add(ClassMembership(class_id=school_class.id, user_id=user.id))
            created.append(NewStudent(user.display_name, user.username, password))
    return created


def _free_username(session, base: str, taken: set[str]) -> str:
    """``base``, or base2, base3...: the first that no account and no earlier row has."""
    used = set(session.scalars(select(User.username).where(User.username.like(f"{base}%"))))
    candidate, number = base, 1
    while candidate in used or candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    return candidate
