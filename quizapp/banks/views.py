"""The bank list (home page), a bank's questions, and a source document."""

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm import selectinload

from .. import database
from ..core.fragments import fragment_cache
from ..extensions import db
from ..i18n import arabic_indic_digits, current_language
from .access import visible_banks, visible_document_or_404, visible_quote
from .models import Bank
from .pages import question_list
from .services import active_question_counts, broken_quotes, questions_quoting
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
    user = current_user._get_current_object()
    question_items, question_count = question_list(bank, user)
    studying = current_user.is_authenticated and any(
        answer for _, answer in studies_bank.send(bank, user=user))
    return render_template("banks/show.html", bank=bank, question_items=question_items,
                           question_count=question_count, studying=studying)


@blueprint.get("/sources/<slug>")
def source(slug: str) -> ResponseReturnValue:
    document = visible_document_or_404(slug)
    quote = None
    if uid := request.args.get("q"):
        # The document may be public; which passage a private question quotes is not.
        quote = visible_quote(document.id, uid)
    # Its owner sees which questions a correction left without their quote.
    owned = current_user.is_authenticated and document.owner_id == current_user.id
    quoting = questions_quoting(document) if owned else []
    broken = broken_quotes(quoting)
    key = ("document", document.slug, document.content_hash, current_language(),
           arabic_indic_digits(), quote)
    text = fragment_cache().get_or_render(key, lambda: render_template(
        "banks/_document_text.html", document=document,
        paragraphs=document.marked_paragraphs(quote)))
    return render_template("banks/source.html", document=document, document_text=text,
                           quote=quote, owned=owned,
                           flagged=[q for q in quoting if q.id in broken],
                           quoting=len(quoting))
