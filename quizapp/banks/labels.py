"""Interface names for question types and fact kinds, in the reader's language."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from ..core.text import isolate
from ..questions import registry

# Each type declares its name as a message id; it is translated when shown.
QUESTION_TYPE_LABELS = {t.name: _l(t.label) for t in registry.all_types()}

TAG_LABELS = {
    "figure": _l("Figures"),
    "date": _l("Dates"),
    "person": _l("People"),
    "place": _l("Places"),
    "institution": _l("Institutions"),
    "event": _l("Events"),
}


def register(app: Flask) -> None:
    app.jinja_env.filters["isolate"] = isolate
    app.jinja_env.globals.update(
        question_type_label=lambda kind: QUESTION_TYPE_LABELS.get(kind, kind),
        # The partial with a type's answering controls (macros/question.html includes it).
        question_partial=lambda kind: registry.get(kind).partial,
        tag_label=lambda tag: TAG_LABELS.get(tag, tag),
        # Topic tags are the bank author's own words, in no particular language; pages
        # show only the fact kinds, which have a name in each language.
        fact_kinds=TAG_LABELS.keys(),
    )
