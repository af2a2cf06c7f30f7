"""The pieces every question type's bank format is built from (pydantic, no Flask)."""

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

LANGUAGES = ("ar", "en")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")]
ChoiceKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]{1,20}$")]
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,38}$")]
# A number, or text that must parse as one (checked by the type: "٦٢٠", "94.8").
Number = int | float | Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Bilingual(Strict):
    ar: Text
    en: Text

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


class Source(Strict):
    """Where a question comes from: an exact passage, and its English translation.

    The quote is the authority (it must occur verbatim in the document); the translation
    only lets a student who studies in English read it. A bilingual bank must give it
    (the validator says so); a monolingual bank needs none.
    """

    document: Slug
    quote: Text
    quote_en: Text | None = None


class QuestionBase(Strict):
    """What every question has; each type adds ``type`` and its own fields."""

    id: QuestionId
    explanation: Bilingual
    # Required in a bank drawn from documents (the validator says so); a bank that is not
    # (``drawn_from_document: false``, such as one imported from Moodle or Anki) has none.
    source: Source | None = None
    tags: list[Tag] = Field(min_length=1, max_length=12)
    difficulty: Literal["easy", "medium", "hard"] | None = None

    if TYPE_CHECKING:
        # What every type declares, stated here for the checker only (pydantic's fields and
        # their order stay each type's): ``type: Literal[<its name>]``, the bank union's
        # discriminator, and the prompt (a field, or a flashcard's front).
        type: str

        @property
        def prompt(self) -> Bilingual: ...


class Prompted(QuestionBase):
    prompt: Bilingual
