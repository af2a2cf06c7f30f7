"""Source documents, question banks and questions, as loaded from the YAML banks."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import Model, db

if TYPE_CHECKING:
    from ..accounts.models import User

bank_documents = Table(
    "bank_documents",
    db.metadata,
    Column("bank_id", ForeignKey("banks.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="RESTRICT"), primary_key=True),
)


class Document(Model):
    """A source document: the text every question's quote comes from.

    Shipped (loaded from questions/sources, public), or added by a teacher in the browser
    (``owner_id``; its slug in the teacher's namespace, as a bank's). A teacher's document
    is stored verbatim: quotes are checked against exactly this text.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # As written for a shipped document; "t<owner id>." + as written for a teacher's.
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title_ar: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    event_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    # A shipped document's English summary; a teacher's English document's own summary.
    summary_en: Mapped[str] = mapped_column(Text)
    # A teacher's Arabic document's summary (shipped ones have none).
    summary_ar: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    # The English translation, paragraph for paragraph (loaded from <slug>.en.txt); the
    # Arabic body stays the authority and is always shown beside it.
    body_en: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # As for banks: True for questions/sources; a teacher's document keeps its owner, and
    # one whose teacher left (owner_id NULL, not shipped) is visible to nobody.
    shipped: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)

    def title(self, lang: str) -> str:
        """The title in ``lang``, or in the other language when it has only one."""
        wanted, other = ((self.title_ar, self.title_en) if lang == "ar"
                         else (self.title_en, self.title_ar))
        return wanted or other

    @property
    def own_summary(self) -> str:
        """The summary as its teacher wrote it, in the document's language."""
        return (self.summary_ar or "") if self.language == "ar" else self.summary_en

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.body.splitlines() if line.strip()]

    @property
    def paragraphs_en(self) -> list[str]:
        """The translation's paragraphs, one per Arabic paragraph; empty without one."""
        translated = [line for line in (self.body_en or "").splitlines() if line.strip()]
        return translated if len(translated) == len(self.paragraphs) else []

    def marked_paragraphs(self, quote: str | None) -> list[tuple[str, str, str]]:
        """Each paragraph as (before, quote, after); the quote's first occurrence marked."""
        marked, found = [], False
        for paragraph in self.paragraphs:
            position = -1 if found or not quote else paragraph.find(quote)
            if quote is None or position < 0:
                marked.append((paragraph, "", ""))
                continue
            found = True
            end = position + len(quote)
            marked.append((paragraph[:position], quote, paragraph[end:]))
        return marked

    def passage(self, quote: str) -> tuple[str, str, str] | None:
        """The paragraph that holds the quote, split around it."""
        return next((p for p in self.marked_paragraphs(quote) if p[1]), None)


class Bank(Model):
    """A question bank: one YAML file (shipped), or one upload by a teacher (owner).

    When a teacher deletes their account, their banks are kept, private and orphaned:
    ``owner_id`` becomes NULL while ``shipped`` stays False, so the banks are visible to
    nobody (not other teachers, not the students of the classes that went with the
    account), and their students' cards and review history stay whole. Nobody can take
    such a bank over: its slug and question ids stay taken.
    """

    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    # As written for a shipped bank; "t<owner id>." + as written for a teacher's (loader).
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title_ar: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    description_ar: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text)
    topic_tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The languages its content is written in ("ar", "en" or both; see content_language).
    languages: Mapped[list[str]] = mapped_column(
        JSON, default=lambda: ["ar", "en"], server_default=text("'[\"ar\", \"en\"]'"))
    # True for the banks shipped in questions/ (public); never inferred from owner_id.
    shipped: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The teacher who published it; NULL for a shipped bank, and for a teacher's bank
    # whose teacher deleted their account (see ``shipped`` for what that means).
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    documents: Mapped[list[Document]] = relationship(
        secondary=bank_documents, order_by=Document.slug
    )

    def title(self, lang: str) -> str:
        return self.title_ar if lang == "ar" else self.title_en

    def description(self, lang: str) -> str:
        return self.description_ar if lang == "ar" else self.description_en

    def content_language(self, lang: str) -> str:
        """The language its content is shown in to a reader of ``lang``: that one when
        the bank is written in it, else the bank's own (an Arabic-only bank is read in
        Arabic inside an English page)."""
        languages = self.languages or ["ar", "en"]
        return lang if lang in languages else languages[0]


class Question(Model):
    """One question. ``uid`` is the bank's stable id, which every study record refers to.

    A question that disappears from its bank is retired (hidden from new study), never
    deleted, so the history that refers to it stays whole.
    """

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_bank_active", "bank_id", "retired_at", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(100), unique=True)  # prefixed as Bank.slug
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="RESTRICT"))
    # None, with an empty quote, in a bank not drawn from a document (an imported one).
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int]
    type: Mapped[str] = mapped_column(String(20))
    prompt_ar: Mapped[str] = mapped_column(Text)
    prompt_en: Mapped[str] = mapped_column(Text)
    explanation_ar: Mapped[str] = mapped_column(Text)
    explanation_en: Mapped[str] = mapped_column(Text)
    # The type-specific fields (choices, answer, items, pairs, back...), as in the YAML.
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    quote: Mapped[str] = mapped_column(Text)
    # The quote's English translation, for students who study in English.
    quote_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    difficulty: Mapped[str | None] = mapped_column(String(10))
    # Prompts, right answer and quotes in both languages, folded for search
    # (search_text.question_search_text): written with the row, matched with LIKE.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    bank: Mapped[Bank] = relationship()
    document: Mapped[Document | None] = relationship()
    tag_rows: Mapped[list["QuestionTag"]] = relationship(
        cascade="all, delete-orphan", order_by="QuestionTag.tag"
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]

    def prompt(self, lang: str) -> str:
        """The prompt in ``lang``; in the other language when the bank has no text in it
        (a monolingual bank's rows carry its language in both columns, see the
        validator, but an empty column is never shown)."""
        wanted, other = ((self.prompt_ar, self.prompt_en) if lang == "ar"
                         else (self.prompt_en, self.prompt_ar))
        return wanted or other

    def explanation(self, lang: str) -> str:
        wanted, other = ((self.explanation_ar, self.explanation_en) if lang == "ar"
                         else (self.explanation_en, self.explanation_ar))
        return wanted or other

    def content_language(self, lang: str) -> str:
        """The language this question's text is shown in to a reader of ``lang``."""
        return self.bank.content_language(lang)


class QuestionTag(Model):
    """A question's tags, one row each, so "all dates across banks" is an indexed query."""

    __tablename__ = "question_tags"
    __table_args__ = (Index("ix_question_tags_tag", "tag", "question_id"),)

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(40), primary_key=True)


class BankRevision(Model):
    """Each published version of a bank's YAML, as written: its history, downloadable."""

    __tablename__ = "bank_revisions"
    __table_args__ = (UniqueConstraint("bank_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    number: Mapped[int]
    yaml_text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    # Who published it from the browser; NULL for `flask bank load`.
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    added: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    retired: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped["User | None"] = relationship()


class GlossaryEntry(Model):
    """The glossary as loaded, so a bank checked in the browser meets the same rules
    without the request reading files."""

    __tablename__ = "glossary_entries"

    # As written for the shipped glossary; "t<owner id>." + a name for a teacher's entry.
    slug: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int]
    # The entry as validated (kind, ar, en, variants).
    entry: Mapped[dict[str, Any]] = mapped_column(JSON)
    # NULL for questions/glossary.yaml (the base every teacher shares); a teacher's own
    # names are theirs only, and go with their account.
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True)
