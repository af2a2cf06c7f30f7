"""Numbers in interface sentences follow the digits setting; text put into them does not."""

import pytest
from flask_babel import gettext, lazy_gettext, ngettext
from flask_login import login_user
from markupsafe import Markup

from quizapp.accounts.models import User
from quizapp.accounts.services import NewAccount, register
from quizapp.extensions import db
from quizapp.numerals import arabic_indic_sentence

from ..study.conftest import PASSWORD


@pytest.mark.parametrize("sentence, written", [
    ("اختر قيمة من 0.70 إلى 0.97.", "اختر قيمة من ٠٫٧٠ إلى ٠٫٩٧."),
    ("نسبة التذكّر الفعلية، آخر 30 يومًا", "نسبة التذكّر الفعلية، آخر ٣٠ يومًا"),
    ("من 1,500 سؤال", "من ١٬٥٠٠ سؤال"),
    ("تعذّرت قراءة الملف نصًّا بترميز UTF-8", "تعذّرت قراءة الملف نصًّا بترميز UTF-8"),
    ("مثل 2023-05 أو H5P", "مثل 2023-05 أو H5P"),
])
def test_a_sentences_own_numbers_become_arabic_indic(sentence, written):
    assert arabic_indic_sentence(sentence, format_string=False) == written


def test_percent_signs_and_placeholders_of_a_format_string():
    sentence = "من 50%% في الأسفل؛ %(num)s سؤالًا؛ 100%(unit)s"
    assert (arabic_indic_sentence(sentence, format_string=True)
            == "من ٥٠٪ في الأسفل؛ %(num)s سؤالًا؛ ١٠٠%(unit)s")
    assert arabic_indic_sentence("50%", format_string=False) == "٥٠٪"


@pytest.fixture
def arabic_request(loaded_app):
    """A request of an account that chose Arabic-Indic digits, on an Arabic page."""
    with loaded_app.app_context():
        user = register(NewAccount(username="huda", display_name="Huda", password=PASSWORD,
                                   locale="ar"))
        user = db.session.get(User, user.id)
        user.numerals = "arab"
        db.session.commit()
        with loaded_app.test_request_context("/", headers={"Cookie": "lang=ar"}):
            login_user(user)
            yield user


def test_python_gettext_writes_sentence_and_numbers_in_arabic_indic(arabic_request):
    assert gettext("Choose a value from 0.70 to 0.97.") == "اختر قيمة من ٠٫٧٠ إلى ٠٫٩٧."
    assert str(lazy_gettext("true retention, last 30 days")) == "نسبة التذكّر الفعلية، آخر ٣٠ يومًا"
    assert ngettext("%(num)s question", "%(num)s questions", 1500) == "١٥٠٠ سؤال"
    assert gettext("Line %(line)s: %(problem)s", line=1234, problem="x") == "السطر ١٢٣٤: x"


def test_text_put_into_a_sentence_keeps_its_digits(arabic_request):
    assert gettext("Progress of %(name)s", name="Layla 99") == "تقدّم Layla 99"


def test_templates_follow_the_setting_and_still_escape(arabic_request, loaded_app):
    render = loaded_app.jinja_env.from_string
    assert render('{{ _("Give each item its place: 1 is the earliest.") }}').render() == (
        "أعطِ كل عنصر ترتيبه: ١ هو الأقدم.")
    shown = render('{{ ngettext("%(num)s question", "%(num)s questions", n) }}').render(n=12)
    assert shown == "١٢ سؤالًا"
    escaped = render('{{ _("Progress of %(name)s", name=n) }}').render(n="<b>7</b>")
    assert "&lt;b&gt;7&lt;/b&gt;" in escaped
    kept = render('{{ _("Progress of %(name)s", name=n) }}').render(n=Markup("<bdi>7</bdi>"))
    assert "<bdi>7</bdi>" in kept


def test_english_and_the_default_setting_keep_western_digits(loaded_app):
    with loaded_app.test_request_context("/", headers={"Cookie": "lang=ar"}):
        assert gettext("Choose a value from 0.70 to 0.97.") == "اختر قيمة من 0.70 إلى 0.97."
    with loaded_app.test_request_context("/", headers={"Cookie": "lang=en"}):
        assert ngettext("%(num)s question", "%(num)s questions", 1500) == "1500 questions"


def test_a_number_written_in_a_template_follows_each_request(loaded_app):
    """Jinja folds constants through plain filters when it compiles: `{{ 0|numberformat }}`
    must not keep the digits of the first page that used the template."""
    template = loaded_app.jinja_env.from_string("{{ 0|numberformat }} {{ 1|percentformat }}")
    with loaded_app.test_request_context("/", headers={"Cookie": "lang=en"}):
        assert template.render() == "0 100%"
    with loaded_app.app_context():
        user = register(NewAccount(username="huda", display_name="Huda", password=PASSWORD,
                                   locale="ar"))
        db.session.get(User, user.id).numerals = "arab"
        db.session.commit()
        user = db.session.get(User, user.id)
        with loaded_app.test_request_context("/", headers={"Cookie": "lang=ar"}):
            login_user(user)
            assert template.render() == "٠ ١٠٠٪"


def test_the_setting_is_worked_out_again_after_a_log_out_or_a_language_change(
        arabic_request, loaded_app):
    """Each page works the setting out once, but a log-out or a refreshed locale in the
    middle of a request (saving the settings does both kinds) is followed at once."""
    from flask_babel import force_locale, refresh
    from flask_login import logout_user

    from quizapp.i18n import digits, format_number

    render = loaded_app.jinja_env.from_string("{{ _('Line %(line)s: %(problem)s', "
                                             "line=12, problem='x') }}")
    assert (digits("12"), format_number(1500)) == ("١٢", "١٬٥٠٠")
    assert render.render() == "السطر ١٢: x"
    logout_user()
    assert (digits("12"), format_number(1500)) == ("12", "1,500")
    assert render.render() == "السطر 12: x"
    login_user(arabic_request)
    assert digits("12") == "١٢"
    with force_locale("en"):
        assert (digits("12"), render.render()) == ("12", "Line 12: x")
    refresh()
    assert digits("12") == "١٢"
