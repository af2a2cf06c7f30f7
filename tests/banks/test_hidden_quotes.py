"""A bank's page hides each question's source quote (which usually holds the answer)
until the reader has answered it; the cached fragments never leak one reader's view to
another."""

import re
from datetime import UTC, datetime

from fsrs import Rating
from sqlalchemy import select

from quizapp.accounts.models import User
from quizapp.banks.models import Question
from quizapp.core.fragments import fragment_cache
from quizapp.extensions import db
from quizapp.study import services as study
from quizapp.study.models import QuizAttempt

from ..people import csrf_token

BANK = "central-asia-china-summit"


def quoted_ids(html: str) -> set[str]:
    """The ids of the questions shown with their quote."""
    return {m.group(1) for m in re.finditer(
        r'<li class="card question" id="([^"]+)">((?:(?!</li>).)*)</li>', html, re.S)
        if "<blockquote" in m.group(2)}


def listed(html: str) -> int:
    return html.count('class="card question"')


def answer_one_quiz_question(app, client) -> str:
    """Answer (wrongly) the first question of a one-question quiz; its uid."""
    response = client.post("/quiz", data={"bank": BANK, "length": "1",
                                          "csrf_token": csrf_token(client)})
    attempt_id = int(re.search(r"/quiz/(\d+)/0", response.headers["Location"]).group(1))
    page = client.get(f"/quiz/{attempt_id}/0").get_data(as_text=True)
    shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
    assert client.post(f"/quiz/{attempt_id}/0", data={
        "shown": shown, "csrf_token": csrf_token(client)}).status_code == 303
    with app.app_context():
        question_id = db.session.get(QuizAttempt, attempt_id).question_ids[0]
        return db.session.get(Question, question_id).uid


def test_a_student_sees_no_quote_before_answering_and_the_answered_one_after(
        world, client_as, loaded_app):
    teacher, student = client_as("teacher"), client_as("student")
    # The teacher fills the cache with every question's quoted fragment first.
    assert len(quoted_ids(teacher.get(f"/banks/{BANK}").get_data(as_text=True))) == 73
    html = student.get(f"/banks/{BANK}").get_data(as_text=True)
    assert listed(html) == 73 and quoted_ids(html) == set()
    assert "<blockquote" not in html and "once you have answered this question" in html

    uid = answer_one_quiz_question(loaded_app, student)
    html = student.get(f"/banks/{BANK}").get_data(as_text=True)
    assert quoted_ids(html) == {uid}
    assert listed(html) == 73
    # Another student still sees none, from the same (now warm) cache.
    other = client_as("rstudent").get(f"/banks/{BANK}").get_data(as_text=True)
    assert quoted_ids(other) == set()
    with loaded_app.app_context():
        assert fragment_cache().hits > 0


def test_a_reviewed_card_reveals_its_quote(world, client_as, loaded_app):
    with loaded_app.app_context():
        user = db.session.scalar(select(User).where(User.username == "student"))
        question = db.session.scalar(select(Question).where(
            Question.uid == "cas-astana-summit-date-choice"))
        study.record_review(user, question, Rating.Good, now=datetime.now(UTC),
                            reviews_seen=0, fuzzing=False)
    html = client_as("student").get(f"/banks/{BANK}").get_data(as_text=True)
    assert quoted_ids(html) == {"cas-astana-summit-date-choice"}


def test_anonymous_visitors_see_no_quotes(loaded_client):
    html = loaded_client.get(f"/banks/{BANK}").get_data(as_text=True)
    assert listed(html) == 73 and quoted_ids(html) == set()


def test_each_language_has_its_own_fragment(loaded_client):
    english = loaded_client.get(f"/banks/{BANK}", headers={"Accept-Language": "en"}
                                ).get_data(as_text=True)
    arabic = loaded_client.get(f"/banks/{BANK}", headers={"Accept-Language": "ar"}
                               ).get_data(as_text=True)
    assert "When did Astana host the second summit" in english
    assert "When did Astana host the second summit" not in arabic
    assert "متى استضافت أستانا" in arabic
