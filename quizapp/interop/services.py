"""What every export starts from: a bank's active questions with their documents, read
in two queries whatever the bank's size, and the file an export hands back."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..banks.labels import TAG_LABELS
from ..banks.models import Bank, Question
from ..extensions import db
from ..questions import registry
from ..questions.base import QuestionType


@dataclass(frozen=True)
class LeftOut:
    """A question a format cannot express: reported, never dropped in silence."""

    uid: str
    type: str
    prompt_ar: str
    prompt_en: str


@dataclass
class ExportedFile:
    content: bytes
    filename: str
    mimetype: str
    written: int  # questions in the file
    left_out: list[LeftOut] = field(default_factory=list)


def bank_questions(bank: Bank) -> list[Question]:
    """The bank's active questions in order, their documents and tags loaded with them."""
    return list(db.session.scalars(
        select(Question)
        .where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        .order_by(Question.position)
        .options(joinedload(Question.document), selectinload(Question.tag_rows))))


def prompt_of(question: Question) -> dict[str, str]:
    return {"ar": question.prompt_ar, "en": question.prompt_en}


def question_type(question: Question) -> QuestionType[Any]:
    return registry.get(question.type)


def left_out(question: Question) -> LeftOut:
    return LeftOut(question.uid, question.type, question.prompt_ar, question.prompt_en)


def tags_of(question: Question) -> list[str]:
    """Anki-style tags: the fact kind and the topics, as ``kind::date``, ``topic::culture``;
    a tag holds no spaces."""
    return [("kind::" if tag in TAG_LABELS else "topic::") + tag.replace(" ", "_")
            for tag in question.tags]


@dataclass(frozen=True)
class Format:
    """One export format: how it is written, what a file of it is called and served as,
    and whether students may take it (teachers take every format)."""

    name: str
    extension: str
    mimetype: str
    for_students: bool
    write: Callable[[Bank, list[Question], str], tuple[bytes, list[LeftOut]]]


def export_bank(bank: Bank, export_format: Format, lang: str) -> ExportedFile:
    questions = bank_questions(bank)
    content, skipped = export_format.write(bank, questions, lang)
    return ExportedFile(content, f"{bank.slug}.{export_format.extension}",
                        export_format.mimetype, len(questions) - len(skipped), skipped)
