"""Forms for accounts. Labels and messages are lazy: translated when shown."""

import unicodedata
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from wtforms import (
    DecimalField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
)

# types-WTForms (3.2) predates SelectChoice, added in WTForms 3.3 (tuples are deprecated).
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from ..core.forms import Form
from ..core.text import MAX_COMBINING_RUN, has_stacked_marks
from ..i18n import current_language, digits
from . import timezones
from .passwords import MAX_LENGTH, password_problem

# Each language names itself, in its own language and direction.
LANGUAGE_CHOICES = [
    SelectChoice("ar", "العربية", render_kw={"lang": "ar", "dir": "rtl"}),
    SelectChoice("en", "English", render_kw={"lang": "en", "dir": "ltr"}),
]
REQUIRED = _l("This field is required.")


def new_password_rules(form, field) -> None:
    if problem := password_problem(field.data or ""):
        raise ValidationError(problem)



def no_stacked_marks(form, field) -> None:
    """WTForms validator for names: refuses a run of combining marks longer than the cap.

    Controls and direction marks in a name are not refused but taken out (``clean_text``
    when it is stored): some Arabic keyboards type a right-to-left mark unasked.
    """
    if isinstance(field.data, str) and has_stacked_marks(
            unicodedata.normalize("NFC", field.data)):
        raise ValidationError(lazy_ngettext("Use at most %(num)s accent mark on one letter.",
                                            "Use at most %(num)s accent marks on one letter.",
                                            MAX_COMBINING_RUN))

class FiniteDecimalField(DecimalField):
    """A DecimalField that refuses NaN, sNaN, infinities and absurdly long numbers.

    Decimal("sNaN") parses, and then any comparison with it raises; refused here, the
    value gets the field's message instead of an error page.
    """

    MAX_CHARS = 32

    def __init__(self, *args, invalid_message, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist) -> None:
        if valuelist and len(valuelist[0]) > self.MAX_CHARS:
            self.data = None
            raise ValueError(str(self.invalid_message))
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(self.invalid_message)) from None
        if self.data is not None and not self.data.is_finite():
            self.data = None
            raise ValueError(str(self.invalid_message))


def _timezone_choices(form, field) -> list[SelectChoice]:
    """Every zone under its region (<optgroup>), named in the page's language and digits;
    a zone still stored under an old alias is kept, so saving the settings keeps it."""
    choices = [SelectChoice(zone, digits(label), optgroup=region)
               for region, zones in timezones.grouped_zones(current_language(),
                                                           datetime.now(UTC).date())
               for zone, label in zones]
    if field.data in timezones.ZONES and field.data not in {c.value for c in choices}:
        choices.insert(0, SelectChoice(field.data, field.data, optgroup=choices[0].optgroup))
    return choices


def _timezone_field():
    # WTForms calls a choices callable with (form, field); its type stubs only know the
    # no-argument form.
    return SelectField(_l("Time zone"), choices=_timezone_choices,  # type: ignore[arg-type]
                       default=timezones.DEFAULT_ZONE, validate_choice=True,
                       render_kw={"data-aliases": timezones.browser_aliases()})


class LoginForm(Form):
    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED),
                                                       Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED),
                                                         Length(max=MAX_LENGTH)])
    submit = SubmitField(_l("Log in"))


class RegisterForm(Form):
    username = StringField(
        _l("Username"),
        description=_l("3 to 40 letters, digits, dots, hyphens or underscores."),
        validators=[DataRequired(REQUIRED),
                    Regexp(r"^[\w.-]{3,40}$",
                           message=_l("Use 3 to 40 letters, digits, dots, hyphens or "
                                      "underscores."))])
    display_name = StringField(_l("Your name"), validators=[
        DataRequired(REQUIRED), Length(max=80, message=_l("Use at most 80 characters.")),
        no_stacked_marks])
    email = StringField(_l("Email (optional)"), validators=[
        Optional(), Length(max=254), Email(message=_l("Enter a valid email address."))])
    password = PasswordField(_l("Password"),
                             description=_l("At least 8 characters; not a common password."),
                             validators=[DataRequired(REQUIRED), new_password_rules])
    confirm = PasswordField(_l("Password again"), validators=[
        DataRequired(REQUIRED), EqualTo("password", message=_l("The passwords do not match."))])
    locale = SelectField(_l("Language"), choices=LANGUAGE_CHOICES)
    timezone = _timezone_field()
    submit = SubmitField(_l("Create account"))


class SettingsForm(Form):
    display_name = StringField(_l("Your name"), validators=[
        DataRequired(REQUIRED), Length(max=80, message=_l("Use at most 80 characters.")),
        no_stacked_marks])
    email = StringField(_l("Email (optional)"), validators=[
        Optional(), Length(max=254), Email(message=_l("Enter a valid email address."))])
    locale = SelectField(_l("Language"), choices=LANGUAGE_CHOICES)
    timezone = _timezone_field()
    numerals = SelectField(
        _l("Digits on Arabic pages"),
        choices=[SelectChoice("", "0 1 2 3 4 5 6 7 8 9", render_kw={"translate": "no"}),
                 SelectChoice("arab", "٠ ١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩", render_kw={"lang": "ar"})],
        # Absent or unknown means the default: the view keeps only "arab".
        validate_choice=False)
    desired_retention = FiniteDecimalField(
        _l("Desired retention"), places=2,
        description=_l("How sure you want to be of remembering a card when it comes back "
                       "(0.70 to 0.97)."),
        invalid_message=_l("Choose a value from 0.70 to 0.97."),
        validators=[InputRequired(REQUIRED),
                    NumberRange(min=0.70, max=0.97,
                                message=_l("Choose a value from 0.70 to 0.97."))])
    new_cards_per_day = IntegerField(
        _l("New cards per day"),
        validators=[InputRequired(REQUIRED),
                    NumberRange(min=0, max=1000, message=_l("Choose a number from 0 to 1000."))])
    submit = SubmitField(_l("Save settings"))


class ResetPasswordForm(Form):
    """A new password, typed twice (a teacher's reset link)."""

    password = PasswordField(_l("New password"), validators=[
        DataRequired(REQUIRED), new_password_rules])
    confirm = PasswordField(_l("New password again"), validators=[
        DataRequired(REQUIRED), EqualTo("password", message=_l("The passwords do not match."))])
    submit = SubmitField(_l("Set password"))


class ChangePasswordForm(ResetPasswordForm):
    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(REQUIRED), Length(max=MAX_LENGTH)])
    submit = SubmitField(_l("Change password"))


class DeleteAccountForm(Form):
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED),
                                                         Length(max=MAX_LENGTH)])
    submit = SubmitField(_l("Delete my account"))



class ConfirmForm(Form):
    """A bare form for buttons that change state (logout, leave, regenerate...)."""
