"""Moodle XML for the question bank's import: a category per bank, then each question as
its type's hook writes it, with a name, an id number, tags and general feedback (the
explanation and the source quote) added here. Both languages sit in Moodle's multilang
spans; the ordering type is core Moodle only since 4.4 (a plugin before).
"""

from html import escape
from xml.etree.ElementTree import Comment, Element, SubElement, indent, tostring

from ..banks.models import Bank, Question
from ..questions.exporting import add_plain, add_text, multilang
from .services import LeftOut, prompt_of, question_type


def category_path(bank: Bank, lang: str) -> str:
    """Moodle splits a category path on "/"; a "/" in a title is written "//"."""
    return "$course$/top/" + bank.title(lang).replace("/", "//")


def general_feedback(question: Question) -> str:
    """The explanation, then the quote and its document (none for a bank not drawn from
    a document: nothing is invented)."""
    document = question.document
    feedback = f"<p>{multilang({'ar': question.explanation_ar, 'en': question.explanation_en})}</p>"
    if document is None or not question.quote:
        return feedback
    return (feedback
            + f'<blockquote lang="ar" dir="rtl">{escape(question.quote)}</blockquote>'
            + f'<blockquote lang="en" dir="ltr">{escape(question.quote_en or "")}</blockquote>'
            + f"<p>{multilang({'ar': document.title_ar, 'en': document.title_en})}</p>")


def question_element(question: Question) -> Element:
    kind = question_type(question)
    element = kind.moodle_xml(question.details, prompt_of(question))
    answered = kind.answerable
    add_text(element, "name", question.uid)
    add_plain(element, "idnumber", question.uid)
    add_text(element, "generalfeedback", general_feedback(question), html=True)
    add_plain(element, "defaultgrade", 1 if answered else 0)
    add_plain(element, "penalty", "0.3333333" if answered else 0)
    add_plain(element, "hidden", 0)
    if question.tags:
        tags = SubElement(element, "tags")
        for tag in question.tags:
            add_text(tags, "tag", tag)
    return element


def moodle_document(bank: Bank, questions: list[Question], lang: str) -> Element:
    quiz = Element("quiz")
    quiz.append(Comment(f" {bank.slug}: questions exported from the database "))
    category = SubElement(quiz, "question", type="category")
    add_text(category, "category", category_path(bank, lang))
    add_text(category, "info", multilang({"ar": bank.description_ar,
                                          "en": bank.description_en}), html=True)
    for question in questions:
        quiz.append(question_element(question))
    return quiz


def write_moodle_xml(bank: Bank, questions: list[Question], lang: str
                     ) -> tuple[bytes, list[LeftOut]]:
    """Every type has a Moodle counterpart, so nothing is left out."""
    quiz = moodle_document(bank, questions, lang)
    indent(quiz)
    return tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n", []
