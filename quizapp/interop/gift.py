"""GIFT, Moodle's plain-text question format, in one language. It has no ordering
question and no card with a back: those questions are listed as left out, and named in
a comment at the top of the file, never dropped in silence."""

from ..banks.models import Bank, Question
from ..questions.exporting import gift_escape
from .services import LeftOut, left_out, question_type


def _with_feedback(text: str, feedback: str) -> str:
    """The general feedback goes inside the answer block, before its closing brace."""
    return f"{text[:-1]} ####{gift_escape(feedback)}}}"


def write_gift(bank: Bank, questions: list[Question], lang: str
               ) -> tuple[bytes, list[LeftOut]]:
    blocks, skipped = [], []
    for question in questions:
        text = question_type(question).gift(question.details, question.prompt(lang), lang)
        if text is None:
            skipped.append(left_out(question))
            continue
        quote = question.quote if lang == "ar" else question.quote_en
        feedback = f"{question.explanation(lang)} — {quote}"
        blocks.append(f"::{gift_escape(question.uid)}::{_with_feedback(text, feedback)}")
    title = " ".join(bank.title(lang).split())
    header = [f"// {title}",
              *(f"// Not in GIFT (no such question type): {item.uid} ({item.type})"
                for item in skipped),
              "$CATEGORY: $course$/top/" + title.replace("/", "//")]
    return ("\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n").encode("utf-8"), skipped
