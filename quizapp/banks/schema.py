"""The bank format: the single source of truth for what a YAML bank may contain.

Structure and types are checked here (pydantic); each question type's own format is in
its module under ``quizapp/questions/types``. Checks that need more than one field live
in the type modules; those that need another file or the source documents live in
``validator.py``. docs/question-format.md describes this schema for authors.
"""

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Field, StringConstraints

from ..questions import registry
from ..questions.schema import LANGUAGES, Bilingual, QuestionBase, Slug, Strict, Tag, Text

__all__ = ["FACT_KINDS", "LANGUAGES", "QUESTION_TYPES", "Bilingual", "Question", "Strict"]

FACT_KINDS = ("figure", "date", "person", "place", "institution", "event")
QUESTION_TYPES = registry.names()

if TYPE_CHECKING:
    Question = QuestionBase
else:
    # One member per registered type, told apart by `type`.
    Question = Annotated[Union[tuple(t.model for t in registry.all_types())],  # noqa: UP007
                         Field(discriminator="type")]


Language = Literal["ar", "en"]
_BOTH: tuple[Language, ...] = ("ar", "en")


class BankHeader(Strict):
    """A bank without its questions, which are checked one by one."""

    slug: Slug
    title: Bilingual
    description: Bilingual
    # False for a bank whose questions come from no loaded document (an imported one): its
    # questions then need no source, and its pages show no quote.
    drawn_from_document: bool = True
    # The languages the bank's content is written in: a monolingual bank gives its texts
    # in that language only, and is read in it inside either interface (see
    # validator.fill_languages).
    languages: list[Language] = Field(default_factory=lambda: list(_BOTH), min_length=1,
                                      max_length=2)
    sources: list[Slug] = Field(default_factory=list, max_length=20)
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    questions: list[Any] = Field(min_length=1, max_length=20_000)


class DocumentMeta(Strict):
    slug: Slug
    title: Bilingual
    date: dt.date | None = None
    language: Literal["ar", "en"]
    summary_en: Text
    text: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+\.txt$")]


class GlossaryVariants(Strict):
    ar: list[Text] = Field(default_factory=list)
    en: list[Text] = Field(default_factory=list)


class GlossaryEntry(Strict):
    id: Slug
    kind: Literal["person", "place", "institution"]
    ar: Text
    en: Text
    variants: GlossaryVariants = GlossaryVariants()


class Glossary(Strict):
    entries: list[GlossaryEntry] = Field(min_length=1)
