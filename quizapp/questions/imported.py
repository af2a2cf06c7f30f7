"""A question read from another program's file, in Moodle's question model (which GIFT
shares), before a question type turns it into this app's bank format. Plain data, no
Flask; texts are split by language (``{"ar": ..., "en": ...}``, a language missing when the
file does not have it)."""

from dataclasses import dataclass, field
from typing import Any

# Text in whichever of "ar" and "en" the file gives.
Texts = dict[str, str]


@dataclass(frozen=True)
class ImportedAnswer:
    text: Texts
    fraction: float = 0.0  # Moodle's grade for this answer, 0..100 (negative: a penalty)
    tolerance: str | None = None  # numerical answers


@dataclass(frozen=True)
class ImportedQuestion:
    """``kind`` is Moodle's question type name: multichoice, truefalse, numerical,
    shortanswer, ordering, matching, description."""

    kind: str
    line: int  # where the question starts in its file (a note's number for .apkg)
    name: str = ""
    prompt: Texts = field(default_factory=dict)
    feedback: Texts = field(default_factory=dict)
    answers: list[ImportedAnswer] = field(default_factory=list)
    single: bool = True  # multichoice: one right answer
    unit: Texts | None = None  # numerical: the unit with multiplier 1
    # Matching: (left, right) pairs; a pair with an empty left is a distractor.
    pairs: list[tuple[Texts, Texts]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    back: Texts = field(default_factory=dict)  # flashcards (Anki notes, CSV rows)


def bilingual(texts: Texts) -> dict[str, str]:
    """Both languages, the missing one left empty for the teacher to write (never guessed)."""
    return {"ar": texts.get("ar", ""), "en": texts.get("en", "")}


def right_answers(question: ImportedQuestion) -> list[ImportedAnswer]:
    return [answer for answer in question.answers if answer.fraction > 0]


def common(question: ImportedQuestion, type_name: str) -> dict[str, Any]:
    """The fields every type's draft starts with; ids and tags are completed by the draft."""
    return {"type": type_name, "prompt": bilingual(question.prompt)}


def keyed_answers(question: ImportedQuestion) -> list[tuple[str, ImportedAnswer]]:
    """Choices keyed a, b, c, ... in the file's order (there are at most eight)."""
    return [(chr(ord("a") + index), answer) for index, answer in enumerate(question.answers)]


def choices(question: ImportedQuestion) -> dict[str, dict[str, str]]:
    return {key: bilingual(answer.text) for key, answer in keyed_answers(question)}


def plain_number(text: str) -> int | float | str:
    """620 and 94.8 as YAML numbers; anything else as the text, for the validator to judge."""
    for kind in (int, float):
        try:
            return kind(text.strip())
        except ValueError:
            continue
    return text.strip()
