"""The bank format: the single source of truth for what a YAML bank may contain.

Structure and types are checked here (pydantic); checks that need more than one field,
another file or the source documents live in ``validator.py``. docs/question-format.md
describes this schema for authors.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FACT_KINDS = ("figure", "date", "person", "place", "institution", "event")
QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "numeric",
    "short_text",
    "ordering",
    "matching",
    "flashcard",
)
LANGUAGES = ("ar", "en")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")]
ChoiceKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]{1,20}$")]
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,38}$")]
# A number, or text that must parse as one (checked in the validator: "٦٢٠", "94.8").
Number = int | float | Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# `when` in an ordering: YAML reads 2025-06-17 as a date and 2024 as an int.
When = dt.date | int | Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Bilingual(Strict):
    ar: Text
    en: Text

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


class OrderItem(Bilingual):
    when: When | None = None


class Pair(Strict):
    left: Bilingual
    right: Bilingual


class Source(Strict):
    document: Slug
    quote: Text


class QuestionBase(Strict):
    id: QuestionId
    explanation: Bilingual
    source: Source
    tags: list[Tag] = Field(min_length=1, max_length=12)
    difficulty: Literal["easy", "medium", "hard"] | None = None


class Prompted(QuestionBase):
    prompt: Bilingual


class SingleChoice(Prompted):
    type: Literal["single_choice"]
    choices: dict[ChoiceKey, Bilingual] = Field(min_length=2, max_length=8)
    answer: ChoiceKey


class MultipleChoice(Prompted):
    type: Literal["multiple_choice"]
    choices: dict[ChoiceKey, Bilingual] = Field(min_length=2, max_length=8)
    answers: list[ChoiceKey] = Field(min_length=1, max_length=8)


class TrueFalse(Prompted):
    type: Literal["true_false"]
    answer: bool


class Numeric(Prompted):
    type: Literal["numeric"]
    answer: Number
    tolerance: Number = 0
    unit: Bilingual | None = None


class AcceptedAnswers(Strict):
    ar: list[Text] = Field(min_length=1, max_length=20)
    en: list[Text] = Field(min_length=1, max_length=20)


class ShortText(Prompted):
    type: Literal["short_text"]
    answers: AcceptedAnswers
    ignore_article: bool = False


class Ordering(Prompted):
    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3, max_length=8)


class Matching(Prompted):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=8)
    distractors: list[Bilingual] = Field(default_factory=list, max_length=6)


class Flashcard(QuestionBase):
    type: Literal["flashcard"]
    front: Bilingual
    back: Bilingual

    @property
    def prompt(self) -> Bilingual:
        return self.front


Question = Annotated[
    SingleChoice
    | MultipleChoice
    | TrueFalse
    | Numeric
    | ShortText
    | Ordering
    | Matching
    | Flashcard,
    Field(discriminator="type"),
]


class BankHeader(Strict):
    """A bank without its questions, which are checked one by one."""

    slug: Slug
    title: Bilingual
    description: Bilingual
    sources: list[Slug] = Field(min_length=1, max_length=20)
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    questions: list = Field(min_length=1, max_length=20_000)


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
