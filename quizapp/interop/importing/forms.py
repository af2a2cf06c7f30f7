"""The form a teacher imports another program's file with."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import SelectField

# types-WTForms (3.2) predates SelectChoice, added in WTForms 3.3 (tuples are deprecated).
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]

from ...core.forms import Form


class ImportForm(Form):
    """Another program's file, made into a draft bank that opens in the editor."""

    file = FileField(_l("File to import"))
    format = SelectField(_l("Format"), choices=[
        SelectChoice("", _l("Guess from the file's name")),
        SelectChoice("moodle-xml", _l("Moodle XML")),
        SelectChoice("gift", _l("GIFT (Moodle)")),
        SelectChoice("csv", _l("Anki text or spreadsheet (CSV, TSV)")),
        SelectChoice("quizlet", _l("Quizlet (term and definition)")),
        SelectChoice("apkg", _l("Anki package (.apkg)")),
    ], default="")
    as_type = SelectField(_l("Each row of a CSV or Quizlet file becomes"), choices=[
        SelectChoice("flashcard", _l("a flashcard")),
        SelectChoice("short_text", _l("a short-answer question")),
    ], default="flashcard")
