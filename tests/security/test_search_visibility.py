"""Search goes through the one visibility rule: a teacher's private bank never appears in
search results, nor in a quiz or custom study made from them, for another teacher or a
student outside the class; its teacher and their class find it."""

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.study.models import CustomStudy, QuizAttempt

from ..people import csrf_token
from .conftest import INSIDERS, OUTSIDERS, SECRET_PROMPT, shows_no_secret

SEARCHES = ("/search?q=hidden+exhibit", "/search?kind=date", "/search?q=hall",
            "/search?type=flashcard", "/search?q=hidden+card+front")


@pytest.mark.parametrize("username", (*OUTSIDERS, None))
@pytest.mark.parametrize("path", SEARCHES)
def test_outsiders_never_find_a_private_question(username, path, private, client_as):
    response = client_as(username).get(path)
    assert response.status_code == 200
    assert shows_no_secret(response)


@pytest.mark.parametrize("username", OUTSIDERS)
def test_searching_inside_a_private_bank_by_its_slug_is_a_404(username, private, client_as):
    response = client_as(username).get(f"/search?bank={private.slug}&q=hidden")
    assert response.status_code == 404
    assert shows_no_secret(response)


@pytest.mark.parametrize("username", INSIDERS)
def test_the_teacher_and_the_class_find_it(username, private, client_as):
    html = client_as(username).get("/search?q=hidden+exhibit").get_data(as_text=True)
    assert SECRET_PROMPT in html


@pytest.mark.parametrize("username", OUTSIDERS)
def test_a_quiz_or_study_of_results_never_holds_a_private_question(
        username, private, client_as, loaded_app):
    client = client_as(username)
    token = csrf_token(client, "/search")
    for path in ("/search/quiz", "/search/study"):
        client.post(path, data={"q": "hidden", "csrf_token": token})
        client.post(path, data={"type": "flashcard", "csrf_token": token})
        client.post(path, data={"kind": "date", "csrf_token": token})
    with loaded_app.app_context():
        asked = [qid for attempt in db.session.scalars(select(QuizAttempt))
                 for qid in attempt.question_ids]
        asked += [qid for custom in db.session.scalars(select(CustomStudy))
                  for qid in custom.question_ids]
    assert asked  # the searches did find shipped questions
    assert private.choice_id not in asked and private.card_id not in asked
