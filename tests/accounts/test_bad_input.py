"""Odd input to every form: a clear 4xx (or a redirect with a message), never a 500."""

import pytest

from .conftest import MATRIX, PASSWORD, csrf_token

ODD_VALUES = [
    "",
    " ",
    "x" * 10_000,
    "\u202eevil\u202c",
    "\x00nul\x00",
    "😀" * 50,
    "ﷺ" * 30,
    "<script>alert(1)</script>",
    "1e309",
    "-0",
    "٠٫٩٠",
]
FIELDS = ["username", "display_name", "email", "password", "confirm", "current_password",
          "locale", "timezone", "desired_retention", "new_cards_per_day", "name", "code",
          "bank", "due_on", "lang", "next", "length", "tag", "assignment", "question", "seen",
          "shown", "rating", "payload", "remove", "answer", "text", "action", "checked"]


@pytest.mark.parametrize("endpoint", sorted(e for e, spec in MATRIX.items()
                                            if spec[0] == "POST"))
def test_odd_values_never_cause_a_server_error(endpoint, world, client_as):
    _, template, _ = MATRIX[endpoint]
    url = template.format(c=world.school_class.id, s=world.student.id, a=1, q=1, b="x",
                          d="x", dq="x", g="x", j=1)
    for username in ("teacher", "student"):
        client = client_as(username)
        token = csrf_token(client)
        for value in ODD_VALUES:
            response = client.post(url, data={**{f: value for f in FIELDS},
                                              "csrf_token": token})
            assert response.status_code < 500, (endpoint, username, value)
            if response.status_code == 302 and "/login" in response.headers["Location"]:
                client = client_as(username)  # a field logged us out (e.g. delete)
                token = csrf_token(client)
            if "<script>alert(1)</script>" in response.get_data(as_text=True):
                pytest.fail(f"{endpoint} echoed markup unescaped")


def test_display_name_with_markup_is_shown_escaped(world, client_as, loaded_app):
    from quizapp.accounts.services import NewAccount, register

    with loaded_app.app_context():
        register(NewAccount(username="mallory", display_name="<img src=x onerror=alert(1)>",
                            password=PASSWORD))
    client = client_as("mallory")
    html = client.get("/account").get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x" in html
