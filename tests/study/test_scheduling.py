"""Reviews are scheduled exactly as py-fsrs schedules them, and stored once."""

import threading
from datetime import timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from sqlalchemy import func, select

from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study import scheduling, services
from quizapp.study.models import Card, ReviewLog

from .conftest import NOW

SEQUENCE = [(Rating.Good, 0), (Rating.Good, 10 / 1440), (Rating.Again, 3),
            (Rating.Hard, 3.01), (Rating.Easy, 9), (Rating.Good, 40)]


def first_question(bank):
    return db.session.scalar(select(Question).where(Question.bank_id == bank.id)
                             .order_by(Question.position))


def test_scheduling_matches_fsrs_computed_directly(studying, bank):
    question = first_question(bank)
    direct = Scheduler(desired_retention=studying.desired_retention, enable_fuzzing=False)
    expected = FsrsCard(card_id=0, due=NOW)
    for seen, (rating, days) in enumerate(SEQUENCE):
        when = NOW + timedelta(days=days)
        outcome = services.record_review(studying, question, rating, now=when,
                                         reviews_seen=seen, fuzzing=False)
        assert outcome.recorded
        expected, _ = direct.review_card(expected, rating, when)
        card = services.card_for(studying, question.id)
        assert card.fsrs_card == expected.to_dict()
        assert card.due == expected.due
        assert card.stability == expected.stability
    assert card.reviews == len(SEQUENCE) and card.lapses == 1
    logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
    assert [log.rating for log in logs] == [int(r) for r, _ in SEQUENCE]
    assert logs[0].state_before is None and logs[1].state_before == logs[0].state_after


def test_desired_retention_changes_the_interval(studying, bank):
    question = first_question(bank)
    card = None
    for rating in (Rating.Good, Rating.Good):
        card = scheduling.review(scheduling.make_scheduler(0.9, fuzzing=False), card, rating,
                                 NOW).card
    strict = scheduling.preview(scheduling.make_scheduler(0.97, fuzzing=False), card, NOW)
    relaxed = scheduling.preview(scheduling.make_scheduler(0.80, fuzzing=False), card, NOW)
    assert strict[Rating.Good] < relaxed[Rating.Good]
    assert question is not None


def test_double_submission_counts_once(studying, bank):
    question = first_question(bank)
    first = services.record_review(studying, question, Rating.Good, now=NOW, reviews_seen=0,
                                   fuzzing=False)
    again = services.record_review(studying, question, Rating.Good, now=NOW, reviews_seen=0,
                                   fuzzing=False)
    assert first.recorded and not again.recorded
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
    assert services.card_for(studying, question.id).reviews == 1


def test_concurrent_submissions_count_once(studying, bank, ctx):
    question_id = first_question(bank).id
    user_id = studying.id
    db.session.rollback()  # end this thread's read snapshot
    results, errors = [], []
    start = threading.Barrier(4)

    def submit():
        try:
            with ctx.app_context():
                from quizapp.accounts.models import User

                user = db.session.get(User, user_id)
                question = db.session.get(Question, question_id)
                start.wait()
                results.append(services.record_review(user, question, Rating.Good, now=NOW,
                                                      reviews_seen=0, fuzzing=False).recorded)
                db.session.remove()
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def test_undo_restores_the_card_and_removes_the_log(studying, bank):
    question = first_question(bank)
    services.record_review(studying, question, Rating.Good, now=NOW, reviews_seen=0,
                           fuzzing=False)
    before = dict(services.card_for(studying, question.id).fsrs_card)
    due_before = services.card_for(studying, question.id).due
    services.record_review(studying, question, Rating.Again, now=NOW + timedelta(hours=1),
                           reviews_seen=1, fuzzing=False)
    assert services.undo_last_review(studying) is not None
    card = services.card_for(studying, question.id)
    assert (card.fsrs_card, card.due, card.reviews) == (before, due_before, 1)
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
    services.undo_last_review(studying)
    assert services.card_for(studying, question.id) is None  # new again
    assert services.undo_last_review(studying) is None


def test_suggested_rating_thresholds():
    assert scheduling.suggest_rating(False, 1_000, "single_choice") == Rating.Again
    assert scheduling.suggest_rating(True, 3_000, "single_choice") == Rating.Easy
    assert scheduling.suggest_rating(True, 10_000, "single_choice") == Rating.Good
    assert scheduling.suggest_rating(True, 25_000, "single_choice") == Rating.Hard
    assert scheduling.suggest_rating(True, 10_000, "short_text") == Rating.Easy
    assert scheduling.suggest_rating(True, 30_000, "short_text") == Rating.Good
    assert scheduling.suggest_rating(True, None, "matching") == Rating.Good


def test_card_counts_match_logs(studying, bank):
    question = first_question(bank)
    services.record_review(studying, question, Rating.Good, now=NOW, reviews_seen=0,
                           fuzzing=False)
    assert db.session.scalar(select(func.count()).select_from(Card)) == 1
