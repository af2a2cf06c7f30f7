"""Holes a hostile review found: each test failed before its fix."""

import re

import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from quizapp.accounts import throttle
from quizapp.accounts.models import PasswordResetLink, User
from quizapp.banks.models import Question
from quizapp.banks.validator import check_bank_text, read_library
from quizapp.classes import services as class_services
from quizapp.core.text import text_problem
from quizapp.extensions import db
from quizapp.i18n import LANGUAGE_COOKIE
from quizapp.questions import registry
from quizapp.study.models import ReviewLog

from ..banks.conftest import GOOD, submit
from ..conftest import QUESTIONS_DIR
from ..people import PASSWORD, csrf_token, post
from ..study.conftest import logged_in, review_page, right_form

NEW_PASSWORD = "another long passphrase"


def _register(client, username: str):
    token = csrf_token(client, "/register")
    response = client.post("/register", data={
        "username": username, "display_name": username, "password": PASSWORD,
        "confirm": PASSWORD, "locale": "en", "timezone": "UTC", "csrf_token": token})
    assert response.status_code == 303, response.get_data(as_text=True)
    return response


def _user_id(app, username: str) -> int:
    with app.app_context():
        user_id = db.session.scalar(select(User.id).where(User.username == username))
        db.session.remove()
        return user_id


def _new_client(app):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _delete_account(client):
    response = client.post("/account/delete", data={
        "password": PASSWORD, "csrf_token": csrf_token(client, "/account")})
    assert response.status_code == 303


def test_an_old_session_cookie_does_not_log_in_as_a_later_account(loaded_app, world):
    victim = _new_client(loaded_app)
    _register(victim, "leaver")
    old_id = _user_id(loaded_app, "leaver")
    old_cookie = victim.get_cookie("session").value
    _delete_account(victim)

    _register(_new_client(loaded_app), "newcomer")
    assert _user_id(loaded_app, "newcomer") != old_id  # ids are never given out again

    replay = _new_client(loaded_app)
    replay.set_cookie("session", old_cookie)
    response = replay.get("/account")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_a_session_id_is_not_the_account_id_and_version_alone(loaded_app, world):
    # Even when an id is given out again, a forged "{id}.{version}" logs nobody in.
    with loaded_app.app_context():
        user = db.session.get(User, world.student.id)
        assert user.get_id() != f"{user.id}.{user.session_version}"
        assert throttle_load(f"{user.id}.{user.session_version}") is None
        assert throttle_load(user.get_id()) is not None
        db.session.remove()


def throttle_load(session_id: str):
    from quizapp.accounts.access import _load_user
    return _load_user(session_id)


def test_the_device_cookie_does_not_carry_over_to_another_account(loaded_app, world):
    with loaded_app.test_request_context():
        user = db.session.get(User, world.student.id)
        device = throttle.Device("device", [throttle.device_key(user)])
        assert device.knows(user)
        other = db.session.get(User, world.other_student.id)
        assert not device.knows(other)
        # The same id with another account's secret is another account.
        user.session_token = "another-secret"
        assert not device.knows(user)
        db.session.rollback()
        db.session.remove()


# --- 2. A teacher cannot take over a student another teacher also teaches ---------------

def _ask_reset_link(client, world):
    return post(client, f"/classes/{world.school_class.id}/students/{world.student.id}"
                        "/reset-link", token_from=f"/classes/{world.school_class.id}")


def test_no_reset_link_for_a_student_another_teacher_also_teaches(loaded_app, world,
                                                                   client_as):
    with loaded_app.app_context():
        class_services.join_class(db.session.get(User, world.student.id),
                                  world.other_class.join_code)
        db.session.remove()
    for language, words in (("en", "also in another teacher's class"),
                            ("ar", "في صف معلم آخر")):
        with loaded_app.app_context():  # pages speak the account's language
            db.session.get(User, world.teacher.id).locale = language
            db.session.commit()
        teacher = client_as("teacher")
        response = _ask_reset_link(teacher, world)
        assert response.status_code == 403
        html = response.get_data(as_text=True)
        assert words in html and "/reset/" not in html
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PasswordResetLink)) == 0
        db.session.remove()


def test_a_reset_link_still_works_for_a_student_only_in_the_teachers_class(world, client_as):
    response = _ask_reset_link(client_as("teacher"), world)
    assert response.status_code == 200
    assert "/reset/" in response.get_data(as_text=True)


def test_a_reset_link_leaves_a_one_time_password_to_be_changed(loaded_app, world, client_as):
    # Whoever opened the link chose this password, perhaps the teacher: the student still
    # chooses their own at the next login.
    with loaded_app.app_context():
        db.session.get(User, world.student.id).must_change_password = True
        db.session.commit()
    html = _ask_reset_link(client_as("teacher"), world).get_data(as_text=True)
    path = re.search(r"<code>http://localhost(/reset/[^<]+)</code>", html).group(1)
    response = post(loaded_app.test_client(), path,
                    {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, token_from=path)
    assert response.status_code == 303
    with loaded_app.app_context():
        assert db.session.get(User, world.student.id).must_change_password is True
        db.session.remove()


# --- 3. Current-password checks are throttled like logins ---------------------------------

def test_wrong_current_passwords_are_throttled_like_logins(loaded_app, world, client_as):
    student = client_as("student")
    statuses = [post(student, "/account/password", {
        "current_password": f"wrong guess {n}", "password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD}, token_from="/account").status_code for n in range(6)]
    assert statuses == [400] * 5 + [429]
    response = post(student, "/account/delete", {"password": PASSWORD}, token_from="/account")
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)
    with loaded_app.app_context():
        db.session.get(User, world.student.id).locale = "ar"
        db.session.commit()
    response = post(student, "/account/delete", {"password": "wrong"}, token_from="/account")
    assert response.status_code == 429 and 'lang="ar"' in response.get_data(as_text=True)


def test_wrong_passwords_for_account_deletion_are_throttled(world, client_as):
    student = client_as("student")
    statuses = [post(student, "/account/delete", {"password": f"wrong guess {n}"},
                     token_from="/account").status_code for n in range(6)]
    assert statuses == [400] * 5 + [429]


def test_a_right_current_password_gives_its_attempt_back(world, client_as):
    student = client_as("student")
    for n in range(4):
        post(student, "/account/password", {"current_password": f"wrong {n}",
             "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, token_from="/account")
    response = post(student, "/account/password", {
        "current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        token_from="/account")
    assert response.status_code == 303
    response = post(student, "/account/password", {"current_password": "wrong again",
                    "password": PASSWORD, "confirm": PASSWORD}, token_from="/account")
    assert response.status_code == 400  # the right one did not use up the fifth attempt


# --- 4. Choice answers are only the question's own keys -------------------------------------

CHOICES = {"choices": {"a": {"ar": "أ", "en": "A"}, "b": {"ar": "ب", "en": "B"},
                       "c": {"ar": "ج", "en": "C"}}, "answer": "a", "answers": ["a", "c"]}


def test_a_single_choice_answer_is_one_of_the_questions_keys():
    parse = registry.get("single_choice").response_from_form
    assert parse(CHOICES, ["b", "a", "c"], MultiDict({"answer": "b"})) == "b"
    for sent in ("x" * (1 << 20), "a\x00", "z", ""):
        assert parse(CHOICES, ["b", "a", "c"], MultiDict({"answer": sent})) is None


def test_a_multiple_choice_answer_keeps_only_known_keys_once():
    parse = registry.get("multiple_choice").response_from_form
    sent = MultiDict([("answer", key) for key in ["c", "a", "c", "x" * 5000, "\x00"] * 1000])
    assert parse(CHOICES, ["b", "a", "c"], sent) == ["a", "c"]


def test_matching_and_ordering_keep_only_places_the_layout_has():
    matching = registry.get("matching")
    pairs = {"pairs": [{"left": {"en": "l"}, "right": {"en": "r"}}] * 2,
             "distractors": [{"en": "d"}]}
    response = matching.response_from_form(pairs, [1, -1, 0], MultiDict(
        {"match-0": "9" * 300, "match-1": "-5"}))
    assert response == {}
    assert matching.response_from_form(pairs, [1, -1, 0], MultiDict(
        {"match-0": "0", "match-1": "-1"})) == {"0": 0, "1": -1}
    ordering = registry.get("ordering")
    items = {"items": [{"en": "x"}] * 3}
    assert ordering.response_from_form(items, [2, 0, 1], MultiDict(
        {"position-0": "9" * 300, "position-1": "1", "position-2": "2"})) is None


def test_starting_quizzes_is_limited_per_account(loaded_app, world, client_as):
    loaded_app.config["RATELIMIT_START_QUIZ"] = "3 per hour"
    student = client_as("student")
    statuses = [post(student, "/quiz", {"bank": "cultural-centre-beijing", "length": "5"})
                .status_code for _ in range(4)]
    assert statuses == [303] * 3 + [429]
    # Another account has its own budget.
    other = client_as("rstudent")
    assert post(other, "/quiz", {"bank": "cultural-centre-beijing"}).status_code == 303


# --- 5. Bank YAML keeps the typed-text rules ----------------------------------------------

def test_text_problem_refuses_format_characters_and_line_separators():
    for char, kind in (("\u200b", "format"), ("\ufeff", "format"), ("\U000e0041", "format"),
                       ("\u2060", "format"), ("\u2028", "separator"),
                       ("\u2029", "separator")):
        problem = text_problem(f"a{char}b", multiline=True)
        assert problem is not None and problem.kind == kind, repr(char)
        assert f"U+{ord(char):04X}" in problem.message()
    assert text_problem("می\u200cخواهم x\u200dy") is None  # the joiners shape words


HOSTILE_VALUES = {
    "zero-width space": ('"When did the\\u200B centre open?"',
                         "format character U+200B is not allowed"),
    "byte order mark": ('"When did the centre open?\\uFEFF"',
                        "format character U+FEFF is not allowed"),
    "tag character": ('"When did the centre open?\\U000E0041"',
                      "format character U+E0041 is not allowed"),
    "line separator": ('"When did the\\u2028centre open?"',
                       "line or paragraph separator U+2028 is not allowed"),
    "stacked marks": ('"When did the centre\\u0301\\u0301\\u0301\\u0301\\u0301 open?"',
                      "too many combining marks on one letter (the limit is 4)"),
}


@pytest.mark.parametrize("escaped, message", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_bank_value_breaking_the_typed_text_rules_is_located(escaped, message):
    text = GOOD.replace('en: "When did the centre open?"', f"en: {escaped}")
    assert text != GOOD
    checked, problems = check_bank_text(text, "bank.yaml", read_library(QUESTIONS_DIR))
    line = next(n for n, row in enumerate(text.split("\n"), 1) if escaped in row)
    assert checked is None
    assert [(p.line, p.path, p.message()) for p in problems] == [
        (line, "questions[0].prompt.en", message)]
    assert str(problems[0]).startswith(f"bank.yaml:{line}:")


def test_a_format_character_in_a_bank_is_refused_in_arabic_too(loaded_app, world, client_as):
    with loaded_app.app_context():
        db.session.get(User, world.teacher.id).locale = "ar"
        db.session.commit()
    response = submit(client_as("teacher"), GOOD.replace(
        'en: "When did the centre open?"', 'en: "When did the\\u200B centre open?"'))
    assert response.status_code == 422
    # The code is isolated left to right inside the sentence: compare the text shown.
    shown = re.sub(r"<[^>]+>", "", response.get_data(as_text=True))
    assert "حرف التنسيق غير المرئي U+200B غير مسموح به" in shown


# --- 6. A signed rating belongs to one account, for a day ---------------------------------

def _answered_payload(app, client) -> str:
    token = csrf_token(client)
    client.post("/banks/cultural-centre-beijing/study", data={"csrf_token": token})
    page = review_page(client)
    question_id = int(re.search(r'name="question" value="(\d+)"', page).group(1))
    with app.app_context():
        form = right_form(db.session.get(Question, question_id), page)
    feedback = client.post("/review/answer", data={
        **form, "question": question_id, "seen": "0", "csrf_token": token})
    return re.search(r'name="payload" value="([^"]+)"', feedback.get_data(as_text=True)
                     ).group(1)


def _rate(client, payload: str):
    return client.post("/review/rate", data={"payload": payload, "rating": "3",
                                             "csrf_token": csrf_token(client)})


def _review_count(app) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(ReviewLog))
        db.session.remove()
        return count


def test_another_accounts_rating_payload_is_refused(loaded_app):
    payload = _answered_payload(loaded_app, logged_in(loaded_app, "sara"))
    response = _rate(logged_in(loaded_app, "omar"), payload)
    assert response.status_code == 400
    assert _review_count(loaded_app) == 0


def test_a_rating_payload_older_than_a_day_is_refused(loaded_app):
    client = logged_in(loaded_app, "sara")
    signer = URLSafeSerializer(loaded_app.config["SECRET_KEY"], salt="study.rating")
    data = signer.loads(_answered_payload(loaded_app, client))
    old = signer.dumps({**data, "t": data["t"] - 25 * 3600})
    response = _rate(client, old)
    assert response.status_code == 400
    assert "This answer is too old to rate" in response.get_data(as_text=True)
    assert _review_count(loaded_app) == 0
    client.set_cookie(LANGUAGE_COOKIE, "ar")
    response = _rate(client, old)
    assert response.status_code == 400
    assert "هذه الإجابة أقدم من أن تُقيَّم" in response.get_data(as_text=True)
    # An hour old is fine.
    assert _rate(client, signer.dumps({**data, "t": data["t"] - 3600})).status_code == 303
    assert _review_count(loaded_app) == 1
