"""Mastery means the student will still know it: the edge cases a dashboard must get right.

Mastered = the card is in FSRS's Review state (past its learning steps), its due date has
not passed, and its stability (days until recall falls to 90 %) is at least
MASTERY_STABILITY_DAYS.
"""

from datetime import UTC, datetime, timedelta

from fsrs import Rating
from sqlalchemy import select

from quizapp.accounts.models import SchoolClass, User
from quizapp.banks.models import Bank, Question
from quizapp.extensions import db
from quizapp.progress.classes import class_report
from quizapp.progress.services import build_dashboard
from quizapp.study import services

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def first_question(bank):
    return db.session.scalar(select(Question).where(Question.bank_id == bank.id)
                             .order_by(Question.position).limit(1))


def review(user, question, when, rating):
    card = services.card_for(user, question.id)
    services.record_review(user, question, rating, now=when,
                           reviews_seen=card.reviews if card else 0, fuzzing=False)
    return services.card_for(user, question.id)


def make_long_stable(user, question):
    """Review Good each time the card falls due, until its stability passes a month."""
    when = START
    card = review(user, question, when, Rating.Good)
    while card.stability < 40:
        when = card.due
        card = review(user, question, when, Rating.Good)
    return card


def mastered_in(user, bank, now):
    return dict((b.id, m) for b, m in build_dashboard(user, now).by_bank)[bank.id]


def test_long_stable_review_card_is_mastered(studying, bank):
    card = make_long_stable(studying, first_question(bank))
    now = card.last_review + timedelta(days=1)
    mastery = mastered_in(studying, bank, now)
    assert (mastery.total, mastery.learned, mastery.mastered) == (1, 1, 1)


def test_card_just_rated_again_is_not_mastered(studying, bank):
    question = first_question(bank)
    card = make_long_stable(studying, question)
    failed_at = card.due
    review(studying, question, failed_at, Rating.Again)
    # A minute after failing, retrievability is ~1.0, but the student did not know it.
    mastery = mastered_in(studying, bank, failed_at + timedelta(minutes=1))
    assert (mastery.total, mastery.mastered) == (1, 0)


def test_new_card_is_not_mastered(studying, bank):
    review(studying, first_question(bank), START, Rating.Easy)
    mastery = mastered_in(studying, bank, START + timedelta(minutes=1))
    assert (mastery.total, mastery.mastered) == (1, 0)


def test_short_lived_review_card_is_not_yet_mastered(studying, bank):
    """Graduated to Review a day ago, but stability of a few days: not yet durable."""
    question = first_question(bank)
    card = review(studying, question, START, Rating.Good)
    while card.state != 2:
        card = review(studying, question, card.due, Rating.Good)
    assert card.stability < 21
    mastery = mastered_in(studying, bank, card.last_review + timedelta(hours=1))
    assert (mastery.learned, mastery.mastered) == (1, 0)


def test_overdue_long_stable_card_is_no_longer_mastered(studying, bank):
    card = make_long_stable(studying, first_question(bank))
    mastery = mastered_in(studying, bank, card.due + timedelta(days=30))
    assert mastery.mastered == 0


def test_class_roster_uses_the_same_definition(world, loaded_app):
    with loaded_app.app_context():
        student = db.session.get(User, world.student.id)
        school_class = db.session.get(SchoolClass, world.school_class.id)
        kept, failed = db.session.scalars(select(Question).order_by(Question.id).limit(2))
        card = make_long_stable(student, kept)
        make_long_stable(student, failed)
        failed_at = card.last_review + timedelta(days=1)
        review(student, failed, failed_at, Rating.Again)
        db.session.commit()
        rows, _ = class_report(school_class, failed_at + timedelta(minutes=1))
    row = next(r for r in rows if r.student.id == world.student.id)
    assert (row.studied, row.mastered) == (2, 1)


def test_progress_page_states_the_definition_in_both_languages(world, client_as, loaded_app):
    with loaded_app.app_context():  # a page with figures (a new student's has none yet)
        user = db.session.get(User, world.student.id)
        bank = db.session.scalar(select(Question).order_by(Question.id).limit(1)).bank_id
        services.add_study_bank(user, db.session.get(Bank, bank))
        review(user, first_question(db.session.get(Bank, bank)), datetime.now(UTC),
               Rating.Good)
    student = client_as("student")
    english = student.get("/progress").get_data(as_text=True)
    assert "counts as mastered" in english and "just answered wrong is not mastered" in english
    student.set_cookie("lang", "ar")
    arabic = student.get("/progress").get_data(as_text=True)
    assert "تُعدّ البطاقة مُتقَنة" in arabic and "أُجيب عنها خطأً" in arabic
