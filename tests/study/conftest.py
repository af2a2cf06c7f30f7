from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from quizapp.accounts.services import NewAccount, register
from quizapp.banks.models import Bank, Question
from quizapp.study import services

from ..people import login

PASSWORD = "correct horse battery staple"
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def ctx(loaded_app):
    with loaded_app.app_context():
        yield loaded_app


@pytest.fixture
def student(ctx):
    user = register(NewAccount(username="sara", display_name="Sara", password=PASSWORD,
                               locale="en", timezone="UTC"))
    return user


@pytest.fixture
def bank(ctx):
    from quizapp.extensions import db

    return db.session.scalar(select(Bank).where(Bank.slug == "cultural-centre-beijing"))


@pytest.fixture
def studying(student, bank):
    services.add_study_bank(student, bank)
    return student


def logged_in(loaded_app, username="sara"):
    from quizapp.accounts.services import NewAccount, register

    with loaded_app.app_context():
        register(NewAccount(username=username, display_name=username.title(),
                            password=PASSWORD, locale="en"))
    client = loaded_app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert login(client, username, PASSWORD).status_code == 303
    return client


def review_page(client, bank="cultural-centre-beijing"):
    return client.get(f"/review?bank={bank}").get_data(as_text=True)


def right_form(question: Question, html: str) -> dict:
    """The form fields that answer a question rightly, read from its page."""
    d = question.details
    if question.type == "single_choice":
        return {"answer": d["answer"]}
    if question.type == "multiple_choice":
        return {"answer": d["answers"]}
    if question.type == "true_false":
        return {"answer": "true" if d["answer"] else "false"}
    if question.type == "numeric":
        return {"answer": str(d["answer"])}
    if question.type == "short_text":
        return {"answer": d["answers"]["en"][0]}
    if question.type == "ordering":
        return {f"position-{i}": str(i + 1) for i in range(len(d["items"]))}
    if question.type == "matching":
        return {f"match-{i}": str(i) for i in range(len(d["pairs"]))}
    raise AssertionError(question.type)


def forgetful_parameters() -> tuple[float, ...]:
    """A student unlike FSRS's average learner: first memories last a sixth as long, and
    each success lengthens them half as much."""
    from fsrs.scheduler import DEFAULT_PARAMETERS

    parameters = list(DEFAULT_PARAMETERS)
    parameters[0:4] = [value / 6 for value in parameters[0:4]]
    parameters[8] = parameters[8] * 0.5
    return tuple(parameters)


def simulated_reviews(true_parameters, cards: int, days: int, seed: int = 1,
                      start: datetime = datetime(2026, 1, 1, 9, tzinfo=UTC)):
    """A student's review log, generated: cards scheduled by FSRS's defaults (as the app
    does before any fit), each review recalled with the probability the *true*
    parameters give, and the student often coming back late. Returns LoggedReviews."""
    import random
    from datetime import timedelta

    from fsrs import Card, Rating, Scheduler

    from quizapp.study.memory import LoggedReview

    rng = random.Random(seed)
    truth = Scheduler(parameters=true_parameters, enable_fuzzing=False)
    app_scheduler = Scheduler(enable_fuzzing=False)
    end = start + timedelta(days=days)
    logs = []
    for card_id in range(1, cards + 1):
        shown, real = Card(card_id=card_id, due=start), Card(card_id=card_id, due=start)
        now = start + timedelta(days=rng.randrange(max(1, days // 3)), minutes=card_id)
        while now < end:
            if real.last_review is None:
                rating = Rating.Good if rng.random() < .7 else Rating.Again
            elif rng.random() < truth.get_card_retrievability(real, now):
                rating = rng.choice([Rating.Hard, Rating.Good, Rating.Good, Rating.Easy])
            else:
                rating = Rating.Again
            logs.append(LoggedReview(card_id, int(rating), now))
            real, _ = truth.review_card(real, rating, now)
            shown, _ = app_scheduler.review_card(shown, rating, now)
            now += max((shown.due - now) * rng.uniform(1.0, 2.0), timedelta(minutes=1))
    return logs


def store_reviews(user_id: int, reviews, first_question: int = 0) -> None:
    """The simulated log as the student's cards and review rows (one question a card)."""
    from quizapp.banks.models import Question
    from quizapp.extensions import db
    from quizapp.study.models import Card, ReviewLog
    from quizapp.study.scheduling import make_scheduler
    from quizapp.study.scheduling import review as schedule

    question_ids = db.session.scalars(select(Question.id).order_by(Question.id)).all()
    by_card = {}
    for review in reviews:
        by_card.setdefault(review.card_id, []).append(review)
    scheduler = make_scheduler(0.9, fuzzing=False)
    for card_number, card_reviews in by_card.items():
        question_id = question_ids[first_question + card_number - 1]
        state = None
        card = Card(user_id=user_id, question_id=question_id, fsrs_card={}, state=0,
                    due=card_reviews[0].reviewed_at, reviews=0, lapses=0)
        db.session.add(card)
        db.session.flush()
        for review in card_reviews:
            before = state
            scheduled = schedule(scheduler, before, review.rating, review.reviewed_at)
            state = scheduled.card
            db.session.add(ReviewLog(
                user_id=user_id, question_id=question_id, card_id=card.id,
                rating=review.rating, reviewed_at=review.reviewed_at, state_before=None,
                state_after=scheduled.state, due_after=scheduled.due, card_before=before,
                card_after=scheduled.card))
        card.fsrs_card, card.due, card.state = state, scheduled.due, scheduled.state
        card.stability, card.difficulty = scheduled.stability, scheduled.difficulty
        card.last_review, card.reviews = card_reviews[-1].reviewed_at, len(card_reviews)
    db.session.commit()
