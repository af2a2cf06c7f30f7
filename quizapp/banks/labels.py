"""Interface names for question types and fact kinds, in the reader's language."""

from flask_babel import lazy_gettext as _l

QUESTION_TYPE_LABELS = {
    "single_choice": _l("Single choice"),
    "multiple_choice": _l("Multiple choice"),
    "true_false": _l("True or false"),
    "numeric": _l("Number"),
    "short_text": _l("Short answer"),
    "ordering": _l("Put in order"),
    "matching": _l("Matching"),
    "flashcard": _l("Flashcard"),
}

TAG_LABELS = {
    "figure": _l("Figures"),
    "date": _l("Dates"),
    "person": _l("People"),
    "place": _l("Places"),
    "institution": _l("Institutions"),
    "event": _l("Events"),
}


def register(app) -> None:
    from ..core.text import isolate

    app.jinja_env.filters["isolate"] = isolate
    app.jinja_env.globals.update(
        question_type_label=lambda kind: QUESTION_TYPE_LABELS.get(kind, kind),
        tag_label=lambda tag: TAG_LABELS.get(tag, tag),
        # Topic tags are the bank author's own words, in no particular language; pages
        # show only the fact kinds, which have a name in each language.
        fact_kinds=TAG_LABELS.keys(),
    )
