"""Text files other tools import: Anki's notes as tab-separated text (with the headers
its importer reads) and Quizlet's term and definition. UTF-8, so Arabic stays Arabic."""

import csv
import io
from html import escape

from ..banks.models import Bank, Question
from .anki import note_guid
from .services import LeftOut, question_type, tags_of


def _one_line(text: str) -> str:
    """Quizlet reads a row per line and a tab between term and definition."""
    return " ".join(text.split())


def _back(question: Question, lang: str) -> str:
    explanation = question.explanation_ar if lang == "ar" else question.explanation_en
    quote = question.quote if lang == "ar" else question.quote_en
    direction = "rtl" if lang == "ar" else "ltr"
    back = (question_type(question).anki_back(question.details, lang)
            + f'<p dir="{direction}">{escape(explanation)}</p>')
    if question.document is None or not quote:  # not drawn from a document
        return back
    return (back + f'<blockquote dir="{direction}">{escape(quote)}'
            + f" — {escape(question.document.title(lang))}</blockquote>")


def write_anki_csv(bank: Bank, questions: list[Question], lang: str
                   ) -> tuple[bytes, list[LeftOut]]:
    """Anki's "Import File" with its Basic note type: front, back, tags; the GUID column
    makes a second import update the notes rather than add them again."""
    buffer = io.StringIO()
    # The deck last: Anki stops reading the headers at a deck it has to create.
    buffer.write("#separator:tab\n#html:true\n#notetype:Basic\n#guid column:1\n")
    buffer.write(f"#tags column:4\n#deck:{_one_line(bank.title(lang))}\n")
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    direction = "rtl" if lang == "ar" else "ltr"
    for question in questions:
        front = f'<div dir="{direction}">{escape(question.prompt(lang))}</div>'
        writer.writerow([note_guid(question), front, _back(question, lang),
                         " ".join(tags_of(question))])
    return buffer.getvalue().encode("utf-8"), []


def write_quizlet(bank: Bank, questions: list[Question], lang: str
                  ) -> tuple[bytes, list[LeftOut]]:
    """Quizlet's import: a term, a tab, its definition; a line each, plain text."""
    lines = []
    for question in questions:
        definition = question_type(question).quizlet_definition(question.details, lang)
        lines.append(f"{_one_line(question.prompt(lang))}\t{_one_line(definition)}\n")
    return "".join(lines).encode("utf-8"), []
