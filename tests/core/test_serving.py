"""Static files: versioned URLs cached for a year; HTML compressed."""

import re

import pytest


def test_static_urls_carry_a_content_version_and_cache_long(client):
    html = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{12})"', html).group(1)
    response = client.get(css)
    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Cache-Control"]


def test_html_is_compressed_for_browsers_that_ask(loaded_client):
    response = loaded_client.get("/banks/cultural-centre-beijing",
                                 headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] in ("gzip", "br")
    plain = loaded_client.get("/banks/cultural-centre-beijing")
    assert "Content-Encoding" not in plain.headers
    assert len(response.data) < len(plain.data) / 3


def _vary(response) -> set[str]:
    return {part.strip().lower() for value in response.headers.getlist("Vary")
            for part in value.split(",")}


def test_compressed_pages_still_vary_on_language_and_cookie(loaded_client):
    """A shared cache must not hand an Arabic page to an English reader (or one
    account's page to another) just because the page was compressed."""
    response = loaded_client.get("/banks/cultural-centre-beijing",
                                 headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert {"accept-language", "cookie", "accept-encoding"} <= _vary(response)
    assert len(response.headers.getlist("Vary")) == 1


def test_small_uncompressed_pages_vary_on_language_and_cookie(client):
    response = client.get("/nope")
    assert {"accept-language", "cookie"} <= _vary(response)


@pytest.mark.parametrize("number", [str(2**31), str(2**63), str(2**64), "9" * 5000])
def test_ids_in_the_path_beyond_what_the_database_holds_are_not_found(world, client_as,
                                                                     number):
    teacher = client_as("teacher")
    for path in (f"/quiz/{number}", f"/classes/{number}", f"/classes/1/students/{number}",
                 f"/quiz/1/{number}"):
        assert teacher.get(path).status_code == 404, path


@pytest.mark.parametrize("segment", ["%00", "a%00b", "%1b", "%7f"])
def test_a_control_character_in_a_path_word_is_not_found(world, client_as, segment):
    """PostgreSQL text cannot hold NUL: such a slug once reached the database (500)."""
    teacher = client_as("teacher")
    for path in (f"/banks/{segment}", f"/sources/{segment}", f"/progress/questions/{segment}",
                 f"/classes/{world.school_class.id}/banks/{segment}/items.xlsx",
                 f"/reset/{segment}"):
        assert teacher.get(path).status_code == 404, path
