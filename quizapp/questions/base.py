"""What a question type declares: one object with every hook, so nothing else switches on
a type's name. Plain data in and out, no Flask: rows keep a question's type-specific
fields as a ``details`` mapping, and the hooks work on that mapping.
"""

import random
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Protocol, TypeVar
from xml.etree.ElementTree import Element

from pydantic import BaseModel

from .imported import ImportedQuestion

# A response to an answered question, as stored: a choice key, a list of keys, a bool,
# typed text, a list of item indices, or a mapping of left index to right index.
Response = Any
# A response or a right answer in words: texts, (left, right) pairs, or true/false.
Described = list[str] | list[tuple[str, str]] | bool
Details = Mapping[str, Any]
PathParts = tuple[str | int, ...]

# The longest typed answer kept from a form.
MAX_TEXT = 200

Model = TypeVar("Model", bound=BaseModel)




def same_text(text: str) -> str:
    """Text as the checks compare it: case and spacing aside."""
    return " ".join(text.casefold().split())


class ProblemReport(Protocol):
    """Where a type's cross-field checks report: the validator's file checker."""

    def add(self, path: PathParts, template: str, **params: str | int | float) -> None: ...


class FormData(Protocol):
    """A submitted form: werkzeug's MultiDict, or anything that reads like it."""

    def get(self, key: str) -> str | None: ...

    def getlist(self, key: str) -> list[str]: ...


@dataclass(frozen=True)
class AnswerResult:
    """A verdict, and for typed answers why, so a page can say it: ``reason`` is one of
    REASONS and ``value`` what the reason names (the number as read, the accepted
    spelling it was close to, the two values named, the unit the bank expects, the
    qualifier)."""

    correct: bool
    score: float  # 0..1; partial credit for multiple_choice, ordering and matching
    given: Any = None  # the response as it was compared
    expected: Any = None  # what it was compared with
    details: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    value: Any = None


# Why a typed answer was accepted or not, with what ``AnswerResult.value`` holds:
REASONS = {
    "exact": "accepted as written (value: the accepted answer it equals)",
    "variant": "accepted: another spelling the glossary lists (value: that spelling)",
    "spelling_close": "accepted: spelling differs slightly (value: the accepted answer)",
    "fuller_name": "accepted: a fuller name or a generic head word (value: the answer)",
    "read_as": "a number, accepted as read (value: the number, in the bank's unit)",
    "wrong": "not accepted: another answer (value: the number as read, if any)",
    "no_answer": "not accepted: nothing that reads as an answer (value: None)",
    "two_values": "not accepted: names two values (value: the values)",
    "wrong_unit": "not accepted: another unit or currency (value: the bank's unit)",
    "qualifier": "not accepted: a qualifier changes the fact (value: the qualifier)",
}


class NotAnswerable(ValueError):
    """Flashcards are rated by the student, not checked."""


class QuestionType(ABC, Generic[Model]):
    """One question type. Subclasses set every class attribute and define every hook;
    ``registry.missing_hooks`` refuses one that does not."""

    name: ClassVar[str]
    model: ClassVar[type[BaseModel]]  # its bank format; ``type`` is Literal[name]
    label: ClassVar[str]  # its interface name, an N_() message id translated where shown
    quick: ClassVar[bool]  # read and clicked: a fast answer takes seconds, not tens of them
    answerable: ClassVar[bool]  # graded, so a quiz can ask it (flashcards are rated)

    @property
    def partial(self) -> str:
        """The template that shows its answering controls."""
        return f"questions/{self.name}.html"

    @abstractmethod
    def check(self, question: Model, report: ProblemReport, path: PathParts) -> None:
        """Checks across fields that the schema cannot express, reported at their place."""

    @abstractmethod
    def from_moodle(self, question: ImportedQuestion) -> dict[str, Any] | None:
        """This type's bank fields for a question read from Moodle XML, GIFT, a CSV or an
        Anki deck (all in Moodle's question model), or None when it is not of this type.
        ``id``, ``explanation`` and ``tags`` are added by the importer."""

    @abstractmethod
    def layout(self, details: Details, rng: random.Random) -> list[Any]:
        """The shuffled order of whatever the student picks from; [] when nothing is."""

    @abstractmethod
    def response_from_form(self, details: Details, layout: list[Any],
                           form: FormData) -> Response:
        """The response a form carries, in the shape ``grade`` takes; None if empty."""

    @abstractmethod
    def grade(self, details: Details, response: Response) -> AnswerResult:
        """Compare a response with what the bank accepts. May raise TypeError, ValueError
        or AttributeError on a malformed response, which ``check_answer`` counts wrong."""

    @abstractmethod
    def describe_response(self, details: Details, response: Response, lang: str) -> Described:
        """A (non-None) response in words, for feedback and quiz reviews."""

    def grading_hints(self, details: Details, quote: str,
                      glossary: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        """What grading needs beyond the bank's text, derived when the bank is loaded from
        the source ``quote`` and the glossary's entries; most types need nothing."""
        return {}

    @abstractmethod
    def correct_answer(self, details: Details, lang: str) -> Described:
        """The right answer in words, in the reader's language."""

    # Export hooks: how the type is written into other tools' formats (quizapp.interop).
    # ``prompt`` maps "ar" and "en" to the question's prompt (a flashcard's front).

    @abstractmethod
    def anki_back(self, details: Details, lang: str) -> str:
        """The back of an Anki card in one language: HTML, every bank text escaped."""

    @abstractmethod
    def quizlet_definition(self, details: Details, lang: str) -> str:
        """The answer as one line of plain text (Quizlet's definition, a CSV column)."""

    @abstractmethod
    def moodle_xml(self, details: Details, prompt: Mapping[str, str]) -> Element:
        """A Moodle XML ``<question>`` with its type, question text and answers; the
        format adds the name, id number and general feedback."""

    @abstractmethod
    def gift(self, details: Details, prompt: str, lang: str) -> str | None:
        """The question in GIFT (after its ``::name::``), in one language; None when
        GIFT cannot express the type, which the export reports."""
