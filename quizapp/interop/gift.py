"""GIFT, Moodle's plain-text question format. GIFT has no notion of languages, so every
text carries both in the multilang spans of Moodle's core multilang filter (as the Moodle
XML export does): Moodle shows the reader's language where the filter is on, both where it
is off, and this app's importer reads both back. GIFT's escapes keep the spans' ``=`` and
``:`` from being read as GIFT marks; Moodle's GIFT import undoes them. The file's language
names its category and orders nothing else.

GIFT has no ordering question and no card with a back: those questions are listed as
left out, and named in a comment at the top of the file, never dropped in silence."""

from typing import Any

from ..banks.models import Bank, Question
from ..questions.exporting import gift_escape, multilang
from ..questions.schema import LANGUAGES
from .services import LeftOut, left_out, prompt_of, question_type

# The hooks write one language; they are handed details whose every bilingual text is
# already both languages' spans, under each language's key.
_BOTH = LANGUAGES[0]


def _both_languages(value: Any) -> Any:
    """``details`` with each {"ar": text, "en": text} made multilang spans (lists of
    accepted answers stay as they are: a student may type an answer in either language)."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES) and all(isinstance(v, str | int | float)
                                                 for v in value.values()):
            spans = multilang(value)
            return dict.fromkeys(LANGUAGES, spans)
        return {key: _both_languages(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_both_languages(item) for item in value]
    return value


def _with_feedback(text: str, feedback: str) -> str:
    """The general feedback goes inside the answer block, before its closing brace."""
    return f"{text[:-1]} ####{gift_escape(feedback)}}}"


def write_gift(bank: Bank, questions: list[Question], lang: str
               ) -> tuple[bytes, list[LeftOut]]:
    blocks, skipped = [], []
    for question in questions:
        text = question_type(question).gift(_both_languages(question.details),
                                            multilang(prompt_of(question)), _BOTH)
        if text is None:
            skipped.append(left_out(question))
            continue
        feedback = multilang({
            "ar": " — ".join(filter(None, (question.explanation_ar, question.quote))),
            "en": " — ".join(filter(None, (question.explanation_en, question.quote_en)))})
        # Moodle's GIFT import reads an id number and tags from such a comment.
        meta = " ".join([f"[id:{question.uid}]", *(f"[tag:{tag}]" for tag in question.tags)])
        blocks.append(f"// {meta}\n"
                      f"::{gift_escape(question.uid)}::{_with_feedback(text, feedback)}")
    title = " ".join(bank.title(lang).split())
    header = [f"// {title}",
              *(f"// Not in GIFT (no such question type): {item.uid} ({item.type})"
                for item in skipped),
              "$CATEGORY: $course$/top/" + title.replace("/", "//")]
    return ("\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n").encode("utf-8"), skipped
