"""The form a teacher writes a bank in: a YAML file, or the YAML pasted as text."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import HiddenField, TextAreaField

from ..core.forms import Form


class BankForm(Form):
    file = FileField(_l("Upload a YAML file"))
    text = TextAreaField(_l("Or paste or edit the YAML here"))
    # The hash of the text the preview showed: publishing refuses any other text.
    checked = HiddenField()
    # Which draft the text was opened from (a document's), kept in step with the editor.
    draft = HiddenField()
