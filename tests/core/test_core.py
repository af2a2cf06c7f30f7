"""Language choice, CSRF, security headers and the database set-up."""

import re

from sqlalchemy import text

from quizapp.extensions import db

from ..conftest import requires_sqlite


def csrf_token(client, path="/", lang="en") -> str:
    html = client.get(path, headers={"Accept-Language": lang}).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_default_language_is_arabic(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html


def test_accept_language_picks_english(client):
    html = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html


def test_switch_sets_cookie_that_beats_accept_language(client):
    token = csrf_token(client, "/", "ar")
    response = client.post("/language", data={"lang": "en", "next": "/banks/x?a=1",
                                              "csrf_token": token})
    assert response.status_code == 303
    assert response.headers["Location"] == "/banks/x?a=1"
    html = client.get("/", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html


def test_switch_without_csrf_token_is_refused_in_the_readers_language(client):
    response = client.post("/language", data={"lang": "en", "next": "/"},
                           headers={"Accept-Language": "ar"})
    assert response.status_code == 400
    assert "انتهت صلاحية النموذج" in response.get_data(as_text=True)
    html = client.get("/", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html


def test_switch_never_redirects_off_site(client):
    token = csrf_token(client)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"):
        response = client.post("/language", data={"lang": "ar", "next": target,
                                                   "csrf_token": token})
        assert response.headers["Location"] == "/", target


def test_unknown_language_is_ignored(client):
    token = csrf_token(client)
    client.post("/language", data={"lang": "xx", "next": "/", "csrf_token": token})
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html


def test_language_switch_is_not_a_get(client):
    assert client.get("/language?lang=en").status_code == 405


def test_security_headers_on_every_response(client):
    for path in ("/", "/no-such-page"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_empty_database_home_says_how_to_load(client):
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "flask bank load" in html


@requires_sqlite("pragmas")
def test_sqlite_runs_in_wal_mode_with_busy_timeout(app):
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 15_000
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
