"""Registration, login, sessions, settings, export and deletion."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from quizapp.accounts.models import User
from quizapp.extensions import db

from .conftest import GOOD, PASSWORD, csrf_token, login, post


def register(client, **changes):
    return post(client, "/register", {**GOOD, **changes}, token_from="/register")


@pytest.fixture
def client(loaded_app):
    client = loaded_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_register_logs_in_and_uses_the_chosen_language(client, loaded_app):
    response = register(client)
    assert response.status_code == 303
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert "Layla" in html
    with loaded_app.app_context():
        user = db.session.scalar(db.select(User))
        assert (user.username, user.role, user.timezone) == ("layla_99", "student", "Asia/Almaty")
        assert user.password_hash.startswith("$argon2id$")


def test_username_is_unique_whatever_its_case(client):
    register(client)
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    response = register(client, username="LAYLA_99")
    assert response.status_code == 409
    # The first registration chose Arabic, and the browser remembers the choice.
    assert "اسم المستخدم هذا محجوز لحساب آخر" in response.get_data(as_text=True)


@pytest.mark.parametrize("changes, message", [
    ({"password": "short", "confirm": "short"}, "Use at least 8 characters."),
    ({"password": "x" * 129, "confirm": "x" * 129}, "Use at most 128 characters."),
    ({"password": "password123", "confirm": "password123"}, "one of the most common"),
    ({"confirm": PASSWORD + "!"}, "The passwords do not match."),
    ({"username": "ab"}, "Use 3 to 40 letters"),
    ({"username": "a b c"}, "Use 3 to 40 letters"),
    ({"username": "x" * 41}, "Use 3 to 40 letters"),
    ({"display_name": ""}, "This field is required."),
    ({"display_name": "n" * 81}, "Use at most 80 characters."),
    ({"email": "not-an-email"}, "Enter a valid email address."),
    ({"timezone": "Mars/Olympus"}, "Not a valid choice"),
    ({"locale": "fr"}, "Not a valid choice"),
])
def test_bad_registration_is_a_400_with_the_reason(client, changes, message):
    response = register(client, **changes)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_registration_errors_are_in_arabic_for_arabic_readers(loaded_app):
    client = loaded_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    response = register(client, password="short", confirm="short")
    assert response.status_code == 400
    assert "استخدم 8 أحرف على الأقل." in response.get_data(as_text=True)


def test_bidi_controls_and_invisible_characters_are_stripped_from_names(client, loaded_app):
    register(client, display_name="Lay\u202ela\u200b \x07 Ali")
    with loaded_app.app_context():
        assert db.session.scalar(db.select(User.display_name)) == "Layla Ali"


def test_arabic_username_is_allowed(client, loaded_app):
    assert register(client, username="ليلى_٩٩").status_code == 303


def test_nobody_becomes_a_teacher_through_the_web(client, loaded_app):
    register(client, role="teacher")
    with loaded_app.app_context():
        assert db.session.scalar(db.select(User.role)) == "student"


def test_login_error_does_not_say_whether_the_account_exists(world, client):
    wrong_password = login(client, "student", "not the password")
    no_account = login(client, "nobody-here", "not the password")
    assert wrong_password.status_code == no_account.status_code == 401
    message = "The username or password is not right."
    assert message in wrong_password.get_data(as_text=True)
    assert message in no_account.get_data(as_text=True)


def test_login_goes_back_to_next_only_on_this_site(world, client):
    token = csrf_token(client, "/login")
    response = client.post("/login?next=/classes/", data={
        "username": "student", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/classes/"
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    token = csrf_token(client, "/login")
    response = client.post("/login?next=https://evil.example/", data={
        "username": "student", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/"


def test_login_starts_a_new_session(world, client):
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, "student")
    with client.session_transaction() as session:
        assert "planted" not in session


def test_logout_ends_the_accounts_other_sessions(world, client_as):
    laptop, phone = client_as("student"), client_as("student")
    assert phone.get("/account").status_code == 200
    laptop.post("/logout", data={"csrf_token": csrf_token(laptop)})
    assert phone.get("/account").status_code == 302


def test_password_change_ends_other_sessions_but_not_this_one(world, client_as, loaded_app):
    laptop, phone = client_as("student"), client_as("student")
    new = "a brand new passphrase"
    response = post(laptop, "/account/password", {
        "current_password": PASSWORD, "password": new, "confirm": new}, token_from="/account")
    assert response.status_code == 303
    assert laptop.get("/account").status_code == 200
    assert phone.get("/account").status_code == 302
    assert login(loaded_app.test_client(), "student", new).status_code == 303


def test_password_change_needs_the_current_password(world, client_as):
    client = client_as("student")
    response = post(client, "/account/password", {
        "current_password": "wrong one!", "password": "another passphrase",
        "confirm": "another passphrase"}, token_from="/account")
    assert response.status_code == 400
    assert "The current password is not right." in response.get_data(as_text=True)


def test_idle_session_ends(world, client_as, loaded_app):
    client = client_as("student")
    idle = loaded_app.config["SESSION_IDLE_SECONDS"]
    with client.session_transaction() as session:
        session["seen_at"] -= idle + 1
    response = client.get("/account")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_session_ends_after_its_lifetime_even_when_active(world, client_as, loaded_app):
    client = client_as("student")
    lifetime = loaded_app.config["SESSION_LIFETIME_SECONDS"]
    with client.session_transaction() as session:
        session["auth_at"] -= lifetime + 1
    assert client.get("/account").status_code == 302


def test_session_cookie_flags(world, loaded_app):
    client = loaded_app.test_client()
    response = login(client, "student")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_settings_are_saved_and_bounded(world, client_as, loaded_app):
    client = client_as("student")
    form = {"display_name": "Sara", "email": "sara@example.org", "locale": "en",
            "timezone": "Asia/Riyadh", "desired_retention": "0.85", "new_cards_per_day": "15"}
    assert post(client, "/account/settings", form, token_from="/account").status_code == 303
    with loaded_app.app_context():
        user = db.session.get(User, world.student.id)
        assert (user.display_name, user.timezone, user.desired_retention,
                user.new_cards_per_day) == ("Sara", "Asia/Riyadh", 0.85, 15)
    for bad in ({"desired_retention": "0.99"}, {"desired_retention": "lots"},
                {"new_cards_per_day": "-1"}, {"new_cards_per_day": "1e9"}):
        response = post(client, "/account/settings", {**form, **bad}, token_from="/account")
        assert response.status_code == 400, bad


def test_export_contains_my_data_and_no_secrets(world, client_as):
    response = client_as("student").get("/account/export.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["username"] == "student"
    assert [c["name"] for c in data["classes_joined"]] == ["Class C"]
    assert "argon2" not in response.get_data(as_text=True)


def test_deleting_an_account_leaves_nothing_of_it(world, client_as, loaded_app):
    client = client_as("teacher")
    post(client, f"/classes/{world.school_class.id}/students/{world.student.id}/reset-link",
         token_from="/")
    wrong = post(client, "/account/delete", {"password": "not it at all"}, token_from="/account")
    assert wrong.status_code == 400
    response = post(client, "/account/delete", {"password": PASSWORD}, token_from="/account")
    assert response.status_code == 303
    with loaded_app.app_context():
        tid = world.teacher.id
        assert db.session.get(User, tid) is None
        for query in ("SELECT count(*) FROM classes WHERE teacher_id = :id",
                      "SELECT count(*) FROM password_reset_links WHERE created_by_id = :id",
                      "SELECT count(*) FROM class_members WHERE class_id = :cid"):
            count = db.session.execute(text(query),
                                       {"id": tid, "cid": world.school_class.id}).scalar()
            assert count == 0, query
        assert db.session.get(User, world.student.id) is not None
    assert client.get("/account").status_code == 302


def test_rehash_on_login_when_parameters_change(world, loaded_app, monkeypatch):
    with loaded_app.app_context():
        old_hash = db.session.get(User, world.student.id).password_hash
    monkeypatch.setitem(loaded_app.config, "PASSWORD_HASHING",
                        {"time_cost": 3, "memory_cost": 16, "parallelism": 1})
    assert login(loaded_app.test_client(), "student").status_code == 303
    with loaded_app.app_context():
        new_hash = db.session.get(User, world.student.id).password_hash
    assert new_hash != old_hash and "t=3" in new_hash


def test_production_hashes_passwords_at_owasp_strength(tmp_path):
    """The app as deployed (no test override) hashes with m=32 MiB, t=2, p=1."""
    from quizapp import create_app
    from quizapp.accounts.passwords import hash_password

    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        assert hash_password("a long enough password").startswith(
            "$argon2id$v=19$m=32768,t=2,p=1$")


def test_login_is_rate_limited_per_account_with_a_localised_429(world, loaded_app):
    for _attempt in range(5):
        client = loaded_app.test_client()  # a fresh client each time: limits are not per cookie
        assert login(client, "student", "wrong password").status_code == 401
    client = loaded_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    response = login(client, "student", "wrong password")
    assert response.status_code == 429
    assert "محاولات كثيرة جدًا" in response.get_data(as_text=True)
    # Another account from the same address is not locked out by it.
    assert login(loaded_app.test_client(), "rstudent").status_code == 303


def test_registration_is_rate_limited_per_address(loaded_app):
    statuses = [register(loaded_app.test_client(), username=f"user{n}").status_code
                for n in range(11)]
    assert statuses == [303] * 10 + [429]


def test_timestamps_are_stored_as_utc(world, loaded_app):
    with loaded_app.app_context():
        created = db.session.get(User, world.student.id).created_at
    assert created.tzinfo is UTC and created <= datetime.now(UTC)
