"""Anki packages (.apkg, written by genanki): a deck per bank, a note per question.

Identities are derived, never random, so a second import of a newer export updates the
notes it added the first time instead of adding them again: the note's GUID from the
question's uid, the deck's id from the bank's slug, the note type's id fixed here.
"""

import hashlib
import io
from html import escape

import genanki

from ..banks.models import Bank, Question
from .services import LeftOut, question_type, tags_of

# Fixed for good: Anki recognises the note type by this id on every later import.
MODEL_ID = 1_734_106_318
MODEL_NAME = "Facts to remember (Arabic/English)"
FIELDS = ["QuestionAr", "QuestionEn", "AnswerAr", "AnswerEn", "ExplanationAr",
          "ExplanationEn", "Quote", "QuoteEn", "SourceAr", "SourceEn", "Id"]

_FRONT = """<div class="ar" dir="rtl" lang="ar">{{QuestionAr}}</div>
<div class="en" dir="ltr" lang="en">{{QuestionEn}}</div>"""
_BACK = """{{FrontSide}}
<hr id="answer">
<div class="ar answer" dir="rtl" lang="ar">{{AnswerAr}}</div>
<div class="en answer" dir="ltr" lang="en">{{AnswerEn}}</div>
<div class="ar explanation" dir="rtl" lang="ar">{{ExplanationAr}}</div>
<div class="en explanation" dir="ltr" lang="en">{{ExplanationEn}}</div>
<blockquote class="ar quote" dir="rtl" lang="ar">{{Quote}}</blockquote>
<blockquote class="en quote" dir="ltr" lang="en">{{QuoteEn}}</blockquote>
<p class="ar source" dir="rtl" lang="ar">{{SourceAr}}</p>
<p class="en source" dir="ltr" lang="en">{{SourceEn}}</p>"""
_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.5; }
.ar { direction: rtl; text-align: right; unicode-bidi: isolate;
      font-family: "Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", serif; }
.en { direction: ltr; text-align: left; unicode-bidi: isolate; color: #333; }
.answer { font-weight: bold; }
.explanation, .source { font-size: 16px; }
.quote { font-size: 16px; border-inline-start: 3px solid #999; margin: 0.5em 0;
         padding-inline-start: 0.75em; }
.source { color: #666; }"""

MODEL = genanki.Model(
    MODEL_ID, MODEL_NAME, fields=[{"name": name} for name in FIELDS],
    templates=[{"name": "Question", "qfmt": _FRONT, "afmt": _BACK}], css=_CSS)


def deck_id(slug: str) -> int:
    """A deck id from the bank's slug: the same deck on every export (Anki's ids are
    positive 63-bit numbers; genanki's examples keep them in 2^30..2^31)."""
    digest = int.from_bytes(hashlib.sha256(slug.encode()).digest()[:4], "big")
    return (1 << 30) + digest % (1 << 30)


def note_guid(question: Question) -> str:
    return str(genanki.guid_for(question.uid))


def note_fields(question: Question) -> list[str]:
    """The note's fields, HTML: every bank text escaped."""
    kind = question_type(question)
    document = question.document
    return [escape(question.prompt_ar), escape(question.prompt_en),
            kind.anki_back(question.details, "ar"), kind.anki_back(question.details, "en"),
            escape(question.explanation_ar), escape(question.explanation_en),
            escape(question.quote or ""), escape(question.quote_en or ""),
            escape(document.title_ar if document else ""),
            escape(document.title_en if document else ""), escape(question.uid)]


def write_apkg(bank: Bank, questions: list[Question], lang: str) -> tuple[bytes, list[LeftOut]]:
    """Every question becomes a note (``lang`` aside: a note holds both languages)."""
    deck = genanki.Deck(deck_id(bank.slug), bank.title(lang))
    for question in questions:
        deck.add_note(genanki.Note(model=MODEL, fields=note_fields(question),
                                   guid=note_guid(question), tags=tags_of(question)))
    buffer = io.BytesIO()
    genanki.Package(deck).write_to_file(buffer)
    return buffer.getvalue(), []
