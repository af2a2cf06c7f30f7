"""The forms a teacher adds a document and a glossary name with. Labels are lazy."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, TextAreaField

# types-WTForms (3.2) predates SelectChoice, added in WTForms 3.3 (tuples are deprecated).
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ..core.forms import Form

REQUIRED = _l("This field is required.")
SLUG_RULE = Regexp(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$",
                   message=_l("Use lowercase Latin letters, digits and hyphens."))


class DocumentForm(Form):
    slug = StringField(_l("Short name (used in links and in bank files)"),
                       validators=[DataRequired(REQUIRED), Length(max=80), SLUG_RULE],
                       description=_l("For example kazakh-embassy: lowercase Latin "
                                      "letters, digits and hyphens."))
    title_ar = StringField(_l("Title in Arabic"), validators=[Optional(), Length(max=300)])
    title_en = StringField(_l("Title in English"), validators=[Optional(), Length(max=300)])
    event_date = DateField(_l("Date of the events"), validators=[Optional()])
    language = SelectField(_l("Language of the document"),
                           choices=[SelectChoice("ar", _l("Arabic")),
                                    SelectChoice("en", _l("English"))],
                           validators=[DataRequired(REQUIRED)])
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=2000)])
    file = FileField(_l("Upload a file (.txt, .md, .html or .docx)"))
    text = TextAreaField(_l("Or paste the text"),
                         description=_l("Kept exactly as written: every question quotes it "
                                        "word for word. One paragraph a line."))


class CorrectionForm(DocumentForm):
    """The same, without the name: links and banks cite the document by it."""

    slug = None  # type: ignore[assignment]


class NameForm(Form):
    kind = SelectField(_l("Kind"), choices=[
        SelectChoice("person", _l("Person")), SelectChoice("place", _l("Place")),
        SelectChoice("institution", _l("Institution"))],
        validators=[DataRequired(REQUIRED)])
    ar = StringField(_l("Spelling in Arabic"), validators=[DataRequired(REQUIRED),
                                                           Length(max=200)])
    en = StringField(_l("Spelling in English"), validators=[DataRequired(REQUIRED),
                                                            Length(max=200)])
    variants_ar = TextAreaField(_l("Other Arabic spellings, one a line"),
                                validators=[Optional(), Length(max=4000)],
                                description=_l("Accepted from students, refused in "
                                               "questions: write the spelling above."))
    variants_en = TextAreaField(_l("Other English spellings, one a line"),
                                validators=[Optional(), Length(max=4000)])
