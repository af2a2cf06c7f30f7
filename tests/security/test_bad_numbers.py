"""Numbers a request may carry that once gave a 500: digits ``int()`` refuses, ids past
what a database integer holds, more digits than ``int()`` reads, and signed tokens of one
kind passed as another. Each is a localised 4xx now."""

import pytest
from itsdangerous import URLSafeSerializer

from ..people import csrf_token

SUPERSCRIPT = "²"
ARABIC_INDIC = "٣"
PAST_POSTGRES = str(2**31)
PAST_SQLITE = str(2**63)
PAST_INT_LIMIT = "1" + "0" * 5000
BAD_NUMBERS = [SUPERSCRIPT, "1" + SUPERSCRIPT, PAST_POSTGRES, PAST_SQLITE, PAST_INT_LIMIT]
ODD_NUMBERS = [*BAD_NUMBERS, ARABIC_INDIC, "-1", " 1 ", "1.0", "0x10"]


@pytest.fixture
def student(world, client_as):
    return client_as("student")


def post(client, path, data):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/")})


def assert_clear_4xx(response, *, english=True):
    assert 400 <= response.status_code < 500, response.status_code
    html = response.get_data(as_text=True)
    if english:
        assert "Bad request" in html or "Page not found" in html
    else:
        assert "طلب غير صالح" in html or "الصفحة غير موجودة" in html


@pytest.mark.parametrize("value", BAD_NUMBERS)
@pytest.mark.parametrize("field", ["question", "seen"])
def test_a_bad_number_in_a_review_answer_is_a_4xx(field, value, student):
    data = {"question": "1", "seen": "0", "answer": "a", field: value}
    assert_clear_4xx(post(student, "/review/answer", data))


@pytest.mark.parametrize("value", BAD_NUMBERS)
@pytest.mark.parametrize("field", ["question", "seen", "rating"])
def test_a_bad_number_in_a_flashcard_rating_is_a_4xx(field, value, student):
    data = {"question": "1", "seen": "0", "rating": "3", field: value}
    assert_clear_4xx(post(student, "/review/rate", data))


@pytest.mark.parametrize("value", BAD_NUMBERS)
@pytest.mark.parametrize("field", ["length", "assignment"])
def test_a_bad_number_in_a_new_quiz_is_a_4xx(field, value, student):
    data = {"bank": "cultural-centre-beijing", "length": "5", field: value}
    assert_clear_4xx(post(student, "/quiz", data))


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_odd_numbers_never_give_a_server_error(value, student):
    for path, data in [("/review/answer", {"question": value, "seen": value}),
                       ("/review/rate", {"question": value, "seen": "0", "rating": value}),
                       ("/quiz", {"bank": "cultural-centre-beijing", "length": value,
                                  "assignment": value})]:
        assert post(student, path, data).status_code < 500, (path, value)


def test_the_bad_request_page_is_in_arabic_for_an_arabic_reader(student):
    student.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ar"
    student.set_cookie("lang", "ar")
    response = post(student, "/review/rate", {"question": "1", "seen": "0",
                                              "rating": SUPERSCRIPT})
    assert_clear_4xx(response, english=False)


@pytest.mark.parametrize("number", [PAST_POSTGRES, PAST_SQLITE, PAST_INT_LIMIT])
@pytest.mark.parametrize("template", [
    "/quiz/{n}", "/quiz/{n}/0", "/quiz/1/{n}", "/quiz/{n}/result", "/classes/{n}",
    "/classes/{c}/students/{n}", "/classes/{n}/report.csv",
])
def test_an_id_past_a_database_integer_in_a_url_is_a_404(template, number, world, client_as):
    client = client_as("teacher")
    response = client.get(template.format(n=number, c=world.school_class.id))
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize("number", [PAST_POSTGRES, PAST_SQLITE])
def test_a_post_to_an_id_past_a_database_integer_is_a_404(number, world, client_as):
    client = client_as("teacher")
    response = post(client, f"/classes/{world.school_class.id}/assignments/{number}/delete",
                    {})
    assert response.status_code == 404


@pytest.mark.parametrize("revision", [SUPERSCRIPT, PAST_POSTGRES, PAST_SQLITE, PAST_INT_LIMIT,
                                      "-1", "0"])
def test_a_bad_revision_number_is_a_404(revision, world, client_as):
    response = client_as("teacher").get(
        f"/banks/cultural-centre-beijing/yaml?revision={revision}")
    assert response.status_code == 404


def test_a_good_revision_number_still_downloads(world, client_as):
    response = client_as("teacher").get("/banks/cultural-centre-beijing/yaml?revision=1")
    assert response.status_code == 200


def _first_question(student) -> str:
    import re

    html = student.get("/review").get_data(as_text=True)
    return re.search(r'name="question" value="(\d+)"', html).group(1), html


def test_a_shown_token_passed_as_a_rating_payload_is_a_400(world, client_as):
    import re

    student = client_as("student")
    post(student, "/banks/cultural-centre-beijing/study", {})
    _question, html = _first_question(student)
    shown = re.search(r'name="shown" value="([^"]+)"', html).group(1)
    response = post(student, "/review/rate", {"payload": shown, "rating": "3"})
    assert_clear_4xx(response)


def test_a_rating_payload_passed_as_a_shown_token_is_ignored(world, client_as):
    import re

    student = client_as("student")
    post(student, "/banks/cultural-centre-beijing/study", {})
    question, html = _first_question(student)
    seen = re.search(r'name="seen" value="(\d+)"', html).group(1)
    feedback = post(student, "/review/answer", {"question": question, "seen": seen,
                                                "answer": "a"})
    payload = re.search(r'name="payload" value="([^"]+)"',
                        feedback.get_data(as_text=True)).group(1)
    again = post(student, "/review/answer", {"question": question, "seen": seen,
                                             "answer": "a", "shown": payload})
    assert again.status_code == 200


@pytest.mark.parametrize("payload", [
    {"q": 1},
    {"q": "1", "seen": 0, "r": None, "d": None, "s": 3},
    {"q": 1, "seen": -1, "r": None, "d": None, "s": 3},
    {"q": 1, "seen": 0, "r": None, "d": None, "s": 9},
    {"q": 1, "seen": 0, "r": None, "d": "slow", "s": 3},
    {"q": 2**63, "seen": 0, "r": None, "d": None, "s": 3},
    [1, 0, None, None, 3],
    "q",
])
def test_a_signed_payload_of_the_wrong_shape_is_a_400(payload, world, client_as, loaded_app):
    from quizapp.study import signed_forms

    with loaded_app.test_request_context():
        signed = signed_forms.signer("rating").dumps(payload)
    response = post(client_as("student"), "/review/rate", {"payload": signed, "rating": "3"})
    assert response.status_code == 400


def test_a_payload_signed_with_the_old_shared_salt_is_refused(world, client_as):
    signed = URLSafeSerializer("test-secret-key", salt="study").dumps(
        {"q": 1, "seen": 0, "r": None, "d": None, "s": 3})
    response = post(client_as("student"), "/review/rate", {"payload": signed, "rating": "3"})
    assert response.status_code == 400
