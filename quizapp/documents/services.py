"""A teacher's own documents: added, corrected, listed; and the questions a correction
left without their quote.

A document is stored verbatim (``reading.normalise_body`` only unifies newlines and takes
out invisible characters no quote could hold), in the teacher's namespace
(``t<id>.<slug>``, as banks are), and never changes a question: a question whose quote a
correction removed is flagged on the document's and the bank's pages until its teacher
edits it.
"""

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..banks.models import Bank, Document, Question
from ..banks.ownership import stored_name
from ..banks.services import broken_quotes, questions_quoting
from ..core.messages import N_
from ..core.text import clean_text
from ..database import utcnow, write_transaction
from ..extensions import db

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


class DocumentRefused(ValueError):
    """Nothing was stored; ``field`` names the form field, ``message`` an untranslated
    message id."""

    def __init__(self, field: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.params = params


@dataclass(frozen=True)
class DocumentText:
    """What a teacher gives for a document; ``body`` already read and normalised."""

    slug: str
    title_ar: str
    title_en: str
    event_date: date | None
    language: str
    summary: str
    body: str


def _digest(text: DocumentText) -> str:
    return hashlib.sha256("\x00".join([
        text.title_ar, text.title_en, str(text.event_date or ""), text.language,
        text.summary, text.body]).encode("utf-8")).hexdigest()


def _cleaned(text: DocumentText) -> DocumentText:
    """Titles and summary as every typed name is kept (core/text.py): a NUL breaks
    PostgreSQL, a bidi override makes a title read other than it is. The body has its
    own rule (reading.normalise_body)."""
    summary = "\n".join(clean_text(line) for line in text.summary.splitlines())
    return replace(text, title_ar=clean_text(text.title_ar), title_en=clean_text(text.title_en),
                   summary=summary.strip("\n"))


def _check(text: DocumentText) -> None:
    if not (text.title_ar or text.title_en):
        raise DocumentRefused("title_ar", N_("give the title in Arabic, in English or both"))
    if text.language not in ("ar", "en"):
        raise DocumentRefused("language", N_("choose Arabic or English"))


def _summary(text: DocumentText) -> dict[str, str | None]:
    """The summary in the column of the document's language (and the other one empty)."""
    if text.language == "ar":
        return {"summary_ar": text.summary, "summary_en": ""}
    return {"summary_ar": None, "summary_en": text.summary}


def add_document(owner_id: int, text: DocumentText, *, max_documents: int) -> Document:
    """Store a new document of the teacher's, under their namespace."""
    if not SLUG.match(text.slug):
        raise DocumentRefused("slug", N_("must be lowercase letters, digits and hyphens"))
    text = _cleaned(text)
    _check(text)
    slug = stored_name(text.slug, owner_id)
    try:
        return _insert(owner_id, slug, text, max_documents)
    except IntegrityError:  # the same name stored by another request meanwhile
        raise DocumentRefused("slug", N_("you already have a document named %(slug)s; "
                                         "choose another name"), slug=text.slug) from None


def _insert(owner_id: int, slug: str, text: DocumentText, max_documents: int) -> Document:
    with write_transaction():
        if db.session.scalar(select(Document.id).where(Document.slug == slug)) is not None:
            raise DocumentRefused("slug", N_("you already have a document named %(slug)s; "
                                             "choose another name"), slug=text.slug)
        kept = db.session.scalar(select(func.count()).select_from(Document)
                                 .where(Document.owner_id == owner_id)) or 0
        if kept >= max_documents:
            raise DocumentRefused("slug", N_("you have reached the limit on documents per "
                                             "teacher (%(limit)s)"), limit=max_documents)
        document = Document(
            slug=slug, owner_id=owner_id, shipped=False, title_ar=text.title_ar,
            title_en=text.title_en, event_date=text.event_date, language=text.language,
            body=text.body, body_en=None, content_hash=_digest(text), **_summary(text))
        db.session.add(document)
    return document


def correct_document(document: Document, text: DocumentText) -> list[Question]:
    """Replace a document's text and details; the questions whose quote the new text no
    longer holds, which stay as they are (flagged, never changed or deleted)."""
    text = _cleaned(text)
    _check(text)
    with write_transaction():
        document.title_ar, document.title_en = text.title_ar, text.title_en
        document.event_date, document.language = text.event_date, text.language
        document.body = text.body
        for column, value in _summary(text).items():
            setattr(document, column, value)
        document.content_hash = _digest(text)
        document.updated_at = utcnow()
    return flagged_questions(document)


def flagged_questions(document: Document) -> list[Question]:
    """The active questions drawn from the document whose quote it no longer holds."""
    questions = questions_quoting(document)
    broken = broken_quotes(questions)
    return [question for question in questions if question.id in broken]


def own_documents(owner_id: int) -> list[Document]:
    return list(db.session.scalars(select(Document).where(Document.owner_id == owner_id)
                                   .order_by(Document.updated_at.desc())))


def citing_banks(document: Document) -> list[Bank]:
    """The banks that cite the document (what its owner sees on its page)."""
    return list(db.session.scalars(select(Bank).where(Bank.documents.contains(document))
                                   .order_by(Bank.slug)))
