"""The time-zone list: grouped by region, each zone once, named in the page's language."""

import re

from quizapp.accounts.models import User
from quizapp.extensions import db

from .conftest import GOOD, _client, csrf_token


def zone_select(html: str) -> str:
    return re.search(r'<select[^>]*id="timezone".*?</select>', html, re.S).group(0)


def test_registration_groups_zones_by_region_in_english(loaded_app):
    select = zone_select(_client(loaded_app, "en").get("/register").get_data(as_text=True))
    groups = re.findall(r'<optgroup label="([^"]+)"', select)
    assert groups[:2] == ["Coordinated Universal Time", "Africa"] and "Europe" in groups
    assert re.search(r'value="Asia/Almaty"[^>]*>Almaty, Kazakhstan \(\u2066GMT\+05:00\u2069\)<',
                     select)
    assert re.search(r'<option selected value="UTC">', select)  # until the browser says
    values = re.findall(r'<option[^>]*value="([^"]+)"', select)
    assert len(values) == len(set(values)) < 500  # old aliases ("US/Pacific") left out
    assert "US/Pacific" not in values and "Asia/Calcutta" not in values


def test_zone_names_are_arabic_on_arabic_pages(loaded_app):
    select = zone_select(_client(loaded_app, "ar").get("/register").get_data(as_text=True))
    assert '<optgroup label="آسيا">' in select
    assert re.search(r'value="Asia/Almaty"[^>]*>ألماتي، كازاخستان \(\u2066غرينتش\+05:00\u2069\)<',
                     select)


def test_a_stored_alias_stays_chosen_in_the_settings(loaded_app, world, client_as):
    with loaded_app.app_context():
        db.session.get(User, world.student.id).timezone = "Asia/Calcutta"
        db.session.commit()
    select = zone_select(client_as("student").get("/account").get_data(as_text=True))
    assert re.search(r'<option selected value="Asia/Calcutta">', select)


def test_registering_with_a_listed_zone(loaded_app):
    client = _client(loaded_app)
    response = client.post("/register", data={**GOOD, "timezone": "America/Sao_Paulo",
                                              "csrf_token": csrf_token(client, "/register")})
    assert response.status_code == 303
    with loaded_app.app_context():
        assert db.session.scalar(db.select(User.timezone).where(
            User.username == "layla_99")) == "America/Sao_Paulo"
