"""The text rules (quizapp/core/text.py) and the places user text enters through them."""

import pytest

from quizapp.core.text import (
    MAX_COMBINING_RUN,
    cap_combining_marks,
    clean_text,
    isolate,
    text_problem,
)
from tests.people import post

ZALGO = "a" + "\u0336" * 12  # a mark no letter composes with under NFC
ARABIC = "مُحَمَّدٌ"  # a vowel and a shadda on one letter: ordinary Arabic


@pytest.mark.parametrize("value", ["\u202eevil", "a\u2066b", "\u200fname", "x\u061c",
                                   "\u202a", "\u2069"])
def test_decoded_bidi_controls_are_refused(value):
    assert text_problem(value).kind == "bidi"


@pytest.mark.parametrize("value", ["nul\x00", "bell\x07", "c1\x85x", "esc\x1b[31m",
                                   "tab\there", "two\nlines"])
def test_controls_are_refused_on_one_line(value):
    assert text_problem(value).kind == "control"


def test_tab_and_newline_are_allowed_in_multiline_text():
    assert text_problem("first line\n\tsecond", multiline=True) is None
    assert text_problem("nul\x00", multiline=True).kind == "control"


def test_stacked_combining_marks_are_refused_but_arabic_vowels_pass():
    assert text_problem(ZALGO).kind == "marks"
    assert text_problem("a" + "\u0336" * MAX_COMBINING_RUN) is None
    assert text_problem(ARABIC) is None
    assert text_problem("Zoë, Ὀδυσσεύς, ﷺ, 😀, x\u200cy") is None


def test_problem_names_the_code_point_for_the_validator():
    problem = text_problem("ok \u202e")
    assert str(problem) == "bidi control character U+202E is not allowed"
    assert problem.template % problem.params == str(problem)


def test_clean_text_takes_out_controls_and_caps_marks():
    assert clean_text("  \u202eli\x00ly\u200f \t\n  smith ") == "lily smith"
    assert clean_text("می\u200cخواهم") == "می\u200cخواهم"  # the joiner stays
    assert clean_text(ZALGO) == "a" + "\u0336" * MAX_COMBINING_RUN
    assert clean_text("e\u0301") == "\u00e9"  # NFC


def test_cap_combining_marks_keeps_ordinary_text():
    assert cap_combining_marks(ARABIC) == ARABIC


def test_isolate_wraps_in_first_strong_isolate():
    assert isolate("Ali") == "\u2068Ali\u2069"


def _register(client, display_name):
    return post(client, "/register", {
        "username": "lily", "display_name": display_name, "password": "a long passphrase",
        "confirm": "a long passphrase", "locale": "en", "timezone": "UTC"},
        token_from="/register")


def test_registration_refuses_stacked_marks_in_the_name(loaded_client):
    loaded_client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = _register(loaded_client, "Lily " + ZALGO)
    assert response.status_code == 400
    assert "Use at most 4 accent marks on one letter." in response.get_data(as_text=True)


def test_registration_says_so_in_arabic(loaded_client):
    loaded_client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    response = _register(loaded_client, "\u202e" + ZALGO)
    assert response.status_code == 400
    assert "لا تضع على الحرف الواحد أكثر من 4 علامات تشكيل." in response.get_data(as_text=True)


def test_settings_take_hidden_characters_out_of_the_name(world, client_as, loaded_app):
    from quizapp.accounts.models import User
    from quizapp.extensions import db

    client = client_as("student")
    response = post(client, "/account/settings", {
        "display_name": "\u202eSa\x00ra\u200f", "locale": "en", "timezone": "UTC",
        "desired_retention": "0.9", "new_cards_per_day": "20"}, token_from="/account")
    assert response.status_code == 303
    with loaded_app.app_context():
        assert db.session.get(User, world.student.id).display_name == "Sara"


def test_class_name_with_stacked_marks_is_refused(world, client_as):
    client = client_as("teacher")
    response = post(client, "/classes/", {"name": ZALGO}, token_from="/classes/")
    assert response.status_code == 400
    assert "Use at most 4 accent marks on one letter." in response.get_data(as_text=True)


def test_typed_answer_is_stored_and_shown_without_controls():
    from werkzeug.datastructures import MultiDict

    from quizapp.questions.presenting import response_from_form

    class ShortText:
        type = "short_text"
        details: dict = {}

    form = MultiDict({"answer": " \u202eBei\x00jing\u200f" + "\u0336" * 9 + " "})
    assert response_from_form(ShortText(), [], form) == "Beijing" + "\u0336" * 4
    assert response_from_form(ShortText(), [], MultiDict({"answer": "\u202e\x00"})) is None
