"""A class signs up together: invite links and rosters with one-time passwords."""

import re

from sqlalchemy import func, select

from quizapp.accounts.models import ClassMembership, SchoolClass, User
from quizapp.extensions import db

from .conftest import (
    PASSWORD,
    _client,
    _invite_link,
    _sheet,
    _upload_roster,
    csrf_token,
    login,
    post,
)


def _sign_up(app, link, username):
    client = _client(app)
    return client.post(link, data={
        "username": username, "display_name": username.title(), "email": "",
        "password": PASSWORD, "confirm": PASSWORD, "locale": "en", "timezone": "UTC",
        "csrf_token": csrf_token(client, link)})


def _members(app, class_id) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ClassMembership).where(
            ClassMembership.class_id == class_id))


def test_a_class_of_40_signs_up_through_the_invite_from_one_address(
        world, client_as, loaded_app):
    link = _invite_link(loaded_app, client_as, world)
    statuses = [_sign_up(loaded_app, link, f"pupil{n:02}").status_code for n in range(40)]
    assert statuses == [303] * 40
    assert _members(loaded_app, world.school_class.id) == 41  # with the world's student
    # The same address is still held to the ordinary registration limit.
    from .conftest import GOOD
    ordinary = [post(_client(loaded_app), "/register", {**GOOD, "username": f"walkin{n}"},
                     token_from="/register").status_code for n in range(11)]
    assert ordinary[-1] == 429


def test_the_invite_has_a_per_class_hourly_cap(world, client_as, loaded_app):
    loaded_app.config["RATELIMIT_CLASS_INVITE"] = "3 per hour"
    link = _invite_link(loaded_app, client_as, world)
    statuses = [_sign_up(loaded_app, link, f"bot{n}").status_code for n in range(4)]
    assert statuses == [303, 303, 303, 429]


def test_the_invite_stops_at_the_class_size_cap(world, client_as, loaded_app):
    loaded_app.config["CLASS_SIZE_CAP"] = 3
    link = _invite_link(loaded_app, client_as, world)
    statuses = [_sign_up(loaded_app, link, f"late{n}").status_code for n in range(3)]
    assert statuses == [303, 303, 409]
    assert _members(loaded_app, world.school_class.id) == 3


def test_a_regenerated_or_revoked_invite_stops_working(world, client_as, loaded_app):
    old = _invite_link(loaded_app, client_as, world)
    new = _invite_link(loaded_app, client_as, world)
    assert old != new
    assert _client(loaded_app).get(old).status_code == 404
    teacher = client_as("teacher")
    post(teacher, f"/classes/{world.school_class.id}/invite/off",
         token_from=f"/classes/{world.school_class.id}")
    response = _client(loaded_app).get(new)
    assert response.status_code == 404 and "no longer works" in response.get_data(as_text=True)


def test_only_the_classes_teacher_manages_its_invite_and_roster(world, client_as):
    path = f"/classes/{world.school_class.id}"
    for name in ("uteacher", "student"):
        client = client_as(name)
        assert post(client, f"{path}/invite").status_code == 404
        assert client.get(f"{path}/roster").status_code == 404


ROSTER = "name,username\n" + "\n".join(f"Student {n:02}" for n in range(39)) + "\nNour Ali,nour\n"


def test_a_40_row_roster_makes_accounts_with_one_time_passwords(world, client_as, loaded_app):
    response = _upload_roster(client_as("teacher"), world.school_class.id, ROSTER)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    sheet = _sheet(html)
    assert len(sheet) == 40 and len({u for u, _ in sheet}) == 40
    assert ("nour", sheet[-1][1]) == sheet[-1] and "student.00" in dict(sheet)
    assert _members(loaded_app, world.school_class.id) == 41
    # Each logs in from the school's one address and must first choose a password.
    for username, password in sheet:
        client = _client(loaded_app)
        response = login(client, username, password)
        assert response.status_code == 303
        assert client.get("/review").headers["Location"].endswith("/account/first-password")
    client = _client(loaded_app)
    login(client, "nour", sheet[-1][1])
    assert post(client, "/account/settings", {"display_name": "x"},
                token_from="/account/first-password").status_code == 403
    new = {"password": "my own new password", "confirm": "my own new password"}
    assert post(client, "/account/first-password", new,
                token_from="/account/first-password").status_code == 303
    assert client.get("/review").status_code == 200
    # The one-time password is gone.
    assert login(_client(loaded_app), "nour", sheet[-1][1]).status_code == 401


def test_an_uploaded_roster_and_its_sheet_in_arabic(world, client_as, loaded_app):
    teacher = client_as("teacher")
    teacher.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    teacher.set_cookie("lang", "ar")
    csv_bytes = "\ufeffالاسم\nمريم حسن\nيوسف علي\n".encode()
    response = _upload_roster(teacher, world.school_class.id, file_bytes=csv_bytes)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "كلمة المرور لمرة واحدة" in html
    assert [u for u, _ in _sheet_ar(html)] == ["مريم.حسن", "يوسف.علي"]


def _sheet_ar(html):
    return re.findall(r'<bdi dir="ltr">([^<]+)</bdi></dd>\s*<dt>[^<]+</dt>'
                      r'<dd class="slip-password"><bdi dir="ltr">([^<]+)<', html)


def test_a_bad_roster_line_creates_nobody(world, client_as, loaded_app):
    with loaded_app.app_context():
        before = db.session.scalar(select(func.count()).select_from(User))
    response = _upload_roster(client_as("teacher"), world.school_class.id,
                              "Amal\nBadr,student\nCyrus\n")
    assert response.status_code == 400
    assert "Line 2" in response.get_data(as_text=True)
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == before
        assert db.session.get(SchoolClass, world.school_class.id) is not None


def test_the_sign_up_pages_have_no_english_on_arabic_pages(world, client_as, loaded_app):
    from ..pages import english_fragments, visible_text

    link = _invite_link(loaded_app, client_as, world)
    teacher = client_as("teacher")
    class_path = f"/classes/{world.school_class.id}"
    sheet = _upload_roster(teacher, world.school_class.id, "Amal\n")
    username, password = _sheet(sheet.get_data(as_text=True))[0]
    newcomer = _client(loaded_app)
    login(newcomer, username, password)
    anonymous = _client(loaded_app)
    pages = [("class page", teacher, class_path), ("roster form", teacher, f"{class_path}/roster"),
             ("invite", anonymous, link), ("invite invalid", anonymous, "/invite/NOTACODE1234"),
             ("first password", newcomer, "/account/first-password")]
    fragments = english_fragments()
    for name, client, path in pages:
        client.set_cookie("lang", "ar")
        text = visible_text(client.get(path).get_data(as_text=True))
        assert [f for f in fragments if f in text] == [], name
    teacher.set_cookie("lang", "ar")
    text = visible_text(_upload_roster(teacher, world.school_class.id, "Badr\n")
                        .get_data(as_text=True))
    assert [f for f in fragments if f in text] == [], "sign-in sheet"


def test_a_file_that_is_not_a_class_list_gets_a_message(world, client_as):
    teacher = client_as("teacher")
    for content in (b"x" * 200_000, b'"Amal,amal\nBadr\x00\n"x"y', b"\xff\xfe\x00A"):
        response = _upload_roster(teacher, world.school_class.id, file_bytes=content)
        assert response.status_code == 400, content[:20]
        text = response.get_data(as_text=True)
        assert "not a class list" in text or "UTF-8" in text or "at most 80" in text
