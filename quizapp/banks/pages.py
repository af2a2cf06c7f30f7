"""A bank's question list as its page shows it: fragments cached per question content.

Each question is rendered once per content hash, language, digit setting and variant
(with its source quote, or without it for a reader who has not answered it yet, since
the quote usually holds the answer) and then served from the fragment cache; which
variant a reader gets is decided per request, never cached.
"""

from flask import render_template
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.fragments import fragment_cache
from ..extensions import db
from ..i18n import arabic_indic_digits, current_language
from .models import Bank, Document, Question
from .services import broken_quotes
from .signals import answered_questions


def revealed_question_ids(bank: Bank, user) -> set[int] | None:
    """The questions whose quotes ``user`` may see on the page; None means all of them.

    Teachers see everything; a student sees a question's quote once they have answered
    it (reviewed or quizzed); an anonymous visitor sees none.
    """
    if not user.is_authenticated:
        return set()
    if user.is_teacher:
        return None
    revealed: set[int] = set()
    for _, ids in answered_questions.send(bank, user=user):
        revealed |= set(ids or ())
    return revealed


def flagged_question_ids(bank: Bank, user) -> set[int]:
    """For the bank's owner only: the questions whose quote a corrected document no longer
    holds (flagged on their items). Nobody else is told."""
    if not user.is_authenticated or bank.owner_id != user.id:
        return set()
    return broken_quotes(db.session.scalars(
        select(Question).where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        .options(selectinload(Question.document))))


def question_list(bank: Bank, user) -> tuple[Markup, int]:
    """The bank's active questions as list items, and how many there are."""
    # The document's hash too: its language sets the quote's direction.
    rows = db.session.execute(
        select(Question.id, Question.uid, Question.content_hash,
               Document.content_hash.label("document_hash"))
        .outerjoin(Document, Document.id == Question.document_id)
        .where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        .order_by(Question.position)).all()
    revealed = revealed_question_ids(bank, user)
    flagged = flagged_question_ids(bank, user)
    language, arabic_digits = current_language(), arabic_indic_digits()
    # The bank's languages decide the content's language (a monolingual bank's prompts
    # keep theirs under either interface); a question's hash does not include them.
    content_language = bank.content_language(language)
    cache = fragment_cache()
    keys = [("bank-question", row.uid, row.content_hash, row.document_hash, language,
             arabic_digits,
             content_language, revealed is None or row.id in revealed, row.id in flagged)
            for row in rows]
    fragments: list[Markup | None] = [cache.get(key) for key in keys]
    missing = [row.id for row, fragment in zip(rows, fragments, strict=True)
               if fragment is None]
    if missing:
        questions = {question.id: question for question in db.session.scalars(
            select(Question).where(Question.id.in_(missing))
            .options(selectinload(Question.tag_rows), selectinload(Question.document)))}
        for index, row in enumerate(rows):
            if fragments[index] is None:
                fragments[index] = cache.put(keys[index], render_template(
                    "banks/_question_item.html", question=questions[row.id],
                    content_language=content_language, revealed=keys[index][-2],
                    flagged=keys[index][-1]))
    return Markup("").join(f for f in fragments if f is not None), len(rows)
