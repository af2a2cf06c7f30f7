"""The bank list (home page), a bank's questions, and a source document."""

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import database
from ..extensions import db
from .access import visible_banks, visible_quote
from .models import Bank, Document, Question
from .services import active_question_counts
from .signals import home_sections, studies_bank

blueprint = Blueprint("banks", __name__)


@blueprint.get("/")
def index() -> ResponseReturnValue:
    banks = db.session.scalars(
        visible_banks().options(selectinload(Bank.documents)).order_by(Bank.slug)
    ).all()
    sections: list[tuple[str, dict]] = []
    if current_user.is_authenticated:
        for _, answer in home_sections.send(current_user._get_current_object(),
                                            now=database.utcnow()):
            sections.extend(answer or [])
    return render_template("banks/index.html", banks=banks, counts=active_question_counts(),
                           sections=sections)


@blueprint.get("/banks/<slug>")
def show(slug: str) -> ResponseReturnValue:
    bank = db.session.scalar(
        visible_banks().where(Bank.slug == slug).options(selectinload(Bank.documents))
    )
    if bank is None:
        abort(404)
    questions = db.session.scalars(
        select(Question)
        .where(Question.bank_id == bank.id, Question.retired_at.is_(None))
        .options(selectinload(Question.tag_rows), selectinload(Question.document))
        .order_by(Question.position)
    ).all()
    studying = current_user.is_authenticated and any(
        answer for _, answer in studies_bank.send(bank, user=current_user._get_current_object()))
    return render_template("banks/show.html", bank=bank, questions=questions,
                           studying=studying)


@blueprint.get("/sources/<slug>")
def source(slug: str) -> ResponseReturnValue:
    document = db.session.scalar(select(Document).where(Document.slug == slug))
    if document is None:
        abort(404)
    quote = None
    if uid := request.args.get("q"):
        # The document is public; which passage a private question quotes is not.
        quote = visible_quote(document.id, uid)
    return render_template("banks/source.html", document=document,
                           paragraphs=document.marked_paragraphs(quote), quote=quote)
