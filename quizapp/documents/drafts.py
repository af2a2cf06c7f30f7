"""Drafting a bank from a teacher's document, and reviewing the draft without YAML.

The drafter (``quizapp.drafting``, pure) proposes the questions; the draft is kept until
the teacher publishes it through the bank editor (its preview, then the loader), so each
question can meanwhile be edited in a form or deleted. Every edit is checked as the
editor checks a bank (``check_bank_text`` against the teacher's own library): a quote
that is not word for word in the document is refused, never saved. A draft opened in
the bank editor takes back every text that passes the editor's checks there
(``take_editor_text``), so the review, the editor and the published bank agree.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ..banks.access import own_document_or_404
from ..banks.models import Document
from ..banks.ownership import written_name
from ..banks.problems import Problem
from ..banks.signals import editor_text_checked
from ..banks.uploads import stored_library
from ..banks.validator import check_bank_text
from ..database import utcnow, write_transaction
from ..extensions import db
from ..questions import registry
from ..questions.base import FormData
from . import question_form
from .glossary import names_for
from .models import Draft

DRAFT_NAME = "draft.yaml"


def bank_slug(document: Document) -> str:
    """The bank a document's draft is published as: named after the document."""
    return written_name(document.slug)[:70].rstrip("-") + "-questions"


def make_draft(document: Document, owner_id: int, *, max_questions: int = 200) -> Draft:
    """Run the drafter on the document and keep what it proposes (replacing any earlier
    draft of it). Beyond ``max_questions`` (what the bank editor checks at once) the rest
    are left out."""
    return save_draft(document, owner_id, propose(document, owner_id,
                                                  max_questions=max_questions))


def propose(document: Document, owner_id: int, *, max_questions: int = 200
            ) -> dict[str, Any]:
    """The drafter's bank for the document, in its language; stored nowhere. Its
    questions are empty when the document holds nothing the drafter can ask."""
    # Imported when a draft is asked for: building the drafter's patterns takes a moment
    # that no other page should wait for.
    from ..drafting import GlossaryName, SourceText, draft_bank

    source = SourceText(written_name(document.slug), document.language, document.body,
                        title_ar=document.title_ar, title_en=document.title_en,
                        event_date=document.event_date)
    glossary = [GlossaryName(name.kind, name.ar, name.en,
                             variants=name.variants_ar + name.variants_en)
                for name in names_for(owner_id)]
    # The drafter picks a balanced subset when there is more to ask than fits, and writes
    # a bank in the document's language only.
    result = draft_bank(source, glossary, bank_slug=bank_slug(document),
                        languages=(document.language,), max_questions=max_questions)
    return result.bank


def save_draft(document: Document, owner_id: int, bank: dict[str, Any]) -> Draft:
    """Keep ``bank`` as the document's draft, replacing any earlier one. A fresh draft
    has no edits: created and updated at the same instant (see ``has_edits``)."""
    now = utcnow()
    with write_transaction():
        draft = db.session.scalar(select(Draft).where(Draft.document_id == document.id))
        if draft is None:
            draft = Draft(owner_id=owner_id, document_id=document.id, bank=bank)
            db.session.add(draft)
        else:
            draft.bank = bank
        draft.created_at = draft.updated_at = now
    return draft


def has_edits(draft: Draft) -> bool:
    """Whether the teacher changed the draft since the drafter wrote it (drafting again
    would lose that work, so it is confirmed first)."""
    return draft.updated_at > draft.created_at


def in_one_language(bank: dict[str, Any], lang: str) -> dict[str, Any]:
    """A bank kept in ``lang`` only (``languages: [lang]``); the drafter writes its drafts
    so, this trims a bilingual bank the same way."""
    from ..drafting.bankfile import in_one_language as trimmed  # the drafter loads lazily

    return trimmed(bank, lang)


@editor_text_checked.connect
def take_editor_text(owner_id: int, *, draft: str, text: str, **_: Any) -> None:
    """A draft opened in the bank editor keeps what passed the editor's checks there, so
    the review and the editor never disagree. Only the teacher's own document's draft."""
    try:
        document = own_document_or_404(draft)
    except NotFound:
        return  # not (or no longer) theirs: the editor's text is simply not a draft
    found = draft_of(document)
    raw = yaml.safe_load(text)
    if found is None or not isinstance(raw, dict):
        return
    # The JSON column holds no dates: an unquoted one is kept as its text, then checked.
    bank = json.loads(json.dumps(raw, default=str))
    if bank == found.bank:
        return
    if bank != raw:
        _checked, problems = check_bank_text(draft_yaml(bank), DRAFT_NAME,
                                             stored_library(owner_id))
        if problems:
            return
    with write_transaction():
        found.bank = bank
        found.updated_at = utcnow()


def draft_of(document: Document) -> Draft | None:
    return db.session.scalar(select(Draft).where(Draft.document_id == document.id))


def draft_yaml(bank: dict[str, Any]) -> str:
    return yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=100)


def find_question(draft: Draft, question_id: str) -> tuple[int, dict[str, Any]] | None:
    for index, question in enumerate(draft.questions):
        if question.get("id") == question_id:
            return index, question
    return None


def right_answer(question: dict[str, Any], lang: str) -> Any:
    """The drafted question's right answer in words (its type's own hook); nothing for a
    question the drafter got wrong, which the review shows for the teacher to fix."""
    found = registry.find(str(question.get("type")))
    try:
        return found.correct_answer(question, lang) if found else []
    except (KeyError, TypeError, AttributeError):
        return []


def _save(draft: Draft, questions: list[dict[str, Any]]) -> None:
    with write_transaction():
        # A new mapping: the JSON column notices a replaced value, not a changed one.
        draft.bank = {**draft.bank, "questions": questions}
        draft.updated_at = utcnow()


def delete_question(draft: Draft, question_id: str) -> bool:
    questions = [q for q in draft.questions if q.get("id") != question_id]
    if len(questions) == len(draft.questions) or not questions:
        return False  # unknown, or the last one (a bank holds at least one question)
    _save(draft, questions)
    return True


@dataclass
class QuestionEdit:
    """A question as the form sent it, and what is wrong with it (by field name)."""

    question: dict[str, Any]
    problems: dict[str, list[Problem]]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_question(draft: Draft, question: dict[str, Any], owner_id: int) -> QuestionEdit:
    """The question checked inside its draft's bank, as the editor would check it."""
    bank = {**draft.bank, "questions": [question]}
    _, problems = check_bank_text(draft_yaml(bank), DRAFT_NAME, stored_library(owner_id))
    by_field: dict[str, list[Problem]] = {}
    for problem in problems:
        field = re.sub(r"\[(\d+)\]", r".\1", problem.path).removeprefix("questions.0")
        field = field.removeprefix(".")
        name = "quote" if field.startswith("source") else "f." + field if field else ""
        by_field.setdefault(name, []).append(problem)
    return QuestionEdit(question, by_field)


def edit_question(draft: Draft, question_id: str, form: FormData,
                  owner_id: int) -> QuestionEdit | None:
    """Apply a form to one question; saved only when it passes every check."""
    found = find_question(draft, question_id)
    if found is None:
        return None
    index, question = found
    result = check_question(draft, question_form.edited(question, form), owner_id)
    if result.ok:
        questions = draft.questions
        questions[index] = result.question
        _save(draft, questions)
    return result
