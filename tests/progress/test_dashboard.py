"""Progress figures against values worked out by hand on small fixtures."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

from fsrs import Card as FsrsCard
from fsrs import Rating, State
from sqlalchemy import update

from quizapp.extensions import db
from quizapp.progress.services import build_dashboard, streak_from, true_retention
from quizapp.study import scheduling
from quizapp.study.models import Card

from .conftest import first_questions, review


def test_streak_counts_back_from_today_or_yesterday():
    today = date(2026, 3, 10)
    assert streak_from({date(2026, 3, 8), date(2026, 3, 9), today}, today) == 3
    assert streak_from({date(2026, 3, 8), date(2026, 3, 9)}, today) == 2  # not yet today
    assert streak_from({date(2026, 3, 7), date(2026, 3, 9)}, today) == 1
    assert streak_from(set(), today) == 0


def test_streak_uses_the_students_days_not_utcs(studying, bank):
    """Almaty is UTC+5. In UTC these reviews fall on 8, 9 and 10 March; in Almaty on 9,
    9 and 10 March: a two-day streak, not three."""
    studying.timezone = "Asia/Almaty"
    first, second, third = first_questions(bank, 3)
    review(studying, first, datetime(2026, 3, 8, 20, 0, tzinfo=UTC))
    review(studying, second, datetime(2026, 3, 9, 18, 30, tzinfo=UTC))
    review(studying, third, datetime(2026, 3, 10, 5, 0, tzinfo=UTC))
    data = build_dashboard(studying, datetime(2026, 3, 10, 6, 0, tzinfo=UTC))
    assert data.streak == 2
    assert data.reviews_today == 1


def test_true_retention_counts_only_learned_cards():
    logs = [SimpleNamespace(state_before=int(State.Review), rating=int(Rating.Good)),
            SimpleNamespace(state_before=int(State.Review), rating=int(Rating.Again)),
            SimpleNamespace(state_before=int(State.Review), rating=int(Rating.Hard)),
            SimpleNamespace(state_before=int(State.Learning), rating=int(Rating.Again)),
            SimpleNamespace(state_before=None, rating=int(Rating.Again))]
    assert true_retention(logs) == (2 / 3, 3)
    assert true_retention(logs[3:]) == (None, 0)


def test_retrievability_matches_fsrs():
    scheduler = scheduling.make_scheduler(0.9, fuzzing=False)
    card = FsrsCard(card_id=1, state=State.Review, stability=7.5, difficulty=5,
                    last_review=datetime(2026, 3, 1, tzinfo=UTC))
    now = datetime(2026, 3, 12, 15, tzinfo=UTC)
    assert scheduling.retrievability_at(7.5, card.last_review, now,
                                        scheduling.decay_and_factor(scheduler)) \
        == scheduler.get_card_retrievability(card, now)


def test_counts_mastery_and_forecast(studying, bank):
    """Three cards: one due now and well forgotten, one due later today, one remembered
    and due in five days; the fourth question is new."""
    now = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # UTC user
    studying.new_cards_per_day = 1
    cards = first_questions(bank, 3)
    for question in cards:
        review(studying, question, now - timedelta(days=40), Rating.Easy)
        review(studying, question, now - timedelta(days=20), Rating.Easy)
    dues = [now - timedelta(hours=1), now + timedelta(hours=5), now + timedelta(days=5)]
    last = [now - timedelta(days=400), now - timedelta(days=1), now - timedelta(days=1)]
    for question, due, last_review in zip(cards, dues, last, strict=True):
        db.session.execute(update(Card).where(Card.question_id == question.id)
                           .values(due=due, last_review=last_review, state=int(State.Review)))
    db.session.commit()

    data = build_dashboard(studying, now)
    assert (data.due_now, data.due_later_today, data.new_available) == (1, 1, 1)
    mastery = dict((b.slug, m) for b, m in data.by_bank)[bank.slug]
    assert (mastery.total, mastery.learned, mastery.mastered) == (3, 3, 2)
    forecast = dict(data.forecast)
    assert forecast[date(2026, 3, 10)] == 2 and forecast[date(2026, 3, 15)] == 1
    assert sum(forecast.values()) == 3
    assert data.reviews_today == 0 and data.retention_30d == 1.0


def test_quiz_history_and_question_history_pages(world, client_as, loaded_app):
    from ..people import csrf_token

    student = client_as("student")
    start = student.post("/quiz", data={"bank": "cultural-centre-beijing", "length": "1",
                                        "csrf_token": csrf_token(student)})
    assert start.status_code == 303
    history = student.get("/progress/quizzes").get_data(as_text=True)
    assert "Carry on" in history and "Kazakhstan&#39;s National Cultural Centre" in history
    page = student.get("/progress/questions/kcc-opening-date-choice")
    assert page.status_code == 200 and "Not reviewed yet." in page.get_data(as_text=True)
    assert student.get("/progress/questions/no-such-question").status_code == 404
