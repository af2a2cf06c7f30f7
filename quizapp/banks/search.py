"""Searching questions: within a bank or across every bank an account may see, by words
(in either language, Arabic-folded: see ``search_text``), fact kind, type and difficulty.

Always through ``access.visible_questions``: a bank the account may not see never gives a
result. A page of results is two queries (a count and the page) plus one for their tags,
whatever the number of questions.
"""

from dataclasses import dataclass, field
from math import ceil

from sqlalchemy import Select, func, select
from sqlalchemy.orm import contains_eager, selectinload

from ..extensions import db
from ..questions import registry
from .access import visible_questions
from .models import Bank, Question, QuestionTag
from .schema import FACT_KINDS
from .search_text import query_words

PAGE_SIZE = 20
MAX_QUERY_CHARS = 200
DIFFICULTIES = ("easy", "medium", "hard")
# What the results page offers: a quiz of at most this many of them, and custom study of
# at most this many (study/modes.py does both).
QUIZ_FROM_RESULTS = 20
STUDY_FROM_RESULTS = 50


@dataclass(frozen=True)
class SearchFilters:
    """What a search asks for; every field is optional (None or empty: any)."""

    text: str = ""
    bank: Bank | None = None
    kind: str | None = None  # one of FACT_KINDS
    type: str | None = None  # a question type's name
    difficulty: str | None = None  # one of DIFFICULTIES
    words: list[str] = field(init=False)

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {self.kind!r}")
        if self.type is not None and registry.find(self.type) is None:
            raise ValueError(f"unknown question type {self.type!r}")
        if self.difficulty is not None and self.difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown difficulty {self.difficulty!r}")
        if len(self.text) > MAX_QUERY_CHARS:
            raise ValueError("search text too long")
        object.__setattr__(self, "words", query_words(self.text))

    @property
    def asked(self) -> bool:
        """Whether anything narrows the search (a bank alone lists the bank)."""
        return bool(self.words or self.kind or self.type or self.difficulty or self.bank)

    def as_args(self) -> dict[str, str]:
        """The filters as query arguments, for links and forms that keep them."""
        args = {"q": self.text, "bank": self.bank.slug if self.bank else None,
                "kind": self.kind, "type": self.type, "difficulty": self.difficulty}
        return {key: value for key, value in args.items() if value}


def matching(user, filters: SearchFilters) -> Select:
    """The active questions of active banks ``user`` may see that match ``filters``."""
    query = visible_questions(user).where(Bank.retired_at.is_(None))
    for word in filters.words:
        # Every word, anywhere in the folded text (a part of a word matches too).
        query = query.where(Question.search_text.contains(word, autoescape=True))
    if filters.bank is not None:
        query = query.where(Question.bank_id == filters.bank.id)
    if filters.kind is not None:
        query = query.where(Question.id.in_(
            select(QuestionTag.question_id).where(QuestionTag.tag == filters.kind)))
    if filters.type is not None:
        query = query.where(Question.type == filters.type)
    if filters.difficulty is not None:
        query = query.where(Question.difficulty == filters.difficulty)
    return query


@dataclass(frozen=True)
class SearchPage:
    questions: list[Question]
    total: int
    page: int  # 1-based
    pages: int


def search_page(user, filters: SearchFilters, page: int = 1) -> SearchPage:
    """One page of results, in bank then bank order; a page past the end is empty."""
    query = matching(user, filters)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    questions = list(db.session.scalars(
        query.options(contains_eager(Question.bank), selectinload(Question.tag_rows))
        .order_by(Bank.slug, Question.position)
        .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)))
    return SearchPage(questions, total, page, max(1, ceil(total / PAGE_SIZE)))


def matching_ids(user, filters: SearchFilters, *, limit: int,
                 answerable_only: bool = False) -> list[int]:
    """The ids of up to ``limit`` matching questions, in bank and bank order; only the
    types a quiz can ask with ``answerable_only``."""
    query = matching(user, filters)
    if answerable_only:
        query = query.where(Question.type.in_(registry.answerable_names()))
    return list(db.session.scalars(
        query.with_only_columns(Question.id).order_by(Bank.slug, Question.position)
        .limit(limit)))
