"""The bank list (home page), a bank's questions, and a source document."""

from flask import Blueprint, abort, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from .models import Bank, Document, Question
from .services import active_question_counts

blueprint = Blueprint("banks", __name__)


def _visible_banks():
    # Uploaded banks (with an owner) come with accounts and classes; until then only the
    # shipped banks are public.
    return select(Bank).where(Bank.retired_at.is_(None), Bank.owner_id.is_(None))


@blueprint.get("/")
def index():
    banks = db.session.scalars(
        _visible_banks().options(selectinload(Bank.documents)).order_by(Bank.slug)
    ).all()
    return render_template("banks/index.html", banks=banks, counts=active_question_counts())


@blueprint.get("/banks/<slug>")
def show(slug: str):
    bank = db.session.scalar(
        _visible_banks().where(Bank.slug == slug).options(selectinload(Bank.documents))
    )
    if bank is None:
        abort(404)
    questions = db.session.scalars(
        select(Question)
        .where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        .options(selectinload(Question.tag_rows), selectinload(Question.document))
        .order_by(Question.position)
    ).all()
    return render_template("banks/show.html", bank=bank, questions=questions)


@blueprint.get("/sources/<slug>")
def source(slug: str):
    document = db.session.scalar(select(Document).where(Document.slug == slug))
    if document is None:
        abort(404)
    quote = None
    if uid := request.args.get("q"):
        quote = db.session.scalar(
            select(Question.quote).where(Question.uid == uid, Question.document_id == document.id)
        )
    return render_template("banks/source.html", document=document,
                           paragraphs=_mark_quote(document.paragraphs, quote), quote=quote)


def _mark_quote(paragraphs: list[str], quote: str | None) -> list[tuple[str, str, str, bool]]:
    """Each paragraph as (before, quote, after, has_quote), the first occurrence marked."""
    marked = []
    found = False
    for paragraph in paragraphs:
        position = paragraph.find(quote) if quote and not found else -1
        if position >= 0:
            found = True
            end = position + len(quote)
            marked.append((paragraph[:position], quote, paragraph[end:], True))
        else:
            marked.append((paragraph, "", "", False))
    return marked
