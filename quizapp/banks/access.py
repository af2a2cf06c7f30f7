"""Who may see which bank, and so which question: the one rule every view, form handler
and export goes through when it takes a bank or question id (or slug, or uid) from a
request. Anything the rule hides is a 404, as if it did not exist.

A shipped bank (``Bank.shipped``, loaded from questions/) is public. A bank a teacher
published belongs to them: it is visible to that teacher and to the students of that
teacher's classes, to nobody else. A bank whose teacher deleted their account is neither
shipped nor owned: it is visible to nobody (see ``Bank.shipped``).

Documents follow their banks: a shipped document is public; a teacher's own document is
visible to that teacher and to whoever may see a bank that cites it (their classes'
students), never to another teacher. A teacher's glossary entries are theirs alone.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import or_, select

from ..accounts.models import ClassMembership, SchoolClass
from ..core.params import names_nothing
from ..extensions import db
from .models import Bank, Document, GlossaryEntry, Question, bank_documents


def visible_to(user):
    """A condition on Bank: the banks ``user`` (maybe anonymous) may see."""
    if not getattr(user, "is_authenticated", False):
        return Bank.shipped.is_(True)
    return visible_to_account(user.id)


def visible_to_account(user_id):
    """The same for a logged-in account's id (a value or a bound parameter)."""
    teachers = (select(SchoolClass.teacher_id)
                .join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
                .where(ClassMembership.user_id == user_id))
    return or_(Bank.shipped.is_(True), Bank.owner_id == user_id, Bank.owner_id.in_(teachers))


def shipped_or_owned_by(user_id):
    """A condition on Bank: the shipped banks and the ones ``user_id`` published.

    What a teacher may download, and the only banks a teacher's view of a student shows:
    a student shared with another teacher keeps that teacher's banks to themselves.
    """
    return or_(Bank.shipped.is_(True), Bank.owner_id == user_id)


def _word_or_404(word: str) -> None:
    """Every slug or uid from a request (a path, a query argument, a form) is checked
    here before it reaches a query."""
    if names_nothing(word):
        abort(404)


def visible_banks(user=None):
    """The active banks an account (the current one by default) may see."""
    user = current_user if user is None else user
    return select(Bank).where(Bank.retired_at.is_(None), visible_to(user))


def visible_bank_or_404(slug: str, *, include_retired: bool = False) -> Bank:
    _word_or_404(slug)
    query = (select(Bank).where(visible_to(current_user)) if include_retired
             else visible_banks())
    return _one_or_404(query.where(Bank.slug == slug))


def visible_bank_by_id_or_404(bank_id: int) -> Bank:
    """An active bank the current account may see, by its id (as a form sends it)."""
    return _one_or_404(visible_banks().where(Bank.id == bank_id))


def own_bank_or_404(slug: str) -> Bank:
    """A bank the current teacher published (retired or not); 404 for anyone else's."""
    _word_or_404(slug)
    return _one_or_404(select(Bank).where(Bank.slug == slug, Bank.owner_id == current_user.id))


def downloadable_bank_or_404(slug: str) -> Bank:
    """A bank whose YAML and history the current teacher may read: a shipped one or
    their own (retired or not)."""
    _word_or_404(slug)
    return _one_or_404(select(Bank).where(Bank.slug == slug,
                                          shipped_or_owned_by(current_user.id)))


def visible_questions(user=None, *, include_retired: bool = False):
    """The questions whose bank an account (the current one by default) may see."""
    user = current_user if user is None else user
    query = select(Question).join(Bank, Bank.id == Question.bank_id).where(visible_to(user))
    return query if include_retired else query.where(Question.retired_at.is_(None))


def visible_question_or_404(question_id: int, *, user=None,
                            include_retired: bool = False) -> Question:
    """A question by id, if its bank is visible to the account; else a 404.

    ``include_retired``: a retired question still shows where it was already asked (an
    attempt's own questions), never for new study.
    """
    return _one_or_404(visible_questions(user, include_retired=include_retired)
                       .where(Question.id == question_id))


def visible_question_by_uid_or_404(uid: str, *, user=None) -> Question:
    _word_or_404(uid)
    return _one_or_404(visible_questions(user, include_retired=True).where(Question.uid == uid))


def visible_quote(document_id: int, uid: str, *, user=None) -> str | None:
    """The quote of a question the account may see, from that document; else None."""
    if names_nothing(uid):
        return None
    user = current_user if user is None else user
    return db.session.scalar(
        select(Question.quote).join(Bank, Bank.id == Question.bank_id)
        .where(Question.uid == uid, Question.document_id == document_id, visible_to(user)))


def visible_documents_condition(user=None):
    """A condition on Document: the documents an account (the current one by default,
    maybe anonymous) may read."""
    user = current_user if user is None else user
    if not getattr(user, "is_authenticated", False):
        return Document.shipped.is_(True)
    cited = (select(bank_documents.c.document_id)
             .join(Bank, Bank.id == bank_documents.c.bank_id)
             .where(Bank.retired_at.is_(None), visible_to_account(user.id)))
    return or_(Document.shipped.is_(True), Document.owner_id == user.id,
               Document.id.in_(cited))


def visible_document_or_404(slug: str, *, user=None) -> Document:
    _word_or_404(slug)
    return _one_or_404(select(Document).where(Document.slug == slug,
                                              visible_documents_condition(user)))


def own_document_or_404(slug: str) -> Document:
    """A document the current teacher added; 404 for anyone else's, and for shipped ones."""
    _word_or_404(slug)
    return _one_or_404(select(Document).where(Document.slug == slug,
                                              Document.owner_id == current_user.id))


def own_document_by_id_or_404(document_id: int) -> Document:
    """The same by id, as a background job holds it."""
    return _one_or_404(select(Document).where(Document.id == document_id,
                                              Document.owner_id == current_user.id))


def own_glossary_entry_or_404(slug: str) -> GlossaryEntry:
    """A glossary entry the current teacher added; 404 for anyone else's."""
    _word_or_404(slug)
    return _one_or_404(select(GlossaryEntry).where(GlossaryEntry.slug == slug,
                                                   GlossaryEntry.owner_id == current_user.id))


def _one_or_404(query):
    found = db.session.scalar(query)
    if found is None:
        abort(404)
    return found
