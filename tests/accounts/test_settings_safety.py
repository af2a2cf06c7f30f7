"""The settings form: absurd numbers get the field's message; emails cannot be probed."""

import pytest

from quizapp.accounts.models import User
from quizapp.extensions import db

from .conftest import post

FORM = {"display_name": "Sara", "email": "", "locale": "en", "timezone": "UTC",
        "desired_retention": "0.85", "new_cards_per_day": "15"}


def _save(client, **changes):
    return post(client, "/account/settings", {**FORM, **changes}, token_from="/account")


@pytest.mark.parametrize("value", ["sNaN", "NaN", "-nan", "Infinity", "-inf", "1e999999999",
                                   "0." + "9" * 5000, "²", "0,9"])
def test_a_non_finite_or_absurd_retention_gets_the_fields_message(world, client_as, value):
    response = _save(client_as("student"), desired_retention=value)
    assert response.status_code == 400
    assert "Choose a value from 0.70 to 0.97." in response.get_data(as_text=True)


def test_a_non_finite_retention_is_refused_in_arabic_too(world, client_as):
    client = client_as("student")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    client.set_cookie("lang", "ar")
    response = _save(client, desired_retention="sNaN", locale="ar")
    assert response.status_code == 400
    assert "اختر قيمة من" in response.get_data(as_text=True)


def test_another_accounts_email_gets_the_same_answer_as_a_new_one(world, client_as, loaded_app):
    owner = client_as("rstudent")
    assert _save(owner, email="owner@example.org").status_code == 303
    prober = client_as("student")
    taken = _save(prober, email="Owner@Example.org")
    fresh = _save(prober, email="nobody@example.org")
    assert taken.status_code == fresh.status_code == 303
    taken_page = prober.get(taken.headers["Location"]).get_data(as_text=True)
    assert "already used" not in taken_page
    with loaded_app.app_context():
        assert db.session.get(User, world.other_student.id).email == "owner@example.org"


def test_saving_settings_is_throttled_per_account(world, client_as):
    client = client_as("student")
    statuses = [_save(client, email=f"probe{n}@example.org").status_code for n in range(21)]
    assert statuses == [303] * 20 + [429]
    # Someone else's settings are not held up by it.
    assert _save(client_as("rstudent")).status_code == 303


def test_registering_with_a_used_email_does_not_say_so(world, client_as, loaded_app):
    from .conftest import GOOD

    assert _save(client_as("rstudent"), email="family@example.org").status_code == 303
    client = loaded_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = post(client, "/register", {**GOOD, "email": "family@example.org"},
                    token_from="/register")
    assert response.status_code == 303  # a brother or sister may give the same address
