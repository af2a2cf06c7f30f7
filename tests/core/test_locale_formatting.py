"""Numbers and dates follow the locale; Arabic-Indic digits when an account asks for them."""

from quizapp.accounts.models import User
from quizapp.extensions import db

from ..people import login
from ..study.conftest import PASSWORD


def client_for(loaded_app, numerals=None, lang="ar"):
    from quizapp.accounts.services import NewAccount, register

    with loaded_app.app_context():
        user = register(NewAccount(username="huda", display_name="Huda", password=PASSWORD,
                                   locale=lang))
        db.session.get(User, user.id).numerals = numerals
        db.session.commit()
    client = loaded_app.test_client()
    assert login(client, "huda", PASSWORD).status_code == 303
    return client


def test_arabic_pages_use_cldr_digits_by_default(loaded_app):
    html = client_for(loaded_app).get("/").get_data(as_text=True)
    assert "105 أسئلة" in html


def test_arabic_indic_digits_when_chosen(loaded_app):
    client = client_for(loaded_app, numerals="arab")
    html = client.get("/").get_data(as_text=True)
    assert "١٠٥ أسئلة" in html and "105 أسئلة" not in html
    source = client.get("/sources/central-asia-china-summit-astana").get_data(as_text=True)
    assert "١٧ يونيو ٢٠٢٥" in source  # the date line is interface...
    assert "في 17 يونيو 2025" in source  # ...the document itself stays as written


def test_english_pages_keep_western_digits(loaded_app):
    client = client_for(loaded_app, numerals="arab", lang="en")
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "105 questions" in html


def test_dates_are_written_the_locales_way(loaded_app):
    client = loaded_app.test_client()
    english = client.get("/sources/central-asia-china-summit-astana",
                         headers={"Accept-Language": "en"}).get_data(as_text=True)
    arabic = loaded_app.test_client().get("/sources/central-asia-china-summit-astana",
                                          headers={"Accept-Language": "ar"}).get_data(
        as_text=True)
    assert "June 17, 2025" in english
    assert "17 يونيو 2025" in arabic
