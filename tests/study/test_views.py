"""Quizzes and review through the web, without JavaScript."""

import re

from sqlalchemy import func, select

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study.models import Card, QuizAnswer, QuizAttempt, ReviewLog

from ..people import csrf_token
from .conftest import logged_in, review_page, right_form


def test_full_quiz_scores_and_counts_each_answer_once(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    response = client.post("/quiz", data={"bank": "central-asia-china-summit", "length": "5",
                                          "csrf_token": token})
    assert response.status_code == 303
    path = response.headers["Location"]
    attempt_id = int(re.search(r"/quiz/(\d+)/0", path).group(1))
    with loaded_app.app_context():
        ids = db.session.get(QuizAttempt, attempt_id).question_ids
    assert len(ids) == 5
    for position, question_id in enumerate(ids):
        page = client.get(f"/quiz/{attempt_id}/{position}").get_data(as_text=True)
        with loaded_app.app_context():
            question = db.session.get(Question, question_id)
            form = right_form(question, page)
        shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
        data = {**form, "shown": shown, "csrf_token": token}
        wrong = position == 0
        if wrong:
            data = {"shown": shown, "csrf_token": token}  # an empty answer is a wrong one
        first = client.post(f"/quiz/{attempt_id}/{position}", data=data)
        again = client.post(f"/quiz/{attempt_id}/{position}", data={**form, "shown": shown,
                                                                     "csrf_token": token})
        assert first.status_code == again.status_code == 303
        feedback = client.get(f"/quiz/{attempt_id}/{position}").get_data(as_text=True)
        assert ("<h2>Wrong</h2>" in feedback) == wrong
        assert "Read it in the source" in feedback and "<mark>" in feedback
    result = client.get(f"/quiz/{attempt_id}/result").get_data(as_text=True)
    assert "80%" in result
    assert "4 right answers out of 5" in result
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(QuizAnswer)) == 5


def test_quiz_resumes_where_it_was_left(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    start = client.post("/quiz", data={"tag": "date", "length": "3", "csrf_token": token})
    attempt_path = start.headers["Location"].rsplit("/", 1)[0]
    client.post(attempt_path + "/0", data={"csrf_token": token})
    assert client.get(attempt_path).headers["Location"].endswith("/1")


def test_someone_elses_quiz_is_404(loaded_app):
    owner = logged_in(loaded_app, "owner")
    start = owner.post("/quiz", data={"bank": "cultural-centre-beijing",
                                      "csrf_token": csrf_token(owner)})
    path = start.headers["Location"]
    other = logged_in(loaded_app, "other")
    assert other.get(path).status_code == 404
    assert other.post(path, data={"answer": "a", "csrf_token": csrf_token(other)}
                      ).status_code == 404


def test_bad_quiz_requests_are_4xx(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    assert client.post("/quiz", data={"tag": "nonsense", "csrf_token": token}).status_code == 400
    assert client.post("/quiz", data={"bank": "nope", "csrf_token": token}).status_code == 404
    assert client.post("/quiz", data={"bank": "cultural-centre-beijing", "length": "x",
                                      "csrf_token": token}).status_code == 400
    start = client.post("/quiz", data={"bank": "cultural-centre-beijing", "length": "2",
                                       "csrf_token": token})
    base = start.headers["Location"].rsplit("/", 1)[0]
    assert client.get(base + "/7").status_code == 404
    assert client.get(base + "/result").status_code == 302


def test_the_other_language_is_one_click_away(loaded_app):
    client = logged_in(loaded_app)
    start = client.post("/quiz", data={"bank": "cultural-centre-beijing",
                                       "csrf_token": csrf_token(client)})
    path = start.headers["Location"]
    english = client.get(path).get_data(as_text=True)
    arabic = client.get(path + "?show=other").get_data(as_text=True)
    assert 'lang="en" dir="ltr">' in english
    assert '<h1 class="prompt" lang="ar" dir="rtl">' in arabic


def test_review_answer_suggests_a_rating_and_records_the_chosen_one(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    client.post("/banks/cultural-centre-beijing/study", data={"csrf_token": token})
    page = review_page(client)
    question_id = int(re.search(r'name="question" value="(\d+)"', page).group(1))
    shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
    with loaded_app.app_context():
        question = db.session.get(Question, question_id)
        form = right_form(question, page)
    feedback = client.post("/review/answer", data={
        **form, "question": question_id, "seen": "0", "shown": shown, "csrf_token": token,
        "bank": "cultural-centre-beijing"}).get_data(as_text=True)
    assert "Right!" in feedback
    assert 'class="button rating rating-4 suggested"' in feedback  # right and fast: Easy
    payload = re.search(r'name="payload" value="([^"]+)"', feedback).group(1)
    rated = client.post("/review/rate", data={"payload": payload, "rating": "3",
                                              "csrf_token": token})
    assert rated.status_code == 303
    again = client.post("/review/rate", data={"payload": payload, "rating": "3",
                                              "csrf_token": token})
    assert again.status_code == 303
    with loaded_app.app_context():
        logs = db.session.scalars(select(ReviewLog)).all()
        assert [(log.rating, log.suggested_rating, log.correct) for log in logs] == [(3, 4, True)]
    assert f'name="question" value="{question_id}"' not in review_page(client)


def test_tampered_review_payload_is_refused(loaded_app):
    client = logged_in(loaded_app)
    response = client.post("/review/rate", data={"payload": "forged", "rating": "4",
                                                 "csrf_token": csrf_token(client)})
    assert response.status_code == 400


def test_flashcard_reveal_and_rate_then_undo(loaded_app):
    client = logged_in(loaded_app)
    token = csrf_token(client)
    with loaded_app.app_context():
        card = db.session.scalar(select(Question).where(Question.type == "flashcard")
                                 .order_by(Question.id))
        slug, back = card.bank.slug, card.details["back"]["en"]
        from quizapp.accounts.models import User
        from quizapp.study import services

        user = db.session.scalar(select(User))
        user.new_cards_per_day = 200
        db.session.commit()
        # Study only that card's bank, with every card before it already seen.
        services.add_study_bank(user, card.bank)
    page = review_page(client, slug)
    for _ in range(200):
        if "Show the answer" in page:
            break
        question_id = int(re.search(r'name="question" value="(\d+)"', page).group(1))
        with loaded_app.app_context():
            from quizapp.study import services

            user = db.session.scalar(select(User))
            services.record_review(user, db.session.get(Question, question_id),
                                   services.Rating.Easy, now=services_now(),
                                   reviews_seen=0, fuzzing=False)
        page = review_page(client, slug)
    reveal = re.search(r'href="(/review\?[^"]*reveal=1[^"]*)"', page).group(1).replace("&amp;",
                                                                                       "&")
    revealed = client.get(reveal).get_data(as_text=True)
    assert back in revealed
    assert re.search(r'<kbd>3</kbd> Good</span>\s*<span class="interval">in \d+ (days?|minutes)',
                     revealed)
    question_id = re.search(r'name="question" value="(\d+)"', revealed).group(1)
    client.post("/review/rate", data={"question": question_id, "seen": "0", "rating": "1",
                                      "csrf_token": token})
    with loaded_app.app_context():
        count = db.session.scalar(select(func.count()).select_from(Card))
    undo = client.post("/review/undo", data={"csrf_token": token})
    assert undo.status_code == 303
    with loaded_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Card)) == count - 1


def services_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_review_with_nothing_to_study_says_so(loaded_app):
    client = logged_in(loaded_app)
    client.post("/banks/cultural-centre-beijing/study", data={"csrf_token": csrf_token(client)})
    with loaded_app.app_context():
        from quizapp.accounts.models import User

        db.session.scalar(select(User).where(User.username == "sara")).new_cards_per_day = 0
        db.session.commit()
    page = client.get("/review").get_data(as_text=True)
    assert "Nothing more to review for now" in page and "Start studying" not in page


def test_new_student_without_banks_is_shown_how_to_start(loaded_app):
    client = logged_in(loaded_app)
    page = client.get("/review").get_data(as_text=True)
    assert "Start studying" in page and "Nothing more to review" not in page
    assert 'href="/"' in page and 'href="/classes/"' in page


def test_undo_is_offered_only_once_there_is_a_review(loaded_app):
    client = logged_in(loaded_app)
    client.post("/banks/cultural-centre-beijing/study", data={"csrf_token": csrf_token(client)})
    assert "Undo the last review" not in review_page(client)


def test_reviews_are_timed_by_the_one_clock_a_test_can_set(loaded_app, monkeypatch):
    from datetime import UTC, datetime

    from quizapp import database

    fixed = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    monkeypatch.setattr(database, "utcnow", lambda: fixed)
    client = logged_in(loaded_app)
    token = csrf_token(client)
    client.post("/banks/cultural-centre-beijing/study", data={"csrf_token": token})
    page = review_page(client)
    question_id = int(re.search(r'name="question" value="(\d+)"', page).group(1))
    shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
    with loaded_app.app_context():
        form = right_form(db.session.get(Question, question_id), page)
    feedback = client.post("/review/answer", data={
        **form, "question": question_id, "seen": "0", "shown": shown,
        "csrf_token": token}).get_data(as_text=True)
    payload = re.search(r'name="payload" value="([^"]+)"', feedback).group(1)
    client.post("/review/rate", data={"payload": payload, "rating": "3", "csrf_token": token})
    with loaded_app.app_context():
        [log] = db.session.scalars(select(ReviewLog)).all()
        # Shown and answered at the same instant: no time passed on this clock.
        assert (log.reviewed_at, log.duration_ms) == (fixed, 0)
