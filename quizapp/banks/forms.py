"""The form a teacher writes a bank in: a YAML file, or the YAML pasted as text."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice

from ..core.forms import Form


class BankForm(Form):
    file = FileField(_l("Upload a YAML file"))
    text = TextAreaField(_l("Or paste or edit the YAML here"))
    # The hash of the text the preview showed: publishing refuses any other text.
    checked = HiddenField()


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
