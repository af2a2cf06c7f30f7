"""Forms of the class pages: creating and joining a class, rosters, assignments."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..accounts.forms import REQUIRED, no_stacked_marks
from ..core.forms import Form


class ClassForm(Form):
    name = StringField(_l("Class name"), validators=[
        DataRequired(REQUIRED), Length(max=80, message=_l("Use at most 80 characters.")),
        no_stacked_marks])
    submit = SubmitField(_l("Create class"))


class JoinClassForm(Form):
    code = StringField(_l("Class code"), validators=[DataRequired(REQUIRED), Length(max=32)])
    submit = SubmitField(_l("Join"))


class RosterForm(Form):
    """A class list: pasted, or a CSV file (names, then optional usernames)."""

    names = TextAreaField(
        _l("Names"),
        description=_l("One student a line: the name, then optionally a comma and a "
                       "username."),
        validators=[Optional(), Length(max=64_000)])
    roster_file = FileField(_l("Or upload a CSV file"))
    submit = SubmitField(_l("Create accounts"))


class AssignForm(Form):
    bank = SelectField(_l("Question bank"), coerce=int, validate_choice=True,
                       choices=[])
    due_on = DateField(_l("Due date (optional)"), validators=[Optional()])
    submit = SubmitField(_l("Assign"))
