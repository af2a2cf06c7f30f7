"""The study modes through the web: quiz on and study a search's results, retry a quiz's
mistakes from its result page, study ahead of schedule; refused requests are 4xx."""

import re

import pytest
from sqlalchemy import select

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study.models import QuizAttempt, ReviewLog

from ..people import csrf_token
from .conftest import logged_in, right_form

BANK = "cultural-centre-beijing"


def finish_quiz(client, loaded_app, attempt_id: int, *, wrong_positions=()) -> list[int]:
    """Answer every question of an attempt (wrongly, with no answer, at the positions
    given); the attempt's question ids."""
    token = csrf_token(client)
    with loaded_app.app_context():
        ids = db.session.get(QuizAttempt, attempt_id).question_ids
    for position, question_id in enumerate(ids):
        page = client.get(f"/quiz/{attempt_id}/{position}").get_data(as_text=True)
        with loaded_app.app_context():
            form = right_form(db.session.get(Question, question_id), page)
        data = {"csrf_token": token} if position in wrong_positions else {
            **form, "csrf_token": token}
        assert client.post(f"/quiz/{attempt_id}/{position}", data=data).status_code == 303
    return ids


def attempt_from(response) -> int:
    assert response.status_code == 303, response.get_data(as_text=True)
    return int(re.search(r"/quiz/(\d+)/0$", response.headers["Location"]).group(1))


def test_quiz_on_search_results_asks_only_matching_questions(loaded_app):
    client = logged_in(loaded_app)
    response = client.post("/search/quiz", data={"bank": BANK, "kind": "date",
                                                 "csrf_token": csrf_token(client)})
    attempt_id = attempt_from(response)
    with loaded_app.app_context():
        attempt = db.session.get(QuizAttempt, attempt_id)
        questions = db.session.scalars(select(Question).where(
            Question.id.in_(attempt.question_ids))).all()
        assert questions and all("date" in q.tags and q.bank.slug == BANK for q in questions)
        assert attempt.bank_id == questions[0].bank_id


def test_retry_my_mistakes_from_the_result_page(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    attempt_id = attempt_from(client.post("/quiz", data={"bank": BANK, "length": "4",
                                                         "csrf_token": token}))
    ids = finish_quiz(client, loaded_app, attempt_id, wrong_positions=(1, 2))
    result = client.get(f"/quiz/{attempt_id}/result").get_data(as_text=True)
    assert "Retry my 2 mistakes" in result
    retry_id = attempt_from(client.post(f"/quiz/{attempt_id}/retry", data={"csrf_token": token}))
    with loaded_app.app_context():
        assert sorted(db.session.get(QuizAttempt, retry_id).question_ids) == sorted(ids[1:3])
    finish_quiz(client, loaded_app, retry_id)
    perfect = client.get(f"/quiz/{retry_id}/result").get_data(as_text=True)
    assert "Retry my" not in perfect and "Take another quiz" in perfect
    assert client.post(f"/quiz/{retry_id}/retry", data={"csrf_token": token}).status_code == 303


def test_someone_elses_quiz_cannot_be_retried(loaded_app):
    owner = logged_in(loaded_app, "owner")
    attempt_id = attempt_from(owner.post("/quiz", data={"bank": BANK, "length": "2",
                                                        "csrf_token": csrf_token(owner)}))
    finish_quiz(owner, loaded_app, attempt_id, wrong_positions=(0,))
    other = logged_in(loaded_app, "other")
    assert other.post(f"/quiz/{attempt_id}/retry",
                      data={"csrf_token": csrf_token(other)}).status_code == 404


def test_an_unfinished_quiz_cannot_be_retried(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    attempt_id = attempt_from(client.post("/quiz", data={"bank": BANK, "length": "2",
                                                         "csrf_token": token}))
    assert client.post(f"/quiz/{attempt_id}/retry", data={"csrf_token": token}).status_code == 400


def test_study_these_reviews_the_results_then_says_so(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    response = client.post("/search/study", data={"bank": BANK, "type": "flashcard",
                                                  "csrf_token": token})
    assert response.status_code == 303
    page_path = response.headers["Location"]
    assert re.search(r"/review\?custom=\d+$", page_path)
    custom_id = page_path.rsplit("=", 1)[1]
    for _ in range(60):
        page = client.get(page_path).get_data(as_text=True)
        if "Custom study finished" in page:
            break
        assert "Cards that are not due yet are reviewed ahead of schedule" in page
        reveal = re.search(r'href="([^"]+)" data-key="Space"', page).group(1).replace("&amp;", "&")
        assert f"custom={custom_id}" in reveal
        page = client.get(reveal).get_data(as_text=True)
        question_id = re.search(r'name="question" value="(\d+)"', page).group(1)
        assert client.post("/review/rate", data={
            "question": question_id, "seen": "0", "rating": "3", "custom": custom_id,
            "csrf_token": token}).headers["Location"].endswith(f"custom={custom_id}")
    else:
        raise AssertionError("the session never ended")
    with loaded_app.app_context():
        flashcards = db.session.scalars(select(Question.id).join(Question.bank).where(
            Question.type == "flashcard", Question.retired_at.is_(None))
            .where(Question.bank.has(slug=BANK))).all()
        assert sorted(db.session.scalars(select(ReviewLog.question_id))) == sorted(flashcards)


def test_someone_elses_custom_session_is_a_404(loaded_app):
    owner = logged_in(loaded_app, "owner")
    path = owner.post("/search/study", data={"q": "astana",
                                             "csrf_token": csrf_token(owner)}).headers["Location"]
    assert owner.get(path).status_code == 200
    assert logged_in(loaded_app, "other").get(path).status_code == 404


def test_study_ahead_page_offers_nothing_to_a_new_student_and_starts_once_there_are_cards(
        loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    assert "0 cards are not due yet." in client.get("/study/ahead").get_data(as_text=True)
    refused = client.post("/study/ahead", data={"kind": "", "csrf_token": token})
    assert refused.headers["Location"].endswith("/study/ahead")
    client.post(f"/banks/{BANK}/study", data={"csrf_token": token})
    page = client.get(f"/review?bank={BANK}").get_data(as_text=True)
    question_id = re.search(r'name="question" value="(\d+)"', page).group(1)
    with loaded_app.app_context():
        question = db.session.get(Question, int(question_id))
        form = right_form(question, page)
    shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
    feedback = client.post("/review/answer", data={
        **form, "question": question_id, "seen": "0", "shown": shown,
        "csrf_token": token}).get_data(as_text=True)
    payload = re.search(r'name="payload" value="([^"]+)"', feedback).group(1)
    client.post("/review/rate", data={"payload": payload, "rating": "4", "csrf_token": token})
    assert "1 card is not due yet." in client.get("/study/ahead").get_data(as_text=True)
    started = client.post("/study/ahead", data={"kind": "", "csrf_token": token})
    ahead = client.get(started.headers["Location"]).get_data(as_text=True)
    assert "Studying ahead of schedule" in ahead
    assert f'name="question" value="{question_id}"' in ahead


@pytest.mark.parametrize(("path", "data"), [
    ("/search/quiz", {}),  # nothing chosen: not "every question"
    ("/search/study", {}),
    ("/search/quiz", {"kind": "colour"}),
    ("/search/study", {"difficulty": "extreme"}),
    ("/study/ahead", {"kind": "colour"}),
])
def test_bad_mode_requests_are_a_400(loaded_app, path, data):
    client = logged_in(loaded_app)
    assert client.post(path, data={**data, "csrf_token": csrf_token(client)}).status_code == 400


@pytest.mark.parametrize("custom", ["x", "0", "99999999999", "²"])
def test_a_malformed_custom_session_is_a_404(loaded_app, custom):
    client = logged_in(loaded_app)
    assert client.get(f"/review?custom={custom}").status_code == 404


def test_mode_posts_need_the_csrf_token(loaded_app):
    client = logged_in(loaded_app)
    for path in ("/search/quiz", "/search/study", "/study/ahead", "/quiz/1/retry"):
        assert client.post(path, data={"bank": BANK}).status_code == 400


def test_nothing_more_to_review_offers_to_study_ahead(loaded_app):
    client = logged_in(loaded_app)
    client.post(f"/banks/{BANK}/study", data={"csrf_token": csrf_token(client)})
    with loaded_app.app_context():
        from quizapp.accounts.models import User

        db.session.scalar(select(User).where(User.username == "sara")).new_cards_per_day = 0
        db.session.commit()
    page = client.get("/review").get_data(as_text=True)
    assert "Nothing more to review for now" in page and 'href="/study/ahead"' in page


def test_a_quiz_on_results_across_banks_is_named_in_my_quizzes(loaded_app):
    client = logged_in(loaded_app)
    attempt_from(client.post("/search/quiz", data={"q": "astana",
                                                   "csrf_token": csrf_token(client)}))
    assert "Chosen questions" in client.get("/progress/quizzes").get_data(as_text=True)


def test_a_quiz_answer_on_a_due_card_says_it_counted_as_its_review(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    client.post(f"/banks/{BANK}/study", data={"csrf_token": token})
    page = client.get(f"/review?bank={BANK}").get_data(as_text=True)
    question_id = int(re.search(r'name="question" value="(\d+)"', page).group(1))
    with loaded_app.app_context():
        question = db.session.get(Question, question_id)
        form = right_form(question, page)
    feedback = client.post("/review/answer", data={
        **form, "question": question_id, "seen": "0", "csrf_token": token}).get_data(as_text=True)
    payload = re.search(r'name="payload" value="([^"]+)"', feedback).group(1)
    client.post("/review/rate", data={"payload": payload, "rating": "1", "csrf_token": token})
    with loaded_app.app_context():  # the card is due again in minutes: make it due now
        from quizapp.database import utcnow
        from quizapp.study.models import Card

        db.session.scalar(select(Card)).due = utcnow()
        db.session.commit()
        attempt = modes_quiz(loaded_app, question_id)
    page = client.get(f"/quiz/{attempt}/0").get_data(as_text=True)
    with loaded_app.app_context():
        form = right_form(db.session.get(Question, question_id), page)
    client.post(f"/quiz/{attempt}/0", data={**form, "csrf_token": token})
    shown = client.get(f"/quiz/{attempt}/0").get_data(as_text=True)
    assert "your answer also counts as its review (Good)" in shown
    with loaded_app.app_context():
        assert [log.rating for log in db.session.scalars(
            select(ReviewLog).order_by(ReviewLog.id))] == [1, 3]


def modes_quiz(loaded_app, question_id: int) -> int:
    """A quiz of one question for the student "sara"; its attempt id."""
    import random

    from quizapp.accounts.models import User
    from quizapp.study import modes

    user = db.session.scalar(select(User).where(User.username == "sara"))
    return modes.quiz_on(user, [question_id], rng=random.Random(1)).id
